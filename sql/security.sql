-- security: the install script and everything the extension runs at call
-- time are immune to objects planted in the caller's search_path; rule
-- tables are readable by every role (C code reads them with the caller's
-- rights) and writable by their owner only.
\set SHOW_CONTEXT never

-- hostile objects named like the built-ins the extension uses, in a schema
-- that comes before pg_catalog in the search_path; each one raises
CREATE SCHEMA evil;
CREATE FUNCTION evil.boom() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'hostile object called';
END
$$;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN $1; END $$;
CREATE FUNCTION evil.upper(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN $1; END $$;
CREATE FUNCTION evil.length(text) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN 0; END $$;
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN $1; END $$;
CREATE FUNCTION evil.now() RETURNS timestamptz LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN NULL; END $$;
CREATE FUNCTION evil.current_setting(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN NULL; END $$;
CREATE FUNCTION evil.getdatabaseencoding() RETURNS name LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN NULL; END $$;
CREATE FUNCTION evil.jsonb_typeof(jsonb) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN NULL; END $$;
CREATE FUNCTION evil.array_length(anyarray, integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN NULL; END $$;
CREATE FUNCTION evil.text_eq(text, text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RETURN evil.boom(); END $$;
CREATE FUNCTION evil.text_cat(text, text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM evil.boom(); RETURN NULL; END $$;
CREATE FUNCTION evil.int_lt(integer, integer) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RETURN evil.boom(); END $$;
CREATE FUNCTION evil.bool_not(boolean) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RETURN evil.boom(); END $$;
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_eq);
CREATE OPERATOR evil.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_eq);
CREATE OPERATOR evil.~ (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_eq);
CREATE OPERATOR evil.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.text_cat);
CREATE OPERATOR evil.< (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.int_lt);
CREATE OPERATOR evil.<= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.int_lt);
CREATE OPERATOR evil.>= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.int_lt);
CREATE OPERATOR evil.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.int_lt);
-- type names the extension casts to
CREATE DOMAIN evil.text AS pg_catalog.text CHECK (evil.boom());
CREATE DOMAIN evil.float8 AS pg_catalog.float8 CHECK (evil.boom());
CREATE DOMAIN evil.int4 AS pg_catalog.int4 CHECK (evil.boom());
CREATE DOMAIN evil.bool AS pg_catalog.bool CHECK (evil.boom());
GRANT USAGE ON SCHEMA evil TO PUBLIC;

-- the caller's own tables, made before the hostile path is set
CREATE TABLE public.sec_ev (uid int, ev text, ts timestamptz);
INSERT INTO public.sec_ev VALUES (1, 'login', '2024-01-01'), (1, 'login', '2024-01-02'), (1, 'login', '2024-01-03');
CREATE TABLE public.sec_accounts (account_id int, name text, domain text);
INSERT INTO public.sec_accounts VALUES (1, 'Acme Inc', 'acme.com');
CREATE TABLE public.sec_signups (signup_id int, email text, company_name text, created_at timestamptz);
INSERT INTO public.sec_signups VALUES (1, 'jo@acme.com', 'Acme', '2024-01-01'), (2, 'jo.doe@acme.com', 'Acme', '2024-01-02');
CREATE VIEW public.sec_users AS SELECT signup_id AS user_id, email, created_at AS signed_up_at FROM public.sec_signups;
CREATE VIEW public.sec_events AS SELECT uid AS user_id, ev AS event, ts AS occurred_at FROM public.sec_ev;

-- the planted objects work: an unqualified call reaches them
SET search_path = evil, pg_catalog, public;
SELECT lower('X');
SELECT 'a' = 'a';
SELECT 'x'::text;

-- the install script never resolves a name through the search_path
DROP EXTENSION sum;
CREATE EXTENSION sum;

-- the settings and every rule table's triggers, with evil first in the path
-- (this file's own statements qualify their operators and types)
UPDATE sum.settings SET value = 'vp' WHERE name OPERATOR(pg_catalog.=) 'persona.decision_maker_seniority';
SELECT sum.setting('persona.decision_maker_seniority') IS NOT NULL AS setting_read;
DELETE FROM sum.settings WHERE name OPERATOR(pg_catalog.=) 'persona.decision_maker_seniority';
INSERT INTO sum.freemail_domains (domain) VALUES ('Corp-Mail.Example');
DELETE FROM sum.freemail_domains WHERE domain OPERATOR(pg_catalog.=) 'gmx.de';
SELECT domain, source, listed FROM sum.freemail_domains WHERE source OPERATOR(pg_catalog.=) 'user' ORDER BY domain COLLATE "C";
INSERT INTO sum.legal_forms (form, position) VALUES ('Evil Co', 'suffix');
INSERT INTO sum.persona_rules (pattern, seniority) VALUES ('ninja', 'senior');
INSERT INTO sum.milestone_defs (name, kind, events, min_count, days)
	VALUES ('evil_test', 'event_count', '{login}', 3, 7);
INSERT INTO sum.icp_rules (name, attribute, operator, value, points)
	VALUES ('evil_test', 'country', 'in', '["US", "CA"]', 10);
UPDATE sum.icp_rules SET points = 5 WHERE name OPERATOR(pg_catalog.=) 'evil_test';

-- the functions that read tables or run queries, with evil first in the path
SELECT sum.company_key('Acme Evil Co') AS company_key,
	   sum.is_freemail('a@corp-mail.example') AS freemail,
	   sum.is_disposable('a@mailinator.com') AS disposable,
	   sum.title_persona('Growth Ninja') AS persona,
	   sum.buying_role(sum.title_persona('VP Sales'), 50) AS buying_role,
	   (sum.fit('{"country": "US"}')).score AS fit;
SELECT (pg_catalog.array_agg(m.milestone ORDER BY m.milestone))::pg_catalog.text AS milestones
  FROM (SELECT sum.milestones(ev, ts, '2024-01-01') AS s FROM public.sec_ev) AS x,
	   sum.milestone_rows(x.s, '2024-02-01') AS m;
SELECT signup_id, account_id, method
  FROM sum.match_accounts('SELECT * FROM public.sec_signups', 'SELECT * FROM public.sec_accounts');
SELECT login_id, person_id
  FROM sum.dedupe_people('SELECT signup_id AS login_id, email, created_at FROM public.sec_signups');
SELECT node, component
  FROM sum.connected_components('SELECT ''a''::pg_catalog.text AS a, ''b''::pg_catalog.text AS b');
-- the whole pipeline (sum.refresh cannot pin its search_path, as it commits)
UPDATE sum.settings SET value = 'public.sec_users' WHERE name OPERATOR(pg_catalog.=) 'input.users';
UPDATE sum.settings SET value = 'public.sec_events' WHERE name OPERATOR(pg_catalog.=) 'input.events';
CALL sum.refresh(as_of => '2024-02-01');
SELECT status, failed_step FROM sum.refresh_log WHERE step OPERATOR(pg_catalog.=) 'run';
SELECT account_key, users FROM sum.accounts;
-- and what runs after its commits: the progress notices (evaluated even
-- when not shown), a failed run's error
SET client_min_messages = warning;
CALL sum.refresh(as_of => '2024-02-02', verbose => true);
RESET client_min_messages;
UPDATE sum.settings SET value = 'public.sec_none' WHERE name OPERATOR(pg_catalog.=) 'input.events';
\set VERBOSITY terse
CALL sum.refresh(as_of => '2024-02-03');
\set VERBOSITY default
SELECT mode, status, failed_step FROM sum.refresh_log WHERE step OPERATOR(pg_catalog.=) 'run' ORDER BY run_id;
RESET search_path;

-- a role without privileges can use every function and read the rule
-- tables, but change none of them.  The per-backend caches of the rule
-- tables are invalidated first, so that the role's calls read the tables.
UPDATE sum.legal_forms SET form = form WHERE false;
UPDATE sum.persona_rules SET note = note WHERE false;
UPDATE sum.milestone_defs SET description = description WHERE false;
UPDATE sum.icp_rules SET points = points WHERE false;
UPDATE sum.freemail_domains SET domain = domain WHERE false;
CREATE ROLE sum_security_user;
SET ROLE sum_security_user;
SELECT sum.company_key('Acme Evil Co') AS company_key,
	   sum.is_freemail('a@corp-mail.example') AS freemail,
	   sum.title_persona('Growth Ninja') AS persona,
	   (sum.fit('{"country": "US"}')).score AS fit;
SELECT (pg_catalog.array_agg(m.milestone ORDER BY m.milestone))::pg_catalog.text AS milestones
  FROM (SELECT sum.milestones(ev, ts, '2024-01-01') AS s FROM (VALUES ('login', '2024-01-01'::timestamptz), ('login', '2024-01-02'), ('login', '2024-01-03')) AS e(ev, ts)) AS x,
	   sum.milestone_rows(x.s, '2024-02-01') AS m;
SELECT count(*) > 0 AS can_read FROM sum.legal_forms;
SELECT count(*) > 0 AS can_read FROM sum.icp_rules;
SELECT count(*) > 0 AS can_read FROM sum.milestone_defs;
SELECT count(*) > 0 AS can_read FROM sum.persona_rules;
SELECT count(*) > 0 AS can_read FROM sum.settings;
UPDATE sum.settings SET value = 'vp' WHERE name = 'persona.decision_maker_seniority';
DELETE FROM sum.settings;
INSERT INTO sum.freemail_domains (domain) VALUES ('x.example');
INSERT INTO sum.legal_forms (form) VALUES ('Xyz');
INSERT INTO sum.persona_rules (pattern, seniority) VALUES ('boss', 'vp');
DELETE FROM sum.milestone_defs;
UPDATE sum.icp_rules SET points = 0;
SELECT count(*) FROM sum.data_file_lines('freemail_domains');
RESET ROLE;
DROP ROLE sum_security_user;

DROP VIEW public.sec_users, public.sec_events;
DROP TABLE public.sec_ev, public.sec_accounts, public.sec_signups;
DROP SCHEMA evil CASCADE;
DROP EXTENSION sum;
CREATE EXTENSION sum;
