-- rollups: sum.account_rollup, sum.account_state, merging and summaries
\set SHOW_CONTEXT never
SET timezone = 'UTC';
\set as_of '''2024-06-30 12:00:00+00''::timestamptz'

CREATE TABLE rollup_users (
	account text,
	id text,
	fn sum.job_function,
	sen sum.seniority,
	role sum.buying_role,
	stage sum.lifecycle_stage,
	signed_up timestamptz,
	last_seen timestamptz,
	recent bigint,
	milestones text[]
);

INSERT INTO rollup_users VALUES
	-- acme: a paying decision maker, a trial decision maker, a champion, a lapsed engineer
	('acme', 'a1', 'marketing', 'entry', 'user', 'trial', '2024-06-01', '2024-06-29 12:00', 12, '{activated,invited_teammate}'),
	('acme', 'a2', 'marketing', 'director', 'decision_maker', 'trial', '2024-06-05', '2024-06-20 12:00', 4, '{activated}'),
	('acme', 'a3', 'engineering', 'senior', 'influencer', 'freemium', '2024-05-01', '2024-05-15 00:00', 0, NULL),
	('acme', 'a4', 'sales', 'vp', 'decision_maker', 'paid', '2024-04-15', '2024-06-23 12:00', 4, '{}'),
	-- dup: the same user id twice, with different roles and stages
	('dup', 'd1', 'data', 'senior', 'user', 'trial', '2024-06-10', '2024-06-30 11:00', 2, '{activated}'),
	('dup', 'd1', 'data', 'senior', 'decision_maker', 'paid', '2024-06-10', '2024-06-30 11:00', 1, '{activated,paid_feature}'),
	-- idle: no persona, no activity
	('idle', 'i2', NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL),
	('idle', 'i1', NULL, NULL, NULL, 'freemium', '2024-01-01', NULL, NULL, '{}'),
	-- nulls: a row without a user id is not a user
	('nulls', NULL, 'sales', 'vp', 'decision_maker', 'paid', '2024-01-01', '2024-06-30', 5, '{x}'),
	-- solo: one churned influencer, active 29 days ago
	('solo', 's1', 'product', 'manager', 'influencer', 'churned', '2023-03-01', '2024-06-01 12:00', 1, '{activated}'),
	-- ties: three directors who decide, equally active
	('ties', 'tb', 'it', 'director', 'decision_maker', 'trial', '2024-06-01', '2024-06-29 00:00', 5, NULL),
	('ties', 't9', 'it', 'director', 'decision_maker', 'trial', '2024-06-02', '2024-06-25 00:00', 5, NULL),
	('ties', 't10', 'finance', 'director', 'decision_maker', 'freemium', '2024-06-03', '2024-06-28 00:00', 5, NULL);

CREATE VIEW rollup_by_account AS
	SELECT account,
		   sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones,
							  '2024-06-30 12:00:00+00'::timestamptz) AS s
	  FROM rollup_users GROUP BY account;

-- GROUP BY: counts and the best contact
-- acme: a1 (1 day) and a4 (exactly 7 days, inclusive) are active in 7 days, a2 (10 days) in 30;
--   two decision makers, the VP outranks the director; dup counts its duplicate twice;
--   idle: nobody is active, the tie goes to the smaller id; nulls has no user: NULL;
--   ties: a full tie on role, seniority and activity goes to the smallest id, bytewise
SELECT account, (s).users, (s).active_users_7d AS a7, (s).active_users_30d AS a30,
	   (s).decision_makers AS dm, (s).influencers AS inf, (s).best_contact,
	   (s).best_contact_role, (s).best_contact_seniority, (s).best_contact_function
  FROM rollup_by_account ORDER BY account;

-- champion, functions, seniority, times
-- acme's champion is a1 (12); dup's is d1 from its first row (2);
--   idle has no champion; ties: all 5, the latest last activity (tb) wins
SELECT account, (s).champion, (s).champion_activity, (s).functions, (s).top_seniority,
	   (s).first_signup_at, (s).last_activity_at, (s).recent_activity
  FROM rollup_by_account ORDER BY account;

-- stages: paid beats everything, churned beats trial and freemium, trial beats freemium
SELECT account, (s).freemium_users, (s).trial_users, (s).churned_users, (s).paid_seats,
	   (s).stage, (s).milestones, (s).milestones_truncated, (s).as_of
  FROM rollup_by_account ORDER BY account;

-- the stage order is the enum order, so max() agrees
SELECT account, max(stage) FROM rollup_users WHERE id IS NOT NULL GROUP BY account ORDER BY account;

-- empty input: NULL, and no group at all under GROUP BY
SELECT sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones, :as_of) IS NULL AS empty_is_null
  FROM rollup_users WHERE false;
SELECT count(*) AS groups FROM (
	SELECT account, sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones, :as_of)
	  FROM rollup_users WHERE false GROUP BY account) g;

-- all-NULL input: a NULL user id skips the row, even with a NULL as_of
SELECT sum.account_rollup(NULL::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL::text[], NULL) IS NULL AS all_null
  FROM generate_series(1, 3);

-- one user, without milestones (the 9-argument form)
SELECT (s).users, (s).best_contact, (s).champion, (s).milestones
  FROM (SELECT sum.account_rollup('only', 'hr', 'owner', 'decision_maker', 'paid',
							   :as_of, :as_of, 3, :as_of) AS s) x;

-- user id types: bigint orders by value; text integers too, before other text;
-- uuid gives its canonical lowercase form
SELECT (sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, :as_of)).best_contact
  FROM unnest('{10,9,100}'::bigint[]) id;
SELECT (sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, :as_of)).best_contact
  FROM unnest('{abc,10,009,100}'::text[]) id;
SELECT (sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, :as_of)).best_contact
  FROM unnest('{abc,009,Abc}'::text[]) id;
SELECT (sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, :as_of)).best_contact
  FROM unnest('{B0000000-0000-0000-0000-000000000000,A0000000-0000-0000-0000-00000000000A}'::uuid[]) id;
-- int4 ids are taken as bigint
SELECT (sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, :as_of)).best_contact
  FROM generate_series(3, 5) id;

-- milestones: union, sorted bytewise, NULL and empty names ignored, at most 32 kept
SELECT (sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, m, :as_of)).milestones
  FROM (VALUES ('u1', '{zeta,alpha,NULL,""}'::text[]), ('u2', '{Beta,alpha}'), ('u3', NULL)) v(id, m);
SELECT array_length((s).milestones, 1) AS kept, (s).milestones[1] AS first, (s).milestones[32] AS last,
	   (s).milestones_truncated
  FROM (SELECT sum.account_rollup('u', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
			ARRAY(SELECT 'm' || lpad(i::text, 2, '0') FROM generate_series(40, 1, -1) i), :as_of) AS s) x;

-- stored states: text round trip, summary equals the direct rollup
CREATE TABLE rollup_states AS
	SELECT account, sum.account_rollup_state(id, fn, sen, role, stage, signed_up, last_seen, recent,
											 milestones, :as_of) AS st
	  FROM rollup_users GROUP BY account;
SELECT account, st::text::sum.account_state::text = st::text AS text_round_trip
  FROM rollup_states ORDER BY account;
SELECT count(*) AS summaries_differing
  FROM rollup_states r JOIN rollup_by_account d USING (account)
 WHERE sum.account_summary(r.st) IS DISTINCT FROM d.s
	OR sum.account_summary(r.st, :as_of) IS DISTINCT FROM d.s;

-- binary round trip through COPY (send and recv)
COPY rollup_states TO '/tmp/sum_rollups_states.bin' WITH (FORMAT binary);
CREATE TABLE rollup_states_copy (LIKE rollup_states);
COPY rollup_states_copy FROM '/tmp/sum_rollups_states.bin' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.st::text = b.st::text) AS identical
  FROM rollup_states a JOIN rollup_states_copy b USING (account);

-- splits: states of any partition of the rows merge to the one-pass answer
SELECT count(*) AS split_summaries_differing
  FROM (SELECT account, sum.account_summary(sum.account_rollup_merge(st)) AS s
		  FROM (SELECT account, sum.account_rollup_state(id, fn, sen, role, stage, signed_up, last_seen,
														 recent, milestones, :as_of) AS st
				  FROM rollup_users GROUP BY account, md5(coalesce(id, '')) < '8', recent) parts
		 GROUP BY account) m
  JOIN rollup_by_account d USING (account)
 WHERE m.s IS DISTINCT FROM d.s;
-- merge skips NULL states; all NULL gives NULL
SELECT sum.account_rollup_merge(st) IS NULL AS merge_of_nulls
  FROM (VALUES (NULL::sum.account_state), (NULL)) v(st);

-- a stored state read at a later as_of: windows move with it (to the hour)
-- 2024-07-02 12:00: a1 is 3 days back (7d), a4 9 days and a2 12 days (30d), a3 long gone
-- 2024-07-25 12:00: only a1 (26 days) is within 30 days
SELECT (sum.account_summary(st, '2024-07-02 12:00+00')).active_users_7d AS a7_jul2,
	   (sum.account_summary(st, '2024-07-02 12:00+00')).active_users_30d AS a30_jul2,
	   (sum.account_summary(st, '2024-07-25 12:00+00')).active_users_7d AS a7_jul25,
	   (sum.account_summary(st, '2024-07-25 12:00+00')).active_users_30d AS a30_jul25
  FROM rollup_states WHERE account = 'acme';

-- merging a stored state with a newer one: the later as_of wins, 5 users,
-- a1 (3 days) and the new user (1 day) active in 7 days
SELECT (s).users, (s).active_users_7d AS a7, (s).active_users_30d AS a30, (s).as_of, (s).best_contact
  FROM (SELECT sum.account_summary(sum.account_state_merge(old.st, new.st)) AS s
		  FROM rollup_states old,
			   (SELECT sum.account_rollup_state('a5', 'marketing', 'c_level', 'decision_maker', 'trial',
					'2024-07-01', '2024-07-01 12:00', 1, '2024-07-02 12:00+00'::timestamptz) AS st) new
		 WHERE old.account = 'acme') x;
SELECT sum.account_state_merge(NULL, st)::text = st::text AS null_is_empty,
	   sum.account_state_merge(NULL, NULL) IS NULL AS both_null
  FROM rollup_states WHERE account = 'solo';

-- forced parallel plan: the same answers as a serial run
CREATE TABLE rollup_many AS
	SELECT (i % 97)::text AS account, i AS id,
		   (enum_range(NULL::sum.job_function))[1 + i % 15] AS fn,
		   (enum_range(NULL::sum.seniority))[1 + (i / 7) % 9] AS sen,
		   (enum_range(NULL::sum.buying_role))[1 + (i / 3) % 4] AS role,
		   CASE WHEN i % 11 = 0 THEN NULL ELSE (enum_range(NULL::sum.lifecycle_stage))[1 + (i / 5) % 4] END AS stage,
		   '2024-01-01'::timestamptz + (i % 1000) * interval '1 hour' AS signed_up,
		   CASE WHEN i % 13 = 0 THEN NULL ELSE '2024-06-30 12:00'::timestamptz - (i % 900) * interval '1 hour' END AS last_seen,
		   (i * 7919) % 23 AS recent,
		   ARRAY['m' || (i % 50)] AS milestones
	  FROM generate_series(1, 30000) i;
ANALYZE rollup_many;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE rollup_serial AS
	SELECT account, sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones, :as_of) AS s
	  FROM rollup_many GROUP BY account;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
	SELECT sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones, :as_of)
	  FROM rollup_many;
SELECT sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones, :as_of)
	   = (SELECT sum.account_summary(sum.account_rollup_merge(st))
			FROM (SELECT sum.account_rollup_state(id, fn, sen, role, stage, signed_up, last_seen, recent,
												  milestones, :as_of) AS st
					FROM rollup_many GROUP BY account) g) AS parallel_equals_merged_groups
  FROM rollup_many;
CREATE TABLE rollup_parallel AS
	SELECT account, sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones, :as_of) AS s
	  FROM rollup_many GROUP BY account;
SELECT count(*) AS accounts,
	   count(*) FILTER (WHERE p.s IS NOT DISTINCT FROM q.s) AS equal
  FROM rollup_serial p FULL JOIN rollup_parallel q USING (account);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- sorted grouping (the aggregate context is reset per group; the milestone
-- dictionary outlives it) gives the same answers as hashing
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
	SELECT account, sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent, milestones, :as_of)
	  FROM rollup_many GROUP BY account;
SELECT count(*) AS accounts, count(*) FILTER (WHERE p.s IS NOT DISTINCT FROM g.s) AS equal
  FROM rollup_serial p
  FULL JOIN (SELECT account, sum.account_rollup(id, fn, sen, role, stage, signed_up, last_seen, recent,
												milestones, :as_of) AS s
			   FROM rollup_many GROUP BY account) g USING (account);
RESET enable_hashagg;

-- errors: as_of must be one finite value per account
SELECT sum.account_rollup(id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, t)
  FROM (VALUES ('a', '2024-06-01'::timestamptz), ('b', '2024-06-02')) v(id, t);
SELECT sum.account_rollup('a', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT sum.account_rollup('a', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'infinity');
-- a negative activity count is a bug upstream
SELECT sum.account_rollup('a', NULL, NULL, NULL, NULL, NULL, NULL, -1, :as_of);
-- bounded state: user ids up to 512 bytes, milestone names up to 64
SELECT length((sum.account_rollup(repeat('x', 512), NULL, NULL, NULL, NULL, NULL, NULL, NULL, :as_of)).best_contact);
SELECT sum.account_rollup(repeat('x', 513), NULL, NULL, NULL, NULL, NULL, NULL, NULL, :as_of);
SELECT sum.account_rollup('a', NULL, NULL, NULL, NULL, NULL, NULL, NULL, ARRAY[repeat('m', 65)], :as_of);
-- a stored state cannot be read before its as_of
SELECT sum.account_summary(st, '2024-06-29') FROM rollup_states WHERE account = 'acme';

-- malformed states: text input
SELECT '\x'::sum.account_state;
SELECT 'abc'::sum.account_state;
SELECT '\x0'::sum.account_state;
SELECT '\xzz'::sum.account_state;
SELECT '\x02'::sum.account_state;
SELECT '\x0100'::sum.account_state;
SELECT '\x01ff'::sum.account_state;
-- a valid state cut short, and with a byte appended
SELECT left(st::text, -2)::sum.account_state FROM rollup_states WHERE account = 'solo';
SELECT (st::text || '00')::sum.account_state FROM rollup_states WHERE account = 'solo';
-- a valid state with more users active in 7 than in 30 days (bytes 18..25 hold active_7d)
SELECT overlay(st::text placing '00000000000000ff' from 39 for 16)::sum.account_state
  FROM rollup_states WHERE account = 'solo';

-- malformed states: binary input (COPY of raw bytes into the type's column)
COPY (SELECT '\x01'::bytea) TO '/tmp/sum_rollups_bad.bin' WITH (FORMAT binary);
COPY rollup_states_copy (st) FROM '/tmp/sum_rollups_bad.bin' WITH (FORMAT binary);
COPY (SELECT decode('02' || substr(st::text, 5), 'hex') FROM rollup_states WHERE account = 'solo')
	TO '/tmp/sum_rollups_bad.bin' WITH (FORMAT binary);
COPY rollup_states_copy (st) FROM '/tmp/sum_rollups_bad.bin' WITH (FORMAT binary);

DROP TABLE rollup_serial, rollup_parallel, rollup_many, rollup_states, rollup_states_copy;
DROP VIEW rollup_by_account;
DROP TABLE rollup_users;
