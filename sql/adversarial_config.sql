-- adversarial_config: hostile settings, rule rows and fit input.  Every
-- write is stored or refused with a specific SQLSTATE, and every call
-- returns a value or such an error.
\set SHOW_CONTEXT never
\set VERBOSITY sqlstate

CREATE FUNCTION pg_temp.try(q text, v text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	EXECUTE q INTO r USING v;
	IF r IS NULL THEN
		RETURN '<null>';
	ELSIF length(r) > 60 THEN
		RETURN left(r, 40) || '... (' || length(r) || ' chars)';
	END IF;
	RETURN r;
EXCEPTION WHEN OTHERS THEN
	RETURN 'ERROR ' || SQLSTATE;
END
$$;

CREATE TEMP TABLE hostile (id int PRIMARY KEY, label text, v text);
INSERT INTO hostile VALUES
	(1, 'null', NULL),
	(2, 'empty', ''),
	(3, '10 MB', repeat('9', 10 * 1024 * 1024)),
	(4, 'quote and semicolon', $$x'; DROP TABLE hostile; --$$),
	(5, 'relation with quotes', $$public."a""b;c"$$),
	(6, 'bidi override', E'\u202E42'),
	(7, 'zero-width digit', E'4\u200B2'),
	(8, 'huge number', '1e400'),
	(9, 'NaN', 'NaN'),
	(10, 'array literal', '{a,"b,c",NULL}'),
	(11, 'malformed array', '{a,'),
	(12, 'interval', '1000000 years'),
	(13, 'valid integer', '42');

-- settings of each type: stored or refused, never reinterpreted
SELECT h.id, h.label,
	   pg_temp.try('UPDATE sum.settings SET value = $1 WHERE name = ''persona.small_company_employees'' RETURNING value', h.v) AS integer_setting,
	   pg_temp.try('UPDATE sum.settings SET value = $1 WHERE name = ''matching.fuzzy_threshold'' RETURNING value', h.v) AS numeric_setting,
	   pg_temp.try('UPDATE sum.settings SET value = $1 WHERE name = ''matching.methods'' RETURNING value', h.v) AS array_setting,
	   pg_temp.try('UPDATE sum.settings SET value = $1 WHERE name = ''milestones.timezone'' RETURNING value', h.v) AS timezone_setting
  FROM hostile h ORDER BY h.id;
SELECT name, value FROM sum.setting_overrides ORDER BY name;
DELETE FROM sum.settings WHERE name IN ('persona.small_company_employees', 'matching.fuzzy_threshold', 'matching.methods', 'milestones.timezone');

-- reading settings by hostile names
SELECT h.id, pg_temp.try('SELECT sum.setting($1)', h.v) AS setting,
	   pg_temp.try('SELECT sum.check_setting($1, ''1'')::text', h.v) AS check_setting,
	   pg_temp.try('SELECT sum.check_setting(''persona.small_company_employees'', $1)::text', h.v) AS check_value
  FROM hostile h ORDER BY h.id;
SELECT pg_temp.try('INSERT INTO sum.settings (name, value) VALUES ($1, ''1'') RETURNING name', v) AS insert_unknown
  FROM hostile WHERE id IN (1, 4, 5);

-- ICP rules: hostile names, attributes, operators and values
SELECT n, pg_temp.try(q) AS icp_rule_check FROM (VALUES
	(1, 'SELECT sum.icp_rule_check(NULL, NULL, NULL, NULL, NULL)::text'),
	(2, 'SELECT sum.icp_rule_check(''r'', ''country'', ''in'', ''["US"]'', NULL)::text'),
	(3, 'SELECT sum.icp_rule_check(''r'', '''', ''in'', ''["US"]'', 1)::text'),
	(4, 'SELECT sum.icp_rule_check(''r'', repeat(''a'', 10485760), ''in'', ''["US"]'', 1)::text'),
	(5, 'SELECT sum.icp_rule_check(''r'', ''country'', ''IN'', ''["US"]'', 1)::text'),
	(6, 'SELECT sum.icp_rule_check(''r'', ''country'', $$in''; --$$, ''["US"]'', 1)::text'),
	(7, 'SELECT sum.icp_rule_check(''r'', ''country'', ''in'', ''[]'', 1)::text'),
	(8, 'SELECT sum.icp_rule_check(''r'', ''country'', ''in'', (SELECT jsonb_agg(i) FROM generate_series(1, 10001) i), 1)::text'),
	(9, 'SELECT sum.icp_rule_check(''r'', ''country'', ''in'', (SELECT jsonb_agg(i) FROM generate_series(1, 10000) i), 1)::text'),
	(10, 'SELECT sum.icp_rule_check(''r'', ''country'', ''in'', jsonb_build_array(repeat(''x'', 1001)), 1)::text'),
	(11, 'SELECT sum.icp_rule_check(''r'', ''country'', ''in'', ''[["US"]]'', 1)::text'),
	(12, 'SELECT sum.icp_rule_check(''r'', ''country'', ''in'', ''[{"a": 1}]'', 1)::text'),
	(13, 'SELECT sum.icp_rule_check(''r'', ''country'', ''in'', ''[null]'', 1)::text'),
	(14, 'SELECT sum.icp_rule_check(''r'', ''employees'', ''between'', ''[1e400, 2]'', 1)::text'),
	(15, 'SELECT sum.icp_rule_check(''r'', ''employees'', ''between'', ''[5, 1]'', 1)::text'),
	(16, 'SELECT sum.icp_rule_check(''r'', ''employees'', ''between'', ''[null, null]'', 1)::text'),
	(17, 'SELECT sum.icp_rule_check(''r'', ''employees'', ''between'', ''["1", "2"]'', 1)::text'),
	(18, 'SELECT sum.icp_rule_check(''r'', ''employees'', ''gte'', ''"ten"'', 1)::text'),
	(19, 'SELECT sum.icp_rule_check(''r'', ''employees'', ''gte'', ''10'', 1001)::text'),
	(20, 'SELECT sum.icp_rule_check(''r'', ''employees'', ''gte'', ''10'', -2147483648)::text'),
	(21, 'SELECT sum.icp_rule_check(''r'', ''x'', ''exists'', ''1'', 1)::text'),
	(22, 'SELECT sum.icp_rule_check(''r'', ''x'', ''exists'', NULL, 1)::text'),
	(23, 'SELECT sum.icp_rule_check(''r'', ''x'', ''contains_text'', ''[""]'', 1)::text'),
	(24, 'SELECT sum.icp_rule_check(repeat(''n'', 10485760), ''x'', ''exists'', NULL, 1)::text')
) AS t(n, q) ORDER BY n;
SELECT pg_temp.try('INSERT INTO sum.icp_rules (name, attribute, operator, value, points, source) VALUES ($1, ''x'', ''exists'', NULL, 1, ''shipped'') RETURNING name', 'fake_shipped') AS fake_shipped,
	   pg_temp.try('UPDATE sum.icp_rules SET points = 0 WHERE source = ''shipped'' RETURNING name', NULL) AS change_shipped;

-- a thousand user rules, one with ten thousand values
INSERT INTO sum.icp_rules (name, attribute, operator, value, points)
SELECT 'adv_' || i, 'attr_' || (i % 10), 'in', jsonb_build_array('v' || i, i), 1 FROM generate_series(1, 1000) i;
INSERT INTO sum.icp_rules (name, attribute, operator, value, points)
SELECT 'adv_big', 'country', 'in', jsonb_agg('c' || i), 1 FROM generate_series(1, 10000) i;

-- fit over hostile accounts
SELECT n, pg_temp.try('SELECT sum.fit($1::jsonb)::text', v) AS fit FROM (VALUES
	(1, NULL),
	(2, '[]'),
	(3, '"US"'),
	(4, 'null'),
	(5, '{}'),
	(6, '{"country": null, "employees": "NaN", "industry": []}'),
	(7, '{"employees": 1e308, "attr_1": "v1", "attr_2": 2}'),
	(8, '{"country": "c9999", "attr_3": ["v3", "v13", 3]}'),
	(9, '{"a": {"b": {"c": {"d": [[[[["deep"]]]]]}}}}'),
	(10, '{"country": "\u202Ec1"}')
) AS t(n, v) ORDER BY n;
SELECT (sum.fit(jsonb_build_object('country', repeat('x', 10 * 1024 * 1024)))).score AS fit_10mb,
	   (sum.fit((SELECT jsonb_object_agg('k' || i, i) FROM generate_series(1, 100000) i))).score AS fit_100k_keys,
	   (sum.fit(jsonb_build_object('attr_5', (SELECT jsonb_agg('v' || i) FROM generate_series(1, 100000) i)))).score AS fit_100k_elements;
DELETE FROM sum.icp_rules WHERE source = 'user';

-- fit tiers that are not descending are refused when fit reads them
UPDATE sum.settings SET value = '90' WHERE name = 'fit.tier_c';
SELECT sum.fit('{}');
DELETE FROM sum.settings WHERE name = 'fit.tier_c';

-- milestone definitions: hostile rows are refused
SELECT n, pg_temp.try(q) AS milestone_def FROM (VALUES
	(1, 'INSERT INTO sum.milestone_defs (name, kind) VALUES (NULL, ''first_event'') RETURNING name'),
	(2, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('''', ''first_event'', ''{login}'') RETURNING name'),
	(3, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES (repeat(''m'', 65), ''first_event'', ''{login}'') RETURNING name'),
	(4, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES ($$x''; --$$, ''first_event'', ''{login}'') RETURNING name'),
	(5, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES (''adv'', ''bogus'', ''{login}'') RETURNING name'),
	(6, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES (''adv'', ''first_event'', ''{}'') RETURNING name'),
	(7, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES (''adv'', ''first_event'', ''{NULL}'') RETURNING name'),
	(8, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES (''adv'', ''first_event'', ARRAY[repeat(''e'', 10485760)]) RETURNING name'),
	(9, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES (''adv'', ''funnel'', array_fill(''e''::text, ARRAY[1000])) RETURNING name'),
	(10, 'INSERT INTO sum.milestone_defs (name, kind, events, min_count, days) VALUES (''adv'', ''event_count'', ''{login}'', 2147483647, 7) RETURNING name'),
	(11, 'INSERT INTO sum.milestone_defs (name, kind, events, min_count, days) VALUES (''adv'', ''event_count'', ''{login}'', 3, -1) RETURNING name'),
	(12, 'INSERT INTO sum.milestone_defs (name, kind, events, funnel_window) VALUES (''adv'', ''funnel'', ''{a,b}'', ''-1 hour'') RETURNING name'),
	(13, 'INSERT INTO sum.milestone_defs (name, kind, events, funnel_window) VALUES (''adv'', ''funnel'', ''{a,b}'', ''infinity'') RETURNING name'),
	(14, 'INSERT INTO sum.milestone_defs (name, kind, events, percent, min_baseline) VALUES (''adv'', ''usage_drop'', ''{login}'', ''NaN'', 1) RETURNING name'),
	(15, 'INSERT INTO sum.milestone_defs (name, kind, events, source) VALUES (''adv'', ''first_event'', ''{login}'', ''shipped'') RETURNING name'),
	(16, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES (E''a\u202Eb'', ''first_event'', ''{login}'') RETURNING name'),
	(17, 'INSERT INTO sum.milestone_defs (name, kind, events) VALUES (''adv_ok'', ''first_event'', ''{login}'') RETURNING name')
) AS t(n, q) ORDER BY n;
DELETE FROM sum.milestone_defs WHERE source = 'user';

-- trigger functions cannot be called directly
SELECT n, pg_temp.try(q) AS trigger_function FROM (VALUES
	(1, 'SELECT sum.config_changed()::text'),
	(2, 'SELECT sum.settings_write()::text'),
	(3, 'SELECT sum.domain_list_write()::text'),
	(4, 'SELECT sum.legal_forms_check()::text'),
	(5, 'SELECT sum.legal_forms_protect()::text'),
	(6, 'SELECT sum.persona_rules_check()::text'),
	(7, 'SELECT sum.milestone_defs_check()::text'),
	(8, 'SELECT sum.milestone_defs_delete()::text'),
	(9, 'SELECT sum.icp_rules_write()::text')
) AS t(n, q) ORDER BY n;
