#!/usr/bin/env bash
#
# test/bench/memory.sh: does each aggregate keep the backend's memory flat
# as its input grows?
#
#   flock /tmp/sum-pg.lock bash test/bench/memory.sh      (ROWS="1000000 10000000", SET_ROWS=1000000)
#
# Every aggregate of schema sum runs once over 1 M and once over 10 M rows
# that go into a single group (the worst case: one user with every event,
# one account with every user), each run in a fresh backend.  The rows come
# from generate_series, not a table, so that no shared buffers count in the
# backend's resident set; the function scan spills to a temporary file
# beyond work_mem.  Reported: the backend's peak RSS (VmHWM in
# /proc/self/status, read by the backend itself) after the query, in MB,
# and the same for count(*) over the same rows as the baseline.  Flat means
# that 10 M rows stay within the same order as 1 M.  Serial plans, JIT off.
# Benchmarks never fail.
#
set -uo pipefail
cd "$(dirname "$0")/../.."

if [ "${1:-}" != "--inside" ]; then
    make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null &&
        make -s install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
    exec bash tools/cluster.sh bash "$0" --inside
fi

export PGOPTIONS="-c max_parallel_workers_per_gather=0 -c jit=off -c work_mem=4MB"
ROWS=${ROWS:-1000000 10000000}

psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION IF NOT EXISTS sum' >/dev/null 2>&1

# one generated row g: an event stream of one user, one user of one account
ROW="g, (ARRAY['signup','login','project_created','invite_sent','paywall_hit'])[1 + g % 5] AS ev,
       '2020-01-01'::timestamptz + g * interval '1 second' AS ts"

declare -A AGG=(
    [count]="count(*)"
    [milestones]="sum.milestones(ev, ts, '2020-01-01')::text IS NOT NULL"
    [milestones_merge]="sum.milestones(s)::text IS NOT NULL FROM (SELECT sum.milestones(ev, ts, '2020-01-01') AS s FROM x GROUP BY g % 1000) AS y"
    [window_funnel]="sum.window_funnel('1 hour', ts, ev = 'signup', ev = 'login', ev = 'project_created')"
    [window_funnel_strict_order]="sum.window_funnel('1 hour', 'strict_order', ts, ev = 'nope', ev = 'login')"
    [retention]="sum.retention(ev = 'signup', ev = 'login', ev = 'paywall_hit')::text"
    [account_rollup]="(sum.account_rollup(g, 'marketing', 'vp', 'decision_maker', 'trial', ts, ts, 1, ARRAY[ev], '2021-01-01')).users"
    [account_rollup_state]="sum.account_rollup_state(g, 'marketing', 'vp', 'decision_maker', 'trial', ts, ts, 1, ARRAY[ev], '2021-01-01')::text IS NOT NULL"
    [account_rollup_merge]="(sum.account_summary(sum.account_rollup_merge(s))).users FROM (SELECT sum.account_rollup_state(g, 'marketing', 'vp', 'decision_maker', 'trial', ts, ts, 1, ARRAY[ev], '2021-01-01') AS s FROM x GROUP BY g % 1000) AS y"
)
ORDER=(count milestones milestones_merge window_funnel window_funnel_strict_order retention
       account_rollup account_rollup_state account_rollup_merge)

# run NAME N: peak RSS (MB) and seconds of one fresh backend
run() {
    local name=$1 n=$2 agg=${AGG[$1]} sql
    if [[ $agg == *" FROM (SELECT "* ]]; then
        sql="WITH x AS MATERIALIZED (SELECT $ROW FROM generate_series(1, $n) g) SELECT $agg"
    else
        sql="SELECT $agg FROM (SELECT $ROW FROM generate_series(1, $n) g) AS x"
    fi
    psql -X -q -A -t -v ON_ERROR_STOP=1 <<SQL 2>&1 | tail -1
\o /dev/null
SELECT clock_timestamp() AS t0 \gset
$sql;
\o
SELECT round((substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\s*(\d+)')::numeric / 1024), 1)
       || ' ' || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 1);
SQL
}

printf '%-28s' "aggregate (one group)"
for n in $ROWS; do printf '%22s' "$((n / 1000000)) M rows: MB, s"; done
echo
for name in "${ORDER[@]}"; do
    printf '%-28s' "$name"
    for n in $ROWS; do
        read -r mb secs <<<"$(run "$name" "$n")"
        printf '%22s' "$mb MB, $secs s"
    done
    echo
done

# The set functions hold their whole input (union-find needs every node):
# their memory grows with it, by design; reported per input row above the
# count(*) baseline's, for SET_ROWS logins (emails at 1,000 company
# domains, a tenth of the names shared by two logins) and as many edges.
SET_ROWS=${SET_ROWS:-1000000}
LOGINS="SELECT g::text AS login_id, 'u' || (g / 2) || '@co' || (g % 1000) || '.example.com' AS email,
               'Ann Lee' || (g / 20) AS full_name, '2024-01-01'::timestamptz + g * interval '1 second' AS created_at
          FROM generate_series(1, N) g"
EDGES="SELECT (g / 3)::text AS a, (g / 7)::text AS b FROM generate_series(1, N) g"
setfn() {
    psql -X -q -A -t -v ON_ERROR_STOP=1 <<SQL 2>&1 | tail -1
\o /dev/null
SELECT clock_timestamp() AS t0 \gset
$1;
\o
SELECT round((substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\s*(\d+)')::numeric / 1024), 1)
       || ' ' || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 1);
SQL
}
echo
printf '%-28s%22s%22s\n' "set function" "$((SET_ROWS / 1000)) k rows: MB, s" "bytes per row"
read -r base_mb base_s <<<"$(setfn "SELECT count(*) FROM (${LOGINS//N/$SET_ROWS}) AS x")"
printf '%-28s%22s\n' "count(*) of the logins" "$base_mb MB, $base_s s"
for f in dedupe_people connected_components; do
    if [ $f = dedupe_people ]; then q=${LOGINS//N/$SET_ROWS}; else q=${EDGES//N/$SET_ROWS}; fi
    read -r mb secs <<<"$(setfn "SELECT count(*) FROM sum.$f('${q//\'/\'\'}')")"
    printf '%-28s%22s%22s\n' "$f" "$mb MB, $secs s" "$(echo "($mb - $base_mb) * 1048576 / $SET_ROWS" | bc)"
done
