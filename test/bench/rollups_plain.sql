-- test/bench/rollups_plain.sql: sum.account_rollup's summary written in
-- plain SQL (FILTER aggregates, DISTINCT ON for the best contact and the
-- champion), over bench_users at :as_of.  The benchmark times it; the TAP
-- test checks that it gives the same rows as the aggregate.
WITH u AS (
	SELECT * FROM bench_users WHERE id IS NOT NULL
), agg AS (
	SELECT account,
		   count(*) AS users,
		   count(*) FILTER (WHERE last_seen >= :as_of - interval '7 days') AS a7,
		   count(*) FILTER (WHERE last_seen >= :as_of - interval '30 days') AS a30,
		   count(*) FILTER (WHERE role = 'decision_maker') AS dm,
		   count(*) FILTER (WHERE role = 'influencer') AS inf,
		   coalesce(array_agg(DISTINCT fn ORDER BY fn) FILTER (WHERE fn <> 'unknown'), '{}') AS functions,
		   max(coalesce(sen, 'unknown')) AS top_seniority,
		   min(signed_up) AS first_signup,
		   max(last_seen) AS last_activity,
		   sum(coalesce(recent, 0))::bigint AS recent_activity,
		   count(*) FILTER (WHERE stage = 'freemium') AS freemium,
		   count(*) FILTER (WHERE stage = 'trial') AS trial,
		   count(*) FILTER (WHERE stage = 'churned') AS churned,
		   count(*) FILTER (WHERE stage = 'paid') AS paid,
		   max(stage) AS stage
	  FROM u GROUP BY account
), best AS (
	SELECT DISTINCT ON (account) account, id,
		   coalesce(role, 'unknown') AS role, coalesce(sen, 'unknown') AS sen,
		   coalesce(fn, 'unknown') AS fn
	  FROM u
	 ORDER BY account, coalesce(role, 'unknown') DESC, coalesce(sen, 'unknown') DESC,
			  coalesce(recent, 0) DESC, id, coalesce(fn, 'unknown')
), champ AS (
	SELECT DISTINCT ON (account) account, id, recent
	  FROM u WHERE recent > 0
	 ORDER BY account, recent DESC, last_seen DESC NULLS LAST, id
), ms AS (
	SELECT account,
		   (array_agg(DISTINCT m COLLATE "C" ORDER BY m COLLATE "C"))[1:32] AS milestones,
		   count(DISTINCT m) > 32 AS truncated
	  FROM u, unnest(milestones) m
	 WHERE m <> ''
	 GROUP BY account
)
SELECT agg.account,
	   ROW(agg.users, agg.a7, agg.a30, agg.dm, agg.inf,
		   best.id::text, best.role, best.sen, best.fn,
		   champ.id::text, champ.recent::bigint,
		   agg.functions, agg.top_seniority, agg.first_signup, agg.last_activity,
		   agg.recent_activity, agg.freemium, agg.trial, agg.churned, agg.paid, agg.stage,
		   coalesce(ms.milestones, '{}'), coalesce(ms.truncated, false), :as_of
	   )::sum.account_summary AS s
  FROM agg
  JOIN best USING (account)
  LEFT JOIN champ USING (account)
  LEFT JOIN ms USING (account)
