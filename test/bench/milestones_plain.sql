-- test/bench/milestones_plain.sql: the shipped milestone definitions and the
-- usage figures, in plain SQL with window functions, as a data team would
-- write them without sum (see milestones.sh).  Same answers as
--   SELECT user_id, m.*, u.* FROM (SELECT user_id, sum.milestones(...) s ...)
--   LATERAL sum.milestone_rows(s, as_of) m, LATERAL sum.milestone_usage(s, as_of) u
-- including the documented bounds (a funnel considers the first 16 distinct
-- times of each step).  Days are UTC days, as milestones.timezone ships.
-- :as_of is a timestamptz literal; the result is (user_id, milestone,
-- reached_at) rows, with usage figures as the milestone 'usage' whose
-- reached_at is NULL and whose figures are in the extra columns.
WITH e AS (
	SELECT user_id, event, ts, signup_at,
		   (ts AT TIME ZONE 'UTC')::date AS day,
		   (signup_at AT TIME ZONE 'UTC')::date AS signup_day,
		   ((:as_of)::timestamptz AT TIME ZONE 'UTC')::date AS as_of_day
	  FROM :events_table
),
per_user AS (
	SELECT user_id,
		   min(ts) FILTER (WHERE event = 'project_created') AS first_project,
		   min(ts) FILTER (WHERE event = 'invite_sent') AS invited_teammate,
		   min(ts) AS first_event_at,
		   max(ts) AS last_event_at,
		   count(*) AS events,
		   count(*) FILTER (WHERE day > as_of_day - 7 AND day <= as_of_day) AS events_7d,
		   count(*) FILTER (WHERE day > as_of_day - 28 AND day <= as_of_day) AS events_28d,
		   count(DISTINCT day) FILTER (WHERE day > as_of_day - 7 AND day <= as_of_day) AS active_days_7d,
		   count(DISTINCT day) FILTER (WHERE day > as_of_day - 28 AND day <= as_of_day) AS active_days_28d,
		   count(*) FILTER (WHERE event = 'paywall_hit' AND day > as_of_day - 14 AND day <= as_of_day) AS paywall_14d,
		   max(ts) FILTER (WHERE event = 'paywall_hit') AS last_paywall,
		   count(*) FILTER (WHERE day > as_of_day - 35 AND day <= as_of_day - 7) AS before_4w
	  FROM e
	 GROUP BY user_id
),
activated AS (				-- the 5th key action within 14 days of sign-up
	SELECT user_id, ts AS reached_at
	  FROM (SELECT user_id, ts, row_number() OVER (PARTITION BY user_id ORDER BY ts) AS rn
			  FROM e
			 WHERE event IN ('project_created', 'data_connected', 'report_viewed', 'invite_sent')
			   AND ts >= signup_at AND ts < signup_at + interval '14 days') x
	 WHERE rn = 5
),
habit AS (					-- the 3rd active day among the first 14 from the sign-up day
	SELECT user_id, first_ts AS reached_at
	  FROM (SELECT user_id, min(ts) AS first_ts,
				   row_number() OVER (PARTITION BY user_id ORDER BY day) AS rn
			  FROM e
			 WHERE ts >= signup_at AND day - signup_day < 14
			 GROUP BY user_id, day) x
	 WHERE rn = 3
),
onboarded AS (				-- funnel within 3 days, in the first 30 days after sign-up
	SELECT user_id, min(ts) AS reached_at
	  FROM (SELECT user_id, ts, step,
				   max(start1) FILTER (WHERE step = 2 AND ts - start1 <= interval '3 days')
					   OVER (PARTITION BY user_id ORDER BY ts, step ROWS UNBOUNDED PRECEDING) AS start2
			  FROM (SELECT user_id, ts, step,
						   max(ts) FILTER (WHERE step = 1)
							   OVER (PARTITION BY user_id ORDER BY ts, step ROWS UNBOUNDED PRECEDING) AS start1
					  FROM (SELECT user_id, ts, step,
								   row_number() OVER (PARTITION BY user_id, step ORDER BY ts) AS k
							  FROM (SELECT DISTINCT user_id, ts,
										   CASE event WHEN 'project_created' THEN 1
													  WHEN 'data_connected' THEN 2 ELSE 3 END AS step
									  FROM e
									 WHERE event IN ('project_created', 'data_connected', 'report_shared')
									   AND ts >= signup_at AND ts < signup_at + interval '30 days') d) s
					 WHERE k <= 16) l1) l2
	 WHERE step = 3 AND ts - start2 <= interval '3 days'
	 GROUP BY user_id
)
SELECT user_id, 'first_project' AS milestone, first_project AS reached_at
  FROM per_user WHERE first_project <= :as_of
UNION ALL
SELECT user_id, 'invited_teammate', invited_teammate FROM per_user WHERE invited_teammate <= :as_of
UNION ALL
SELECT user_id, 'activated', reached_at FROM activated WHERE reached_at <= :as_of
UNION ALL
SELECT user_id, 'habit', reached_at FROM habit WHERE reached_at <= :as_of
UNION ALL
SELECT user_id, 'onboarded', reached_at FROM onboarded WHERE reached_at <= :as_of
UNION ALL
SELECT user_id, 'paywall_hit', least(last_paywall, :as_of) FROM per_user WHERE paywall_14d >= 2
UNION ALL
SELECT user_id, 'usage_drop', :as_of FROM per_user
 WHERE before_4w > 0 AND before_4w / 4.0 >= 5 AND events_7d < before_4w / 4.0 * 0.5
UNION ALL
SELECT user_id, 'gone_quiet', last_event_at + interval '14 days' FROM per_user
 WHERE events >= 3 AND last_event_at + interval '14 days' <= :as_of
UNION ALL
SELECT user_id, 'usage:' || concat_ws(',', first_event_at, last_event_at, events, events_7d, events_28d,
									 active_days_7d, active_days_28d), NULL
  FROM per_user
