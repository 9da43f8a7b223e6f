-- test/data/matching_eval.sql
--	Evaluate sum.match_accounts on the labeled set made by
--	make_matching_set.py: precision per method, recall per kind of sign-up,
--	overall precision and recall, and shadow accounts.  matching_eval.sh
--	loads the CSV files into eval_accounts and eval_signups and runs this.
--	A match to a duplicate CRM account of the true account counts as right
--	(both records are the company).
\pset footer off

CREATE TEMP TABLE eval_result AS
SELECT m.*, s.true_account_id, s.kind, s.email,
	   m.account_id::int = s.true_account_id
	   OR (SELECT a.duplicate_of FROM eval_accounts a WHERE a.account_id = m.account_id::int) = s.true_account_id
	   AS correct
  FROM sum.match_accounts('SELECT signup_id, email, company_name, country FROM eval_signups',
						  'SELECT account_id, name, domain, country, parent_account_id, created_at FROM eval_accounts') m
  JOIN eval_signups s ON s.signup_id = m.signup_id::int;

\echo 'precision per method (matches made by the method that are right)'
SELECT method, count(*) AS matches, count(*) FILTER (WHERE correct) AS right,
	   round(avg(coalesce(correct, false)::int), 4) AS precision
  FROM eval_result WHERE account_id IS NOT NULL GROUP BY method
 ORDER BY array_position(ARRAY['domain', 'company_key', 'fuzzy_supported', 'fuzzy'], method);

\echo 'recall per kind of sign-up (sign-ups with a true account, matched to it)'
SELECT kind, count(*) AS signups, count(*) FILTER (WHERE correct) AS found,
	   round(avg(coalesce(correct, false)::int), 4) AS recall
  FROM eval_result WHERE true_account_id IS NOT NULL GROUP BY kind ORDER BY kind;

\echo 'sign-ups without an account in the CRM'
SELECT kind, count(*) AS signups, count(*) FILTER (WHERE account_id IS NULL) AS left_unmatched,
	   count(*) FILTER (WHERE method = 'shadow') AS shadow
  FROM eval_result WHERE true_account_id IS NULL GROUP BY kind ORDER BY kind;

\echo 'overall'
SELECT count(*) FILTER (WHERE account_id IS NOT NULL) AS matches,
	   round((count(*) FILTER (WHERE correct))::numeric
			 / nullif(count(*) FILTER (WHERE account_id IS NOT NULL), 0), 4) AS precision,
	   round((count(*) FILTER (WHERE correct))::numeric
			 / nullif(count(*) FILTER (WHERE true_account_id IS NOT NULL), 0), 4) AS recall,
	   count(*) FILTER (WHERE method = 'shadow'
						AND shadow_account = split_part(email, '@', 2)) AS shadow_on_email_domain
  FROM eval_result;
