-- domain: sum.domain_normalize and sum.registrable_domain over hosts, emails and URLs
\set SHOW_CONTEXT never

-- domain_normalize: the host, lowercase ASCII
SELECT n, x AS input, sum.domain_normalize(x) AS host
  FROM unnest(ARRAY[
	'Example.COM',
	'  example.com  ',
	'example.com.',
	'https://www.Acme.co.uk/pricing',
	'HTTPS://ACME.COM',
	'http://user:secret@Acme.com:8080/x?y=1#z',
	'ftp://files.acme.com/pub',
	'//cdn.acme.com/lib.js',
	'acme.com:443',
	'acme.com:',
	'acme.com/path',
	'acme.com?utm_source=x',
	'acme.com#top',
	'john@Acme.com',
	'John.Doe+x@Mail.Acme.com',
	'mailto:John@Acme.com',
	'bücher.de',
	'https://Bücher.DE/katalog',
	'xn--bcher-kva.de',
	'例え.jp',
	'www.食狮.公司.cn',
	'r3---sn-abc.example.net'
  ]) WITH ORDINALITY AS t(x, n)
 ORDER BY n;

-- domain_normalize: no valid Internet host, so NULL
SELECT n, x AS input, sum.domain_normalize(x) AS host
  FROM unnest(ARRAY[
	NULL,
	'',
	'   ',
	'localhost',
	'com',
	'127.0.0.1',
	'http://192.168.0.1/admin',
	'http://[::1]/',
	'[2001:db8::1]',
	'acme.com:http',
	'exa mple.com',
	'a_b.example.com',
	'-acme.com',
	'acme-.com',
	'acme..com',
	'.acme.com',
	'acme.com..',
	'https://',
	'mailto:',
	'john@',
	'acme.c',
	'acme.123',
	'javascript:alert(1)',
	'xn--a.com'
  ]) WITH ORDINALITY AS t(x, n)
 ORDER BY n;

-- limits: 63 octets per label, 253 per name
SELECT sum.domain_normalize(repeat('a', 63) || '.com') IS NOT NULL AS label_63,
	   sum.domain_normalize(repeat('a', 64) || '.com') IS NULL AS label_64,
	   length(sum.domain_normalize(repeat('a', 63) || '.' || repeat('b', 63) || '.' || repeat('c', 63)
								   || '.' || repeat('d', 57) || '.com')) AS name_253,
	   sum.domain_normalize(repeat('a', 63) || '.' || repeat('b', 63) || '.' || repeat('c', 63)
							|| '.' || repeat('d', 58) || '.com') IS NULL AS name_254,
	   sum.domain_normalize('https://acme.com/' || repeat('x', 1048576)) AS long_url,
	   sum.domain_normalize(repeat('a.', 524288) || 'com') IS NULL AS long_name;

-- registrable_domain: eTLD+1 of hosts, emails and URLs (ICANN section)
SELECT n, x AS input, sum.registrable_domain(x) AS registrable
  FROM unnest(ARRAY[
	'https://www.Acme.co.uk/pricing',
	'john@mail.acme.com',
	'acme.com',
	'www.acme.com',
	'a.b.c.d.e.f.g.h.i.j.acme.com',
	'WWW.EXAMPLE.COM.',
	'bbc.co.uk',
	'news.bbc.co.uk',
	'example.unknowntld',
	'www.city.kobe.jp',
	'a.b.c.kobe.jp',
	'foo.blogspot.com',
	'user.github.io',
	'bucket.s3.amazonaws.com',
	'xn--bcher-kva.de',
	'shop.xn--bcher-kva.de',
	'https://Müller@Bücher.DE/',
	'Müller@Bücher.DE',
	'https://shop.例え.jp/',
	'www.食狮.公司.cn',
	'https://acme.com/' || repeat('x', 20)
  ]) WITH ORDINALITY AS t(x, n)
 ORDER BY n;

-- registrable_domain with the private section: hosting platforms count as suffixes
SELECT n, x AS input, sum.registrable_domain(x) AS icann, sum.registrable_domain(x, true) AS with_private
  FROM unnest(ARRAY[
	'foo.blogspot.com',
	'blogspot.com',
	'user.github.io',
	'github.io',
	'bucket.s3.amazonaws.com',
	'www.acme.co.uk'
  ]) WITH ORDINALITY AS t(x, n)
 ORDER BY n;

-- registrable_domain: public suffixes, IP addresses and non-hosts give NULL
SELECT n, x AS input, sum.registrable_domain(x) AS registrable
  FROM unnest(ARRAY[
	NULL,
	'',
	'com',
	'co.uk',
	'kobe.jp',
	'c.kobe.jp',
	'公司.cn',
	'localhost',
	'192.168.1.1',
	'http://10.0.0.1:8080/',
	'http://[2001:db8::1]/',
	'not a host',
	'john@localhost'
  ]) WITH ORDINALITY AS t(x, n)
 ORDER BY n;
SELECT sum.registrable_domain('acme.com', NULL) AS null_flag;

-- registrable_domain is a suffix of domain_normalize for ASCII hosts
SELECT count(*) AS hosts,
	   count(*) FILTER (WHERE sum.domain_normalize(x) LIKE '%' || sum.registrable_domain(x)) AS suffix
  FROM unnest(ARRAY['a.b.acme.co.uk', 'john@x.y.z.example.com', 'https://www.city.kobe.jp/x',
					'foo.blogspot.com', 'sub.xn--bcher-kva.de']) x;

-- labels
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p
 WHERE p.pronamespace = 'sum'::regnamespace
   AND p.proname IN ('domain_normalize', 'registrable_domain')
 ORDER BY 1::text;
