-- Job title -> function, seniority, confidence and deciding rules
\set SHOW_CONTEXT never
SET extra_float_digits = 0;

CREATE FUNCTION pt(t text) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT format('%s/%s', (p).function, (p).seniority)
	  FROM (SELECT sum.title_persona(t) AS p) s
$$;

-- hard cases of the issue
SELECT t AS title, pt(t) AS persona FROM unnest(ARRAY[
	'Account Executive',
	'Senior Account Executive',
	'Executive Assistant to the CEO',
	'Assistant to the VP',
	'Assistant to the VP of Sales',
	'Product Marketing Manager',
	'Sr. Mgr, Product Marketing',
	'VP Sales',
	'Sales VP',
	'VP of Sales',
	'Vice President, Sales',
	'Head of Sales',
	'Head of Engineering',
	'President',
	'Vice President',
	'Managing Director',
	'Geschäftsführer',
	'Directeur Général',
	'Founder',
	'Co-Founder',
	'Owner',
	'Partner',
	'Product Owner',
	'Partner Manager',
	'Founding Engineer'
]) AS t;

-- abbreviations and CxO acronyms
SELECT t AS title, pt(t) AS persona FROM unnest(ARRAY[
	'Sr. Software Engineer', 'Jr Developer', 'Mgr Finance', 'Dir. Marketing',
	'SVP Engineering', 'EVP Operations', 'AVP Finance', 'V.P. Sales',
	'CEO', 'CTO', 'CFO', 'CMO', 'COO', 'CRO', 'CPO', 'CIO', 'CISO', 'CDO'
]) AS t;

-- noise: companies, former employers, emojis, parentheses, capitals, spaces
SELECT t AS title, pt(t) AS persona FROM unnest(ARRAY[
	'Head of Growth @ Acme | ex-Google',
	'Software Engineer at Sales Corp',
	'🚀 Growth Marketer 🚀',
	'Head of Sales (EMEA)',
	'SALES MANAGER',
	'   sales     manager   ',
	'Founder | Ex-CEO of Marketing Inc',
	'Data Scientist (m/w/d)',
	'Chef de projet (H/F)'
]) AS t;

-- every language
SELECT t AS title, pt(t) AS persona FROM unnest(ARRAY[
	'Leiter Vertrieb', 'Vertriebsleiterin', 'Teamleiter Kundenservice',
	'Softwareentwicklerin', 'Assistenz der Geschäftsführung', 'Werkstudent Marketing',
	'Directrice Marketing', 'Responsable Commercial', 'Chef de Produit',
	'Développeuse Full Stack', 'Assistante de Direction', 'Stagiaire',
	'Gerente de Ventas', 'Directora Financiera', 'Jefe de Proyecto',
	'Ejecutivo de Cuentas', 'Becaria de Marketing',
	'Diretor Comercial', 'Coordenadora de RH', 'Desenvolvedor Pleno',
	'Analista de Dados Sênior', 'Estagiário',
	'Algemeen Directeur', 'Hoofd Marketing', 'Accountmanager',
	'Medior Developer', 'Eigenaar',
	'Amministratore Delegato', 'Direttrice Commerciale', 'Responsabile Acquisti',
	'Sviluppatore Senior', 'Titolare'
]) AS t;

-- gendered forms and missing accents
SELECT t AS title, pt(t) AS persona FROM unnest(ARRAY[
	'Leiterin Marketing', 'Geschäftsführerin', 'Geschaftsfuhrer', 'Geschaeftsfuehrer',
	'Directrice Générale', 'Directrice', 'Gerente', 'Direttrice', 'Developpeur',
	'Gerant', 'Dueña', 'Fondatrice'
]) AS t;

-- the whole result, with confidence and the rules that decided
SELECT t AS title, (sum.title_persona(t)).* FROM unnest(ARRAY[
	'VP Sales',
	'Account Executive',
	'Executive Assistant to the CEO',
	'Sales & Marketing Director',
	'Manager',
	'Marketing',
	'asdf'
]) AS t;

-- the three functions agree
SELECT count(*) AS disagreements
  FROM unnest(ARRAY['VP Sales', 'Account Executive', 'Leiterin Marketing', 'Stagiaire', 'asdf', '']) AS t
 WHERE sum.title_function(t) IS DISTINCT FROM (sum.title_persona(t)).function
	OR sum.title_seniority(t) IS DISTINCT FROM (sum.title_persona(t)).seniority;

-- ordered enums: max() and >= work on results
SELECT max(sum.title_seniority(t)) AS top,
	   count(*) FILTER (WHERE sum.title_seniority(t) >= 'director') AS director_or_above
  FROM unnest(ARRAY['Intern', 'VP Sales', 'Head of Sales', 'Marketing Manager']) AS t;

-- what the rules see
SELECT sum.title_normalize('Head of Growth @ Acme | ex-Google 🚀') AS normalized;
SELECT sum.title_normalize('  SALES   MANAGER, Geschäftsführerin (m/w/d)') AS normalized;
SELECT sum.persona_pattern('  Head  OF ') AS canonical,
	   sum.persona_pattern('Geschäfts-Führer*') AS wildcard,
	   sum.persona_pattern('^ Lead $') AS anchored;

-- NULL, empty, junk, huge
SELECT sum.title_persona(NULL) IS NULL AS null_persona,
	   sum.title_seniority(NULL) IS NULL AS null_seniority,
	   sum.title_function(NULL) IS NULL AS null_function,
	   sum.title_normalize(NULL) IS NULL AS null_normalize;
SELECT t AS title, (sum.title_persona(t)).* FROM unnest(ARRAY['', ' ', '-', 'n/a', '...', '🚀', 'test', 'xxx']) AS t;
SELECT (sum.title_persona(repeat('x', 1000000))).*;
SELECT (sum.title_persona('VP Sales ' || repeat('é', 500000))).*;
SELECT (sum.title_persona(repeat('| @ ( , ', 200000))).*;

-- user rules: a new pattern, in effect in the same session
SELECT pt('Growth Ninja') AS before;
INSERT INTO sum.persona_rules (pattern, seniority, function, priority, note)
	VALUES ('Growth  NINJA', 'senior', 'marketing', 40, 'our own title');
SELECT pattern, source, seniority, function FROM sum.persona_rules WHERE pattern = 'growth ninja';
SELECT pt('Growth Ninja') AS after, pt('Senior Growth Ninja @ Acme') AS with_noise;

-- a user row overrides the shipped row of the same pattern, however spelled
SELECT pt('Head of Sales') AS before;
INSERT INTO sum.persona_rules (pattern, seniority, priority) VALUES ('HEAD of', 'vp', 70);
SELECT pt('Head of Sales') AS overridden;
SELECT pattern, source, seniority FROM sum.persona_rules_effective WHERE pattern = 'head of';

-- ... and can disable it
UPDATE sum.persona_rules SET enabled = false WHERE pattern = 'head of' AND source = 'user';
SELECT count(*) AS head_of_rules_in_force FROM sum.persona_rules_effective WHERE pattern = 'head of';
SELECT pt('Head of Sales') AS head_still_director;
INSERT INTO sum.persona_rules (pattern, enabled) VALUES ('vp', false);
SELECT pt('VP Sales') AS vp_disabled;

-- a block rule of our own
INSERT INTO sum.persona_rules (pattern, action, seniority, function, priority)
	VALUES ('chief of stuff to', 'block', 'entry', 'operations', 20);
SELECT pt('Chief of Stuff to the CEO') AS blocked;

-- deleting user rows restores the shipped behaviour
DELETE FROM sum.persona_rules WHERE source = 'user';
SELECT pt('Head of Sales') AS head, pt('VP Sales') AS vp, pt('Growth Ninja') AS ninja;

-- invalid rules are rejected with invalid_parameter_value (22023)
CREATE FUNCTION try_sql(stmt text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE stmt;
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
SELECT v AS rule, try_sql(format('INSERT INTO sum.persona_rules %s', v)) AS result
  FROM unnest(ARRAY[
	$r$(pattern) VALUES ('vp | sales')$r$,
	$r$(pattern) VALUES ('vp @ acme')$r$,
	$r$(pattern) VALUES ('a*b')$r$,
	$r$(pattern) VALUES ('*')$r$,
	$r$(pattern) VALUES ('*ab')$r$,
	$r$(pattern) VALUES ('')$r$,
	$r$(pattern) VALUES (' - . ')$r$,
	$r$(pattern) VALUES ('lead ^')$r$,
	$r$(pattern) VALUES ('a b c d e f g h i')$r$,
	$r$(pattern) VALUES (repeat('x', 41))$r$,
	$r$(pattern) VALUES (repeat('ab ', 300))$r$,
	$r$(pattern) VALUES ('🚀 growth')$r$,
	$r$(pattern) VALUES (NULL)$r$,
	$r$(pattern, seniority) VALUES ('ninja', 'boss')$r$,
	$r$(pattern, seniority) VALUES ('ninja', 'VP')$r$,
	$r$(pattern, function) VALUES ('ninja', 'Marketing')$r$,
	$r$(pattern, priority) VALUES ('ninja', 101)$r$,
	$r$(pattern, priority) VALUES ('ninja', -1)$r$,
	$r$(pattern, weight) VALUES ('ninja', 'NaN')$r$,
	$r$(pattern, weight) VALUES ('ninja', 'Infinity')$r$,
	$r$(pattern, weight) VALUES ('ninja', 1000)$r$,
	$r$(pattern, action) VALUES ('ninja', 'ignore')$r$,
	$r$(pattern, action, seniority) VALUES ('ninja', 'stop', 'vp')$r$,
	$r$(pattern, lang) VALUES ('ninja', 'english')$r$,
	$r$(pattern, source) VALUES ('ninja', 'shipped')$r$,
	$r$(pattern, source) VALUES ('ninja', 'mine')$r$,
	$r$(pattern, action) VALUES ('^ former $', 'stop')$r$
  ]) AS v;
DELETE FROM sum.persona_rules WHERE source = 'user';
SELECT try_sql($$SELECT sum.persona_pattern('vp, sales')$$) AS persona_pattern;

-- shipped rows belong to the extension
UPDATE sum.persona_rules SET seniority = 'owner' WHERE pattern = 'vp' AND source = 'shipped';
DELETE FROM sum.persona_rules WHERE pattern = 'vp';
TRUNCATE sum.persona_rules;
SELECT count(*) > 1000 AS shipped_rules_intact FROM sum.persona_rules WHERE source = 'shipped';

-- a duplicate user rule is a duplicate key
INSERT INTO sum.persona_rules (pattern, seniority) VALUES ('ninja', 'senior');
INSERT INTO sum.persona_rules (pattern, seniority) VALUES ('Ninja', 'vp');
DELETE FROM sum.persona_rules WHERE source = 'user';

-- an adversarial rule table: thousands of long, overlapping and wildcard rules
INSERT INTO sum.persona_rules (pattern, seniority, function, priority, weight)
SELECT CASE i % 4
		   WHEN 0 THEN repeat('a', 30) || i || ' b c d e f g h'
		   WHEN 1 THEN '*aaa' || i || '*'
		   WHEN 2 THEN '*aa' || i || 'a'
		   ELSE 'vp sales ' || i
	   END,
	   (pg_catalog.enum_range(NULL::sum.seniority))[1 + i % 9]::text,
	   (pg_catalog.enum_range(NULL::sum.job_function))[1 + i % 15]::text,
	   i % 101, i % 7
  FROM generate_series(1, 5000) AS i;
SELECT count(*) AS user_rules FROM sum.persona_rules WHERE source = 'user';
SELECT pt('VP Sales') AS untouched, pt('VP Sales 43') AS rule_43,
	   (sum.title_persona(repeat('aaa12', 200))).seniority IS NOT NULL AS long_word,
	   (sum.title_persona(repeat('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa4 b c d e f g h ', 40))).seniority AS repeated_phrase;
DELETE FROM sum.persona_rules WHERE source = 'user';

-- pg_dump keeps user rows only
SELECT c.condition
  FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(relid, condition)
 WHERE e.extname = 'sum' AND c.relid = 'sum.persona_rules'::regclass;

-- a rule change in another transaction reaches this session's cache
BEGIN;
INSERT INTO sum.persona_rules (pattern, seniority, function) VALUES ('rockstar', 'senior', 'engineering');
SELECT pt('Rockstar') AS inside_transaction;
ROLLBACK;
SELECT pt('Rockstar') AS after_rollback;

-- any role can classify; writing rules needs a grant
CREATE ROLE regress_persona_reader;
-- a write makes the next call recompile, here with the reader's rights
INSERT INTO sum.persona_rules (pattern, seniority) VALUES ('ninja', 'senior');
DELETE FROM sum.persona_rules WHERE source = 'user';
SET ROLE regress_persona_reader;
SELECT pt('VP Sales') AS as_reader;
INSERT INTO sum.persona_rules (pattern) VALUES ('ninja');
RESET ROLE;
DROP ROLE regress_persona_reader;

-- labels of volatility
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'sum'
   AND p.proname IN ('title_persona', 'title_seniority', 'title_function',
					 'title_normalize', 'persona_pattern', 'buying_role')
 ORDER BY p.proname;

-- a parallel plan gives the serial result
CREATE TABLE persona_titles AS
	SELECT (ARRAY['VP Sales', 'Account Executive', 'Leiterin Marketing', 'asdf',
				  'Stagiaire', 'Gerente de Ventas'])[1 + i % 6] || ' ' || i AS title
	  FROM generate_series(1, 3000) i;
ANALYZE persona_titles;
CREATE TABLE persona_serial AS
	SELECT sum.title_seniority(title) AS s, sum.title_function(title) AS f, count(*) AS n
	  FROM persona_titles GROUP BY 1, 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
-- the workers evaluate the functions
EXPLAIN (COSTS OFF, VERBOSE) SELECT sum.title_seniority(title), sum.title_function(title) FROM persona_titles;
SELECT count(*) AS differences FROM (
	(SELECT sum.title_seniority(title) AS s, sum.title_function(title) AS f, count(*) AS n
	   FROM persona_titles GROUP BY 1, 2
	 EXCEPT SELECT * FROM persona_serial)
	UNION ALL
	(SELECT * FROM persona_serial
	 EXCEPT SELECT sum.title_seniority(title), sum.title_function(title), count(*)
	   FROM persona_titles GROUP BY 1, 2)) d;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP TABLE persona_titles, persona_serial;
DROP FUNCTION pt(text);
DROP FUNCTION try_sql(text);
