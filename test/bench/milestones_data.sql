-- test/bench/milestones_data.sql: the event log of the milestones benchmark
-- (see milestones.sh).  :users users signed up over 150 days of 2024; about
-- :events events (plus 1 % more, the "new" events of an incremental run) in
-- sessions, with a realistic mix of names, most of them after sign-up and
-- denser early on, 1 % of the sessions just before sign-up, activity
-- skewed towards heavy users.  The log is sorted by time, as an
-- append-only event table is.
\set QUIET on
SELECT setseed(0.5) \gset
CREATE TABLE bench_users AS
SELECT u AS user_id,
	   '2024-01-01 00:00+00'::timestamptz + random() * interval '150 days' AS signup_at
  FROM generate_series(1, :users) u;

-- events come in sessions, as in a product's event log: a session is a few
-- to 30 events within half an hour; a user's sessions are denser soon after
-- sign-up; heavy users have many more sessions than others
CREATE TABLE bench_sessions AS
SELECT s AS session_id,
	   u.user_id,
	   CASE WHEN random() < 0.01 THEN u.signup_at - random() * interval '1 day'
			ELSE u.signup_at + (random() ^ 2) * ('2024-07-01 00:00+00'::timestamptz - u.signup_at)
	   END AS started_at,
	   1 + floor(random() * 31)::int AS n,
	   u.signup_at
  FROM (SELECT s, 1 + floor((random() ^ 1.5) * :users)::int AS user_id
		  FROM generate_series(1, (:events * 1.01 / 16)::bigint) s) g
  JOIN bench_users u USING (user_id);

CREATE TABLE bench_all AS
SELECT user_id,
	   CASE
		   WHEN r < 0.30 THEN 'page_view'
		   WHEN r < 0.55 THEN 'login'
		   WHEN r < 0.62 THEN 'project_created'
		   WHEN r < 0.67 THEN 'data_connected'
		   WHEN r < 0.77 THEN 'report_viewed'
		   WHEN r < 0.81 THEN 'report_shared'
		   WHEN r < 0.84 THEN 'invite_sent'
		   WHEN r < 0.86 THEN 'paywall_hit'
		   ELSE 'settings_changed'
	   END AS event,
	   ts,
	   signup_at
  FROM (SELECT user_id, signup_at, started_at + random() * interval '30 minutes' AS ts, random() AS r
		  FROM bench_sessions, generate_series(1, n)) e
 ORDER BY ts;

-- the first :events events by time are the history, the last 1 % arrive later
CREATE TABLE bench_ev AS SELECT * FROM bench_all ORDER BY ts LIMIT :events;
CREATE TABLE bench_new AS SELECT * FROM bench_all ORDER BY ts OFFSET :events;
DROP TABLE bench_sessions;
VACUUM ANALYZE bench_users, bench_all, bench_ev, bench_new;
