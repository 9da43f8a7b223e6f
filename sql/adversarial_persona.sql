-- adversarial_persona: hostile titles, persona values and rule tables.
-- Every call returns NULL, a value, or an error with a specific SQLSTATE.
\set SHOW_CONTEXT never
\set VERBOSITY sqlstate

CREATE FUNCTION pg_temp.try(q text, v text) RETURNS text
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
	(3, 'blanks', E' \t\r\n '),
	(4, '10 MB of vp', repeat('VP ', 3 * 1024 * 1024 + 512)),
	(5, '10 MB, one word', repeat('x', 10 * 1024 * 1024)),
	(6, 'control chars', E'V\x01P\x7f of Sales'),
	(7, 'bidi override', E'\u202EVP of Sales'),
	(8, 'zero-width inside word', E'V\u200BP of Sa\u200Dles'),
	(16, 'soft hyphen', E'Mar\u00ADketing Ma\u00ADnager'),
	(9, 'noncharacters', E'\uFFFE\uFFFF\U0010FFFF'),
	(10, 'combining marks only', repeat(E'\u0301', 1000)),
	(11, 'RTL title', E'\u05DE\u05E0\u05D4\u05DC \u05DE\u05DB\u05D9\u05E8\u05D5\u05EA'),
	(12, 'separators only', repeat(' | ', 1000)),
	(13, 'SQL', $$VP'; DROP TABLE hostile; --$$),
	(14, 'wildcard chars', '* ^ $ % _ \ *vp*'),
	(15, 'valid', 'VP of Marketing');

SELECT id, label,
	   pg_temp.try('SELECT sum.title_persona($1)::text', v) AS persona,
	   pg_temp.try('SELECT sum.title_seniority($1)::text', v) AS seniority,
	   pg_temp.try('SELECT sum.title_function($1)::text', v) AS function,
	   pg_temp.try('SELECT sum.title_normalize($1)', v) AS normalized,
	   pg_temp.try('SELECT sum.persona_pattern($1)', v) AS pattern
  FROM hostile ORDER BY id;

-- buying_role: hostile persona values and company sizes
SELECT n, pg_temp.try('SELECT sum.buying_role(' || p || ')::text', NULL) AS buying_role
  FROM (VALUES
	(1, 'NULL'),
	(2, 'NULL::sum.persona, 10'),
	(3, 'ROW(NULL, NULL, NULL, NULL)::sum.persona'),
	(4, 'ROW(''marketing'', NULL, NULL, NULL)::sum.persona, 50'),
	(5, 'ROW(''marketing'', ''vp'', ''NaN'', NULL)::sum.persona, 50'),
	(6, 'ROW(''marketing'', ''vp'', ''-Infinity'', ''{}'')::sum.persona, 50'),
	(7, 'ROW(''marketing'', ''vp'', 1, array_fill(''x''::text, ARRAY[100000]))::sum.persona, 50'),
	(8, 'sum.title_persona(''VP of Marketing''), -1'),
	(9, 'sum.title_persona(''VP of Marketing''), 2147483647'),
	(10, 'sum.title_persona(''VP of Marketing''), 0'),
	(11, 'ROW(''bogus'', ''vp'', 1, NULL)::sum.persona')) AS t(n, p)
 ORDER BY n;

-- rule tables: hostile patterns are rejected with invalid_parameter_value
SELECT h.id, pg_temp.try('INSERT INTO sum.persona_rules (pattern, seniority) VALUES ($1, ''vp'') RETURNING pattern', h.v) AS insert_rule
  FROM hostile h ORDER BY h.id;
SELECT pg_temp.try('INSERT INTO sum.persona_rules (pattern, seniority, note, lang) VALUES (''ninja'', ''senior'', $1, NULL) RETURNING length(note)::text', repeat('n', 10 * 1024 * 1024)) AS huge_note;
DELETE FROM sum.persona_rules WHERE source = 'user';

-- a pathological rule table: 20 000 rules, most of them infix wildcards
-- that all match a long title; classification stays bounded
INSERT INTO sum.persona_rules (pattern, seniority, function, priority)
SELECT CASE i % 3 WHEN 0 THEN '*abc' || i || '*' WHEN 1 THEN '*' || repeat('a', 20) || '*' ELSE 'a' || i || ' a a a a a a a' END,
	   CASE WHEN i % 2 = 0 THEN 'vp' END, CASE WHEN i % 2 = 1 THEN 'sales' END, i % 101
  FROM generate_series(1, 20000) i
ON CONFLICT DO NOTHING;
SELECT count(*) AS user_rules FROM sum.persona_rules WHERE source = 'user';
SELECT (sum.title_persona(repeat('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1 ', 40))).function AS long_title,
	   (sum.title_persona('VP of Marketing')).function AS normal_title;
DELETE FROM sum.persona_rules WHERE source = 'user';
SELECT sum.title_persona('VP of Marketing') AS rules_back_to_shipped;
