-- fit: sum.icp_rules, validation, sum.fit and the fit.* tiers
\set SHOW_CONTEXT never

-- the shipped example rules
SELECT name, attribute, operator, value, points FROM sum.icp_rules ORDER BY name;
SELECT name, value FROM sum.settings WHERE name LIKE 'fit.%' ORDER BY name;

-- a mid-market software company in the US on HubSpot: 25 + 20 + 15 + 20 + 15 = 95, tier A
-- (text compares folded: "Computer Software", "us", "HubSpot"; numbers may be strings)
SELECT * FROM sum.fit('{"employees": 250, "industry": "Computer Software", "country": "us",
	"annual_revenue": "50000000", "technologies": ["Slack", "HubSpot"]}');
-- a small school: employees 5 (micro, -15), education (-20): -35, tier D
SELECT * FROM sum.fit('{"employees": "5", "industry": " Éducation "}');
-- enterprise in Germany without other data: 15 + 15 = 30, tier C
SELECT * FROM sum.fit('{"employees": 5000, "country": "DE"}');
-- boundaries: 999 is mid-market, 1000 enterprise; 45 is tier B
SELECT (sum.fit('{"employees": 999}')).matched_rules, (sum.fit('{"employees": 1000}')).matched_rules;
SELECT * FROM sum.fit('{"employees": 100, "industry": "SaaS"}');
-- nothing known, unknown keys, nulls, wrong types: no rule matches, tier D
SELECT * FROM sum.fit('{}');
SELECT * FROM sum.fit('{"employees": null, "industry": 42, "country": {"code": "US"}, "annual_revenue": "ten million", "nickname": "x"}');
SELECT sum.fit(NULL) IS NULL AS strict;

-- a table of accounts, explained
CREATE TABLE fit_accounts (id int, employees int, industry text, country text, annual_revenue numeric, technologies text[]);
INSERT INTO fit_accounts VALUES
	(1, 120, 'Internet', 'GB', 2e7, '{segment}'),
	(2, 12, 'Retail', 'BR', NULL, NULL),
	(3, NULL, NULL, NULL, NULL, '{}');
SELECT a.id, f.score, f.tier, f.matched_rules
  FROM fit_accounts a CROSS JOIN LATERAL sum.fit(to_jsonb(a)) f ORDER BY a.id;

-- in parallel workers too (they read the rules through their own cache)
CREATE TABLE fit_many AS
	SELECT i AS id, (i % 2000) AS employees, (ARRAY['Software', 'Retail', 'Education'])[1 + i % 3] AS industry,
		   (ARRAY['US', 'BR'])[1 + i % 2] AS country
	  FROM generate_series(1, 20000) i;
ANALYZE fit_many;
CREATE TABLE fit_serial AS SELECT id, sum.fit(to_jsonb(f)) AS r FROM fit_many f;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT (sum.fit(to_jsonb(f))).tier, count(*) FROM fit_many f GROUP BY 1;
CREATE TABLE fit_parallel AS SELECT id, sum.fit(to_jsonb(f)) AS r FROM fit_many f;
SELECT count(*) AS accounts, count(*) FILTER (WHERE s.r = p.r) AS equal
  FROM fit_serial s FULL JOIN fit_parallel p USING (id);
SELECT (r).tier, count(*) FROM fit_parallel GROUP BY 1 ORDER BY 1;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE fit_many, fit_serial, fit_parallel;

-- user rules: a new rule counts at the next call; a user row overrides a shipped one
INSERT INTO sum.icp_rules (name, attribute, operator, value, points, description)
	VALUES ('uses_sso', 'sso', 'eq', 'true', 10, 'asks for SSO');
SELECT * FROM sum.fit('{"employees": 100, "industry": "SaaS", "sso": true}');
INSERT INTO sum.icp_rules (name, attribute, operator, value, points)
	VALUES ('industry_core', 'industry', 'contains_text', '["software", "saas"]', 30);
SELECT * FROM sum.fit('{"employees": 100, "industry": "Enterprise SaaS", "sso": true}');
-- switching a shipped rule off
INSERT INTO sum.icp_rules (name, attribute, operator, value, points, enabled)
	VALUES ('employees_mid_market', 'employees', 'between', '[50, 999]', 25, false);
SELECT * FROM sum.fit('{"employees": 100, "industry": "Enterprise SaaS", "sso": true}');
-- more operators
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES
	('has_domain', 'domain', 'exists', NULL, 1),
	('no_phone', 'phone', 'missing', NULL, 2),
	('not_us', 'country', 'not_in', '["US"]', 4),
	('full_stack', 'technologies', 'contains_all', '["snowflake", "dbt"]', 8),
	('small_revenue', 'annual_revenue', 'lte', '1000000', 16);
SELECT (sum.fit('{"domain": "acme.io", "country": "FR", "technologies": ["dbt", "Snowflake", "x"], "annual_revenue": 1000000}')).*;
SELECT (sum.fit('{"domain": "", "phone": "", "country": "US", "technologies": ["dbt"]}')).*;

-- tiers follow the settings at the next call: 25 + 20 + 15 + 20 = 80 is A, then B
DELETE FROM sum.icp_rules WHERE source = 'user';
SELECT * FROM sum.fit('{"employees": 250, "industry": "Computer Software", "country": "us", "annual_revenue": 5e7}');
UPDATE sum.settings SET value = '100' WHERE name = 'fit.tier_a';
SELECT * FROM sum.fit('{"employees": 250, "industry": "Computer Software", "country": "us", "annual_revenue": 5e7}');
DELETE FROM sum.settings WHERE name = 'fit.tier_a';
SELECT * FROM sum.fit('{"employees": 250, "industry": "Computer Software", "country": "us", "annual_revenue": 5e7}');

-- errors: rules are validated on write
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'employees', 'like', '"a%"', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'employees', 'between', '[500, 50]', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'employees', 'between', '[null, null]', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'employees', 'between', '["50", 100]', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'employees', 'between', '50', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'employees', 'gte', '"50"', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'country', 'in', '[]', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'country', 'in', '[["US"]]', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'country', 'in', '{"a": 1}', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'country', 'in', NULL, 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'country', 'eq', '["US", "CA"]', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'country', 'eq', '""', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'country', 'exists', '"US"', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', 'country', 'eq', '"US"', 1001);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('r', '', 'eq', '"US"', 1);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('', 'country', 'eq', '"US"', 1);
INSERT INTO sum.icp_rules (name, source, attribute, operator, value, points) VALUES ('r', 'shipped', 'country', 'eq', '"US"', 1);
-- shipped rows are read-only
UPDATE sum.icp_rules SET points = 99 WHERE name = 'country_core' AND source = 'shipped';
DELETE FROM sum.icp_rules WHERE name = 'tech_stack';
SELECT sum.icp_rule_check('r', 'country', 'in', '["US"]', 5);
SELECT sum.icp_rule_check('r', NULL, 'in', '["US"]', 5);
-- the account must be an object
SELECT sum.fit('["employees", 10]');
SELECT sum.fit('"x"');
-- tier thresholds out of order
UPDATE sum.settings SET value = '50' WHERE name = 'fit.tier_c';
SELECT sum.fit('{}');
DELETE FROM sum.settings WHERE name = 'fit.tier_c';

-- nothing was changed by the failed statements
SELECT source, count(*), sum(points) FROM sum.icp_rules GROUP BY source ORDER BY source;
SELECT name, value FROM sum.settings WHERE name LIKE 'fit.%' AND NOT is_default;

DROP TABLE fit_accounts;
