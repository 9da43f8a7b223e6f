-- adversarial_matching: hostile input to the similarity functions, company
-- keys, legal forms, lead-to-account matching and person de-duplication.
-- Every call returns NULL, a value, or an error with a specific SQLSTATE.
\set SHOW_CONTEXT never
\set VERBOSITY sqlstate
SET extra_float_digits = 0;

-- try(q, a, b): q run with $1 = a, $2 = b; the result (at most 60
-- characters) or the SQLSTATE of the error
CREATE FUNCTION pg_temp.try(q text, a text, b text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	EXECUTE q INTO r USING a, b;
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
	(4, 'control chars', E'Ac\x01me\x7f Inc'),
	(5, 'bidi override', E'\u202EAcme Inc'),
	(6, 'zero-width', E'Ac\u200Bme\u200D Inc\uFEFF'),
	(7, 'noncharacters', E'\uFFFE\uFFFF\U0010FFFF'),
	(8, 'combining marks only', repeat(E'\u0301', 1000)),
	(9, 'private use', E'\uE000\uF8FF'),
	(10, 'RTL name', E'\u05E9\u05DC\u05D5\u05DD \u05D1\u05E2\u05F4\u05DE'),
	(11, 'only punctuation', '!!!...,,,---'),
	(12, 'only legal forms', 'Inc. LLC GmbH S.A.'),
	(13, 'SQL', $$Acme'; DROP TABLE hostile; --$$),
	(14, 'emoji', E'\U0001F600 Acme \U0001F4A9'),
	(15, '1 MB', repeat('Acme ', 200 * 1024)),
	(16, 'valid', 'Acme Corporation');

-- similarity functions of the text with itself and with 'acme'
SELECT id, label,
	   pg_temp.try('SELECT sum.levenshtein($1, $2)::text', v, 'acme') AS lev,
	   pg_temp.try('SELECT sum.levenshtein($1, $2, 3)::text', v, 'acme') AS lev3,
	   pg_temp.try('SELECT sum.damerau_levenshtein($1, $2)::text', left(v, 3000), 'acme') AS dl,
	   pg_temp.try('SELECT round(sum.jaro_similarity($1, $2)::numeric, 3)::text', v, 'acme') AS jaro,
	   pg_temp.try('SELECT round(sum.jaro_winkler_similarity($1, $1)::numeric, 3)::text', v) AS jw_self,
	   pg_temp.try('SELECT round(sum.jaccard($1, $2)::numeric, 3)::text', v, 'acme') AS jac,
	   pg_temp.try('SELECT round(sum.jaccard($1, $1, 2)::numeric, 3)::text', v) AS jac2_self,
	   pg_temp.try('SELECT round(sum.token_set_similarity($1, $2)::numeric, 3)::text', v, 'acme inc') AS tset
  FROM hostile ORDER BY id;

-- two 10 MB strings: linear memory, bounded time with a max_distance
SELECT sum.levenshtein(repeat('ab', 5 * 1024 * 1024), repeat('ab', 5 * 1024 * 1024), 2) AS same_10mb,
	   sum.levenshtein(repeat('ab', 5 * 1024 * 1024), repeat('ba', 5 * 1024 * 1024), 2) AS differ_10mb,
	   sum.jaccard(repeat('a', 10 * 1024 * 1024), 'a') AS jaccard_10mb,
	   sum.jaccard(repeat('ab', 5 * 1024 * 1024), 'ab', 64) AS jaccard_q64_10mb;

-- bad bounds
SELECT pg_temp.try('SELECT sum.levenshtein(''a'', ''b'', $1::int)::text', v) AS lev_bound,
	   pg_temp.try('SELECT sum.jaccard(''a'', ''b'', $1::int)::text', v) AS jaccard_q
  FROM (VALUES (1, '-1'), (2, '0'), (3, '65'), (4, '2147483647'), (5, '-2147483648')) AS t(n, v)
 ORDER BY n;

-- company keys and company similarity
SELECT id, label,
	   pg_temp.try('SELECT sum.company_key($1)', v) AS company_key,
	   pg_temp.try('SELECT round(sum.company_similarity($1, $2)::numeric, 3)::text', v, 'acme.com') AS similarity,
	   pg_temp.try('SELECT sum.legal_form_key($1)', v) AS legal_form_key
  FROM hostile ORDER BY id;
SELECT length(sum.company_key(repeat('Ab ', 3 * 1024 * 1024 + 512))) AS key_of_10mb;

-- legal forms: hostile rows are rejected, and a thousand user forms work
SELECT h.id, pg_temp.try('INSERT INTO sum.legal_forms (form, position) VALUES ($1, ''suffix'') RETURNING form_key', h.v) AS insert_form
  FROM hostile h WHERE h.id < 16 ORDER BY h.id;
SELECT pg_temp.try('INSERT INTO sum.legal_forms (form, position) VALUES (''Corp'', $1) RETURNING form_key', v) AS bad_position
  FROM (VALUES ('middle'), (NULL), ('')) AS t(v);
SELECT pg_temp.try('INSERT INTO sum.legal_forms (form, position, country) VALUES (''Corp'', ''suffix'', $1) RETURNING form_key', v) AS bad_country
  FROM (VALUES ('USA'), ('u'), (E'U\u200BS')) AS t(v);
SELECT pg_temp.try('UPDATE sum.legal_forms SET form = $1 WHERE source = ''shipped'' AND form = ''GmbH'' RETURNING form', 'Evil') AS change_shipped;
INSERT INTO sum.legal_forms (form, position)
	SELECT 'Form' || i || ' Zz', 'suffix' FROM generate_series(1, 1000) i;
SELECT sum.company_key('Acme Form17 Zz') AS user_form_removed, sum.company_key('Acme GmbH') AS shipped_form_removed;
DELETE FROM sum.legal_forms WHERE source = 'user';

-- match_accounts and dedupe_people take queries: they run as the caller,
-- read-only, and a query that is not one SELECT is an error
CREATE TEMP TABLE a_accounts (account_id int, name text, domain text);
INSERT INTO a_accounts VALUES (1, 'Acme Inc', 'acme.com'), (2, repeat('Z', 100000), repeat('z', 300) || '.com'),
	(3, E'\u202E\u200B', E'\u202E.com'), (4, NULL, NULL), (5, '', '');
CREATE TEMP TABLE a_signups (signup_id int, email text, company_name text);
INSERT INTO a_signups SELECT id, v, v FROM hostile WHERE id <> 15;
INSERT INTO a_signups VALUES (100, 'jo@acme.com', NULL);
SELECT signup_id, account_id, method
  FROM sum.match_accounts('SELECT * FROM a_signups', 'SELECT * FROM a_accounts')
 WHERE account_id IS NOT NULL ORDER BY signup_id;
SELECT q.n, pg_temp.try('SELECT count(*)::text FROM sum.match_accounts($1, ''SELECT * FROM a_accounts'')', q.v) AS match_signups,
	   pg_temp.try('SELECT count(*)::text FROM sum.match_accounts(''SELECT * FROM a_signups'', $1)', q.v) AS match_accounts,
	   pg_temp.try('SELECT count(*)::text FROM sum.dedupe_people($1)', q.v) AS dedupe,
	   pg_temp.try('SELECT count(*)::text FROM sum.connected_components($1)', q.v) AS components
  FROM (VALUES
	(1, NULL),
	(2, ''),
	(3, 'SELECT 1; DROP TABLE a_accounts'),
	(4, 'DELETE FROM a_accounts RETURNING *'),
	(5, 'SELECT * FROM a_accounts) AS x; DROP TABLE a_accounts; SELECT * FROM (SELECT 1'),
	(6, 'SELECT * FROM "no such"";table"'),
	(7, repeat(' ', 10 * 1024 * 1024) || 'SELECT 1'),
	(8, 'SELECT pg_sleep(0) AS a')) AS q(n, v)
 ORDER BY q.n;
SELECT count(*) AS accounts_left FROM a_accounts;

-- de-duplication: hostile emails and names, NULL logins, duplicate ids
CREATE TEMP TABLE a_logins AS SELECT id AS login_id, v AS email, v AS full_name FROM hostile;
SELECT count(*) AS logins, count(DISTINCT person_id) AS people
  FROM sum.dedupe_people('SELECT * FROM a_logins WHERE login_id IS NOT NULL');
SELECT count(*) FROM sum.dedupe_people('SELECT NULL::int AS login_id, ''a@b.com'' AS email');
SELECT count(*) FROM sum.dedupe_people('SELECT 1 AS login_id, ''a@b.com'' AS email UNION ALL SELECT 1, ''c@d.com''');
SELECT count(*) FROM sum.dedupe_people('SELECT 1 AS login_id, ''a@b.com'' AS email', 'SELECT 1 AS login_id');

-- connected components: self loops, NULL ends, a long chain
SELECT * FROM sum.connected_components('SELECT ''x'' AS a, ''x'' AS b UNION ALL SELECT NULL, ''y''
	UNION ALL SELECT ''y'', NULL UNION ALL SELECT '''', E''\u202E''') ORDER BY node;
SELECT count(DISTINCT component) AS components, count(*) AS nodes
  FROM sum.connected_components('SELECT i::text AS a, (i + 1)::text AS b FROM generate_series(1, 100000) i');
