-- email: sum.email_normalize by profile, validity, parts, provider, hash
\set SHOW_CONTEXT never

-- basic: trim, NFC, lowercase, domain to ASCII by UTS #46, trailing dot dropped
SELECT n, e AS input, sum.email_normalize(e, 'basic') AS basic
  FROM unnest(ARRAY[
	'john@example.com',
	'John.Doe@Example.COM',
	'  jane@example.org  ',
	E'\tjane@example.org\r\n',
	E'\u00A0bob@example.net\u00A0',
	E'\uFEFFbob@example.net',
	E'\u3000bob@example.net\u200B',
	'alice@example.com.',
	'Müller@Bücher.DE',
	E'Mu\u0308ller@Bu\u0308cher.de',
	'ÉLODIE@Exemple.FR',
	'STRASSE@example.de',
	'Straße@example.de',
	'ΟΔΥΣΣΕΑΣ@example.gr',
	'İstanbul@example.com.tr',
	'user@ＥＸＡＭＰＬＥ.com',
	'user@例え.jp',
	'user@例え。jp',
	'faß@faß.de',
	'user@XN--BCHER-KVA.DE',
	'user@exam' || E'\u00AD' || 'ple.com',
	'用户@例子.测试',
	'иван@пример.рф',
	'😀@example.com',
	'o''brien@example.ie',
	'a!#$%&*+/=?^_`{|}~-b@example.com',
	'first.middle.last@sub.domain.example.co.uk',
	'x@my-company.com',
	'x@a1.io',
	'user@r3---sn-abc.example.net'
  ]) WITH ORDINALITY AS t(e, n)
 ORDER BY n;

-- basic: not an address, so NULL
SELECT n, e AS input, sum.email_normalize(e, 'basic') AS basic
  FROM unnest(ARRAY[
	NULL,
	'',
	'   ',
	'plainaddress',
	'@example.com',
	'john@',
	'@',
	'john@@example.com',
	'a@b@example.com',
	'"john doe"@example.com',
	'"john"@example.com',
	'john doe@example.com',
	'john @example.com',
	'john@ example.com',
	'john..doe@example.com',
	'.john@example.com',
	'john.@example.com',
	'john@localhost',
	'john@example',
	'john@[192.168.0.1]',
	'john@192.168.0.1',
	'john@[IPv6:2001:db8::1]',
	'john@-example.com',
	'john@example-.com',
	'john@exa_mple.com',
	'john@example.c',
	'john@example.123',
	'john@example.c0m',
	'john@example..com',
	'john@.example.com',
	'john@example.com..',
	'john@xn--a.com',
	'john@xn--.com',
	'<john@example.com>',
	'John Doe <john@example.com>',
	'mailto:john@example.com',
	E'jo\u0001hn@example.com',
	E'jo\u200Bhn@example.com',
	E'jo\u202Ehn@example.com',
	E'jo\u00A0hn@example.com',
	E'jo\uE000hn@example.com',
	'john＠example.com',
	'john@exa mple.com',
	'john@example.com/path',
	'john@http://example.com'
  ]) WITH ORDINALITY AS t(e, n)
 ORDER BY n;

-- RFC 5321 lengths: 64 octets of local part, 63 per label, 254 in all
SELECT sum.email_normalize(repeat('a', 64) || '@example.com', 'basic') IS NOT NULL AS local_64,
	   sum.email_normalize(repeat('a', 65) || '@example.com', 'basic') IS NULL AS local_65,
	   sum.email_normalize(repeat('é', 32) || '@example.com', 'basic') IS NOT NULL AS local_64_octets,
	   sum.email_normalize(repeat('é', 33) || '@example.com', 'basic') IS NULL AS local_66_octets,
	   sum.email_normalize('a@' || repeat('b', 63) || '.com', 'basic') IS NOT NULL AS label_63,
	   sum.email_normalize('a@' || repeat('b', 64) || '.com', 'basic') IS NULL AS label_64;
SELECT length(sum.email_normalize(repeat('a', 64) || '@' || repeat('b', 63) || '.' || repeat('c', 63)
								  || '.' || repeat('d', 57) || '.com', 'basic')) AS total_254,
	   sum.email_normalize(repeat('a', 64) || '@' || repeat('b', 63) || '.' || repeat('c', 63)
						   || '.' || repeat('d', 58) || '.com', 'basic') IS NULL AS total_255_is_null,
	   sum.email_normalize('a@' || repeat('b', 63) || '.' || repeat('c', 63) || '.' || repeat('d', 63)
						   || '.' || repeat('e', 57) || '.com', 'basic') IS NULL AS domain_253_but_total_255;

-- the length limits apply to the normalized form: decomposed input may be longer
SELECT length(sum.email_normalize(repeat(E'e\u0301', 32) || '@example.com', 'basic')) AS nfc_local_chars,
	   octet_length(repeat(E'e\u0301', 32)) AS raw_local_octets;

-- megabyte inputs are rejected or trimmed without trouble
SELECT sum.email_normalize(repeat('a', 1048576) || '@example.com') IS NULL AS long_local,
	   sum.email_normalize('a@' || repeat('b', 1048576) || '.com') IS NULL AS long_domain,
	   sum.email_normalize(repeat('@', 1048576)) IS NULL AS many_at,
	   sum.email_normalize(repeat('é', 524288)) IS NULL AS long_unicode,
	   sum.email_normalize(repeat(' ', 524288) || 'A@Example.COM' || repeat(' ', 524288)) AS padded;

-- match (the default): basic plus provider rules
SELECT n, e AS input, sum.email_normalize(e) AS match
  FROM unnest(ARRAY[
	-- Gmail: dots and +tag ignored, googlemail.com is gmail.com
	'John.Doe@gmail.com',
	'j.o.h.n.d.o.e+newsletter@gmail.com',
	'JohnDoe+a+b@googlemail.com',
	'john.doe@GoogleMail.com',
	'john.doe+@gmail.com',
	'John.Doe+Tag@Gmail.Com.',
	'  john.doe+x@gmail.com ',
	'john.doe@mail.google.com',
	'john.doe@gmail.co.uk',
	-- Microsoft: +tag, dots kept, hyphens kept
	'jane.doe+shopping@outlook.com',
	'Jane+x@Hotmail.co.uk',
	'jane+x@live.com',
	'jane+x@msn.com',
	'jane+x@outlook.de',
	'jane-x@outlook.com',
	-- Yahoo: -keyword disposable addresses, no +tag
	'jane-shopping@yahoo.com',
	'jane.doe-news@yahoo.co.uk',
	'jane+news@yahoo.com',
	'a-b-c@ymail.com',
	'jane-x@rocketmail.com',
	'jane-x@yahoo.co.jp',
	-- Apple: +tag at icloud.com, me.com, mac.com (not folded together)
	'tim+apps@icloud.com',
	'Tim+x@me.com',
	'tim+x@mac.com',
	-- Fastmail: +tag and subdomain addressing
	'bob+lists@fastmail.com',
	'anything@bob.fastmail.com',
	'anything+x@Bob.FastMail.fm',
	'x@a.b.fastmail.com',
	'bob+x@sent.com',
	-- Proton
	'alice+x@protonmail.com',
	'alice+x@protonmail.ch',
	'alice+x@proton.me',
	'alice+x@pm.me',
	-- Yandex: +tag, every Yandex domain is yandex.ru
	'ivan+x@yandex.ru',
	'ivan@ya.ru',
	'ivan@yandex.com',
	'ivan@yandex.by',
	'ivan@yandex.kz',
	'ivan@yandex.ua',
	'ivan.petrov+x@Yandex.COM',
	-- Zoho, Posteo, mailbox.org
	'sam+crm@zoho.com',
	'sam+x@zohomail.eu',
	'eva+x@posteo.de',
	'eva+x@mailbox.org',
	-- everyone else: only the basic form (a +tag may be part of the name)
	'john.doe+tag@acme.com',
	'Müller+x@Bücher.DE',
	'jane-x@example.com'
  ]) WITH ORDINALITY AS t(e, n)
 ORDER BY n;

-- match: a rule that leaves nothing of the local part gives NULL
SELECT sum.email_normalize('+tag@gmail.com', 'basic') AS basic,
	   sum.email_normalize('+tag@gmail.com') AS match_gmail,
	   sum.email_normalize('-x@yahoo.com') AS match_yahoo,
	   sum.email_normalize('+x@outlook.com') AS match_outlook;

-- google_ads: basic plus dots removed at gmail.com and googlemail.com only
SELECT n, e AS input, sum.email_normalize(e, 'google_ads') AS google_ads
  FROM unnest(ARRAY[
	'John.Doe+News@gmail.com',
	' John.Doe@GoogleMail.com ',
	'jane.doe+x@outlook.com',
	'jane.doe-x@yahoo.com',
	'Jane.Doe@Example.com',
	'Müller@Bücher.DE'
  ]) WITH ORDINALITY AS t(e, n)
 ORDER BY n;

-- every profile agrees on what is an address
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE (sum.email_normalize(e, 'basic') IS NULL)
							  <> (sum.email_normalize(e, 'google_ads') IS NULL)) AS disagree
  FROM unnest(ARRAY['a@b.co', 'a..b@c.de', 'x@y', 'j.doe@gmail.com', '@x.com', 'ü@ü.de']) e;

-- email_is_valid
SELECT e AS input, sum.email_is_valid(e) AS valid
  FROM unnest(ARRAY['john@example.com', 'John.Doe+x@Gmail.com', 'Müller@Bücher.DE',
					'john@localhost', 'john..doe@example.com', 'not an email', '', NULL]) WITH ORDINALITY AS t(e, n)
 ORDER BY n;

-- email_local and email_domain: parts of the normalized address
SELECT e AS input,
	   sum.email_local(e) AS local, sum.email_domain(e) AS domain,
	   sum.email_local(e, 'match') AS match_local, sum.email_domain(e, 'match') AS match_domain
  FROM unnest(ARRAY['John.Doe+x@GoogleMail.com', 'Müller@Bücher.DE', 'ivan@ya.ru',
					'x@bob.fastmail.com', 'bad@', NULL]) WITH ORDINALITY AS t(e, n)
 ORDER BY n;

-- email_provider: whose rules the match profile applies
SELECT e AS input, sum.email_provider(e) AS provider
  FROM unnest(ARRAY['a@gmail.com', 'a@googlemail.com', 'a@hotmail.fr', 'a@yahoo.com', 'a@me.com',
					'a@fastmail.fm', 'a@bob.fastmail.com', 'a@pm.me', 'a@ya.ru', 'a@zoho.com',
					'a@posteo.de', 'a@mailbox.org', 'a@acme.com', 'not an email']) WITH ORDINALITY AS t(e, n)
 ORDER BY n;

-- email_hash: SHA-256 hex of the google_ads form by default
SELECT sum.email_hash('Test.User@gmail.com') AS google_ads,
	   sum.email_hash(' Test.User+X@GoogleMail.com', 'match') AS match,
	   sum.email_hash('Test.User@gmail.com', 'basic') AS basic;
SELECT sum.email_hash('not an email') AS not_an_address, sum.email_hash(NULL) AS null_input;
-- the same as hashing the normalized text with the built-in sha256()
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE sum.email_hash(e, p) = encode(sha256(convert_to(sum.email_normalize(e, p), 'UTF8')), 'hex')) AS agree
  FROM unnest(ARRAY['John.Doe+x@GoogleMail.com', 'Müller@Bücher.DE', '用户@例子.测试', 'a@b.co']) e,
	   unnest(ARRAY['basic', 'match', 'google_ads']) p;

-- over a column: NULLs stay NULL
CREATE TEMP TABLE signups (email text);
INSERT INTO signups VALUES (NULL), ('A@B.co'), (NULL), ('x.y+z@gmail.com');
SELECT email, sum.email_normalize(email) FROM signups ORDER BY email NULLS FIRST;
DROP TABLE signups;

-- the profile is checked even when the address is NULL
SELECT sum.email_normalize('a@example.com', 'gmail');
SELECT sum.email_normalize(NULL, 'nope');
SELECT sum.email_normalize('a@example.com', NULL);
SELECT sum.email_normalize('a@example.com', 'MATCH');
SELECT sum.email_local('a@example.com', '');
SELECT sum.email_domain(NULL, 'basic ');
SELECT sum.email_hash('a@example.com', 'sha256');

-- labels: IMMUTABLE and PARALLEL SAFE; STRICT unless a profile must be checked
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p
 WHERE p.pronamespace = 'sum'::regnamespace AND p.proname LIKE 'email\_%'
 ORDER BY 1::text;
