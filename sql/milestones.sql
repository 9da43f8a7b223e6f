-- milestones: sum.milestones(), its state type, merging and evaluation
\set SHOW_CONTEXT never
SET timezone = 'UTC';

-- test definitions only: the shipped ones are switched off for the test
UPDATE sum.milestone_defs SET enabled = false WHERE source = 'shipped';
INSERT INTO sum.milestone_defs (name, kind, events, min_count, days, funnel_window, percent, min_baseline) VALUES
	('m_first', 'first_event', '{create}', NULL, NULL, NULL, NULL, NULL),
	('m_count', 'event_count', '{create,share}', 3, 7, NULL, NULL, NULL),
	('m_funnel', 'funnel', '{create,share,invite}', NULL, NULL, '1 hour', NULL, NULL),
	('m_funnel2', 'funnel', '{create,invite}', NULL, 2, '1 day', NULL, NULL),
	('m_days', 'active_days', NULL, 3, 7, NULL, NULL, NULL),
	('m_pay', 'paywall', '{paywall}', 2, 7, NULL, NULL, NULL),
	('m_drop', 'usage_drop', NULL, NULL, NULL, NULL, 50, 4),
	('m_quiet', 'inactivity', NULL, 2, 10, NULL, NULL, NULL),
	('m_team', 'active_users', NULL, 2, 7, NULL, NULL, NULL);

CREATE TABLE ms_ev (uid int, ev text, ts timestamptz, signup timestamptz);
INSERT INTO ms_ev VALUES
	-- 1: the happy path, rows scrambled
	(1, 'invite', '2024-03-01 10:50', '2024-03-01 09:00'),
	(1, 'create', '2024-03-02 08:00', '2024-03-01 09:00'),
	(1, 'create', '2024-03-01 10:00', '2024-03-01 09:00'),
	(1, 'share', '2024-03-01 10:20', '2024-03-01 09:00'),
	-- 2: an event before sign-up; the 7-day horizon ends at 03-17 12:00
	(2, 'create', '2024-03-10 11:00', '2024-03-10 12:00'),
	(2, 'create', '2024-03-10 13:00', '2024-03-10 12:00'),
	(2, 'share', '2024-03-11 09:00', '2024-03-10 12:00'),
	(2, 'create', '2024-03-17 11:59', '2024-03-10 12:00'),
	(2, 'create', '2024-03-17 12:00', '2024-03-10 12:00'),
	-- 3: NULL event and NULL time are ignored; unknown sign-up
	(3, 'create', '2024-03-01 10:00', NULL),
	(3, NULL, '2024-03-01 10:10', NULL),
	(3, 'share', NULL, NULL),
	(3, 'share', '2024-03-01 10:20', NULL),
	(3, 'invite', '2024-03-01 10:30', NULL),
	(3, 'share', '2024-03-02 10:30', NULL),
	(3, 'share', '2024-03-03 10:30', NULL),
	-- 4: one event
	(4, 'view', '2024-03-05 10:00', '2024-03-05 09:00'),
	-- 5: everything at one timestamp, and the same event twice
	(5, 'invite', '2024-03-05 10:00', '2024-03-05 09:00'),
	(5, 'share', '2024-03-05 10:00', '2024-03-05 09:00'),
	(5, 'create', '2024-03-05 10:00', '2024-03-05 09:00'),
	(5, 'create', '2024-03-05 10:00', '2024-03-05 09:00'),
	-- 6: the funnel's steps too far apart, or out of order
	(6, 'create', '2024-03-05 10:00', '2024-03-05 09:00'),
	(6, 'share', '2024-03-05 10:30', '2024-03-05 09:00'),
	(6, 'invite', '2024-03-05 11:00:01', '2024-03-05 09:00'),
	(6, 'invite', '2024-03-05 09:30', '2024-03-05 09:00'),
	-- 7: the second funnel must start within 2 days of sign-up
	(7, 'create', '2024-03-07 10:00', '2024-03-05 09:00'),
	(7, 'invite', '2024-03-07 11:00', '2024-03-05 09:00'),
	-- 8: active on three days within the first seven, but one is before sign-up
	(8, 'view', '2024-03-05 08:00', '2024-03-05 09:00'),
	(8, 'view', '2024-03-06 08:00', '2024-03-05 09:00'),
	(8, 'view', '2024-03-11 23:59', '2024-03-05 09:00'),
	(8, 'view', '2024-03-12 00:00', '2024-03-05 09:00');

-- per user, as of 2024-04-01; expected (reasoned in the comments above):
--   1: m_first 03-01 10:00, m_count 3rd create/share 03-02 08:00,
--      m_funnel and m_funnel2 at invite 10:50, m_quiet 03-02 08:00 + 10 days
--   2: m_first 03-10 11:00 (before sign-up still counts: no horizon),
--      m_count 3rd in horizon 03-17 11:59 (12:00 is outside), m_quiet 03-27 12:00;
--      m_days: 03-10, 03-11 only 2 days (03-17 is the 8th day)
--   3: unknown sign-up: no m_count, m_funnel2, m_days; m_funnel at 10:30, m_quiet
--   4: one event: only nothing (m_quiet needs 2 events)
--   5: ties chain: m_funnel, m_funnel2 and m_count all at 10:00
--   6: c at 11:00:01 is 1 s outside the hour; the 09:30 invite came before create;
--      m_funnel2 (create -> invite within a day) completes at 11:00:01
--   7: m_funnel2 starts 2 days + 1 hour after sign-up: not reached
--   8: m_days: 03-06, 03-11, 03-12 is the 8th day: 2 days; m_quiet at 03-22 00:00
SELECT uid, (sum.milestone_rows(sum.milestones(ev, ts, signup), '2024-04-01')).*
  FROM ms_ev GROUP BY uid ORDER BY uid, milestone;

-- the same rows whatever the input order
SELECT uid, (sum.milestone_rows(sum.milestones(ev, ts, signup ORDER BY ts DESC), '2024-04-01')).*
  FROM ms_ev GROUP BY uid
EXCEPT
SELECT uid, (sum.milestone_rows(sum.milestones(ev, ts, signup ORDER BY ts), '2024-04-01')).*
  FROM ms_ev GROUP BY uid;

-- as_of decides: nothing is reached before it happens
SELECT (sum.milestone_rows(sum.milestones(ev, ts, signup), '2024-03-01 10:49')).*
  FROM ms_ev WHERE uid = 1;
SELECT (sum.milestone_rows(sum.milestones(ev, ts, signup), '2024-03-01 10:50')).*
  FROM ms_ev WHERE uid = 1;

-- usage figures: user 1 as of 03-02 12:00 and a month later; user 4
SELECT uid, (sum.milestone_usage(sum.milestones(ev, ts, signup), '2024-03-02 12:00')).*
  FROM ms_ev WHERE uid IN (1, 4) GROUP BY uid ORDER BY uid;
SELECT (sum.milestone_usage(sum.milestones(ev, ts, signup), '2024-04-01')).*
  FROM ms_ev WHERE uid = 1;
-- days before the state's daily ring are unknown (NULL), not 0: user 2's
-- last event is on 03-17, the ring reaches back to 02-05
SELECT (sum.milestone_usage(sum.milestones(ev, ts, signup), '2024-02-20')).*
  FROM ms_ev WHERE uid = 2;

-- paywall: 2 hits within the 7 days ending on as_of's day (whole local days);
-- reached_at is the last hit, or as_of when the state holds later hits
CREATE TABLE ms_pay AS
SELECT 20 AS uid, 'paywall'::text AS ev, t AS ts, '2024-03-01'::timestamptz AS signup
  FROM unnest('{2024-03-20 10:00, 2024-03-25 10:00, 2024-03-28 10:00}'::timestamptz[]) t;
SELECT as_of, (sum.milestone_rows(s, as_of)).*
  FROM (SELECT sum.milestones(ev, ts, signup) s FROM ms_pay) x,
	   unnest('{2024-03-26 12:00, 2024-03-31 12:00, 2024-04-01 00:00, 2024-04-05 12:00}'::timestamptz[]) as_of
 ORDER BY as_of, milestone;

-- usage drop: 2 events a day for 4 weeks (14 a week), then 1 in the last week
CREATE TABLE ms_drop AS
SELECT 30 AS uid, 'view'::text AS ev, d + h * interval '1 hour' AS ts, '2024-02-01'::timestamptz AS signup
  FROM generate_series('2024-02-25'::timestamptz, '2024-03-23', '1 day') d, (VALUES (9), (15)) v(h)
UNION ALL
SELECT 30, 'view', '2024-03-27 09:00', '2024-02-01';
-- as of 03-30: last 7 days (03-24..03-30) 1 event < 50 % of 56 / 4 = 14 a week
-- as of 03-23 23:00: 14 in the last 7 days, 42 in the 3 weeks before: no drop
SELECT as_of, (sum.milestone_rows(s, as_of)).*
  FROM (SELECT sum.milestones(ev, ts, signup) s FROM ms_drop) x,
	   unnest('{2024-03-23 23:00, 2024-03-30 12:00}'::timestamptz[]) as_of
 ORDER BY as_of, milestone;
-- a weekly baseline under min_baseline (4) never counts as a drop
UPDATE sum.milestone_defs SET min_baseline = 15 WHERE name = 'm_drop';
SELECT (sum.milestone_rows(sum.milestones(ev, ts, signup), '2024-03-30 12:00')).*
  FROM ms_drop;
UPDATE sum.milestone_defs SET min_baseline = 4 WHERE name = 'm_drop';

-- local days follow milestones.timezone, including daylight saving time:
-- New York moves to EDT on 2024-03-10 at 02:00.  In UTC these four events
-- fall on 2 days, in New York on 3 (03-09, 03-10, 03-11).
CREATE TABLE ms_tz (uid int, ev text, ts timestamptz, signup timestamptz);
INSERT INTO ms_tz VALUES
	(40, 'view', '2024-03-10 04:30+00', '2024-03-10 04:00+00'),	-- NY 03-09 23:30 EST
	(40, 'view', '2024-03-10 05:30+00', '2024-03-10 04:00+00'),	-- NY 03-10 00:30 EST
	(40, 'view', '2024-03-11 03:30+00', '2024-03-10 04:00+00'),	-- NY 03-10 23:30 EDT
	(40, 'view', '2024-03-11 04:30+00', '2024-03-10 04:00+00');	-- NY 03-11 00:30 EDT
CREATE TABLE ms_tz_utc AS SELECT uid, sum.milestones(ev, ts, signup) AS s FROM ms_tz GROUP BY uid;
-- UTC: m_days (3 days) not reached; m_quiet at 03-21 04:30
SELECT (sum.milestone_rows(s, '2024-03-25')).* FROM ms_tz_utc;
SELECT (sum.milestone_usage(s, '2024-03-11 12:00')).active_days_7d FROM ms_tz_utc;
UPDATE sum.settings SET value = 'America/New_York' WHERE name = 'milestones.timezone';
-- New York: the sign-up day is 03-09, the third day 03-11 starts with 04:30 UTC
SELECT (sum.milestone_rows(sum.milestones(ev, ts, signup), '2024-03-25')).* FROM ms_tz;
SELECT (sum.milestone_usage(sum.milestones(ev, ts, signup), '2024-03-11 12:00')).active_days_7d FROM ms_tz;
-- the session's TimeZone plays no part
SET timezone = 'Asia/Tokyo';
SELECT (sum.milestone_usage(sum.milestones(ev, ts, signup), '2024-03-11 12:00+00')).active_days_7d
  FROM ms_tz;
SET timezone = 'UTC';
-- a state built in UTC cannot be read once the time zone changed
SELECT sum.milestone_state_is_current(s) FROM ms_tz_utc;
SELECT sum.milestone_rows(s, '2024-03-20') FROM ms_tz_utc;
DELETE FROM sum.settings WHERE name = 'milestones.timezone';
SELECT sum.milestone_state_is_current(s) FROM ms_tz_utc;

-- empty input, all-NULL rows, one row
SELECT sum.milestones(ev, ts, signup) IS NULL AS empty FROM ms_ev WHERE false;
SELECT sum.milestones(NULL::text, ts, signup) IS NULL AS all_null FROM ms_ev;
SELECT (sum.milestone_usage(sum.milestones('x', '2024-01-01', NULL), '2024-01-01')).*;

-- account level: users last active at these times, as of 2024-03-10
SELECT * FROM sum.account_milestones('{2024-03-09 10:00, 2024-03-03 10:00, NULL}', '2024-03-10');
SELECT * FROM sum.account_milestones('{2024-03-09 10:00, 2024-03-03 09:01}', '2024-03-10 09:00');
SELECT * FROM sum.account_milestones('{2024-03-09 10:00, 2024-03-03 09:00}', '2024-03-10 09:00');
SELECT * FROM sum.account_milestones('{2024-03-09 10:00, 2024-03-11 10:00}', '2024-03-10');
SELECT * FROM sum.account_milestones('{}', '2024-03-10');

-- text form round trip
SELECT s::text::sum.milestone_state::text = s::text AS round_trip,
	   sum.milestone_state_defs_version(s) = sum.milestone_defs_version() AS current
  FROM (SELECT sum.milestones(ev, ts, signup) s FROM ms_ev WHERE uid = 1) x;

-- a state merged from parts equals the state of one pass
CREATE TABLE ms_big AS
SELECT i % 300 AS uid,
	   (ARRAY['create', 'share', 'invite', 'paywall', 'view', 'view'])[1 + abs(hashint4(i)) % 6] AS ev,
	   '2024-01-01'::timestamptz + (abs(hashint4(-i)) % (90 * 1440)) * interval '1 minute' AS ts,
	   '2024-01-01'::timestamptz + (i % 300) * interval '3 hours' AS signup,
	   abs(hashint4(i * 7)) % 4 AS part
  FROM generate_series(1, 30000) i;
CREATE TABLE ms_one AS SELECT uid, sum.milestones(ev, ts, signup) AS s FROM ms_big GROUP BY uid;
-- parts combined by the states aggregate
SELECT count(*) AS differing
  FROM ms_one o
  JOIN (SELECT uid, sum.milestones(s) AS s
		  FROM (SELECT uid, part, sum.milestones(ev, ts, signup) AS s FROM ms_big GROUP BY uid, part) p
		 GROUP BY uid) m USING (uid)
 WHERE o.s::text IS DISTINCT FROM m.s::text;
-- incremental: states of the events before 03-15, merged with the rest
SELECT count(*) AS differing
  FROM ms_one o
  JOIN (SELECT uid, sum.milestones_merge(a.s, b.s) AS s
		  FROM (SELECT uid, sum.milestones(ev, ts, signup) AS s FROM ms_big WHERE ts < '2024-03-15' GROUP BY uid) a
		  FULL JOIN (SELECT uid, sum.milestones(ev, ts, signup) AS s FROM ms_big WHERE ts >= '2024-03-15' GROUP BY uid) b
		 USING (uid)) m USING (uid)
 WHERE o.s::text IS DISTINCT FROM m.s::text;
SELECT count(*) AS users, count(*) FILTER (WHERE r > 0) AS with_milestones
  FROM (SELECT uid, (SELECT count(*) FROM sum.milestone_rows(s, '2024-04-01')) AS r FROM ms_one) x;

-- forced parallel plan = serial plan
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT uid, sum.milestones(ev, ts, signup) FROM ms_big GROUP BY uid;
SELECT count(*) AS differing
  FROM ms_one o
  JOIN (SELECT uid, sum.milestones(ev, ts, signup) AS s FROM ms_big GROUP BY uid) p USING (uid)
 WHERE o.s::text IS DISTINCT FROM p.s::text;
-- one state over every row (one "user"): partial states cross workers
EXPLAIN (COSTS OFF) SELECT sum.milestones(ev, ts, NULL) FROM ms_big;
CREATE TEMP TABLE ms_par AS SELECT sum.milestones(ev, ts, NULL) AS s FROM ms_big;
SET max_parallel_workers_per_gather = 0;
SELECT p.s::text = (SELECT sum.milestones(ev, ts, NULL) FROM ms_big)::text AS same FROM ms_par p;
RESET max_parallel_workers_per_gather;
RESET enable_hashagg;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- errors: sign-up time must be the same on every row of a group
SELECT sum.milestones(ev, ts, ts) FROM ms_ev WHERE uid = 1;
SELECT sum.milestones(ev, ts, CASE WHEN ev = 'create' THEN signup END) FROM ms_ev WHERE uid = 1;
SELECT sum.milestones_merge(a.s, b.s)
  FROM (SELECT sum.milestones(ev, ts, signup) s FROM ms_ev WHERE uid = 1) a,
	   (SELECT sum.milestones(ev, ts, signup) s FROM ms_ev WHERE uid = 2) b;
-- errors: infinite times
SELECT sum.milestones('x', 'infinity', NULL);
SELECT sum.milestones('x', now(), '-infinity');
SELECT sum.milestone_rows(sum.milestones('x', '2024-01-01', NULL), 'infinity');
-- errors: malformed states never crash
SELECT 'garbage'::sum.milestone_state;
SELECT '\x0'::sum.milestone_state;
SELECT '\xzz'::sum.milestone_state;
SELECT '\x01'::sum.milestone_state;
SELECT ('\x02' || substr(s::text, 5))::sum.milestone_state
  FROM (SELECT sum.milestones(ev, ts, signup) s FROM ms_ev WHERE uid = 1) x;
SELECT substr(s::text, 1, 1000)::sum.milestone_state
  FROM (SELECT sum.milestones(ev, ts, signup) s FROM ms_ev WHERE uid = 1) x;
SELECT sum.milestones_combine(NULL, NULL);
-- errors: a state of other definitions can neither be read nor merged
CREATE TABLE ms_old AS SELECT sum.milestones(ev, ts, signup) s FROM ms_ev WHERE uid = 1;
UPDATE sum.milestone_defs SET min_count = 4 WHERE name = 'm_count';
SELECT sum.milestone_state_is_current(s) FROM ms_old;
SELECT sum.milestone_rows(s) FROM ms_old;
SELECT sum.milestone_usage(s) FROM ms_old;
SELECT sum.milestones_merge(o.s, n.s)
  FROM ms_old o, (SELECT sum.milestones(ev, ts, signup) s FROM ms_ev WHERE uid = 1) n;
SELECT sum.milestones(s) IS NOT NULL AS merged_old_with_old FROM (SELECT s FROM ms_old UNION ALL SELECT s FROM ms_old) x;

-- when time alone next changes a state: at the start of a local day, also
-- of a day that begins at 01:00 (Sao Paulo, 4 Nov 2018: clocks went from
-- 00:00 to 01:00).  One login on 28 Oct leaves the 7-day window on 4 Nov,
-- 01:00 -02 = 03:00 UTC (m_quiet needs two events: no inactivity time)
UPDATE sum.settings SET value = 'America/Sao_Paulo' WHERE name = 'milestones.timezone';
SELECT sum.milestone_next_change(sum.milestones('login', '2018-10-28 15:00Z', NULL), '2018-11-03 15:00Z');
-- one on 30 Oct leaves it on 6 Nov, 00:00 -02 = 02:00 UTC
SELECT sum.milestone_next_change(sum.milestones('login', '2018-10-30 15:00Z', NULL), '2018-11-05 15:00Z');
DELETE FROM sum.settings WHERE name = 'milestones.timezone';

-- clean up: drop test tables, remove test definitions, re-enable the shipped ones
DROP TABLE ms_ev, ms_pay, ms_drop, ms_tz, ms_tz_utc, ms_big, ms_one, ms_old;
DELETE FROM sum.milestone_defs WHERE source = 'user';
UPDATE sum.milestone_defs SET enabled = true, source = 'shipped' WHERE source = 'edited';
SELECT count(*) AS shipped_enabled FROM sum.milestone_defs WHERE source = 'shipped' AND enabled;

-- recheck times are exact for usage drop and paywall windows (shipped
-- definitions, UTC).  Six logins a day from 1 to 28 Jan 2024: on 26 Feb no
-- event is left in the 7- or 28-day windows; the drop holds while the four
-- weeks before the last one average at least 5 a week: 36 events (23-28
-- Jan) on 26 Feb, 30 on 27 Feb, 24 on 28 Feb, 18 on 29 Feb (4.5: no
-- baseline).  The days 23 and 24 Jan leaving change nothing that shows;
-- the next change is 29 Feb, 00:00 UTC.
CREATE TEMP TABLE ms_exact AS
SELECT sum.milestones('login', t, NULL) AS s
  FROM generate_series('2024-01-01 09:00Z'::timestamptz, '2024-01-28 09:00Z', '1 day') d,
	   generate_series(0, 5) k, LATERAL (SELECT d + k * interval '1 minute') AS x(t);
SELECT sum.milestone_next_change(s, '2024-02-26 12:00Z') AS next_change,
	   'usage_drop' = ANY (ARRAY(SELECT milestone FROM sum.milestone_rows(s, '2024-02-28 23:59Z'))) AS held_28_feb,
	   'usage_drop' = ANY (ARRAY(SELECT milestone FROM sum.milestone_rows(s, '2024-02-29 00:00Z'))) AS held_29_feb
  FROM ms_exact;
-- three paywall hits on 1-3 Jan hold the paywall milestone (two in 14 days)
-- until 16 Jan, when 2 Jan leaves the window; 1 Jan leaving on 15 Jan
-- changes nothing, and the 28-day window moves only on 29 Jan
SELECT sum.milestone_next_change(sum.milestones('paywall_hit', t, NULL), '2024-01-10 12:00Z') AS next_change
  FROM generate_series('2024-01-01 10:00Z'::timestamptz, '2024-01-03 10:00Z', '1 day') t;
-- usage => false (what the pipeline stores: milestones, not the rolling
-- counts): three logins on 1-3 Jan.  With the usage, 1 Jan leaves the 7-day
-- window on 8 Jan; the milestones alone change when gone_quiet (three
-- events, then 14 days without) holds: 17 Jan 10:00
SELECT sum.milestone_next_change(s, '2024-01-03 12:00Z') AS with_usage,
	   sum.milestone_next_change(s, '2024-01-03 12:00Z', usage => false) AS milestones_only
  FROM (SELECT sum.milestones('login', t, NULL) AS s
		  FROM generate_series('2024-01-01 10:00Z'::timestamptz, '2024-01-03 10:00Z', '1 day') t) x;
DROP TABLE ms_exact;
