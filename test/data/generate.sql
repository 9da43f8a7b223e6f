-- test/data/generate.sql: demo input for the pipeline (sum.refresh), the
-- four relations of the input contract in schema sum_demo, realistic and
-- reproducible.  Run from the top of the repository (it reads
-- test/data/titles.csv):
--
--   psql -f test/data/generate.sql [-v seed=42] [-v accounts=300]
--        [-v users=3000] [-v events=60000] [-v as_of='2026-06-30 12:00+00']
--
-- Drops and re-creates schema sum_demo:
--   crm_accounts  :accounts CRM accounts (account_id, name, domain, country,
--                 employees, industry, annual_revenue, technologies,
--                 parent_account_id, created_at, owner)
--   crm_contacts  contacts of those accounts: product users and decision
--                 makers who never signed up
--   users         exactly :users product logins (user_id, email,
--                 signed_up_at, full_name, title, company_name, country,
--                 stage, updated_at)
--   events        exactly :events product events (user_id, event,
--                 occurred_at), partitioned by month on occurred_at, all
--                 in the 90 days before :as_of
--   truth, truth_companies
--                 what the generator knows and the pipeline must find out:
--                 each login's person, company, CRM account and behaviour
--                 (for checking matching, de-duplication and milestones;
--                 not part of the input contract)
--
-- The world: about 1.25 x :accounts companies with a power-law size (many
-- small, few enterprises); the CRM holds :accounts records of them (bigger
-- companies are likelier to be in it, 1 % of the records are duplicates of
-- another record), the rest are product companies the CRM has never seen.
-- Companies of 22 countries have names with the legal forms of their
-- country and domains under its TLDs.  People sign up with work addresses
-- or free-mail (typing their company name, with typos and variants), a
-- few with disposable addresses; 14 % of people have several logins
-- (work address plus Gmail, Gmail with dots or +tags).  Titles are sampled
-- from test/data/titles.csv in the language of the country (English in a
-- third of the non-English cases).  Each login follows one behaviour
-- (activator, stalled trial, paywall hitter, usage drop, churner, casual,
-- dormant) that decides its events and, mostly, its stage.
--
-- Set-based (generate_series, no loops): 1 M users, 10 M events and 100 k
-- accounts take a few minutes on 2 cores.  The same seed and :as_of give the
-- same data (parallel query is switched off: parallel workers do not share
-- the seeded random()).
\set ON_ERROR_STOP on
\set QUIET on
\if :{?seed}
\else
\set seed 42
\endif
\if :{?accounts}
\else
\set accounts 300
\endif
\if :{?users}
\else
\set users 3000
\endif
\if :{?events}
\else
\set events 60000
\endif
\if :{?as_of}
\else
\set as_of now
\endif

SET max_parallel_workers_per_gather = 0;
SET work_mem = '512MB';
SET maintenance_work_mem = '512MB';
SET temp_buffers = '1GB';
SET synchronous_commit = off;
SET jit = off;
SET client_min_messages = warning;

SELECT :'as_of'::timestamptz AS as_of,
	   ceil(:accounts * 1.25)::int AS companies \gset
SELECT setseed(hashint8(:seed) / 2147483648.0) \gset

DROP SCHEMA IF EXISTS sum_demo CASCADE;
CREATE SCHEMA sum_demo;

CREATE TABLE sum_demo.generated AS
SELECT :seed::bigint AS seed, :accounts::int AS accounts, :users::int AS users,
	   :events::bigint AS events, :'as_of'::timestamptz AS as_of,
	   clock_timestamp() AS generated_at;

-- countries: weight (percent of companies), language of names and titles,
-- TLDs, legal forms and regional free-mail providers
CREATE TEMP TABLE ctry (code text, weight int, lang text, tlds text[], legal text[], freemail text[]);
INSERT INTO ctry VALUES
	('US', 27, 'en', '{com,com,com,com,io,co,ai,net}', '{Inc.,Inc,LLC,Corp.,Corporation,Co.}', '{aol.com,proton.me,ymail.com}'),
	('GB', 8, 'en', '{co.uk,co.uk,com,io}', '{Ltd,Ltd.,Limited,PLC,LLP}', '{hotmail.co.uk,btinternet.com,yahoo.co.uk}'),
	('CA', 3, 'en', '{ca,com}', '{Inc.,Ltd.,Corp.}', '{live.com}'),
	('IE', 1, 'en', '{ie,com}', '{Ltd,Limited,DAC}', '{live.com}'),
	('AU', 3, 'en', '{com.au,com.au,com}', '{Pty Ltd,Pty. Ltd.,Ltd}', '{bigpond.com}'),
	('NZ', 1, 'en', '{co.nz,com}', '{Ltd,Limited}', '{xtra.co.nz}'),
	('IN', 4, 'in', '{in,co.in,com}', '{Pvt Ltd,Private Limited,Ltd}', '{rediffmail.com}'),
	('DE', 10, 'de', '{de,de,de,com,io}', '{GmbH,GmbH,GmbH,AG,GmbH & Co. KG,UG (haftungsbeschränkt),KG,e.K.}', '{web.de,gmx.de,gmx.net,t-online.de,outlook.de}'),
	('AT', 2, 'de', '{at,com}', '{GmbH,AG,OG}', '{gmx.at,gmx.net}'),
	('CH', 2, 'de', '{ch,com}', '{AG,GmbH,SA,Sàrl}', '{bluewin.ch,gmx.ch}'),
	('FR', 8, 'fr', '{fr,fr,com,io}', '{SAS,SAS,SARL,SA,SASU,EURL}', '{orange.fr,free.fr,laposte.net,yahoo.fr,hotmail.fr}'),
	('BE', 2, 'nl', '{be,com}', '{BV,NV,SRL,SA}', '{telenet.be,skynet.be}'),
	('NL', 5, 'nl', '{nl,nl,com}', '{B.V.,BV,B.V.,N.V.}', '{ziggo.nl,hotmail.nl,live.nl,kpnmail.nl}'),
	('ES', 5, 'es', '{es,com}', '{S.L.,SL,S.A.,S.L.U.}', '{yahoo.es,hotmail.es,telefonica.net}'),
	('MX', 2, 'es', '{com.mx,mx}', '{S.A. de C.V.,S. de R.L. de C.V.}', '{prodigy.net.mx,hotmail.com}'),
	('BR', 6, 'pt', '{com.br,com.br,com}', '{Ltda,Ltda.,S.A.,ME,EIRELI}', '{uol.com.br,bol.com.br,terra.com.br,hotmail.com.br}'),
	('PT', 2, 'pt', '{pt,com}', '{Lda,Lda.,S.A.,Unipessoal Lda}', '{sapo.pt}'),
	('IT', 3, 'it', '{it,com}', '{S.r.l.,Srl,S.p.A.,S.r.l.s.}', '{libero.it,virgilio.it}'),
	('SE', 2, 'nordic', '{se,com}', '{AB}', '{telia.com}'),
	('DK', 1, 'nordic', '{dk}', '{ApS,A/S}', '{live.dk}'),
	('NO', 1, 'nordic', '{no}', '{AS,ASA}', '{online.no}'),
	('FI', 1, 'nordic', '{fi}', '{Oy,Oyj}', '{luukku.com}');
CREATE TEMP TABLE ctry_pick AS
SELECT code, lang, tlds, legal, freemail,
	   (sum(weight) OVER (ORDER BY code) - weight)::float8 / sum(weight) OVER () AS lo,
	   sum(weight) OVER (ORDER BY code)::float8 / sum(weight) OVER () AS hi
  FROM ctry;

-- first and last names by language
CREATE TEMP TABLE nm (lang text, firsts text[], lasts text[]);
INSERT INTO nm VALUES
	('en', '{James,Mary,John,Patricia,Robert,Jennifer,Michael,Linda,David,Elizabeth,William,Sarah,Richard,Jessica,Thomas,Karen,Daniel,Emily,Matthew,Ashley,Chris,Amanda,Kevin,Megan,Brian,Laura,Jason,Rachel,Ryan,Hannah,Liam,Olivia,Noah,Emma,Oliver,Sophie,Jack,Chloe,Aiden,Grace}',
	 '{Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Wilson,Anderson,Taylor,Thomas,Moore,Martin,Jackson,White,Harris,Clark,Lewis,Walker,Hall,Young,King,Wright,Scott,Green,Baker,Adams,Nelson,Hill,Campbell,Mitchell,Roberts,Carter,Phillips,Evans,Turner,O''Brien,Murphy,Kelly,MacDonald}'),
	('in', '{Rahul,Priya,Amit,Anjali,Vikram,Sneha,Arjun,Pooja,Rohan,Neha,Sanjay,Kavya,Aditya,Divya,Karthik,Lakshmi,Suresh,Meera,Nikhil,Shreya}',
	 '{Sharma,Patel,Singh,Kumar,Gupta,Reddy,Iyer,Nair,Mehta,Joshi,Rao,Agarwal,Chopra,Menon,Desai,Bhat,Pillai,Verma,Banerjee,Mukherjee}'),
	('de', '{Lukas,Anna,Jonas,Lena,Felix,Julia,Maximilian,Laura,Leon,Sophie,Paul,Katharina,Tobias,Sarah,Jan,Lisa,Florian,Hannah,Stefan,Sabine,Jürgen,Birgit,Björn,Jörg,Ute,Matthias,Andreas,Claudia,Thomas,Petra}',
	 '{Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Schäfer,Koch,Bauer,Richter,Klein,Wolf,Schröder,Neumann,Schwarz,Zimmermann,Braun,Krüger,Hofmann,Hartmann,Lange,Schmitt,Werner,Krause,Meier,Lehmann,Köhler,Groß}'),
	('fr', '{Camille,Léa,Lucas,Chloé,Hugo,Manon,Louis,Emma,Nathan,Inès,Théo,Sarah,Julien,Céline,Nicolas,Aurélie,Pierre,Hélène,François,Amélie,Jérôme,Élodie,Benoît,Mathilde}',
	 '{Martin,Bernard,Dubois,Thomas,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,Laurent,Lefèvre,Michel,Garcia,David,Bertrand,Roux,Vincent,Fournier,Morel,Girard,André,Lefebvre,Mercier,Dupont,Lambert,Bonnet,François,Martínez}'),
	('es', '{María,José,Antonio,Carmen,Manuel,Ana,Francisco,Laura,David,Lucía,Javier,Marta,Carlos,Elena,Miguel,Sofía,Alejandro,Paula,Pablo,Raquel,Sergio,Cristina,Jorge,Andrés}',
	 '{García,Rodríguez,González,Fernández,López,Martínez,Sánchez,Pérez,Gómez,Martín,Jiménez,Ruiz,Hernández,Díaz,Moreno,Muñoz,Álvarez,Romero,Alonso,Gutiérrez,Navarro,Torres,Domínguez,Vázquez}'),
	('pt', '{João,Maria,Ana,Pedro,Lucas,Gabriel,Juliana,Mariana,Rafael,Fernanda,Bruno,Camila,Thiago,Beatriz,Felipe,Larissa,Gonçalo,Inês,Tiago,Leonor,Rodrigo,Patrícia,André,Luísa}',
	 '{Silva,Santos,Oliveira,Souza,Rodrigues,Ferreira,Alves,Pereira,Lima,Gomes,Costa,Ribeiro,Martins,Carvalho,Almeida,Lopes,Soares,Fernandes,Vieira,Barbosa,Conceição,Gonçalves,Araújo,Magalhães}'),
	('nl', '{Daan,Emma,Sem,Julia,Lucas,Sophie,Levi,Tess,Bram,Anna,Thijs,Fleur,Jesse,Sanne,Ruben,Lotte,Joost,Femke,Pieter,Eline,Maarten,Inge,Wouter,Marieke}',
	 '{de Jong,Jansen,de Vries,van den Berg,van Dijk,Bakker,Janssen,Visser,Smit,Meijer,de Boer,Mulder,de Groot,Bos,Vos,Peters,Hendriks,van Leeuwen,Dekker,Brouwer,de Wit,Dijkstra,Smits,van der Meer}'),
	('it', '{Giulia,Alessandro,Francesca,Lorenzo,Chiara,Matteo,Sara,Andrea,Martina,Marco,Valentina,Luca,Federica,Giuseppe,Elena,Davide,Silvia,Simone,Paola,Stefano}',
	 '{Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,De Luca,Mancini,Costa,Giordano,Rizzo,Lombardi,Moretti}'),
	('nordic', '{Erik,Anna,Lars,Maria,Johan,Karin,Anders,Sara,Mikael,Emma,Nils,Ingrid,Magnus,Astrid,Mads,Freja,Søren,Sofie,Mikko,Aino,Jukka,Päivi,Ole,Kari}',
	 '{Andersson,Johansson,Karlsson,Nilsson,Eriksson,Larsson,Olsson,Persson,Svensson,Jensen,Nielsen,Hansen,Pedersen,Kristensen,Sørensen,Johansen,Olsen,Berg,Haugen,Korhonen,Virtanen,Mäkinen,Nieminen,Lindqvist}');

-- job titles as typed (test/data/titles.csv), by language and rank class:
-- exec (owner, c-level, VP), lead (director, manager), ic (the others);
-- dm: decision makers of a purchase (owner to director in management,
-- sales or marketing)
CREATE TEMP TABLE titles_csv (title text, lang text, function text, seniority text, split text);
\copy titles_csv FROM 'test/data/titles.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE ti AS
SELECT lang, cls, (row_number() OVER (PARTITION BY lang, cls ORDER BY title) - 1)::int AS idx, title
  FROM (SELECT title, lang,
			   CASE WHEN seniority IN ('owner', 'c_level', 'vp') THEN 'exec'
					WHEN seniority IN ('director', 'manager') THEN 'lead'
					ELSE 'ic' END AS cls
		  FROM titles_csv
		UNION ALL
		SELECT title, lang, 'dm'
		  FROM titles_csv
		 WHERE seniority IN ('owner', 'c_level', 'vp', 'director')
		   AND function IN ('general_management', 'sales', 'marketing')) t;
CREATE TEMP TABLE tn AS SELECT lang, cls, count(*)::int AS n FROM ti GROUP BY lang, cls;
ANALYZE ctry_pick, nm, ti, tn;

-- company names: invented brand names, adjective + noun + trade, or a
-- family name + a trade in the country's language; :companies companies,
-- the first :accounts of a size-biased random order are in the CRM
SELECT '{ver,tal,nex,zen,lum,cor,vel,tri,sol,qua,mar,dex,fin,nov,ori,pax,kin,ly,ra,to,via,xo,bri,cas,dor,el,fy,gra,hel,io,jun,ka,lo,mo,nu,pi,ro,sa,ti,ux}' AS syl,
	   '{a,o,ix,io,ly,ra,on,us,ex,ia,ent,ify,able,hub,wise,ity,era,ium}' AS ends,
	   '{Blue,Red,Green,North,Bright,Silver,Golden,Clear,Swift,Open,Smart,Prime,True,First,Urban,Alpine,Coastal,Global,Pacific,Atlantic,Nordic,Summit,Peak,Iron,Cedar,Oak,Maple,River,Stone,Cloud}' AS adjs,
	   '{Harbor,Bridge,Field,Path,Point,Wave,Leaf,Rock,Gate,Works,Labs,Studio,Forge,Nest,Line,Craft,Spark,Loop,Stack,Grid}' AS nouns,
	   '{Analytics,Systems,Software,Solutions,Technologies,Consulting,Media,Logistics,Health,Capital,Partners,Digital,Group,Retail,Foods,Energy,Robotics,Security,Design,Marketing}' AS trades \gset
CREATE TEMP TABLE trade_words (lang text, words text[]);
INSERT INTO trade_words VALUES
	('en', '{"& Sons",Consulting,Partners,Associates,Group,Manufacturing,Law,Builders,Logistics,Media}'),
	('in', '{Infotech,Consultancy,Traders,Exports,Technologies,Solutions,Enterprises}'),
	('de', '{Bau,Logistik,Consulting,Software,Technik,Handel,Maschinenbau,Immobilien,Steuerberatung,Medien}'),
	('fr', '{Conseil,Logistique,Informatique,Immobilier,Médias,Industrie,Distribution,"& Fils"}'),
	('es', '{Consultores,Logística,Tecnología,Inmobiliaria,Distribuciones,"e Hijos"}'),
	('pt', '{Consultoria,Tecnologia,Logística,Comércio,Engenharia,"& Filhos"}'),
	('nl', '{Techniek,Advies,Logistiek,Bouw,Media,Installatietechniek}'),
	('it', '{Consulenze,Tecnologie,Logistica,Costruzioni,"& Figli",Impianti}'),
	('nordic', '{Teknik,Konsult,Logistik,Bygg,Data,Invest}');

CREATE TEMP TABLE co0 AS
SELECT i AS company_id,
	   c.code AS country, c.lang, c.tlds, c.legal, c.freemail,
	   least(250000, floor(3 * (1 - r_emp) ^ (-1 / 0.6)))::int AS employees,
	   r_kind, r1, r2, r3, r4, r_legal, r_tld
  FROM (SELECT i, random() AS r_ctry, random() AS r_emp, random() AS r_kind, random() AS r1,
			   random() AS r2, random() AS r3, random() AS r4, random() AS r_legal, random() AS r_tld
		  FROM generate_series(1, :companies) i) g
  JOIN ctry_pick c ON g.r_ctry >= c.lo AND g.r_ctry < c.hi;

CREATE TEMP TABLE co1 AS
SELECT company_id, country, lang, tlds, legal, freemail, employees,
	   CASE
		   WHEN r_kind < 0.5 THEN initcap((:'syl'::text[])[1 + floor(r1 * 40)::int] || (:'syl'::text[])[1 + floor(r2 * 40)::int]
								|| CASE WHEN r3 < 0.4 THEN (:'syl'::text[])[1 + floor(r3 * 100)::int] ELSE '' END
								|| (:'ends'::text[])[1 + floor(r4 * 18)::int])
		   WHEN r_kind < 0.8 THEN (:'adjs'::text[])[1 + floor(r1 * 30)::int] || ' ' || (:'nouns'::text[])[1 + floor(r2 * 20)::int]
								|| CASE WHEN r3 < 0.6 THEN ' ' || (:'trades'::text[])[1 + floor(r4 * 20)::int] ELSE '' END
		   ELSE nm.lasts[1 + floor(r1 * array_length(nm.lasts, 1))::int]
				|| CASE WHEN r3 < 0.25 THEN ' & ' || nm.lasts[1 + floor(r2 * array_length(nm.lasts, 1))::int] ELSE '' END
				|| ' ' || tw.words[1 + floor(r4 * array_length(tw.words, 1))::int]
	   END AS base,
	   CASE WHEN r_legal < 0.85 THEN legal[1 + floor(r_legal / 0.85 * array_length(legal, 1))::int] END AS legal_form,
	   tlds[1 + floor(r_tld * array_length(tlds, 1))::int] AS tld
  FROM co0
  JOIN nm USING (lang)
  JOIN trade_words tw USING (lang);

-- a domain per company: the name folded to ASCII letters and digits, made
-- unique by a "get"/"hq"/number variant
CREATE TEMP TABLE co AS
SELECT company_id, country, lang, freemail, employees, base, legal_form,
	   base || coalesce(' ' || legal_form, '') AS legal_name,
	   CASE WHEN dup = 1 THEN slug
			WHEN dup = 2 THEN 'get' || slug
			WHEN dup = 3 THEN slug || 'hq'
			ELSE slug || dup END || '.' || tld AS domain
  FROM (SELECT *, row_number() OVER (PARTITION BY slug, tld ORDER BY company_id) AS dup
		  FROM (SELECT *,
					   regexp_replace(translate(lower(replace(base, '&', 'and')),
												'äöüßàâãáéèêëíìîïóòôõúùûçñøåæ', 'aousaaaaeeeeiiiioooouuucnoaa'),
									  '[^a-z0-9]', '', 'g') AS slug
				  FROM co1) s) d;
ALTER TABLE co ADD PRIMARY KEY (company_id);

-- industry (weighted, 12 % unknown) and the CRM attributes
SELECT array_agg(name ORDER BY ord) AS industries
  FROM (SELECT name, ord FROM (VALUES
		(1, 'Computer Software', 12), (2, 'Internet', 6), (3, 'Information Technology and Services', 10),
		(4, 'SaaS', 3), (5, 'Financial Services', 6), (6, 'Fintech', 2), (7, 'Marketing and Advertising', 8),
		(8, 'E-commerce', 4), (9, 'Retail', 6), (10, 'Manufacturing', 7), (11, 'Logistics and Supply Chain', 4),
		(12, 'Hospital & Health Care', 5), (13, 'Construction', 4), (14, 'Real Estate', 3),
		(15, 'Management Consulting', 5), (16, 'Education', 3), (17, 'Higher Education', 2),
		(18, 'Government Administration', 2), (19, 'Non-profit', 2), (20, 'Media', 3), (21, 'Hospitality', 2),
		(22, 'Telecommunications', 2), (23, 'Automotive', 2)) v(ord, name, weight),
		generate_series(1, weight)) x \gset

-- CRM records: a weighted sample without replacement (weight 1 + ln
-- employees: bigger companies are likelier to be in the CRM), 99 % of
-- :accounts; the other 1 % are duplicate records of sampled companies
CREATE TEMP TABLE crm_pick AS
SELECT company_id, row_number() OVER (ORDER BY key, company_id) AS rank
  FROM (SELECT company_id, -ln(1 - random()) / (1 + ln(employees)) AS key FROM co) k
 ORDER BY key, company_id
 LIMIT :accounts - floor(:accounts * 0.01)::int;
CREATE TEMP TABLE crm_dup AS
SELECT company_id FROM crm_pick ORDER BY random() LIMIT floor(:accounts * 0.01)::int;

CREATE TEMP TABLE acc0 AS
SELECT row_number() OVER (ORDER BY ord, company_id) AS n, company_id, is_dup
  FROM (SELECT company_id, random() AS ord, false AS is_dup FROM crm_pick
		UNION ALL
		SELECT company_id, random(), true FROM crm_dup) x;

CREATE TEMP TABLE truth_co AS
SELECT co.*, min('acc_' || lpad(a.n::text, 6, '0')) FILTER (WHERE NOT a.is_dup) AS account_id
  FROM co LEFT JOIN acc0 a USING (company_id)
 GROUP BY co.company_id;
ALTER TABLE truth_co ADD PRIMARY KEY (company_id);

CREATE TABLE sum_demo.crm_accounts (
	account_id text PRIMARY KEY,
	name text NOT NULL,
	domain text,
	country text,
	employees integer,
	industry text,
	annual_revenue numeric,
	technologies text[],
	parent_account_id text,
	created_at timestamptz,
	owner text
);
INSERT INTO sum_demo.crm_accounts
SELECT 'acc_' || lpad(a.n::text, 6, '0'),
	   CASE WHEN a.is_dup THEN CASE WHEN r1 < 0.5 THEN c.base ELSE upper(c.base) END
			WHEN r1 < 0.8 THEN c.legal_name ELSE c.base END,
	   CASE WHEN a.is_dup AND r2 < 0.6 THEN NULL
			WHEN r2 < 0.80 THEN c.domain
			WHEN r2 < 0.86 THEN 'www.' || c.domain
			WHEN r2 < 0.90 THEN 'https://www.' || c.domain || '/'
			WHEN r2 < 0.92 THEN upper(c.domain)
	   END,
	   CASE WHEN r3 < 0.97 THEN c.country END,
	   CASE WHEN a.is_dup AND r4 < 0.7 THEN NULL
			WHEN r4 < 0.65 THEN c.employees
			WHEN r4 < 0.90 THEN  -- enrichment buckets
				(SELECT max(b) FROM unnest('{1,10,50,200,500,1000,5000,10000}'::int[]) b WHERE b <= c.employees)
	   END,
	   CASE WHEN r5 < 0.88 THEN (:'industries'::text[])[1 + floor(r5 / 0.88 * cardinality(:'industries'::text[]))::int] END,
	   CASE WHEN r6 < 0.7 AND NOT a.is_dup
			THEN round((c.employees * (60000 + 240000 * r7) * exp(r6 - 0.35))::numeric, -3) END,
	   CASE WHEN r8 < 0.75 AND NOT a.is_dup
			THEN (SELECT array_agg(t ORDER BY t)
					FROM unnest('{Salesforce,HubSpot,Segment,Snowflake,Marketo,Intercom,Zendesk,Slack,Jira,Google Analytics,Shopify,WordPress,AWS,Stripe,Pipedrive,Zoho}'::text[])
						 WITH ORDINALITY u(t, k)
				   WHERE (hashint8extended(k * 1000003 + a.n, :seed) & 1023) < least(920, 60 + 40 * ln(c.employees)))
	   END,
	   NULL,
	   :'as_of'::timestamptz - (r9 * 5 * 365) * interval '1 day' + CASE WHEN a.is_dup THEN interval '30 days' ELSE interval '0' END,
	   CASE WHEN r10 < 0.15 THEN NULL
			WHEN c.country IN ('US', 'CA') THEN (ARRAY['Jessica Miller', 'Tom Becker', 'Aisha Johnson', 'Mike Chen'])[1 + floor(r10 * 4)::int]
			WHEN c.country IN ('GB', 'IE', 'AU', 'NZ', 'IN') THEN (ARRAY['Oliver Hughes', 'Priya Nair'])[1 + floor(r10 * 2)::int]
			WHEN c.lang = 'de' THEN (ARRAY['Katrin Vogel', 'Markus Brandt'])[1 + floor(r10 * 2)::int]
			WHEN c.lang = 'fr' THEN 'Claire Fontaine'
			WHEN c.lang IN ('es', 'pt', 'it') THEN 'Diego Ramos'
			ELSE 'Sanne de Wit' END
  FROM (SELECT *, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
			   random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10
		  FROM acc0) a
  JOIN co c USING (company_id)
 ORDER BY a.n;

-- subsidiaries: 2 % of the primary records get a parent among the 5 % of
-- biggest records
UPDATE sum_demo.crm_accounts a
   SET parent_account_id = p.account_id
  FROM (SELECT account_id, row_number() OVER (ORDER BY employees DESC NULLS LAST, account_id) AS k
		  FROM sum_demo.crm_accounts) p,
	   (SELECT account_id, random() AS r FROM sum_demo.crm_accounts ORDER BY account_id) s
 WHERE s.account_id = a.account_id
   AND s.r < 0.02
   AND p.k = 1 + floor(s.r / 0.02 * greatest(1, :accounts * 0.05))::int
   AND p.account_id <> a.account_id;

-- people: :users candidates (each has at least one login, so the first
-- :users logins exist); 12 % sign up for themselves (no company), the
-- others work at a company drawn with weight employees ^ 0.45
CREATE TEMP TABLE co_cum AS
SELECT company_id, sum(w) OVER (ORDER BY company_id) / sum(w) OVER () AS hi
  FROM (SELECT company_id, employees ^ 0.45 AS w FROM co) x;

CREATE TEMP TABLE pe0 AS
SELECT p AS person_id, random() AS r_personal, random() AS r_co, random() AS r_ctry,
	   random() AS r_first, random() AS r_last, random() AS r_tlang, random() AS r_cls, random() AS r_title,
	   random() AS r_logins, random() AS r_local, random() AS r_free, random() AS r_name,
	   :'as_of'::timestamptz - 180 * random() ^ 1.6 * interval '1 day' AS signed_up_at
  FROM generate_series(1, :users) p;

-- the company of a draw r is the first one whose cumulative share reaches
-- r: 1 + the number of companies below r, counted in one sort of draws and
-- companies together
CREATE TEMP TABLE pe1 AS
SELECT p.*, x.company_id
  FROM pe0 p
  LEFT JOIN (SELECT person_id, company_id
			   FROM (SELECT person_id,
							least(:companies, 1 + count(*) FILTER (WHERE person_id IS NULL)
													  OVER (ORDER BY v, person_id NULLS FIRST ROWS UNBOUNDED PRECEDING))::int AS company_id
					   FROM (SELECT person_id, r_co AS v FROM pe0 WHERE r_personal >= 0.12
							 UNION ALL
							 SELECT NULL, hi FROM co_cum) d) w
			  WHERE person_id IS NOT NULL) x USING (person_id)
 ORDER BY p.person_id;

CREATE TEMP TABLE pe AS
SELECT p.person_id, p.company_id, coalesce(c.country, k.code) AS country, coalesce(c.lang, k.lang) AS lang,
	   c.employees, c.domain, c.base, c.legal_name, c.legal_form,
	   coalesce(c.freemail, k.freemail) AS freemail,
	   nm.firsts[1 + floor(p.r_first * array_length(nm.firsts, 1))::int] AS first_name,
	   nm.lasts[1 + floor(p.r_last * array_length(nm.lasts, 1))::int] AS last_name,
	   CASE WHEN coalesce(c.lang, k.lang) IN ('en', 'in', 'nordic') OR p.r_tlang < 0.35 THEN 'en'
			ELSE coalesce(c.lang, k.lang) END AS title_lang,
	   CASE WHEN p.r_cls < CASE WHEN c.employees IS NULL THEN 0.30 WHEN c.employees < 10 THEN 0.45
								WHEN c.employees < 200 THEN 0.12 ELSE 0.04 END THEN 'exec'
			WHEN p.r_cls < CASE WHEN c.employees IS NULL THEN 0.40 WHEN c.employees < 10 THEN 0.65
								WHEN c.employees < 200 THEN 0.45 ELSE 0.34 END THEN 'lead'
			ELSE 'ic' END AS cls,
	   p.r_title, p.r_logins, p.r_local, p.r_free, p.r_name, p.signed_up_at
  FROM pe1 p
  LEFT JOIN co c USING (company_id)
  LEFT JOIN ctry_pick k ON c.company_id IS NULL AND p.r_ctry >= k.lo AND p.r_ctry < k.hi
  JOIN nm ON nm.lang = coalesce(c.lang, k.lang)
 ORDER BY p.person_id;

-- logins: 86 % of people have one, 11 % two, 3 % three; the table is cut
-- at :users logins
CREATE TEMP TABLE lg0 AS
SELECT *
  FROM (SELECT row_number() OVER () AS n, p.*, k
		  FROM pe p,
			   generate_series(1, CASE WHEN p.r_logins < 0.86 THEN 1 WHEN p.r_logins < 0.97 THEN 2 ELSE 3 END) k) x
 WHERE n <= :users;

-- the address of each login: work address (first.last, flast, first, ...),
-- free-mail, Gmail variants for second and third logins, disposable
-- addresses (0.6 %), stray case and white space (2 %), malformed (0.1 %)
CREATE TEMP TABLE lg1 AS
SELECT l.*,
	   translate(lower(first_name), 'äöüßàâãáéèêëíìîïóòôõúùûçñøåæ', 'aousaaaaeeeeiiiioooouuucnoaa') AS f,
	   regexp_replace(translate(lower(last_name), 'äöüßàâãáéèêëíìîïóòôõúùûçñøåæ', 'aousaaaaeeeeiiiioooouuucnoaa'),
					  '[^a-z]', '', 'g') AS l,
	   CASE
		   WHEN r_kind < 0.006 THEN 'disposable'
		   WHEN k = 1 AND l.company_id IS NOT NULL AND r_kind < 0.78 THEN 'work'
		   WHEN k = 1 THEN 'free'
		   WHEN k = 2 AND l.company_id IS NOT NULL AND r_var < 0.35 THEN 'work'
		   ELSE 'gmail_variant'
	   END AS kind
  FROM (SELECT l.*, random() AS r_kind, random() AS r_var, random() AS r_dec, random() AS r_stage,
			   random() AS r_beh, random() AS r_company, random() AS r_typo, random() AS r_pos,
			   random() AS r_signup, random() AS r_title2, random() AS r_country, random() AS r_upd, random() AS r_var2,
			   random() AS r_contact
		  FROM lg0 l) l;

CREATE TEMP TABLE lg2 AS
SELECT n, person_id, k, company_id, country, lang, employees, domain, base, legal_name, legal_form,
	   first_name, last_name, title_lang, cls, r_title, r_title2, r_country, r_upd, r_contact, r_stage, r_beh, r_company, r_typo, r_pos, kind,
	   CASE WHEN k = 1 THEN signed_up_at
			ELSE signed_up_at + r_signup * (:'as_of'::timestamptz - signed_up_at) END AS signed_up_at,
	   CASE
		   WHEN r_dec < 0.001 THEN  -- malformed
			   (ARRAY[f || '.' || l || '@gmail', f || '@@' || coalesce(domain, 'gmail.com'), f || ' ' || l,
					  f || '.' || l || '@gmail,com'])[1 + floor(r_dec * 4000)::int]
		   ELSE
			   CASE WHEN r_dec < 0.02 THEN ' ' ELSE '' END
			   || (CASE WHEN r_dec < 0.02 THEN initcap(e) ELSE e END)
	   END AS email
  FROM (SELECT *,
			   CASE kind
				   WHEN 'work' THEN
					   CASE WHEN k > 1 AND r_var2 < 0.3 THEN initcap(f) || '.' || initcap(l)
							WHEN k > 1 THEN left(f, 1) || '.' || l
							WHEN r_local < 0.45 OR employees >= 50 AND r_local < 0.7 THEN f || '.' || l
							WHEN r_local < 0.65 THEN left(f, 1) || l
							WHEN r_local < 0.85 THEN f
							WHEN r_local < 0.92 THEN f || '_' || l
							ELSE f || left(l, 1) END
					   || '@' || CASE WHEN employees >= 1000 AND r_var < 0.1
									  THEN (ARRAY['eu.', 'us.', 'mail.'])[1 + floor(r_var * 30)::int] ELSE '' END
					   || domain
				   WHEN 'free' THEN
					   CASE WHEN r_local < 0.5 THEN f || '.' || l
							WHEN r_local < 0.75 THEN f || l || (1960 + floor(r_local * 40))::int
							ELSE left(f, 1) || l || floor(r_local * 1000)::int END
					   || '@' || CASE WHEN r_free < 0.55 THEN 'gmail.com'
									  WHEN r_free < 0.63 THEN 'yahoo.com'
									  WHEN r_free < 0.71 THEN 'outlook.com'
									  WHEN r_free < 0.76 THEN 'hotmail.com'
									  WHEN r_free < 0.80 THEN 'icloud.com'
									  ELSE freemail[1 + floor((r_free - 0.8) / 0.2 * array_length(freemail, 1))::int] END
				   WHEN 'gmail_variant' THEN
					   CASE WHEN r_var2 < 0.3 THEN f || l || '@gmail.com'
							WHEN r_var2 < 0.55 THEN f || '.' || l || '+' || (ARRAY['sum', 'trial', 'test', 'work'])[1 + floor((r_var2 - 0.3) * 16)::int] || '@gmail.com'
							WHEN r_var2 < 0.7 THEN initcap(f) || '.' || initcap(l) || '@googlemail.com'
							WHEN r_var2 < 0.85 THEN left(f, 1) || '.' || substr(f, 2) || '.' || l || '@gmail.com'
							ELSE f || '.' || l || (1 + floor(r_var2 * 99))::int || '@gmail.com' END
				   ELSE  -- disposable
					   left(f, 1) || l || floor(r_var * 100)::int || '@'
					   || (ARRAY['mailinator.com', 'yopmail.com', 'guerrillamail.com', '10minutemail.com',
								 'temp-mail.org', 'sharklasers.com', 'trashmail.com', 'maildrop.cc'])[1 + floor(r_var * 8)::int]
			   END AS e
		  FROM lg1) x;

-- one mailbox, one person: a second person whose address is taken (the
-- same Gmail mailbox up to dots and +tags, or the same address) gets a
-- number, as the provider would have made them pick; a person's own second
-- login with the very same address gets one too (products refuse duplicates)
CREATE TEMP TABLE lg3 AS
SELECT *, CASE WHEN pr > 1 THEN regexp_replace(email, '([+@])', pr::text || '\1') ELSE email END AS email2
  FROM (SELECT *, dense_rank() OVER (PARTITION BY mbox ORDER BY person_id) AS pr
		  FROM (SELECT *, CASE WHEN lower(trim(email)) ~ '@(gmail|googlemail)\.com$'
							   THEN replace(split_part(split_part(lower(trim(email)), '@', 1), '+', 1), '.', '') || '@gmail.com'
							   ELSE lower(trim(email)) END AS mbox
				  FROM lg2) x) y;
CREATE TEMP TABLE lg AS
SELECT n, person_id, k, company_id, country, lang, employees, domain, base, legal_name, legal_form,
	   first_name, last_name, title_lang, cls, r_title, r_title2, r_country, r_upd, r_contact, r_stage,
	   r_beh, r_company, r_typo, r_pos, kind, signed_up_at,
	   CASE WHEN er > 1 THEN regexp_replace(email2, '@', er::text || '@') ELSE email2 END AS email
  FROM (SELECT *, row_number() OVER (PARTITION BY lower(trim(email2)) ORDER BY n) AS er FROM lg3) z
 ORDER BY n;

-- behaviour of each login, by sign-up age; second and third logins are
-- mostly dormant.  w0: start of the login's activity inside the 90-day
-- window of events
CREATE TEMP TABLE beh AS
SELECT n, signed_up_at, w0, behaviour,
	   CASE behaviour  -- the stage the product database shows
		   WHEN 'activator' THEN CASE WHEN r_stage < 0.35 THEN 'paid' WHEN r_stage < 0.7 THEN 'trial' ELSE 'freemium' END
		   WHEN 'stalled' THEN CASE WHEN r_stage < 0.55 THEN 'trial' ELSE 'freemium' END
		   WHEN 'paywall' THEN CASE WHEN r_stage < 0.8 THEN 'freemium' ELSE 'trial' END
		   WHEN 'usage_drop' THEN CASE WHEN r_stage < 0.75 THEN 'paid' ELSE 'freemium' END
		   WHEN 'churner' THEN CASE WHEN r_stage < 0.75 THEN 'churned' ELSE 'freemium' END
		   WHEN 'casual' THEN CASE WHEN r_stage < 0.7 THEN 'freemium' WHEN r_stage < 0.85 THEN 'trial' ELSE 'paid' END
		   ELSE CASE WHEN r_stage < 0.6 THEN 'freemium' WHEN r_stage < 0.9 THEN 'trial' ELSE 'churned' END
	   END AS stage0
  FROM (SELECT n, signed_up_at, r_stage,
			   greatest(signed_up_at, :'as_of'::timestamptz - interval '90 days') AS w0,
			   CASE
				   WHEN k > 1 THEN CASE WHEN r_beh < 0.55 THEN 'dormant' WHEN r_beh < 0.80 THEN 'stalled' ELSE 'casual' END
				   WHEN signed_up_at >= :'as_of'::timestamptz - interval '90 days' THEN
					   CASE WHEN r_beh < 0.22 THEN 'activator'
							WHEN r_beh < 0.50 THEN 'stalled'
							WHEN r_beh < 0.58 THEN 'paywall'
							WHEN r_beh < 0.63 THEN CASE WHEN signed_up_at < :'as_of'::timestamptz - interval '30 days' THEN 'churner' ELSE 'stalled' END
							WHEN r_beh < 0.69 THEN CASE WHEN signed_up_at < :'as_of'::timestamptz - interval '42 days' THEN 'usage_drop' ELSE 'activator' END
							WHEN r_beh < 0.86 THEN 'casual'
							ELSE 'dormant' END
				   ELSE
					   CASE WHEN r_beh < 0.25 THEN 'activator'
							WHEN r_beh < 0.33 THEN 'paywall'
							WHEN r_beh < 0.45 THEN 'usage_drop'
							WHEN r_beh < 0.57 THEN 'churner'
							WHEN r_beh < 0.77 THEN 'casual'
							ELSE 'dormant' END
			   END AS behaviour
		  FROM lg) x;

CREATE TABLE sum_demo.users (
	user_id text PRIMARY KEY,
	email text,
	signed_up_at timestamptz NOT NULL,
	full_name text,
	title text,
	company_name text,
	country text,
	stage text,
	updated_at timestamptz
);
INSERT INTO sum_demo.users
SELECT 'u' || lpad(l.n::text, 7, '0'),
	   l.email,
	   l.signed_up_at,
	   CASE WHEN l.r_pos < 0.01 THEN NULL
			WHEN l.r_pos < 0.03 THEN l.first_name
			WHEN l.r_pos < 0.06 THEN lower(l.first_name || ' ' || l.last_name)
			WHEN l.r_pos < 0.08 AND l.k > 1 THEN  -- typed without accents the second time
				translate(l.first_name || ' ' || l.last_name, 'äöüàâãáéèêëíìîïóòôõúùûçñÄÖÜÉÁÍÓÚ', 'aouaaaaeeeeiiiioooouuucnAOUEAIOU')
			ELSE l.first_name || ' ' || l.last_name END,
	   CASE WHEN l.r_title2 < 0.15 OR l.k > 1 AND l.r_title2 < 0.5 THEN NULL
			WHEN l.r_title2 < 0.17 THEN (ARRAY['-', 'n/a', 'me', 'asdf', 'x', 'test'])[1 + floor((l.r_title2 - 0.15) * 300)::int]
			ELSE ti.title END,
	   CASE
		   WHEN l.company_id IS NULL THEN
			   CASE WHEN l.r_company < 0.85 THEN NULL
					ELSE (ARRAY['Freelance', 'Self-employed', 'n/a', '-', 'Personal', 'Student', 'none',
								'Selbstständig', 'Indépendant', 'Autónomo', 'ZZP'])[1 + floor((l.r_company - 0.85) / 0.15 * 11)::int] END
		   WHEN l.kind = 'work' AND l.r_company < 0.35 OR l.kind <> 'work' AND l.r_company < 0.15 THEN NULL
		   WHEN l.r_typo < 0.35 THEN l.base
		   WHEN l.r_typo < 0.58 THEN l.legal_name
		   WHEN l.r_typo < 0.66 THEN lower(l.base)
		   WHEN l.r_typo < 0.70 THEN upper(l.legal_name)
		   WHEN l.r_typo < 0.75 THEN  -- a letter dropped
			   overlay(l.base PLACING '' FROM 2 + floor(l.r_pos * (length(l.base) - 2))::int FOR 1)
		   WHEN l.r_typo < 0.80 THEN  -- two letters swapped
			   overlay(l.base PLACING substr(l.base, 3 + floor(l.r_pos * (length(l.base) - 3))::int, 1)
									  || substr(l.base, 2 + floor(l.r_pos * (length(l.base) - 3))::int, 1)
							  FROM 2 + floor(l.r_pos * (length(l.base) - 3))::int FOR 2)
		   WHEN l.r_typo < 0.83 THEN  -- a letter doubled
			   overlay(l.base PLACING substr(l.base, 2 + floor(l.r_pos * (length(l.base) - 2))::int, 1)
							  FROM 2 + floor(l.r_pos * (length(l.base) - 2))::int FOR 0)
		   WHEN l.r_typo < 0.88 THEN l.domain
		   WHEN l.r_typo < 0.92 THEN l.base || ' ' || (ARRAY['Inc', 'Group', 'GmbH', 'Ltd', 'HQ'])[1 + floor(l.r_pos * 5)::int]
		   WHEN l.r_typo < 0.95 THEN 'The ' || l.base
		   ELSE l.base || coalesce(' ' || lower(replace(l.legal_form, '.', '')), '')
	   END,
	   CASE WHEN l.r_country < 0.9 THEN l.country END,
	   CASE WHEN b.stage0 = 'trial' AND l.signed_up_at < :'as_of'::timestamptz - interval '30 days'
			THEN 'freemium' ELSE b.stage0 END,
	   least(:'as_of'::timestamptz, l.signed_up_at + (:'as_of'::timestamptz - l.signed_up_at) * l.r_upd)
  FROM lg l
  JOIN beh b USING (n)
  LEFT JOIN tn ON tn.lang = l.title_lang AND tn.cls = l.cls
  LEFT JOIN ti ON ti.lang = l.title_lang AND ti.cls = l.cls AND ti.idx = floor(l.r_title * tn.n)::int
 ORDER BY l.n;

CREATE TABLE sum_demo.truth_companies AS
SELECT t.company_id, t.legal_name AS name, t.domain, t.country, t.employees, t.account_id,
	   d.ids AS duplicate_account_ids
  FROM truth_co t
  LEFT JOIN (SELECT company_id, array_agg('acc_' || lpad(n::text, 6, '0') ORDER BY n) AS ids
			   FROM acc0 WHERE is_dup GROUP BY company_id) d USING (company_id)
 ORDER BY t.company_id;
ALTER TABLE sum_demo.truth_companies ADD PRIMARY KEY (company_id);
CREATE TABLE sum_demo.truth AS
SELECT 'u' || lpad(l.n::text, 7, '0') AS user_id, l.person_id, l.company_id, t.account_id, l.kind AS email_kind,
	   b.behaviour
  FROM lg l
  JOIN beh b USING (n)
  LEFT JOIN truth_co t USING (company_id)
 ORDER BY l.n;
ALTER TABLE sum_demo.truth ADD PRIMARY KEY (user_id);

-- CRM contacts: a third of the people at CRM companies (their first
-- login's address, sometimes in capitals), and decision makers who never
-- signed up (0 to 6 per account, more at bigger companies; titles from the
-- dm class), 3 % of them without an address
CREATE TABLE sum_demo.crm_contacts (
	contact_id text PRIMARY KEY,
	account_id text NOT NULL,
	email text,
	full_name text,
	title text
);
CREATE TEMP TABLE dm AS
SELECT a.account_id, c.lang, c.domain, nm.firsts, nm.lasts, random() AS r1, random() AS r2, random() AS r3,
	   random() AS r4, random() AS r5
  FROM sum_demo.crm_accounts a
  JOIN acc0 x ON 'acc_' || lpad(x.n::text, 6, '0') = a.account_id
  JOIN co c ON c.company_id = x.company_id
  JOIN nm ON nm.lang = c.lang,
	   generate_series(1, least(6, floor((0.3 + ln(c.employees + 1) / 2.5) * random() * 2.2))::int) g
 ORDER BY a.account_id, g;
-- (a decision maker whose address is taken by a user or another contact
-- gets a number, as with users)
INSERT INTO sum_demo.crm_contacts
SELECT 'con_' || lpad((row_number() OVER (ORDER BY src, ord))::text, 7, '0'), account_id,
	   CASE WHEN src = 2 AND (er > 1 OR taken) THEN regexp_replace(email, '@', (er + 1)::text || '@') ELSE email END,
	   full_name, title
  FROM (SELECT x.*, row_number() OVER (PARTITION BY src, x.email ORDER BY ord) AS er, ue.e IS NOT NULL AS taken
  FROM (SELECT 1 AS src, l.n AS ord, t.account_id,
			   CASE WHEN l.r_stage < 0.1 THEN upper(trim(l.email)) ELSE trim(l.email) END AS email,
			   u.full_name,
			   CASE WHEN l.r_beh < 0.3 THEN NULL ELSE u.title END AS title
		  FROM lg l
		  JOIN truth_co t USING (company_id)
		  JOIN sum_demo.users u ON u.user_id = 'u' || lpad(l.n::text, 7, '0')
		 WHERE t.account_id IS NOT NULL AND l.k = 1 AND l.kind = 'work' AND l.r_contact < 0.33
		UNION ALL
		SELECT 2, row_number() OVER (), d.account_id,
			   CASE WHEN d.r3 < 0.03 THEN NULL
					ELSE regexp_replace(translate(lower(d.firsts[1 + floor(d.r1 * array_length(d.firsts, 1))::int]
													   || '.' || d.lasts[1 + floor(d.r2 * array_length(d.lasts, 1))::int]),
												  'äöüßàâãáéèêëíìîïóòôõúùûçñøåæ', 'aousaaaaeeeeiiiioooouuucnoaa'),
										'[^a-z.]', '', 'g') || '@' || d.domain END,
			   d.firsts[1 + floor(d.r1 * array_length(d.firsts, 1))::int] || ' '
			   || d.lasts[1 + floor(d.r2 * array_length(d.lasts, 1))::int],
			   ti.title
		  FROM dm d
		  JOIN tn ON tn.cls = 'dm' AND tn.lang = CASE WHEN d.lang IN ('in', 'nordic') OR d.r4 < 0.3 THEN 'en' ELSE d.lang END
		  JOIN ti ON ti.cls = 'dm' AND ti.lang = tn.lang AND ti.idx = floor(d.r5 * tn.n)::int) x
  LEFT JOIN (SELECT DISTINCT lower(trim(email)) AS e FROM sum_demo.users) ue ON x.src = 2 AND ue.e = x.email) y;

-- events: a count per login from its behaviour (stalled trials a fixed 2
-- to 6, dormant none, the others share the rest by weight, heavy users
-- up to 10x, in proportion to the days they are in the window), the total
-- exactly :events; split into sessions of 3 to 12
-- events (2 for usage drops, so that their one session in the last week is
-- small)
CREATE TEMP TABLE ev_n0 AS
SELECT n, behaviour, signed_up_at, w0,
	   CASE behaviour WHEN 'stalled' THEN 2 + floor(random() * 5)::int END AS fixed,
	   CASE behaviour WHEN 'activator' THEN 4 WHEN 'paywall' THEN 3 WHEN 'usage_drop' THEN 16
					  WHEN 'churner' THEN 3 WHEN 'casual' THEN 1 ELSE 0 END
	   * least(10, random() ^ -0.5)
	   -- a steady rate: a login active for 9 days gets a tenth of the events
	   -- of one active for all 90
	   * greatest(0.01, extract(epoch FROM :'as_of'::timestamptz - w0) / (90 * 86400))::numeric AS w,
	   CASE behaviour WHEN 'usage_drop' THEN 2 ELSE 3 + floor(random() * 10)::int END AS len,
	   w0 + (:'as_of'::timestamptz - interval '14 days' - w0) * (0.3 + 0.6 * random()) AS churn_at
  FROM beh;
SELECT least(:events, coalesce(sum(fixed), 0))::bigint AS fixed_total, coalesce(nullif(sum(w), 0), 1) AS w_total FROM ev_n0 \gset
CREATE TEMP TABLE ev_n AS
SELECT n, behaviour, signed_up_at, w0, len, churn_at,
	   CASE WHEN fixed IS NOT NULL THEN fixed
			ELSE (floor(cw * (:events - :fixed_total) / :w_total) - floor((cw - w) * (:events - :fixed_total) / :w_total))::int
	   END AS cnt
  FROM (SELECT *, sum(w) OVER (ORDER BY n) AS cw FROM ev_n0) x;
-- with very few events the stalled trials alone may exceed :events
SELECT sum(cnt) > :events AS too_many, sum(cnt) - :events AS excess FROM ev_n \gset
\if :too_many
UPDATE ev_n SET cnt = 0
 WHERE n IN (SELECT n FROM (SELECT n, sum(cnt) OVER (ORDER BY n DESC) AS s FROM ev_n WHERE behaviour = 'stalled') x
			  WHERE s <= :excess);
SELECT sum(cnt) - :events AS excess FROM ev_n \gset
UPDATE ev_n SET cnt = cnt - :excess
 WHERE n = (SELECT max(n) FROM ev_n WHERE cnt >= :excess AND :excess > 0);
\endif
-- numeric division may leave the total one short
SELECT :events - sum(cnt) AS short FROM ev_n \gset
UPDATE ev_n SET cnt = cnt + :short
 WHERE n = (SELECT n FROM ev_n ORDER BY cnt DESC, n LIMIT 1) AND cnt + :short >= 0;

-- sessions: when each session starts, by behaviour
-- (a start later than 20 minutes before :as_of, say the third onboarding
-- day of a sign-up of yesterday, moves to a random time of the login's
-- window instead: no pile-up of events just before :as_of)
CREATE TEMP TABLE sess AS
SELECT n, s, behaviour, len, cnt,
	   CASE WHEN st <= :'as_of'::timestamptz - interval '20 minutes' THEN st
			ELSE w0 + greatest(:'as_of'::timestamptz - interval '20 minutes' - w0, interval '0') * random()
	   END AS started_at
  FROM (SELECT n, s, behaviour, len, cnt, w0, CASE behaviour
		   WHEN 'activator' THEN
			   CASE WHEN s <= 3 AND signed_up_at >= w0 THEN  -- three days of onboarding
						signed_up_at + (s - 1) * interval '36 hours' + random() * interval '12 hours'
					ELSE w0 + (:'as_of'::timestamptz - w0) * random() END
		   WHEN 'stalled' THEN w0 + random() * interval '2 days'
		   WHEN 'paywall' THEN
			   CASE WHEN s = 1 THEN :'as_of'::timestamptz - random() * interval '10 days'
					ELSE w0 + (:'as_of'::timestamptz - w0) * random() END
		   WHEN 'usage_drop' THEN
			   CASE WHEN s = 1 THEN :'as_of'::timestamptz - random() * interval '7 days'
					ELSE greatest(w0, :'as_of'::timestamptz - interval '49 days')
						 + (:'as_of'::timestamptz - interval '7 days' - greatest(w0, :'as_of'::timestamptz - interval '49 days')) * random() END
		   WHEN 'churner' THEN w0 + (churn_at - w0) * random()
		   ELSE w0 + (:'as_of'::timestamptz - w0) * random()
	   END AS st
		  FROM ev_n, generate_series(1, ceil(cnt::numeric / len)::int) s
		 WHERE cnt > 0) x;

CREATE TABLE sum_demo.events (
	user_id text NOT NULL,
	event text NOT NULL,
	occurred_at timestamptz NOT NULL
) PARTITION BY RANGE (occurred_at);
-- one partition per month from the window's first month to two months
-- after :as_of (room for generate_more_events.sql), plus a default
SELECT format('CREATE TABLE sum_demo.events_%s PARTITION OF sum_demo.events FOR VALUES FROM (%L) TO (%L)',
			  to_char(m, 'YYYY_MM'), m, m + interval '1 month')
  FROM generate_series(date_trunc('month', :'as_of'::timestamptz - interval '90 days'),
					   date_trunc('month', :'as_of'::timestamptz) + interval '2 months', interval '1 month') m
\gexec
CREATE TABLE sum_demo.events_default PARTITION OF sum_demo.events DEFAULT;

-- event names: the onboarding funnel in an activator's first session, the
-- paywall twice or more in a paywall hitter's last session, a login first in
-- later sessions, otherwise a mix that depends on the behaviour
INSERT INTO sum_demo.events
SELECT 'u' || lpad(n::text, 7, '0'),
	   CASE
		   WHEN behaviour = 'activator' AND s = 1 AND i <= 6 THEN
			   (ARRAY['page_viewed', 'project_created', 'data_connected', 'report_viewed', 'report_shared', 'invite_sent'])[i]
		   WHEN behaviour = 'paywall' AND s = 1 AND i <= 4 THEN
			   (ARRAY['login', 'paywall_hit', 'report_viewed', 'paywall_hit'])[i]
		   WHEN i = 1 AND s > 1 THEN 'login'
		   WHEN behaviour = 'stalled' THEN
			   CASE WHEN r < 0.5 THEN 'page_viewed' WHEN r < 0.7 THEN 'project_created'
					WHEN r < 0.85 THEN 'settings_changed' ELSE 'help_opened' END
		   WHEN r < 0.28 THEN 'page_viewed'
		   WHEN r < 0.50 THEN 'report_viewed'
		   WHEN r < 0.58 THEN 'report_exported'
		   WHEN r < 0.64 THEN 'project_created'
		   WHEN r < 0.69 THEN 'data_connected'
		   WHEN r < 0.75 THEN 'report_shared'
		   WHEN r < 0.78 THEN 'invite_sent'
		   WHEN r < 0.80 + CASE WHEN behaviour = 'paywall' THEN 0.08 ELSE 0 END THEN 'paywall_hit'
		   WHEN r < 0.93 THEN 'dashboard_filtered'
		   ELSE 'settings_changed'
	   END,
	   least(:'as_of'::timestamptz, started_at + (i - 1) * interval '90 seconds' + r2 * interval '80 seconds')
  FROM (SELECT n, s, behaviour, started_at, i, random() AS r, random() AS r2
		  FROM sess, generate_series(1, least(len, cnt - (s - 1) * len)) i) e
 ORDER BY 3;

CREATE INDEX ON sum_demo.events (occurred_at);
CREATE INDEX ON sum_demo.crm_contacts (account_id);

COMMENT ON SCHEMA sum_demo IS 'demo input for sum.refresh(), made by test/data/generate.sql';
COMMENT ON TABLE sum_demo.truth IS 'generator ground truth per login (person, company, CRM account, behaviour); not an input';
COMMENT ON TABLE sum_demo.truth_companies IS 'generator ground truth per company; not an input';

VACUUM ANALYZE sum_demo.crm_accounts, sum_demo.crm_contacts, sum_demo.users, sum_demo.events,
	sum_demo.truth, sum_demo.truth_companies;

\set QUIET off
SELECT (SELECT count(*) FROM sum_demo.crm_accounts) AS crm_accounts,
	   (SELECT count(*) FROM sum_demo.crm_contacts) AS crm_contacts,
	   (SELECT count(*) FROM sum_demo.users) AS users,
	   (SELECT count(*) FROM sum_demo.events) AS events,
	   (SELECT min(occurred_at) FROM sum_demo.events) AS first_event,
	   (SELECT max(occurred_at) FROM sum_demo.events) AS last_event;
