-- test/bench/identity.sql: see identity.sh.  Builds :rows addresses, then
-- times each expression over the whole column (best of three, one process,
-- no parallel workers) and prints ns/row and ratios to the baselines.
\set QUIET on
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE EXTENSION sum;

-- 1 M sign-ups: free-mail (Gmail dots and tags, Outlook, Yahoo, iCloud,
-- regional providers), corporate domains of several countries with mail
-- subdomains, IDN domains, non-ASCII local parts, disposable services,
-- mixed case and stray white space, a few malformed entries.
\o /dev/null
SELECT setseed(0.42);
\o
CREATE TABLE bench AS
WITH p AS (
	SELECT i,
		   (ARRAY['anna', 'ben', 'carla', 'david', 'emma', 'felix', 'grace', 'hugo', 'ines', 'jan',
				  'kim', 'lena', 'marc', 'nina', 'omar', 'paula', 'quinn', 'rosa', 'sven', 'tara'])[1 + (random() * 19)::int] AS first,
		   (ARRAY['smith', 'mueller', 'garcia', 'rossi', 'dubois', 'jansen', 'kowalski', 'silva',
				  'nguyen', 'tanaka', 'olsen', 'novak', 'brown', 'weber', 'martin'])[1 + (random() * 14)::int] AS last,
		   random() AS r1, random() AS r2, random() AS r3, (random() * 5000)::int AS k
	  FROM generate_series(1, :rows) i
)
SELECT i AS id,
	   CASE WHEN r3 < 0.02 THEN ' ' ELSE '' END ||
	   CASE
		   WHEN r1 < 0.28 THEN		-- Gmail: dots, tags, case
			   CASE WHEN r2 < 0.5 THEN first || '.' || last ELSE first || last || (k % 100) END ||
			   CASE WHEN r2 < 0.15 THEN '+signup' ELSE '' END ||
			   CASE WHEN r2 > 0.97 THEN '@googlemail.com' ELSE '@gmail.com' END
		   WHEN r1 < 0.36 THEN first || '.' || last || CASE WHEN r2 < 0.1 THEN '+news' ELSE '' END ||
			   (ARRAY['@outlook.com', '@hotmail.com', '@live.com', '@hotmail.co.uk', '@outlook.de'])[1 + (r2 * 4)::int]
		   WHEN r1 < 0.42 THEN first || '_' || last || CASE WHEN r2 < 0.1 THEN '-shop' ELSE '' END ||
			   (ARRAY['@yahoo.com', '@yahoo.fr', '@ymail.com', '@yahoo.co.uk'])[1 + (r2 * 3)::int]
		   WHEN r1 < 0.45 THEN first || last || '@' || (ARRAY['icloud.com', 'me.com'])[1 + (r2 * 1)::int]
		   WHEN r1 < 0.50 THEN first || '.' || last || '@' ||
			   (ARRAY['gmx.de', 'web.de', 'mail.ru', 'qq.com', 'yandex.ru', 'proton.me', 'aol.com'])[1 + (r2 * 6)::int]
		   WHEN r1 < 0.52 THEN 'x' || k || '@' ||
			   (ARRAY['mailinator.com', 'guerrillamail.com', 'yopmail.com', '10minutemail.com'])[1 + (r2 * 3)::int]
		   WHEN r1 < 0.53 THEN 'jürgen.' || last || '@' ||
			   (ARRAY['bücher.de', 'müller-gmbh.de', 'société.fr'])[1 + (r2 * 2)::int]
		   WHEN r1 < 0.535 THEN (ARRAY['Zoë.', 'José.', 'Ångström.'])[1 + (r2 * 2)::int] || last || '@example.org'
		   WHEN r1 < 0.538 THEN 'not-an-email-' || k
		   ELSE		-- corporate: first.last@company.tld, some at mail subdomains
			   CASE WHEN r2 < 0.5 THEN initcap(first) || '.' || initcap(last) ELSE substr(first, 1, 1) || last END ||
			   '@' || CASE WHEN r2 > 0.9 THEN 'mail.' ELSE '' END ||
			   (ARRAY['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne', 'wonka'])[1 + k % 8] || k ||
			   (ARRAY['.com', '.co.uk', '.de', '.io', '.com.au', '.fr', '.nl', '.co.jp'])[1 + (k / 8) % 8]
	   END ||
	   CASE WHEN r3 > 0.99 THEN ' ' ELSE '' END AS email
  FROM p;
VACUUM ANALYZE bench;

\echo
\echo 'sample of the data:'
SELECT email FROM bench WHERE id % greatest(:rows / 12, 1) = 7 ORDER BY id;
SELECT count(*) AS rows, count(DISTINCT sum.email_domain(email)) AS distinct_domains,
	   round(avg(octet_length(email)), 1) AS avg_bytes,
	   round(100.0 * count(*) FILTER (WHERE email ~ '[^\x01-\x7f]') / count(*), 2) AS pct_non_ascii
  FROM bench;

CREATE TEMP TABLE timings (label text, expr text, ns_per_row float8, target float8);

CREATE FUNCTION pg_temp.time_expr(label text, expr text, target float8 DEFAULT NULL) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	best float8 := 'Infinity';
	t0 timestamptz;
	n bigint;
	rows bigint;
BEGIN
	SELECT count(*) INTO rows FROM bench;
	-- one warm-up run (builds per-backend caches: PSL, domain lists), then best of three
	EXECUTE format('SELECT count(%s) FROM bench', expr) INTO n;
	FOR i IN 1..3 LOOP
		t0 := clock_timestamp();
		EXECUTE format('SELECT count(%s) FROM bench', expr) INTO n;
		best := least(best, extract(epoch FROM clock_timestamp() - t0));
	END LOOP;
	INSERT INTO timings VALUES (label, expr, best * 1e9 / rows, target);
END;
$$;

-- the baselines: the column itself, lower(), and a plain-SQL regexp normalization
\o /dev/null
SELECT pg_temp.time_expr('scan only', 'email');
SELECT pg_temp.time_expr('lower(email)', 'lower(email)');
SELECT pg_temp.time_expr('SQL regexp normalization', $$
	CASE WHEN lower(btrim(email)) ~ '@(gmail|googlemail)\.com$'
		 THEN replace(regexp_replace(lower(btrim(email)), '(\+[^@]*)?@.*$', ''), '.', '') || '@gmail.com'
		 ELSE regexp_replace(lower(btrim(email)), '\+[^@]*@', '@')
	END$$);

SELECT pg_temp.time_expr('email_normalize (match)', 'sum.email_normalize(email)', 2);
SELECT pg_temp.time_expr('email_normalize basic', 'sum.email_normalize(email, ''basic'')');
SELECT pg_temp.time_expr('email_normalize google_ads', 'sum.email_normalize(email, ''google_ads'')');
SELECT pg_temp.time_expr('email_is_valid', 'sum.email_is_valid(email)');
SELECT pg_temp.time_expr('email_domain', 'sum.email_domain(email)');
SELECT pg_temp.time_expr('domain_normalize', 'sum.domain_normalize(email)');
SELECT pg_temp.time_expr('registrable_domain', 'sum.registrable_domain(email)', 3);
SELECT pg_temp.time_expr('is_freemail', 'sum.is_freemail(email)', 2);
SELECT pg_temp.time_expr('is_disposable', 'sum.is_disposable(email)', 2);
SELECT pg_temp.time_expr('email_hash', 'sum.email_hash(email)');
\o

\echo
\echo 'time per row (scan and count included) and ratios; baselines measured in the same run:'
SELECT t.label AS "expression",
	   round(t.ns_per_row::numeric, 0) AS "ns/row",
	   round((t.ns_per_row / l.ns_per_row)::numeric, 2) AS "x lower()",
	   round((t.ns_per_row / r.ns_per_row)::numeric, 2) AS "x regexp",
	   CASE WHEN t.target IS NULL THEN ''
			WHEN t.ns_per_row / l.ns_per_row <= t.target THEN format('<= %s: met', t.target)
			ELSE format('<= %s: missed', t.target) END AS "target vs lower()"
  FROM timings t,
	   (SELECT ns_per_row FROM timings WHERE label = 'lower(email)') l,
	   (SELECT ns_per_row FROM timings WHERE label = 'SQL regexp normalization') r
 ORDER BY t.ctid;

\echo
\echo 'the same, with the cost of scanning and counting the column subtracted:'
SELECT t.label AS "expression",
	   round((t.ns_per_row - s.ns_per_row)::numeric, 0) AS "ns/row",
	   round(((t.ns_per_row - s.ns_per_row) / (l.ns_per_row - s.ns_per_row))::numeric, 2) AS "x lower()"
  FROM timings t,
	   (SELECT ns_per_row FROM timings WHERE label = 'scan only') s,
	   (SELECT ns_per_row FROM timings WHERE label = 'lower(email)') l
 WHERE t.label <> 'scan only'
 ORDER BY t.ctid;
