-- psl: the public suffix list's own test cases through sum.registrable_domain
--
-- The cases come from the Debian package publicsuffix
-- (/usr/share/doc/publicsuffix/examples/test_psl.txt, the list's upstream
-- tests), one checkPublicSuffix(input, expected) call per line.  The file is
-- written for the whole list, so every case must agree with include_private.
-- With the default, the ICANN section only, the cases under uk.com differ
-- and must: uk.com is a rule of the private section (CentralNic's), so for
-- ICANN purposes "example.uk.com" is a subdomain of the registrable domain
-- "uk.com".  Internationalized inputs keep their script in the result, as
-- the file expects.
\set SHOW_CONTEXT never

CREATE TEMP TABLE psl_cases AS
SELECT l.n,
	   CASE WHEN m[1] = 'null' THEN NULL ELSE substr(m[1], 2, length(m[1]) - 2) END AS input,
	   CASE WHEN m[2] = 'null' THEN NULL ELSE substr(m[2], 2, length(m[2]) - 2) END AS expected
  FROM regexp_split_to_table(pg_read_file('/usr/share/doc/publicsuffix/examples/test_psl.txt'), E'\n')
	   WITH ORDINALITY AS l(line, n),
	   LATERAL regexp_match(l.line, '^checkPublicSuffix\((null|''[^'']*''), (null|''[^'']*'')\);') AS m
 WHERE m IS NOT NULL;

-- the file is there and was parsed: dozens of cases of every kind
SELECT count(*) >= 70 AS enough_cases,
	   count(*) FILTER (WHERE expected IS NULL) >= 20 AS null_cases,
	   count(*) FILTER (WHERE input ~ '[^\x01-\x7f]') >= 5 AS unicode_cases,
	   count(*) FILTER (WHERE input LIKE '%xn--%') >= 5 AS punycode_cases
  FROM psl_cases;

-- ICANN section only: the four uk.com cases, nothing else
SELECT n, input, expected, sum.registrable_domain(input) AS icann
  FROM psl_cases
 WHERE sum.registrable_domain(input) IS DISTINCT FROM expected
 ORDER BY n;
-- with the private section: no disagreement
SELECT n, input, expected, sum.registrable_domain(input, true) AS with_private
  FROM psl_cases
 WHERE sum.registrable_domain(input, true) IS DISTINCT FROM expected
 ORDER BY n;

-- a sample, to see what agreeing looks like
SELECT input, expected, sum.registrable_domain(input, true) AS got
  FROM psl_cases
 WHERE input IN ('WwW.example.COM', 'a.b.example.uk.com', 'a.b.c.mm', 'www.www.ck',
				 'www.test.k12.ak.us', 'www.食狮.公司.cn', 'xn--fiqs8s')
 ORDER BY n;

DROP TABLE psl_cases;
