-- test/data/generate_more_events.sql: append new events to the demo data of
-- test/data/generate.sql, as the next stretch of the product's event log
-- (for incremental refreshes and their benchmark):
--
--   psql -f test/data/generate_more_events.sql [-v fraction=0.01] [-v seed=43]
--
-- Appends round(:fraction x the current number of events) events after the
-- data's as_of (sum_demo.generated.as_of, or the last event if later), over
-- :fraction of the time the log spans so far (the same rate), and moves
-- as_of to the end of that stretch: a refresh as of the old as_of, then one
-- as of the new, sees the log grow as it would in production.  The same users keep their behaviour: each user's share
-- is their number of events in the last 7 days of the log, so activators and
-- paywall hitters carry on, usage drops stay low, and stalled trials,
-- churners and dormant logins stay silent; paywall hitters keep hitting the
-- paywall.  Default seed: the one of the data plus one.
\set ON_ERROR_STOP on
\set QUIET on
\if :{?fraction}
\else
\set fraction 0.01
\endif
\if :{?seed}
\else
SELECT seed + 1 AS seed FROM sum_demo.generated \gset
\endif

SET max_parallel_workers_per_gather = 0;
SET work_mem = '512MB';
SET synchronous_commit = off;
SET jit = off;
SELECT setseed(hashint8(:seed) / 2147483648.0) \gset

SELECT count(*) AS n_now, max(occurred_at) AS t_last, min(occurred_at) AS t_min,
	   round(count(*) * :fraction::numeric)::bigint AS n_new
  FROM sum_demo.events \gset
SELECT greatest(:'t_last'::timestamptz, as_of) AS t_max,
	   (:'t_last'::timestamptz - :'t_min'::timestamptz) * :fraction::float8 AS span
  FROM sum_demo.generated \gset

CREATE TEMP TABLE more_w AS
SELECT e.user_id, t.behaviour, count(*)::numeric AS w,
	   3 + floor(random() * 10)::int AS len
  FROM sum_demo.events e
  JOIN sum_demo.truth t USING (user_id)
 WHERE e.occurred_at > :'t_last'::timestamptz - interval '7 days'
   AND t.behaviour NOT IN ('stalled', 'churner', 'dormant')
 GROUP BY e.user_id, t.behaviour
 ORDER BY e.user_id;
SELECT coalesce(nullif(sum(w), 0), 1) AS w_total FROM more_w \gset

-- exact total: user k gets floor(n * W_k / W) - floor(n * W_(k-1) / W)
CREATE TEMP TABLE more_n AS
SELECT user_id, behaviour, len,
	   (floor(cw * :n_new / :w_total) - floor((cw - w) * :n_new / :w_total))::int AS cnt
  FROM (SELECT *, sum(w) OVER (ORDER BY user_id) AS cw FROM more_w) x;

INSERT INTO sum_demo.events
SELECT user_id,
	   CASE
		   WHEN i = 1 THEN 'login'
		   WHEN r < 0.28 THEN 'page_viewed'
		   WHEN r < 0.50 THEN 'report_viewed'
		   WHEN r < 0.58 THEN 'report_exported'
		   WHEN r < 0.64 THEN 'project_created'
		   WHEN r < 0.69 THEN 'data_connected'
		   WHEN r < 0.75 THEN 'report_shared'
		   WHEN r < 0.78 THEN 'invite_sent'
		   WHEN r < 0.80 + CASE WHEN behaviour = 'paywall' THEN 0.12 ELSE 0 END THEN 'paywall_hit'
		   WHEN r < 0.93 THEN 'dashboard_filtered'
		   ELSE 'settings_changed'
	   END,
	   least(:'t_max'::timestamptz + :'span'::interval,
			 started_at + (i - 1) * interval '90 seconds' + r2 * interval '80 seconds')
  FROM (SELECT user_id, behaviour, started_at, i, random() AS r, random() AS r2
		  FROM (SELECT user_id, behaviour, len, cnt, s,
					   :'t_max'::timestamptz + interval '1 millisecond' + random() * :'span'::interval AS started_at
				  FROM more_n, generate_series(1, ceil(cnt::numeric / len)::int) s
				 WHERE cnt > 0) ss,
			   generate_series(1, least(len, cnt - (s - 1) * len)) i) e
 ORDER BY 3;

UPDATE sum_demo.generated SET as_of = :'t_max'::timestamptz + :'span'::interval;
ANALYZE sum_demo.events;
\set QUIET off
SELECT :n_now AS events_before, count(*) AS events_added, min(occurred_at) AS first_added, max(occurred_at) AS last_added,
	   count(DISTINCT user_id) AS users, (SELECT as_of FROM sum_demo.generated) AS as_of
  FROM sum_demo.events
 WHERE occurred_at > :'t_max'::timestamptz;
