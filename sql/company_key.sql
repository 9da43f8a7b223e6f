-- sum.company_key, sum.legal_forms, sum.company_similarity
\set SHOW_CONTEXT never
SET extra_float_digits = 0;

-- the shipped legal forms: hundreds, across countries
SELECT count(*) > 400 AS hundreds, count(DISTINCT country) > 50 AS countries
  FROM sum.legal_forms WHERE source = 'shipped';
SELECT form, form_key FROM sum.legal_forms
 WHERE source = 'shipped' AND form IN ('Sp. z o.o.', 'GmbH & Co. KG', 'S. de R.L. de C.V.', 'Pty. Ltd.', 'S.à r.l.', 'K.K.')
 ORDER BY form;

-- one key for the spellings of one company
SELECT n, sum.company_key(n) AS key FROM (VALUES
	('ACME Corp.'), ('Acme Corporation'), ('acme corp'), ('Acme, Inc.'), ('ACME INC'),
	('Foo Pty Ltd'), ('Foo Pty. Ltd.'), ('FOO PTY LTD'), ('Bar Sp. z o.o.'), ('Bar sp. z o. o.'),
	('Baz S. de R.L. de C.V.'), ('Baz S de RL de CV'), ('Müller GmbH & Co. KG'), ('Mueller GmbH und Co. KG'),
	('Fiat S.p.A.'), ('FIAT SPA'), ('Foo S.A.R.L.'), ('Foo S.à r.l.'), ('Foo SARL'),
	('Société Générale'), ('SOCIETE GENERALE S.A.'), ('Nokia Oyj'), ('Volvo AB (publ)'), ('Maersk A/S'),
	('Samsung Electronics Co., Ltd.'), ('Tata Consultancy Services Pvt. Ltd.'), ('Grupo Bimbo S.A.B. de C.V.'),
	('Koç Holding A.Ş.'), ('Philips N.V.'), ('ASML Holding N.V.')) AS t(n)
 ORDER BY key, n;

-- connectors and punctuation
SELECT n, sum.company_key(n) AS key FROM (VALUES
	('Procter & Gamble'), ('Procter and Gamble Co'), ('Ernst & Young LLP'), ('Ernst and Young'),
	('Smith and Co'), ('Y Combinator'), ('O''Reilly Media, Inc.'), ('AT&T Inc.'), ('3M Company'),
	('J.Crew'), ('S.p.A.'), ('  Acme   Corp  ')) AS t(n)
 ORDER BY n;

-- legal forms are removed only at the end (or start, for prefix forms), never to nothing
SELECT n, sum.company_key(n) AS key FROM (VALUES
	('AG'), ('Pty Ltd'), ('GmbH'), ('AG Insurance'), ('Acme GmbH Berlin'), ('Siemens AG'),
	('OOO Romashka'), ('PT Telkom Indonesia Tbk'), ('Inc Ltd')) AS t(n)
 ORDER BY n;

-- other scripts are transliterated
SELECT n, sum.company_key(n) AS key FROM (VALUES
	('ООО «Ромашка»'), ('Газпром ПАО'), ('阿里巴巴集团控股有限公司'), ('トヨタ自動車株式会社'),
	('삼성전자 주식회사'), ('Ελληνικά Πετρέλαια Α.Ε.')) AS t(n)
 ORDER BY n;
-- a Han run and the word after it stay apart: the Japanese legal form
-- written before the name, with no space, is still found and removed
SELECT n, sum.company_key(n) AS key FROM (VALUES
	('株式会社メルカリ'), ('メルカリ株式会社'), ('有限会社メルカリ'), ('(株)メルカリ'),
	('東京Tech株式会社')) AS t(n)
 ORDER BY n;

-- domains, URLs and emails reduce to the label of the registrable domain
SELECT n, sum.company_key(n) AS key FROM (VALUES
	('acme-corp.com'), ('www.acme.co.uk'), ('https://www.acme.co.uk/about?x=1'), ('jo@acme.de'),
	('ACME.COM'), ('Booking.com'), ('Amazon.com, Inc.'), ('münchen.de'), ('xn--mnchen-3ya.de'),
	('shop.acme.com.au'), ('acme.github.io')) AS t(n)
 ORDER BY n;

-- no letters or digits: no key
SELECT sum.company_key('') IS NULL AS empty, sum.company_key('!!!') IS NULL AS punct,
       sum.company_key('   ') IS NULL AS blank, sum.company_key(NULL) IS NULL AS null_in;

-- long and odd input
SELECT length(sum.company_key(repeat('acme ', 200000))) AS megabyte_name,
       sum.company_key(repeat('.', 10000)) IS NULL AS dots,
       sum.company_key(repeat('a.', 5000)) IS NOT NULL AS dotted_letters,
       sum.company_key(E'Acme\u0301 \u200b Corp') AS marks;

-- user rows: add a form, switch a shipped one off
INSERT INTO sum.legal_forms (form, position, country, description)
	VALUES ('Aps Ltd', 'suffix', 'GB', 'a user''s own form');
SELECT sum.company_key('Foo Aps Ltd') AS added;
SELECT sum.company_key('Acme AG') AS before_off;
INSERT INTO sum.legal_forms (form, remove) VALUES ('AG', false);
SELECT sum.company_key('Acme AG') AS after_off;
DELETE FROM sum.legal_forms WHERE source = 'user';
SELECT sum.company_key('Acme AG') AS back_on, sum.company_key('Foo Aps Ltd') AS gone;

-- rule rows are validated on write
\set VERBOSITY terse
INSERT INTO sum.legal_forms (form) VALUES ('!!!');
INSERT INTO sum.legal_forms (form) VALUES ('a b c d f g h i j');
INSERT INTO sum.legal_forms (form, position) VALUES ('Foo', 'middle');
INSERT INTO sum.legal_forms (form, country) VALUES ('Foo', 'Germany');
\set VERBOSITY default

-- company_similarity: names and domains
SELECT a, b, round(sum.company_similarity(a, b)::numeric, 4) AS similarity FROM (VALUES
	('acmecorp.com', 'ACME Corporation'), ('ACME Corporation', 'acmecorp.com'), ('acme-corp.com', 'Acme Corp'),
	('Acme', 'Acne Studios'), ('ibm.com', 'International Business Machines Corp'), ('getacme.com', 'Acme Inc'),
	('acmehq.com', 'Acme'), ('Microsfot', 'Microsoft Corporation'), ('Acme GmbH', 'ACME Inc.'),
	('Société Générale', 'Societe Generale SA'), ('mullergmbh.de', 'Müller GmbH'), ('Bank of America', 'America Bank'),
	('Acme', 'Zenith'), ('Acme', 'Acme Studios')) AS t(a, b)
 ORDER BY a, b;
SELECT sum.company_similarity('Acme', '!!!') IS NULL AS no_key;
