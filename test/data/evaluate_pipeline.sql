-- test/data/evaluate_pipeline.sql: the pipeline's output (sum.users) against
-- the ground truth of test/data/generate.sql (sum_demo.truth,
-- sum_demo.truth_companies), after a refresh over the sum_demo data:
--
--   psql -f test/data/evaluate_pipeline.sql
--
-- People: pairwise precision and recall of the logins merged into one
-- person.  Matching: each login's CRM account against its company's
-- (a duplicate record of the right company counts as right), by kind of
-- address and by match method, with examples of wrong matches.  Note that
-- the generator reuses company names on purpose (a "Summit Point" in two
-- countries, family names with a trade), so some name-only matches are
-- ambiguous by construction.
\pset footer off
\echo == people: pairwise precision / recall of the logins merged into one person
WITH j AS (SELECT u.user_id, u.person_id AS pred, t.person_id AS truth FROM sum.users u JOIN sum_demo.truth t USING (user_id)),
     pp AS (SELECT sum(n * (n - 1) / 2) AS pairs FROM (SELECT count(*) AS n FROM j GROUP BY pred) x),
     tp AS (SELECT sum(n * (n - 1) / 2) AS pairs FROM (SELECT count(*) AS n FROM j GROUP BY truth) x),
     both_ AS (SELECT sum(n * (n - 1) / 2) AS pairs FROM (SELECT count(*) AS n FROM j GROUP BY pred, truth) x)
SELECT (SELECT count(DISTINCT pred) FROM j) AS predicted_people, (SELECT count(DISTINCT truth) FROM j) AS true_people,
       both_.pairs AS right_pairs, pp.pairs AS predicted_pairs, tp.pairs AS true_pairs,
       round(both_.pairs::numeric / nullif(pp.pairs, 0), 3) AS precision, round(both_.pairs::numeric / nullif(tp.pairs, 0), 3) AS recall
  FROM pp, tp, both_;
\echo == matching: the CRM account of each login vs truth
SELECT CASE WHEN t.account_id IS NULL AND u.crm_account_id IS NULL THEN 'not in CRM, unmatched (right)'
            WHEN t.account_id IS NULL THEN 'not in CRM, matched (wrong)'
            WHEN u.crm_account_id IS NULL THEN 'in CRM, unmatched (missed)'
            WHEN u.crm_account_id = t.account_id OR u.crm_account_id = ANY (tc.duplicate_account_ids) THEN 'in CRM, right account'
            ELSE 'in CRM, wrong account' END AS outcome,
       t.email_kind, count(*)
  FROM sum.users u JOIN sum_demo.truth t USING (user_id) LEFT JOIN sum_demo.truth_companies tc USING (company_id)
 WHERE t.company_id IS NOT NULL OR u.crm_account_id IS NOT NULL
 GROUP BY 1, 2 ORDER BY 1, 2;
\echo == matching: method of right and wrong matches
SELECT u.match_method, count(*) FILTER (WHERE u.crm_account_id = t.account_id OR u.crm_account_id = ANY (tc.duplicate_account_ids)) AS right_,
       count(*) FILTER (WHERE NOT (u.crm_account_id IS NOT DISTINCT FROM t.account_id OR u.crm_account_id = ANY (coalesce(tc.duplicate_account_ids, '{}')))) AS wrong
  FROM sum.users u JOIN sum_demo.truth t USING (user_id) LEFT JOIN sum_demo.truth_companies tc USING (company_id)
 WHERE u.crm_account_id IS NOT NULL GROUP BY 1 ORDER BY 1;
\echo == wrong matches: examples
SELECT u.email, u.company_name, u.crm_account_id, a.name AS matched_name, t.account_id AS true_account, tc.name AS true_name, u.match_method, round(u.match_score::numeric, 2) AS score
  FROM sum.users u JOIN sum_demo.truth t USING (user_id) LEFT JOIN sum_demo.truth_companies tc USING (company_id)
  LEFT JOIN sum_demo.crm_accounts a ON a.account_id = u.crm_account_id
 WHERE u.crm_account_id IS NOT NULL AND NOT (u.crm_account_id IS NOT DISTINCT FROM t.account_id OR u.crm_account_id = ANY (coalesce(tc.duplicate_account_ids, '{}')))
 ORDER BY u.user_id LIMIT 12;
