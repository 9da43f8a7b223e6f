-- test/data/generate_more_events.sql: append new events to the demo data of
-- test/data/generate.sql, as the next stretch of the product's event log
-- (for incremental refreshes and their benchmark):
--
--   psql -f test/data/generate_more_events.sql [-v fraction=0.01]
--
-- Appends round(:fraction x the current number of events) events after the
-- data's as_of (sum_demo.generated.as_of, or the last event if later): the
-- latest that many events, replayed one stretch later.  Tomorrow looks like
-- today: the same users, sessions and behaviours (activators and paywall
-- hitters carry on, usage drops stay low, churners and dormant logins stay
-- silent), except that stalled trials, having stalled, do not come back.
-- Then moves as_of to the end of the new stretch: a refresh as of the old
-- as_of, then one as of the new, sees the log grow as it would in production.
\set ON_ERROR_STOP on
\set QUIET on
\if :{?fraction}
\else
\set fraction 0.01
\endif

SET max_parallel_workers_per_gather = 0;
SET work_mem = '512MB';
SET temp_buffers = '1GB';
SET synchronous_commit = off;
SET jit = off;

SELECT count(*) AS n_now, max(occurred_at) AS t_last,
	   round(count(*) * :fraction::numeric)::bigint AS n_new
  FROM sum_demo.events \gset
SELECT greatest(:'t_last'::timestamptz, as_of) AS t_max FROM sum_demo.generated \gset

-- the latest :n_new events (the index on occurred_at reads them backwards)
CREATE TEMP TABLE more_src AS
SELECT e.user_id, e.event, e.occurred_at
  FROM sum_demo.events e
 WHERE NOT EXISTS (SELECT FROM sum_demo.truth t WHERE t.user_id = e.user_id AND t.behaviour = 'stalled')
 ORDER BY e.occurred_at DESC
 LIMIT :n_new;
SELECT coalesce(min(occurred_at), :'t_max'::timestamptz) AS t_first,
	   coalesce(max(occurred_at), :'t_max'::timestamptz) AS t_src_last
  FROM more_src \gset

-- shifted to start just after t_max
INSERT INTO sum_demo.events
SELECT user_id, event, occurred_at + (:'t_max'::timestamptz - :'t_first'::timestamptz) + interval '1 millisecond'
  FROM more_src
 ORDER BY occurred_at;

UPDATE sum_demo.generated
   SET as_of = :'t_max'::timestamptz + (:'t_src_last'::timestamptz - :'t_first'::timestamptz) + interval '1 millisecond';
ANALYZE sum_demo.events;
\set QUIET off
SELECT :n_now AS events_before, count(*) AS events_added, min(occurred_at) AS first_added, max(occurred_at) AS last_added,
	   count(DISTINCT user_id) AS users, (SELECT as_of FROM sum_demo.generated) AS as_of
  FROM sum_demo.events
 WHERE occurred_at > :'t_max'::timestamptz;
