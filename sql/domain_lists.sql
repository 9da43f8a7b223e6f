-- domain_lists: sum.is_freemail, sum.is_disposable and their tables
\set SHOW_CONTEXT never

-- the shipped snapshots are loaded, in normalized form, all rows listed
SELECT count(*) > 10000 AS freemail_loaded,
	   count(*) FILTER (WHERE source <> 'shipped' OR NOT listed) AS not_shipped,
	   count(*) FILTER (WHERE sum.domain_normalize(domain) IS DISTINCT FROM domain) AS not_normalized
  FROM sum.freemail_domains;
SELECT count(*) > 100000 AS disposable_loaded,
	   count(*) FILTER (WHERE source <> 'shipped' OR NOT listed) AS not_shipped,
	   count(*) FILTER (WHERE sum.domain_normalize(domain) IS DISTINCT FROM domain) AS not_normalized
  FROM sum.disposable_domains;

-- lookups by email, domain or URL; subdomains match through their parents
SELECT n, x AS input, sum.is_freemail(x) AS freemail, sum.is_disposable(x) AS disposable
  FROM unnest(ARRAY[
	'john@gmail.com',
	'John.Doe+x@GMAIL.COM',
	'gmail.com',
	'https://mail.yahoo.co.uk/inbox',
	'someone@yahoo.co.uk',
	'user@web.de',
	'user@googlemail.com',
	'user@bücher-mail.example',
	'jane@acme.com',
	'jane@mail.acme.co.uk',
	'x@mailinator.com',
	'x@MAILINATOR.COM.',
	'x@sub.mailinator.com',
	'x@whatever.33mail.com',
	'x@yopmail.com',
	'x@guerrillamail.com',
	NULL,
	'',
	'not an email',
	'x@localhost',
	'x@127.0.0.1'
  ]) WITH ORDINALITY AS t(x, n)
 ORDER BY n;
-- personal mailbox services the npm snapshot lacks are listed too
SELECT d AS domain, sum.is_freemail('someone@' || d) AS freemail
  FROM unnest(ARRAY['mailbox.org', 'tutanota.com', 'tuta.com', 'hey.com', 'sympatico.ca']) AS d;

-- users add rows: normalized on write, effective from the next statement
INSERT INTO sum.freemail_domains (domain) VALUES ('Corp-Mail.Example.ORG'), ('x@freebox.example.net');
SELECT domain, source, listed FROM sum.freemail_domains WHERE source = 'user' ORDER BY domain;
SELECT sum.is_freemail('a@corp-mail.example.org') AS added,
	   sum.is_freemail('a@eu.corp-mail.example.org') AS subdomain,
	   sum.is_freemail('https://freebox.example.net/') AS from_email;
DELETE FROM sum.freemail_domains WHERE domain = 'corp-mail.example.org';
SELECT sum.is_freemail('a@corp-mail.example.org') AS after_delete;

-- deleting a shipped row unlists the domain with a user row that pg_dump keeps
SELECT sum.is_freemail('a@gmx.de') AS before;
DELETE FROM sum.freemail_domains WHERE domain = 'gmx.de';
SELECT domain, source, listed FROM sum.freemail_domains WHERE domain = 'gmx.de' ORDER BY source;
SELECT sum.is_freemail('a@gmx.de') AS after_delete;
-- deleting both rows at once leaves it unlisted (the shipped row stays)
DELETE FROM sum.freemail_domains WHERE domain = 'gmx.de';
SELECT domain, source, listed FROM sum.freemail_domains WHERE domain = 'gmx.de' ORDER BY source;
SELECT sum.is_freemail('a@gmx.de') AS still_unlisted;
-- deleting your own unlisting row lists it again
DELETE FROM sum.freemail_domains WHERE domain = 'gmx.de' AND source = 'user';
SELECT sum.is_freemail('a@gmx.de') AS listed_again;

-- an unlisting row can be inserted directly too
INSERT INTO sum.disposable_domains (domain, listed) VALUES ('mailinator.com', false);
SELECT sum.is_disposable('x@mailinator.com') AS unlisted, sum.is_disposable('x@sub.mailinator.com') AS sub_unlisted;
UPDATE sum.disposable_domains SET listed = true WHERE domain = 'mailinator.com' AND source = 'user';
SELECT sum.is_disposable('x@mailinator.com') AS relisted;

-- a list entry never covers a whole public suffix, only itself
INSERT INTO sum.disposable_domains (domain) VALUES ('co.uk');
SELECT sum.is_disposable('co.uk') AS exact, sum.is_disposable('x@acme.co.uk') AS below_suffix;

-- what pg_dump saves: the rows that are not shipped
SELECT c.relname, x.condition
  FROM pg_extension e,
	   unnest(e.extconfig, e.extcondition) AS x(relid, condition)
	   JOIN pg_class c ON c.oid = x.relid
 WHERE e.extname = 'sum' AND c.relname LIKE '%domains'
 ORDER BY c.relname;
SELECT 'freemail' AS list, domain, listed FROM sum.freemail_domains WHERE source <> 'shipped'
UNION ALL
SELECT 'disposable', domain, listed FROM sum.disposable_domains WHERE source <> 'shipped'
 ORDER BY 1, 2;

-- a forced parallel plan gives the serial answer (workers build their own cache)
CREATE TABLE list_probe AS
SELECT (ARRAY['a', 'b', 'c'])[i % 3 + 1] || i || '@' ||
	   (ARRAY['gmail.com', 'acme.com', 'mailinator.com', 'yahoo.co.uk', 'initech.com'])[i % 5 + 1] AS email
  FROM generate_series(1, 20000) i;
ANALYZE list_probe;
SELECT count(*) FILTER (WHERE sum.is_freemail(email)) AS freemail,
	   count(*) FILTER (WHERE sum.is_disposable(email)) AS disposable
  FROM list_probe;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT count(*) FILTER (WHERE sum.is_freemail(email)) FROM list_probe;
SELECT count(*) FILTER (WHERE sum.is_freemail(email)) AS freemail,
	   count(*) FILTER (WHERE sum.is_disposable(email)) AS disposable
  FROM list_probe;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE list_probe;

-- bad rows are rejected with invalid_parameter_value
\set VERBOSITY default
INSERT INTO sum.freemail_domains (domain) VALUES ('not a domain');
INSERT INTO sum.freemail_domains (domain) VALUES ('localhost');
INSERT INTO sum.freemail_domains (domain) VALUES ('');
INSERT INTO sum.freemail_domains (domain, source) VALUES ('mine.example', 'shipped');
\set VERBOSITY terse
INSERT INTO sum.freemail_domains (domain, source) VALUES ('mine.example', 'partner');
\set VERBOSITY default
INSERT INTO sum.freemail_domains (domain) VALUES (NULL);
UPDATE sum.freemail_domains SET domain = 'gmail.org' WHERE domain = 'gmail.com';
UPDATE sum.freemail_domains SET listed = false WHERE domain = 'gmail.com' AND source = 'shipped';
DO $$
BEGIN
	INSERT INTO sum.freemail_domains (domain) VALUES ('exa_mple.com');
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'rejected with SQLSTATE %', SQLSTATE;
END;
$$;

-- the data file reader: superuser only, fixed directory, no paths
SELECT count(*) > 10000 AS lines FROM sum.data_file_lines('freemail_domains');
SELECT sum.data_file_lines('../../../etc/passwd');
SELECT sum.data_file_lines('Freemail');
DO $$
BEGIN
	PERFORM sum.data_file_lines('no_such_list');
EXCEPTION WHEN undefined_file THEN
	RAISE NOTICE 'missing file: SQLSTATE %', SQLSTATE;
END;
$$;
CREATE ROLE regress_sum_reader;
SET ROLE regress_sum_reader;
SELECT sum.is_freemail('a@gmail.com') AS reader_can_look_up;
SELECT count(*) > 0 AS reader_can_read FROM sum.disposable_domains;
SELECT sum.data_file_lines('freemail_domains');
INSERT INTO sum.freemail_domains (domain) VALUES ('reader.example');
RESET ROLE;
DROP ROLE regress_sum_reader;

-- clean up what this test added
DELETE FROM sum.freemail_domains WHERE source = 'user';
DELETE FROM sum.disposable_domains WHERE source = 'user';

-- labels: the lookups read tables, so STABLE
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p
 WHERE p.pronamespace = 'sum'::regnamespace
   AND p.proname IN ('is_freemail', 'is_disposable', 'data_file_lines')
 ORDER BY 1::text;
