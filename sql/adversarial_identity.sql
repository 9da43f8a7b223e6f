-- adversarial_identity: hostile input to the email and domain functions and
-- the domain list tables.  Every call returns NULL, a value, or an error
-- with a specific SQLSTATE; none crashes or hangs.
\set SHOW_CONTEXT never
\set VERBOSITY sqlstate

-- try(q, v): q run with $1 = v; the result (at most 60 characters, with
-- its length when longer) or the SQLSTATE of the error
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
	(4, '10 MB local part', repeat('a', 10 * 1024 * 1024) || '@example.com'),
	(5, '10 MB domain', 'a@' || repeat('b', 10 * 1024 * 1024) || '.com'),
	(6, '100 k labels', 'a@' || repeat('b.', 100000) || 'com'),
	(7, 'control chars', E'jo\x01hn@exa\x7fmple.com'),
	(8, 'bidi override', E'\u202Eevil@example.com'),
	(9, 'RTL domain', E'a@\u05D0\u05D1.com'),
	(10, 'mixed bidi domain', E'a@\u05D0a\u05D1.com'),
	(11, 'zero-width space', E'jo\u200Bhn@example.com'),
	(12, 'ZWJ in domain', E'a@exa\u200Dmple.com'),
	(13, 'noncharacters', E'\uFFFE\uFFFF@example.com'),
	(14, 'last code point', E'a@example.com\U0010FFFF'),
	(15, 'lone combining mark', E'\u0301@example.com'),
	(16, 'private use', E'\uE000@example.com'),
	(17, 'only @', repeat('@', 1000)),
	(18, 'bad punycode', 'a@xn--.com'),
	(19, 'bad punycode 2', 'a@xn--zz-zzzzzzzzzzzzzzzzzzzz.com'),
	(20, 'SQL in local part', $$a'; DROP TABLE hostile; --@example.com$$),
	(21, 'newline then SQL', E'a@example.com\n; DROP TABLE hostile'),
	(22, 'URL with huge port', 'http://user:pw@[::1]:99999999999/x?y#z'),
	(23, 'scheme only', 'https://'),
	(24, 'dots only', '....'),
	(25, 'label of 64', 'a@' || repeat('c', 64) || '.com'),
	(26, 'valid', 'John.Doe+x@GoogleMail.com');

-- sum.email_normalize, every profile (NULL email gives NULL)
SELECT id, label,
	   pg_temp.try('SELECT sum.email_normalize($1)', v) AS match,
	   pg_temp.try('SELECT sum.email_normalize($1, ''basic'')', v) AS basic,
	   pg_temp.try('SELECT sum.email_normalize($1, ''google_ads'')', v) AS google_ads
  FROM hostile ORDER BY id;

-- the profile argument is input too: unknown, NULL, huge, hostile
SELECT p.label, pg_temp.try('SELECT sum.email_normalize(''a@b.com'', $1)', p.v) AS result
  FROM (VALUES (1, 'null', NULL), (2, 'empty', ''), (3, 'upper', 'MATCH'),
			   (4, '10 MB', repeat('x', 10 * 1024 * 1024)),
			   (5, 'quote', $$match'; --$$), (6, 'zero-width', E'match\u200B')) AS p(n, label, v)
 ORDER BY p.n;

-- the other email functions
SELECT id,
	   pg_temp.try('SELECT sum.email_is_valid($1)::text', v) AS valid,
	   pg_temp.try('SELECT sum.email_local($1)', v) AS local,
	   pg_temp.try('SELECT sum.email_domain($1)', v) AS domain,
	   pg_temp.try('SELECT sum.email_provider($1)', v) AS provider,
	   pg_temp.try('SELECT left(sum.email_hash($1), 12)', v) AS hash
  FROM hostile ORDER BY id;
SELECT pg_temp.try('SELECT sum.email_local(''a@b.com'', ''nope'')', NULL) AS local_bad_profile,
	   pg_temp.try('SELECT sum.email_domain(''a@b.com'', NULL)', NULL) AS domain_null_profile,
	   pg_temp.try('SELECT sum.email_hash(''a@b.com'', ''bogus'')', NULL) AS hash_bad_profile;

-- domains
SELECT id,
	   pg_temp.try('SELECT sum.domain_normalize($1)', v) AS normalized,
	   pg_temp.try('SELECT sum.registrable_domain($1)', v) AS registrable,
	   pg_temp.try('SELECT sum.registrable_domain($1, true)', v) AS with_private,
	   pg_temp.try('SELECT sum.is_freemail($1)::text', v) AS freemail,
	   pg_temp.try('SELECT sum.is_disposable($1)::text', v) AS disposable
  FROM hostile ORDER BY id;
SELECT sum.registrable_domain('acme.com', NULL) AS null_flag;

-- domain list tables: hostile rows are rejected with invalid_parameter_value
-- (NULL too), and the lists keep working; a duplicate is a unique_violation
BEGIN;
INSERT INTO sum.freemail_domains (domain) VALUES (NULL);
ROLLBACK;
SELECT h.id, pg_temp.try('INSERT INTO sum.freemail_domains (domain) VALUES ($1) RETURNING domain', h.v) AS freemail_insert
  FROM hostile h WHERE h.id > 1 ORDER BY h.id;
SELECT pg_temp.try('INSERT INTO sum.disposable_domains (domain) VALUES ($1) RETURNING domain', v) AS disposable_insert
  FROM (VALUES (E'evil\u202E.com'), ($$x.com'; DROP TABLE hostile; --$$), ('*.example.com')) AS t(v);
SELECT pg_temp.try('UPDATE sum.freemail_domains SET domain = $1 WHERE domain = ''gmail.com'' RETURNING domain', 'evil.com') AS change_shipped;
SELECT sum.is_freemail('a@gmail.com') AS gmail_still_freemail, count(*) AS hostile_left FROM hostile;
DELETE FROM sum.freemail_domains WHERE source = 'user';
DELETE FROM sum.disposable_domains WHERE source = 'user';

-- sum.data_file_lines is superuser only and confined to its directory
SELECT pg_temp.try('SELECT count(*)::text FROM sum.data_file_lines($1)', v) AS data_file
  FROM (VALUES (1, '../../../../etc/passwd'), (2, ''), (3, repeat('a', 100)), (4, 'nope'),
			   (5, 'freemail_domains')) AS t(n, v) ORDER BY n;
CREATE ROLE sum_adversarial_user;
SET ROLE sum_adversarial_user;
SELECT count(*) FROM sum.data_file_lines('freemail_domains');
RESET ROLE;
DROP ROLE sum_adversarial_user;
