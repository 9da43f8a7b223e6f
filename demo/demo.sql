-- demo/demo.sql: what sum makes of a handful of sign-ups, then the whole
-- pipeline on a generated data set (handoff queue and plays).
--
-- Run by tools/demo.sh from the top of the repository, on a throwaway
-- cluster.  demo/signups.csv holds 43 sign-ups of a B2B product: people at
-- companies of several countries (one with an internationalized domain),
-- free-mail users who signed up more than once under variants of their
-- address, throw-away addresses, and a few entries that are not addresses.
\set QUIET on
\pset footer off
CREATE EXTENSION sum;
\echo 'sum is installed:'
SELECT extname, extversion FROM pg_extension WHERE extname = 'sum';

CREATE TABLE demo_signups (
	signup_id integer PRIMARY KEY,
	email text,
	full_name text,
	job_title text,
	company_name text,
	signed_up_at timestamptz
);
\copy demo_signups FROM 'demo/signups.csv' WITH (FORMAT csv, HEADER true)

-- One row per sign-up: the person key (email_normalize, profile 'match'),
-- the company domain (registrable_domain), and what kind of address it is.
CREATE VIEW demo_identity AS
SELECT s.signup_id,
	   s.email,
	   s.full_name,
	   sum.email_normalize(s.email) AS person_key,
	   sum.registrable_domain(sum.email_normalize(s.email)) AS company_domain,
	   CASE
		   WHEN NOT sum.email_is_valid(s.email) THEN 'invalid'
		   WHEN sum.is_disposable(s.email) THEN 'disposable'
		   WHEN sum.is_freemail(s.email) THEN 'free-mail'
		   ELSE 'company'
	   END AS kind
  FROM demo_signups s;

\echo
\echo '1. Every sign-up, normalized.  person_key merges the spellings of one mailbox:'
\echo '   Gmail ignores dots and +tags, Yahoo "-keyword" and Fastmail "alias@user." addresses'
\echo '   go to the base mailbox, Yandex domains are one.  Non-addresses get NULL.'
SELECT signup_id AS id, email, person_key, company_domain, kind
  FROM demo_identity
 ORDER BY signup_id;

\echo
\echo '2. Sign-ups by kind of address:'
SELECT kind, count(*) AS signups, count(DISTINCT person_key) AS people
  FROM demo_identity
 GROUP BY kind
 ORDER BY signups DESC;

\echo
\echo '3. Companies: work addresses grouped by registrable domain (subdomains such as'
\echo '   eu.contoso.com and mail.fabrikam.co.uk count for their company; the'
\echo '   internationalized domain is shown in Unicode and stored in ASCII).'
SELECT company_domain,
	   sum.registrable_domain(min(email)) AS as_typed,
	   count(*) AS signups,
	   count(DISTINCT person_key) AS people,
	   string_agg(full_name, ', ' ORDER BY signup_id) AS who
  FROM demo_identity
 WHERE kind = 'company'
 GROUP BY company_domain
 ORDER BY people DESC, company_domain;

\echo
\echo '4. Free-mail users: one row per person, however many times they signed up.'
SELECT person_key,
	   sum.email_provider(person_key) AS provider,
	   count(*) AS signups,
	   string_agg(btrim(email), ', ' ORDER BY signup_id) AS addresses_used
  FROM demo_identity
 WHERE kind = 'free-mail'
 GROUP BY person_key
 ORDER BY signups DESC, person_key;

\echo
\echo '5. Disposable and invalid sign-ups, kept out of everything above:'
SELECT kind, signup_id AS id, email, sum.registrable_domain(email) AS domain
  FROM demo_identity
 WHERE kind IN ('disposable', 'invalid')
 ORDER BY kind, signup_id;

\echo
\echo '6. Audience export for Google Customer Match: SHA-256 of the google_ads form,'
\echo '   one per person, no raw address leaves the database.'
SELECT DISTINCT ON (person_key) person_key, sum.email_hash(email) AS sha256
  FROM demo_identity
 WHERE kind IN ('company', 'free-mail')
 ORDER BY person_key, signup_id
 LIMIT 5;

\echo
\echo '================================================================'
\echo 'The pipeline: 300 CRM accounts, 3,000 product users, 60,000 events'
\echo '(test/data/generate.sql, seed 42, as of 2026-06-30 12:00 UTC).'
\echo '================================================================'
\set seed 42
\set accounts 300
\set users 3000
\set events 60000
\set as_of '2026-06-30 12:00+00'
\i test/data/generate.sql
\set QUIET on

-- map the data team's relations to the input contract
UPDATE sum.settings SET value = 'sum_demo.users' WHERE name = 'input.users';
UPDATE sum.settings SET value = 'sum_demo.events' WHERE name = 'input.events';
UPDATE sum.settings SET value = 'sum_demo.crm_accounts' WHERE name = 'input.crm_accounts';
UPDATE sum.settings SET value = 'sum_demo.crm_contacts' WHERE name = 'input.crm_contacts';
-- territories: who works which handoffs (CRM owners win where set)
INSERT INTO sum.routing_rules (name, priority, countries, owners, sla) VALUES
	('dach', 10, '{DE,AT,CH}', '{hans,heidi}', '4 hours'),
	('europe', 20, '{FR,NL,BE,ES,IT,PT,SE,DK,NO,FI,IE,GB,PL}', '{elena,pierre,joost}', NULL),
	('americas', 30, '{US,CA,BR,MX}', '{sam,sue,ana}', NULL),
	('rest_of_world', 100, NULL, '{rowan}', '2 days');

\echo
\echo '7. The input mapping is checked first (no rows: good):'
SELECT * FROM sum.check_inputs();

\echo
\echo '8. CALL sum.refresh(verbose => true): each step, its rows and time.'
SET client_min_messages = notice;
\set QUIET off
CALL sum.refresh(verbose => true, as_of => '2026-06-30 12:00+00');
\set QUIET on

\echo
\echo '9. What came out:'
SELECT (SELECT count(*) FROM sum.users) AS users,
	   (SELECT count(*) FROM sum.people) AS people,
	   (SELECT count(*) FROM sum.accounts) AS accounts,
	   (SELECT count(*) FROM sum.accounts WHERE crm_account_id IS NOT NULL) AS in_crm,
	   (SELECT count(*) FROM sum.user_milestones) AS milestones_reached,
	   (SELECT count(*) FROM sum.handoff_queue WHERE active) AS handoffs;

\echo
\echo '10. The top of the sales handoff queue: who sales should call now, why, and who works it.'
SELECT account_name, fit_tier AS fit, reasons, contact_name, contact_title, contact_role, owner,
	   to_char(sla_due_at, 'Mon DD HH24:MI') AS sla_due
  FROM sum.handoff_queue
 WHERE active AND status = 'new'
 ORDER BY fit_score DESC, cardinality(reasons) DESC, active_users_7d DESC, account_key
 LIMIT 12;

\echo
\echo '11. Marketing plays: active triggers per play (read by updated_at or sum.claim_triggers).'
SELECT p.play, count(t.play) FILTER (WHERE t.active) AS active, p.subject, p.cooldown
  FROM sum.nurture_plays p LEFT JOIN sum.nurture_triggers t USING (play)
 GROUP BY p.play, p.subject, p.cooldown
 ORDER BY active DESC, p.play;

\echo
\echo '12. The daily funnel BI reads (last 7 days):'
SELECT day, signups, new_people, activated, new_accounts, handoffs FROM sum.daily_funnel ORDER BY day DESC LIMIT 7;
