-- sum.match_accounts: lead-to-account matching, evidence ladder, tie-breaks,
-- shadow accounts, settings, bad input
\set SHOW_CONTEXT never
SET extra_float_digits = 0;

CREATE TABLE m_accounts (account_id int, name text, domain text, country text,
	parent_account_id int, created_at timestamptz, priority int);
INSERT INTO m_accounts VALUES
	(1, 'Acme Corporation', 'https://www.acme.com/', 'US', NULL, '2015-01-01', NULL),
	(2, 'Acme GmbH', 'acme.com', 'DE', 1, '2019-01-01', NULL),
	(3, 'Globex Inc', 'globex.com', 'US', NULL, '2016-01-01', NULL),
	(4, 'Initech LLC', NULL, 'US', NULL, '2020-01-01', NULL),
	(5, 'Initech, LLC', NULL, 'US', NULL, '2018-01-01', NULL),
	(6, 'Umbrella Pty Ltd', 'umbrella.com.au', 'AU', NULL, NULL, NULL),
	(7, 'Société Générale', 'societegenerale.fr', 'FR', NULL, NULL, NULL),
	(8, 'Hooli', 'hooli.xyz', 'US', NULL, NULL, NULL),
	(9, 'Stark Industries', NULL, 'US', NULL, NULL, NULL),
	(10, 'Wayne Enterprises', NULL, 'US', NULL, NULL, 1),
	(11, 'Wayne Enterprises Inc', NULL, 'US', NULL, NULL, 5),
	(12, 'ООО «Ромашка»', NULL, 'RU', NULL, NULL, NULL);
CREATE TABLE m_signups (signup_id int, email text, company_name text, country text);
INSERT INTO m_signups VALUES
	(1, 'jo@acme.com', 'Acme', 'US'),                  -- domain; two accounts share it: country
	(2, 'hans@acme.com', 'Acme GmbH', 'DE'),           -- domain; the name decides
	(3, 'x@gmail.com', 'GLOBEX', NULL),                -- free-mail: company key
	(4, 'y@gmail.com', 'Initech', NULL),               -- company key; duplicates: the oldest
	(5, 'z@umbrella.com', NULL, NULL),                 -- company key of the email domain
	(6, 'a@gmail.com', 'Societe Generale SA', NULL),   -- key folds accents and forms
	(7, 'b@newco.io', 'NewCo', NULL),                  -- no account: shadow by domain
	(8, 'c@yahoo.com', NULL, NULL),                    -- free-mail, nothing else: none
	(9, 'd@gmail.com', 'Stark Industires', NULL),      -- typo: fuzzy
	(10, 'e@gmail.com', 'Stark Industires', 'US'),     -- typo and country: fuzzy_supported
	(11, 'f@gmail.com', 'Acme Studios', NULL),         -- another company: none
	(12, 'g@gmail.com', 'Wayne Enterprises', NULL),    -- duplicates: the exact name wins (before priority)
	(13, 'h@gmail.com', 'Romashka', NULL),             -- transliterated key
	(14, NULL, 'Hooli', NULL),                         -- no email: still a company key
	(15, 'not an email', NULL, NULL),                  -- junk: none
	(NULL, 'i@acme.com', 'Acme', NULL);                -- no id: skipped
SELECT signup_id, account_id, method, round(score::numeric, 3) AS score,
       runner_up_account_id AS runner_up, round(runner_up_score::numeric, 3) AS runner_up_score,
       shadow_account, evidence
  FROM sum.match_accounts('SELECT * FROM m_signups', 'SELECT * FROM m_accounts')
 ORDER BY signup_id::int;

-- the ladder is configurable: without the domain step, acme.com users match by key
UPDATE sum.settings SET value = '{company_key,fuzzy_supported,fuzzy}' WHERE name = 'matching.methods';
SELECT signup_id, account_id, method FROM sum.match_accounts(
	'SELECT * FROM m_signups WHERE signup_id IN (1, 2)', 'SELECT * FROM m_accounts')
 ORDER BY signup_id::int;
DELETE FROM sum.settings WHERE name = 'matching.methods';

-- tie-break rules are configurable: account_id first
UPDATE sum.settings SET value = '{account_id}' WHERE name = 'matching.tie_break';
SELECT signup_id, account_id, method, evidence FROM sum.match_accounts(
	'SELECT * FROM m_signups WHERE signup_id IN (2, 4)', 'SELECT * FROM m_accounts')
 ORDER BY signup_id::int;
DELETE FROM sum.settings WHERE name = 'matching.tie_break';

-- a higher fuzzy threshold turns the lone typo away
UPDATE sum.settings SET value = '0.99' WHERE name = 'matching.fuzzy_threshold';
SELECT signup_id, account_id, method FROM sum.match_accounts(
	'SELECT * FROM m_signups WHERE signup_id = 9', 'SELECT * FROM m_accounts');
DELETE FROM sum.settings WHERE name = 'matching.fuzzy_threshold';

-- optional columns may be missing; ids of any type come back as text
SELECT signup_id, account_id, method FROM sum.match_accounts(
	'SELECT signup_id::bigint AS signup_id, email FROM m_signups WHERE signup_id = 5',
	'SELECT account_id::text AS account_id, name FROM m_accounts');
SELECT count(*) AS rows FROM sum.match_accounts(
	'SELECT * FROM m_signups WHERE false', 'SELECT * FROM m_accounts');
SELECT signup_id, account_id, method FROM sum.match_accounts(
	'SELECT * FROM m_signups WHERE signup_id = 3', 'SELECT * FROM m_accounts WHERE false');

-- hostile input: megabyte names, NULL names, emoji, repeated account ids
CREATE TABLE m_odd_accounts AS
SELECT * FROM (VALUES (1, repeat('Acme ', 200000), 'acme.com'), (2, NULL, NULL), (2, '🚀🚀', 'rocket.io'),
	(3, 'Zenith Ltd', repeat('x', 300) || '.com'), (4, 'Stark Industries', 'stark.com')) AS t(account_id, name, domain);
SELECT signup_id, account_id, method FROM sum.match_accounts(
	$$SELECT * FROM (VALUES (1, 'a@acme.com', repeat('Zenith ', 150000)), (2, 'b@gmail.com', '🚀🚀'),
		(3, 'c@gmail.com', repeat('x', 1000000)), (4, 'd@gmail.com', 'Zenith')) AS t(signup_id, email, company_name)$$,
	'SELECT * FROM m_odd_accounts')
 ORDER BY signup_id::int;
DROP TABLE m_odd_accounts;

-- bad input
SELECT * FROM sum.match_accounts('SELECT 1 AS id', 'SELECT * FROM m_accounts');
SELECT * FROM sum.match_accounts('SELECT * FROM m_signups', 'SELECT account_id FROM m_accounts');
SELECT * FROM sum.match_accounts('SELECT * FROM no_such_table', 'SELECT * FROM m_accounts');
SELECT * FROM sum.match_accounts(NULL, 'SELECT * FROM m_accounts');
-- unknown methods and tie-break rules are refused when written
UPDATE sum.settings SET value = '{domain,telepathy}' WHERE name = 'matching.methods';
UPDATE sum.settings SET value = '{name,NULL}' WHERE name = 'matching.tie_break';
SELECT count(*) AS overrides FROM sum.settings WHERE name LIKE 'matching.%' AND NOT is_default;
UPDATE sum.settings SET value = '1.5' WHERE name = 'matching.fuzzy_threshold';

DROP TABLE m_accounts, m_signups;
