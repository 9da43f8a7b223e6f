#!/usr/bin/env bash
#
# test/bench/persona.sh: classify 1 M job titles with sum.title_persona and
# compare with lower(title) over the same column (target: at most 3x) and
# with a plain SQL CASE ... ~* classifier (25 WHEN branches, 209 regex
# alternatives, 12 for seniority and 13 for function), the way teams write
# it today.  Prints the time per row and the ratios.  Never fails.
#
# Runs on a throwaway cluster, holding the shared lock for the whole run:
#     flock /tmp/sum-pg.lock bash test/bench/persona.sh
# Or against an existing database with sum installed (PG* variables):
#     bash test/bench/persona.sh --inside
#
set -uo pipefail
cd "$(dirname "$0")/../.."

if [ "${1:-}" != "--inside" ]; then
    make -s install >/dev/null || exit 0
    exec bash tools/cluster.sh bash "$0" --inside
fi

ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}

psql -Xq -v ON_ERROR_STOP=1 <<EOF || exit 0
CREATE EXTENSION IF NOT EXISTS sum;
DROP TABLE IF EXISTS bench_persona_src, bench_persona;
CREATE TABLE bench_persona_src (title text, lang text, function text, seniority text, split text);
\copy bench_persona_src FROM 'test/data/titles.csv' WITH (FORMAT csv, HEADER)
-- 1 M titles: the labeled ones, as typed, in capitals, with a company or a
-- former employer appended, so that most values are distinct
CREATE TABLE bench_persona AS
SELECT CASE i % 4
		   WHEN 0 THEN s.title
		   WHEN 1 THEN upper(s.title)
		   WHEN 2 THEN s.title || ' @ Company ' || (i % 9973)
		   ELSE s.title || ' | ex-Corp ' || (i % 7919)
	   END AS title
  FROM generate_series(1, $ROWS) AS i
  JOIN (SELECT row_number() OVER () - 1 AS n, title FROM bench_persona_src) s
	ON s.n = i % (SELECT count(*) FROM bench_persona_src);
VACUUM ANALYZE bench_persona;
EOF

# best of RUNS, in milliseconds
best() {
    local sql=$1 t best=
    for _ in $(seq "$RUNS"); do
        t=$(psql -XAtq -v ON_ERROR_STOP=1 \
                -c "SET max_parallel_workers_per_gather = 0" -c "SET jit = off" \
                -c "DO \$\$ DECLARE t0 timestamptz := clock_timestamp(); n bigint;
                    BEGIN $sql INTO n;
                    RAISE NOTICE 'ms=%', round(extract(epoch FROM clock_timestamp() - t0) * 1000);
                    END \$\$" 2>&1 | sed -n 's/^NOTICE: *ms=//p')
        [ -z "$t" ] && { echo "query failed: $sql" >&2; return 1; }
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    echo "$best"
}

CASE_SQL="SELECT count(*) FROM (SELECT
  CASE
    WHEN title ~* '\\m(intern|trainee|praktikant|stagiaire|becario|estagi[aá]rio|stagista|werkstudent)' THEN 'intern'
    WHEN title ~* '\\m(founder|co-?founder|owner|inhaber|gr[uü]nder|fondateur|fundador|oprichter|eigenaar|fondatore|titolare)' THEN 'owner'
    WHEN title ~* '\\m(partner|s[oó]cio|associ[eé]|gesellschafter|vennoot)\\M' THEN 'owner'
    WHEN title ~* '\\m(ceo|cto|cfo|cmo|coo|cro|cpo|cio|ciso|cdo|chief)\\M' THEN 'c_level'
    WHEN title ~* '(managing director|general manager|gesch[aä]ftsf[uü]hr|directeur g[eé]n[eé]ral|director general|pdg)' THEN 'c_level'
    WHEN title ~* '\\mpresident' AND title !~* 'vice' THEN 'c_level'
    WHEN title ~* '\\m(vp|svp|evp|avp|vice[ -]?pres)' THEN 'vp'
    WHEN title ~* '\\m(head of|director|directeur|directrice|directora|diretor|direttore|leiter|leitung|hoofd)' THEN 'director'
    WHEN title ~* '\\m(manager|mgr|lead|supervisor|responsable|gerente|jefe|teamleiter|coordinador|coordenador|responsabile)' THEN 'manager'
    WHEN title ~* '\\m(senior|sr\\.?|principal|staff|s[eê]nior)\\M' THEN 'senior'
    WHEN title ~* '\\m(junior|jr\\.?|associate|assistant|analyst|engineer|developer|specialist|representative|executive)' THEN 'entry'
    WHEN title ~* '(mitarbeiter|sachbearbeiter|referent|entwickler|ingenieur|d[eé]veloppeur|charg[eé]|analista|asistente|ejecutivo|vendedor|medewerker|impiegat|addett)' THEN 'entry'
    ELSE 'unknown'
  END AS seniority,
  CASE
    WHEN title ~* '(product marketing|marketing|growth|seo|brand|content|communications?|kommunikation|mercadeo|comunica)' THEN 'marketing'
    WHEN title ~* '(sales|account exec|account manager|business development|vertrieb|verkauf|commercial|ventas|vendas|verkoop|vendite|comercial)' THEN 'sales'
    WHEN title ~* '(customer success|support|customer service|kundenservice|service client|atenci[oó]n al cliente|atendimento|klantenservice)' THEN 'customer_success'
    WHEN title ~* '(data|analytics|\\mbi\\M|machine learning|daten|donn[eé]es|datos|dados|dati)' THEN 'data'
    WHEN title ~* '(software|engineer|developer|devops|entwickler|d[eé]veloppeur|desarrollador|desenvolvedor|ontwikkelaar|sviluppatore|\\mcto\\M)' THEN 'engineering'
    WHEN title ~* '(\\mit\\M|system admin|network|security|informati|sistemas|\\mcio\\M)' THEN 'it'
    WHEN title ~* '(product|produkt|produit|producto|produto|prodotto)' THEN 'product'
    WHEN title ~* '(design|ux|ui\\M|graphi|grafi)' THEN 'design'
    WHEN title ~* '(financ|account(ant|ing)|controll|buchhalt|comptab|contab|\\mcfo\\M)' THEN 'finance'
    WHEN title ~* '(\\mhr\\M|human resources|people|talent|recruit|personal|ressources humaines|recursos humanos|\\mrh\\M)' THEN 'hr'
    WHEN title ~* '(legal|counsel|lawyer|attorney|compliance|jurist|avocat|abogad|advogad|avvocat)' THEN 'legal'
    WHEN title ~* '(operations|logistics|procurement|purchasing|office|einkauf|logisti|achats|compras|\\mcoo\\M)' THEN 'operations'
    WHEN title ~* '(ceo|founder|owner|president|managing director|general manager|gesch[aä]ftsf[uü]hr)' THEN 'general_management'
    ELSE 'unknown'
  END AS function
FROM bench_persona) s WHERE seniority IS NOT NULL AND function IS NOT NULL"

echo "persona benchmark: $(psql -XAtq -c 'SELECT count(*) FROM bench_persona') titles, best of $RUNS runs, no parallel workers"
lower_ms=$(best "SELECT count(lower(title)) FROM bench_persona") || exit 0
persona_ms=$(best "SELECT count(sum.title_persona(title)) FROM bench_persona") || exit 0
seniority_ms=$(best "SELECT count(sum.title_seniority(title)) FROM bench_persona") || exit 0
case_ms=$(best "$CASE_SQL") || exit 0

rows=$(psql -XAtq -c 'SELECT count(*) FROM bench_persona')
awk -v r="$rows" -v lo="$lower_ms" -v pe="$persona_ms" -v se="$seniority_ms" -v ca="$case_ms" 'BEGIN {
    printf "  %-34s %8d ms  %7.0f ns/row\n", "lower(title)", lo, lo * 1e6 / r;
    printf "  %-34s %8d ms  %7.0f ns/row  %5.2fx lower\n", "sum.title_persona(title)", pe, pe * 1e6 / r, pe / lo;
    printf "  %-34s %8d ms  %7.0f ns/row  %5.2fx lower\n", "sum.title_seniority(title)", se, se * 1e6 / r, se / lo;
    printf "  %-34s %8d ms  %7.0f ns/row  %5.2fx lower\n", "SQL CASE ~* classifier (25 WHENs)", ca, ca * 1e6 / r, ca / lo;
    printf "  title_persona is %.1fx faster than the CASE classifier\n", ca / pe;
}'
psql -Xq -c 'DROP TABLE IF EXISTS bench_persona_src, bench_persona' >/dev/null
exit 0
