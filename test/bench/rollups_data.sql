-- test/bench/rollups_data.sql: a product's users for the rollup benchmark
-- and the rollup TAP test.  psql variables: rows, accounts, seed.
-- Few distinct values, some NULLs and day-rounded activity, so that ties
-- on buying role, seniority, activity and last activity are common.
SELECT setseed(:seed);
DROP TABLE IF EXISTS bench_users;
CREATE TABLE bench_users AS
SELECT floor(random() * :accounts)::bigint AS account,
	   i::bigint AS id,
	   CASE WHEN random() < 0.1 THEN NULL
			ELSE (enum_range(NULL::sum.job_function))[1 + floor(random() * 15)::int] END AS fn,
	   CASE WHEN random() < 0.1 THEN NULL
			ELSE (enum_range(NULL::sum.seniority))[1 + floor(random() * 9)::int] END AS sen,
	   CASE WHEN random() < 0.1 THEN NULL
			ELSE (enum_range(NULL::sum.buying_role))[1 + floor(random() * 4)::int] END AS role,
	   CASE WHEN random() < 0.05 THEN NULL
			ELSE (enum_range(NULL::sum.lifecycle_stage))[1 + floor(random() * 4)::int] END AS stage,
	   '2023-01-01'::timestamptz + random() * interval '540 days' AS signed_up,
	   CASE WHEN random() < 0.2 THEN NULL
			WHEN random() < 0.5 THEN date_trunc('day', '2024-06-30 12:00+00'::timestamptz - random() * interval '60 days')
			ELSE '2024-06-30 12:00+00'::timestamptz - random() * interval '60 days' END AS last_seen,
	   CASE WHEN random() < 0.1 THEN NULL
			WHEN random() < 0.3 THEN 0
			ELSE floor(random() * 8)::int END AS recent,
	   CASE WHEN random() < 0.4 THEN NULL
			ELSE (ARRAY['activated', 'invited_teammate', 'integrated', 'hit_paywall', 'exported'])
				 [1 + floor(random() * 3)::int : 2 + floor(random() * 4)::int] END AS milestones
  FROM generate_series(1, :rows) i;
VACUUM ANALYZE bench_users;
