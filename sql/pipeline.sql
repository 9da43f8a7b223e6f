--
-- The pipeline end to end on a small data set whose outputs are worked out
-- by hand (see the comments): inputs, refresh, people, accounts, handoff,
-- nurture, claims, sales-ops edits, incremental = full.
--
SET client_min_messages = warning;
CREATE SCHEMA app;

-- nothing mapped yet: the two required inputs are reported, refresh refuses
SELECT input, problem FROM sum.check_inputs() ORDER BY input;
\set VERBOSITY terse
CALL sum.refresh();
\set VERBOSITY default
SELECT step, status, failed_step, sqlstate FROM sum.refresh_log ORDER BY run_id, step;

CREATE TABLE app.users (id bigint, email text, created timestamptz, full_name text, title text,
						company text, country text, plan text);
CREATE TABLE app.events (user_id bigint, name text, at timestamptz);
CREATE TABLE app.crm_accounts (account_id text, name text, domain text, country text, employees integer,
							   industry text, annual_revenue numeric, owner text);
CREATE TABLE app.crm_contacts (contact_id text, account_id text, email text, full_name text, title text);

-- mapped, but with the wrong column names and types: every problem at once
UPDATE sum.settings SET value = 'app.users' WHERE name = 'input.users';
UPDATE sum.settings SET value = 'app.events' WHERE name = 'input.events';
UPDATE sum.settings SET value = 'app.crm_accounts' WHERE name = 'input.crm_accounts';
UPDATE sum.settings SET value = 'app."no such; table"' WHERE name = 'input.crm_contacts';
SELECT input, relation, column_name, problem FROM sum.check_inputs() ORDER BY input, column_name;

-- views in a schema of the data team's map the columns
CREATE VIEW app.v_users AS
	SELECT id AS user_id, email, created AS signed_up_at, full_name, title, company AS company_name,
		   country, plan AS stage FROM app.users;
CREATE VIEW app.v_events AS SELECT user_id, name AS event, at AS occurred_at FROM app.events;
UPDATE sum.settings SET value = 'app.v_users' WHERE name = 'input.users';
UPDATE sum.settings SET value = 'app.v_events' WHERE name = 'input.events';
UPDATE sum.settings SET value = 'app.crm_contacts' WHERE name = 'input.crm_contacts';
SELECT count(*) AS problems FROM sum.check_inputs();

/*
 * Fit (shipped ICP rules): Acme 200 people, software, US: 25 + 20 + 15 = 60,
 * tier B.  Globex 5000, software, DE, 50 M: 15 + 20 + 15 + 20 = 70, tier A.
 * Tiny 5, education, US: -15 - 20 + 15 = -20, tier D.
 */
INSERT INTO app.crm_accounts VALUES
	('A1', 'Acme Inc.', 'acme.com', 'US', 200, 'Software', NULL, NULL),
	('G1', 'Globex GmbH', 'https://www.globex.de', 'DE', 5000, 'software', 50000000, NULL),
	('T1', 'Tiny Co', 'tiny.io', 'US', 5, 'education', NULL, 'tina');
INSERT INTO app.crm_contacts VALUES
	('C1', 'G1', 'karl@globex.de', 'Karl Klein', 'Geschäftsführer'),
	('C2', 'A1', 'alice@acme.com', 'Alice Smith', 'VP Marketing'),
	('C3', 'G1', 'lena@globex.de', 'Lena Lang', 'Werkstudentin');
INSERT INTO app.users VALUES
	(1, 'alice@acme.com', '2026-01-20 09:00Z', 'Alice Smith', 'VP Marketing', 'Acme', 'US', 'trial'),
	(2, 'bob@acme.com', '2026-01-10 09:00Z', 'Bob Jones', 'Software Engineer', 'Acme', 'US', 'trial'),
	(3, 'Alice@ACME.com', '2026-01-21 09:00Z', 'Alice Smith', NULL, NULL, 'US', 'trial'),
	(4, 'carol@globex.de', '2026-01-05 09:00Z', 'Carol Meyer', 'Marketing Manager', 'Globex', 'DE', 'freemium'),
	(5, 'dan@globex.de', '2026-01-06 09:00Z', 'Dan Roth', 'Data Analyst', 'Globex', 'DE', 'freemium'),
	(6, 'erin@globex.de', '2026-01-07 09:00Z', 'Erin Wolf', 'Sales Rep', NULL, 'DE', 'freemium'),
	(7, 'frank@tiny.io', '2025-10-01 09:00Z', 'Frank Tiny', 'CEO', 'Tiny', 'US', 'paid'),
	(8, 'gina@startup.io', '2026-01-25 09:00Z', 'Gina Start', 'Founder', 'Startup', 'FR', 'trial'),
	(9, 'hank@gmail.com', '2026-01-26 09:00Z', 'Hank Free', NULL, NULL, NULL, NULL);
/*
 * Events, as of 2026-01-31 12:00 UTC:
 *   alice: five key actions within 14 days of sign-up: activated,
 *          first_project, invited_teammate;
 *   bob: one event on 11 Jan, then nothing: a stalled trial;
 *   carol, dan, erin: active on 29-30 Jan: three active users at Globex;
 *   frank: ten events a week from 3 to 23 Jan, none since: usage_drop;
 *   gina: two paywall hits in the last 14 days: paywall_hit.
 */
INSERT INTO app.events VALUES
	(1, 'project_created', '2026-01-20 10:00Z'), (1, 'data_connected', '2026-01-21 10:00Z'),
	(1, 'report_viewed', '2026-01-22 10:00Z'), (1, 'report_viewed', '2026-01-23 10:00Z'),
	(1, 'invite_sent', '2026-01-24 10:00Z'),
	(2, 'page_viewed', '2026-01-11 10:00Z'),
	(4, 'report_viewed', '2026-01-29 10:00Z'), (4, 'report_viewed', '2026-01-30 10:00Z'),
	(5, 'report_viewed', '2026-01-29 11:00Z'), (5, 'page_viewed', '2026-01-30 11:00Z'),
	(6, 'page_viewed', '2026-01-30 12:00Z'),
	(8, 'paywall_hit', '2026-01-26 10:00Z'), (8, 'paywall_hit', '2026-01-27 10:00Z');
INSERT INTO app.events
SELECT 7, 'page_viewed', t FROM generate_series(timestamptz '2026-01-03 08:00Z', '2026-01-23 23:00Z', '16 hours 48 minutes') t;

INSERT INTO sum.routing_rules (name, priority, countries, owners, sla) VALUES
	('dach', 10, '{DE,AT,CH}', '{hans,heidi}', NULL),
	('north_america', 20, '{US,CA}', '{sam,sue}', '4 hours');

CALL sum.refresh(full => true, as_of => '2026-01-31 12:00Z');
SELECT step, mode, status, rows > 0 AS wrote FROM sum.refresh_log WHERE run_id = (SELECT max(run_id) FROM sum.refresh_log) ORDER BY started_at, step;

-- users 1 and 3 are one person (same email under the match profile)
SELECT user_id, person_id, account_key, match_method, function, seniority, buying_role, milestones
  FROM sum.users ORDER BY user_id::int;
SELECT person_id, user_ids, email, title, buying_role, account_key, stage FROM sum.people ORDER BY person_id::int;

SELECT account_key, name, users, active_users_7d, decision_makers, influencers, best_contact, stage,
	   fit_score, fit_tier, milestones
  FROM sum.accounts ORDER BY account_key;

-- Acme (B): a decision maker and an activated user; Globex (A): three active users
SELECT account_key, reasons, contact_person_id, contact_email, owner, routing_rule, sla_due_at, status, active
  FROM sum.handoff_queue ORDER BY account_key;

SELECT play, subject_id, subject, account_key, details FROM sum.nurture_triggers WHERE active ORDER BY play, subject_id;

-- consumers claim each firing once
SELECT play, subject_id FROM sum.claim_triggers('crm_sync', 3);
SELECT count(*) FROM sum.claim_triggers('crm_sync', 100);
SELECT count(*) FROM sum.claim_triggers('crm_sync', 100);
SELECT count(*) FROM sum.claim_triggers('ads', 100);
\set VERBOSITY terse
SELECT * FROM sum.claim_triggers('', 1);
SELECT * FROM sum.claim_triggers('x', 0);
\set VERBOSITY default

-- sales ops accept Acme; Bob activates, Gina leaves the paywall window
UPDATE sum.handoff_queue SET status = 'accepted', notes = 'called Alice' WHERE account_key = 'crm:A1';
INSERT INTO app.events VALUES
	(2, 'project_created', '2026-01-31 12:10Z'),
	(9, 'page_viewed', '2026-01-31 11:30Z');	-- late: before the last run, within pipeline.late_events
CALL sum.refresh(as_of => '2026-01-31 12:40Z');
SELECT mode, status FROM sum.refresh_log WHERE step = 'run' ORDER BY run_id DESC LIMIT 1;
SELECT account_key, status, notes, owner, active FROM sum.handoff_queue ORDER BY account_key;
SELECT user_id, events, last_event_at FROM sum.users WHERE user_id IN ('2', '9') ORDER BY user_id;
-- the rolling figures are computed when read, at now() (long after these
-- events: none in the windows); user 3 has no events, zeros
SELECT user_id, person_id, events, events_7d, events_28d, active_days_7d, active_days_28d, last_event_at
  FROM sum.user_activity WHERE user_id IN ('2', '3', '9') ORDER BY user_id;
-- after a change of the milestone definitions, until the next (full) run,
-- the stored states cannot be read: NULL figures, no error
BEGIN;
UPDATE sum.milestone_defs SET enabled = false WHERE name = 'gone_quiet';
SELECT count(*) AS users, count(events) AS with_figures FROM sum.user_activity;
ROLLBACK;
-- stored states are kept packed, as the full run's aggregate and this run's
-- merge left them: shorter than their layout
SELECT count(*) > 0 AS has_states, bool_and(pg_column_size(state) < (length(state::text) - 2) / 2) AS all_packed
  FROM sum.user_states;
-- bob is no longer stalled: the trigger is cleared, not deleted
SELECT play, subject_id, active, cleared_at FROM sum.nurture_triggers WHERE play = 'rescue_stalled_trial' ORDER BY subject_id;

-- incremental and full give the same outputs (both ways, row for row)
CREATE FUNCTION pg_temp.outputs() RETURNS TABLE (t text, r text) LANGUAGE sql AS $$
	SELECT 'users', (to_jsonb(u) - 'updated_at')::text FROM sum.users u
	UNION ALL SELECT 'people', (to_jsonb(p) - 'updated_at')::text FROM sum.people p
	UNION ALL SELECT 'accounts', (to_jsonb(a) - 'updated_at')::text FROM sum.accounts a
	UNION ALL SELECT 'milestones', (to_jsonb(m) - 'updated_at')::text FROM sum.user_milestones m
	UNION ALL SELECT 'handoff', concat_ws(' ', account_key, reasons, owner, active) FROM sum.handoff_queue
	UNION ALL SELECT 'nurture', concat_ws(' ', play, subject_id, active) FROM sum.nurture_triggers
	UNION ALL SELECT 'funnel', (to_jsonb(f) - 'updated_at')::text FROM sum.daily_funnel f
$$;
CREATE TEMP TABLE inc AS SELECT * FROM pg_temp.outputs();
CALL sum.refresh(full => true, as_of => '2026-01-31 12:40Z');
SELECT mode FROM sum.refresh_log WHERE step = 'run' ORDER BY run_id DESC LIMIT 1;
SELECT t, count(*) AS differences
  FROM ((TABLE inc EXCEPT ALL SELECT * FROM pg_temp.outputs())
		UNION ALL (SELECT * FROM pg_temp.outputs() EXCEPT ALL TABLE inc)) d
 GROUP BY t;
SELECT count(*) AS compared FROM inc;

/*
 * Time alone, no new event: an incremental run re-evaluates only the users,
 * people and accounts whose recheck time has come, and gives what a full run
 * gives, from 31 Jan to 3 Feb (Bob stalls again), to 8 Feb (Globex's users
 * leave the 7-day activity, Frank goes quiet) and to 15 Mar (everything has
 * left every window).
 */
CREATE FUNCTION pg_temp.differences() RETURNS TABLE (t text, differences bigint) LANGUAGE sql AS $$
	SELECT d.t, count(*)
	  FROM ((TABLE inc EXCEPT ALL SELECT * FROM pg_temp.outputs())
			UNION ALL (SELECT * FROM pg_temp.outputs() EXCEPT ALL TABLE inc)) d
	 GROUP BY d.t
$$;
CALL sum.refresh(as_of => '2026-02-03 12:40Z');
SELECT mode FROM sum.refresh_log WHERE step = 'run' ORDER BY run_id DESC LIMIT 1;
DROP TABLE inc;
CREATE TEMP TABLE inc AS SELECT * FROM pg_temp.outputs();
CALL sum.refresh(full => true, as_of => '2026-02-03 12:40Z');
SELECT * FROM pg_temp.differences();

CALL sum.refresh(as_of => '2026-02-08 12:40Z');
-- Bob stalled again on 3 Feb 12:10, within the 7-day cooldown of the firing
-- of 31 Jan 12:00 (cleared at 12:40): it fires again at the first run after
-- the cooldown, although nothing else brings Bob to this run
SELECT subject_id, active, fire_count, last_fired_at, cleared_at FROM sum.nurture_triggers
 WHERE play = 'rescue_stalled_trial' AND subject_id = '2';
-- Globex: no one active in the last 7 days (168 hours), three in 30; the
-- three were active within 14 days: team_active still holds
SELECT account_key, active_users_7d, active_users_30d, milestones FROM sum.accounts WHERE account_key = 'crm:G1';
-- (an account that only time changed, as Globex here, is evaluated from the
-- last event times its row keeps: every account's are its people's, in time
-- order, also after incremental runs)
SELECT bool_and(a.people_last_events = ARRAY(SELECT p.last_event_at FROM sum.people p
											 WHERE p.account_key = a.account_key AND p.last_event_at IS NOT NULL
											 ORDER BY p.last_event_at)) AS kept,
	   count(*) > 0 AS any
  FROM sum.accounts a;
-- Frank: quiet since 23 Jan 15:12 (gone_quiet from 6 Feb), usage still low
-- (17 of his 30 events fall in the 28 local days to 8 Feb: from 12 Jan 10:24)
SELECT u.user_id, u.events, (sum.milestone_usage(s.state, '2026-02-08 12:40Z')).events_28d, u.milestones
  FROM sum.users u JOIN sum.user_states s USING (user_id) WHERE u.user_id = '7';
DROP TABLE inc;
CREATE TEMP TABLE inc AS SELECT * FROM pg_temp.outputs();
CALL sum.refresh(full => true, as_of => '2026-02-08 12:40Z');
SELECT * FROM pg_temp.differences();

-- a longer stall (a play setting: the next run re-checks every person):
-- Bob's last event (31 Jan 12:10) stalls on 10 Feb 12:10 instead of 3 Feb
UPDATE sum.settings SET value = '10 days' WHERE name = 'nurture.stalled_after';
CALL sum.refresh(as_of => '2026-02-09 12:40Z');
SELECT person_id, recheck_at FROM sum.people WHERE person_id = '2';
DROP TABLE inc;
CREATE TEMP TABLE inc AS SELECT * FROM pg_temp.outputs();
CALL sum.refresh(full => true, as_of => '2026-02-09 12:40Z');
SELECT * FROM pg_temp.differences();
DELETE FROM sum.settings WHERE name = 'nurture.stalled_after';

CALL sum.refresh(as_of => '2026-03-15 12:40Z');
SELECT account_key, active_users_7d, active_users_30d, milestones FROM sum.accounts WHERE account_key = 'crm:G1';
-- Frank: no usage_drop without a baseline; Gina: no paywall hit left in 14 days
SELECT u.user_id, u.events, (sum.milestone_usage(s.state, '2026-03-15 12:40Z')).events_28d, u.milestones
  FROM sum.users u JOIN sum.user_states s USING (user_id) WHERE u.user_id = '7';
SELECT play, subject_id, active FROM sum.nurture_triggers WHERE subject_id IN ('8', 'crm:T1') ORDER BY play, subject_id;
DROP TABLE inc;
CREATE TEMP TABLE inc AS SELECT * FROM pg_temp.outputs();
CALL sum.refresh(full => true, as_of => '2026-03-15 12:40Z');
SELECT * FROM pg_temp.differences();
-- nothing is due any more (people keep the stall time of a trial, passed here)
SELECT (SELECT count(recheck_at) FROM sum.users) AS users,
	   (SELECT count(*) FROM sum.people WHERE recheck_at >= '2026-03-15 12:40Z') AS people,
	   (SELECT count(recheck_at) FROM sum.accounts) AS accounts;
-- every person's recheck_at is the stall time of a trial not activated
SELECT count(*) AS people_off FROM sum.people
 WHERE recheck_at IS DISTINCT FROM
	   CASE WHEN stage = 'trial' AND NOT coalesce(milestones @> '{activated}', false)
			THEN coalesce(last_event_at, signed_up_at) + interval '3 days' END;

/*
 * New logins in an incremental run: Ivy, CTO at NewCo (a company no one
 * came from before: a new account), and a second login of Carol Meyer at
 * globex.de (the same name at the same corporate domain: her person grows,
 * Globex gains no user); a changed sign-up time.  Incremental and full
 * agree.
 */
INSERT INTO app.users VALUES
	(12, 'ivy@newco.io', '2026-03-15 12:42Z', 'Ivy New', 'CTO', 'NewCo', 'US', 'trial'),
	(13, 'carol.meyer@globex.de', '2026-03-15 12:43Z', 'Carol Meyer', 'Marketing Manager', 'Globex', 'DE', 'freemium');
INSERT INTO app.events VALUES (12, 'project_created', '2026-03-15 12:44Z'), (13, 'report_viewed', '2026-03-15 12:45Z');
-- and the source corrects Hank's sign-up time (he moves to 15 Mar)
UPDATE app.users SET created = '2026-03-15 12:41Z' WHERE id = 9;
CALL sum.refresh(as_of => '2026-03-15 12:50Z');
SELECT person_id, user_ids, account_key FROM sum.people WHERE person_id IN ('4', '12') ORDER BY person_id;
SELECT account_key, users, active_users_7d, decision_makers FROM sum.accounts
 WHERE account_key IN ('crm:G1', 'domain:newco.io') ORDER BY account_key;
DROP TABLE inc;
CREATE TEMP TABLE inc AS SELECT * FROM pg_temp.outputs();
CALL sum.refresh(full => true, as_of => '2026-03-15 12:50Z');
SELECT * FROM pg_temp.differences();

/*
 * The daily funnel (UTC days), kept by the incremental runs above and equal
 * to the full run's: sign-ups on each user's day (three on 15 Mar with
 * Hank's, none left on 26 Jan); people on
 * their first login's day (Alice's second login on 21 Jan and Carol's on
 * 15 Mar start no person); accounts on their first person's day (Acme with
 * Bob on 10 Jan, Globex 5 Jan, Tiny 1 Oct, startup.io 25 Jan, newco.io
 * 15 Mar); activations on the sign-up day of the activated users, and
 * handoffs on the day they were queued, as listed.
 */
SELECT user_id, signed_up_at::date FROM sum.users WHERE milestones @> '{activated}' ORDER BY user_id;
SELECT account_key, queued_at::date FROM sum.handoff_queue ORDER BY account_key;
SELECT day, signups, new_people, activated, new_accounts, handoffs FROM sum.daily_funnel ORDER BY day;

/*
 * The CRM copy changes in an incremental run: Tiny grows to 60 people, and
 * NewCo appears in the CRM, so Ivy's domain account gives way to crm:N1
 * (the domain account goes, the CRM one comes, on the same day of the
 * funnel).  Incremental and full agree.
 */
UPDATE app.crm_accounts SET employees = 60 WHERE account_id = 'T1';
INSERT INTO app.crm_accounts VALUES ('N1', 'NewCo Inc.', 'newco.io', 'US', 12, 'software', NULL, NULL);
CALL sum.refresh(as_of => '2026-03-15 12:55Z');
SELECT account_key, name, users, employees FROM sum.accounts WHERE account_key IN ('crm:N1', 'crm:T1', 'domain:newco.io')
 ORDER BY account_key;
SELECT day, new_accounts FROM sum.daily_funnel WHERE day = '2026-03-15';
DROP TABLE inc;
CREATE TEMP TABLE inc AS SELECT * FROM pg_temp.outputs();
CALL sum.refresh(full => true, as_of => '2026-03-15 12:55Z');
SELECT * FROM pg_temp.differences();

/*
 * A new CRM contact: Maria, CEO of Globex, a decision maker who is not a
 * user, at a fitting account with no decision maker among its users: an
 * outbound trigger, though none of Globex's people changed.
 */
INSERT INTO app.crm_contacts VALUES ('C4', 'G1', 'maria@globex.de', 'Maria Muster', 'CEO');
CALL sum.refresh(as_of => '2026-03-15 13:00Z');
SELECT play, subject_id, account_key, active FROM sum.nurture_triggers
 WHERE play = 'outbound_decision_makers' ORDER BY subject_id;
DROP TABLE inc;
CREATE TEMP TABLE inc AS SELECT * FROM pg_temp.outputs();
CALL sum.refresh(full => true, as_of => '2026-03-15 13:00Z');
SELECT * FROM pg_temp.differences();

-- a caller in another time zone does not make the CRM copy (with creation
-- times now) look changed, which would match every user again
ALTER TABLE app.crm_accounts ADD COLUMN created_at timestamptz DEFAULT '2025-06-01 08:00Z';
CALL sum.refresh(as_of => '2026-03-15 13:05Z');
SELECT crm_fingerprint AS crm_before FROM sum.pipeline_state \gset
SET TimeZone = 'America/New_York';
CALL sum.refresh(as_of => '2026-03-15 13:10Z');
SELECT crm_fingerprint = :'crm_before' AS crm_unchanged FROM sum.pipeline_state;
RESET TimeZone;
-- nor one with another interval style the play rules (cooldowns are intervals)
SELECT rules_fingerprint AS rules_before FROM sum.pipeline_state \gset
SET IntervalStyle = 'iso_8601';
CALL sum.refresh(as_of => '2026-03-15 13:15Z');
SELECT rules_fingerprint = :'rules_before' AS rules_unchanged FROM sum.pipeline_state;
RESET IntervalStyle;
-- nor does a case-blind collation of the source hide a change of case
CREATE COLLATION app.case_blind (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
ALTER TABLE app.crm_accounts ALTER COLUMN name TYPE text COLLATE app.case_blind;
CALL sum.refresh(as_of => '2026-03-15 13:20Z');
SELECT crm_fingerprint = :'crm_before' AS crm_unchanged FROM sum.pipeline_state;
UPDATE app.crm_accounts SET name = 'TINY CO' WHERE account_id = 'T1';
CALL sum.refresh(as_of => '2026-03-15 13:25Z');
SELECT crm_fingerprint <> :'crm_before' AS crm_changed FROM sum.pipeline_state;
SELECT account_key, name FROM sum.accounts WHERE account_key = 'crm:T1';

/*
 * Time alone stalls Ivy's trial three days after her one event (18 Mar
 * 12:44).  A run at that very time finds her not stalled yet; the next one
 * fires the play, though nothing else brings her to it (her stall time fell
 * since the last re-evaluation).  Incremental and full agree.
 */
CALL sum.refresh(as_of => '2026-03-18 12:44Z');
SELECT count(*) AS fired FROM sum.nurture_triggers WHERE play = 'rescue_stalled_trial' AND subject_id = '12';
CALL sum.refresh(as_of => '2026-03-18 14:00Z');
SELECT subject_id, active, last_fired_at = '2026-03-18 14:00Z' AS fired_now FROM sum.nurture_triggers
 WHERE play = 'rescue_stalled_trial' AND subject_id = '12';
DROP TABLE inc;
CREATE TEMP TABLE inc AS SELECT * FROM pg_temp.outputs();
CALL sum.refresh(full => true, as_of => '2026-03-18 14:00Z');
SELECT * FROM pg_temp.differences();

-- a refresh that fails keeps the last outputs and says where it failed
UPDATE sum.settings SET value = 'app.gone' WHERE name = 'input.events';
\set VERBOSITY terse
CALL sum.refresh();
\set VERBOSITY default
SELECT status, failed_step, sqlstate, error FROM sum.refresh_log WHERE step = 'run' ORDER BY run_id DESC LIMIT 1;
SELECT count(*) AS accounts_kept FROM sum.accounts;
UPDATE sum.settings SET value = 'app.v_events' WHERE name = 'input.events';

-- no pg_cron in the regression database: a clear error
\set VERBOSITY terse
SELECT sum.schedule();
\set VERBOSITY default

-- roles: BI readers see outputs and hashes, never raw emails or configuration writes
\set VERBOSITY terse
SET ROLE sum_reader;
SELECT count(*) AS accounts, count(*) FILTER (WHERE fit_tier >= 'B') AS fitting FROM sum.accounts;
SELECT count(email_hash) AS hashed FROM sum.users;
-- the rolling figures through the view (11 users, 47 events), not the states
SELECT count(*) AS users, sum(events) AS events FROM sum.user_activity;
SELECT count(*) FROM sum.user_states;
SELECT sum(signups) AS signups, sum(new_people) AS new_people FROM sum.daily_funnel;
UPDATE sum.daily_funnel SET signups = 0;
SELECT email FROM sum.users LIMIT 1;
SELECT contact_email FROM sum.handoff_queue LIMIT 1;
UPDATE sum.settings SET value = '2 days' WHERE name = 'handoff.sla';
UPDATE sum.handoff_queue SET status = 'rejected';
CALL sum.refresh();
SELECT count(*) FROM sum.claim_triggers('bi', 10);
RESET ROLE;
-- admins configure, edit sales-ops columns and claim
SET ROLE sum_admin;
UPDATE sum.settings SET value = '2 days' WHERE name = 'handoff.sla';
INSERT INTO sum.routing_rules (name, owners) VALUES ('admin_rule', '{ops}');
INSERT INTO sum.icp_rules (name, attribute, operator, value, points) VALUES ('admin_test', 'employees', 'gte', '10', 1);
INSERT INTO sum.persona_rules (pattern, seniority) VALUES ('admin test', 'senior');
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('admin_test', 'first_event', '{x}');
INSERT INTO sum.freemail_domains (domain) VALUES ('admin-test.example');
UPDATE sum.handoff_queue SET status = 'snoozed', snoozed_until = '2026-02-07' WHERE account_key = 'crm:G1';
UPDATE sum.handoff_queue SET owner = 'me' WHERE account_key = 'crm:G1';
SELECT count(*) AS claimed FROM sum.claim_triggers('admin_sync', 100);
CALL sum.refresh();
RESET ROLE;
\set VERBOSITY default
SELECT account_key, status, snoozed_until, status_changed_at IS NOT NULL AS stamped FROM sum.handoff_queue
 WHERE account_key = 'crm:G1';
DELETE FROM sum.settings WHERE name = 'handoff.sla';
DELETE FROM sum.icp_rules WHERE name = 'admin_test';
DELETE FROM sum.persona_rules WHERE pattern = 'admin test';
DELETE FROM sum.milestone_defs WHERE name = 'admin_test';
DELETE FROM sum.freemail_domains WHERE domain = 'admin-test.example';

-- shipped rules: an edit marks the row edited, a user row replaces the shipped
-- one of the same name (what a restore does), pg_dump keeps all but pristine rows
UPDATE sum.nurture_plays SET cooldown = '3 days' WHERE play = 'churn_risk';
INSERT INTO sum.handoff_rules (name, min_tier, min_active_users) VALUES ('team_active', 'A', 5);
SELECT play AS name, source FROM sum.nurture_plays WHERE source <> 'shipped'
UNION ALL SELECT name || ' ' || min_tier || ' ' || min_active_users, source FROM sum.handoff_rules WHERE source <> 'shipped';
UPDATE sum.nurture_plays SET cooldown = '14 days', source = 'shipped' WHERE play = 'churn_risk';
UPDATE sum.handoff_rules SET min_tier = 'B', min_active_users = 3, source = 'shipped' WHERE name = 'team_active';

-- hostile rows do not stop a run: no email, not an email, no sign-up time,
-- megabyte names, right-to-left overrides, unknown stages, NULL events
INSERT INTO app.users VALUES
	(10, NULL, '2026-01-31 12:00Z', NULL, NULL, NULL, NULL, 'bogus'),
	(11, 'not an email', NULL, repeat('x', 1000000), repeat('CEO ', 10000), E'\u202eevil\u200b', 'ZZ', 'PAID');
INSERT INTO app.events VALUES
	(10, NULL, '2026-01-31 12:30Z'), (11, 'page_viewed', NULL), (NULL, 'page_viewed', '2026-01-31 12:30Z'),
	(11, 'page_viewed', '2026-01-31 12:31Z'), (404, 'page_viewed', '2026-01-31 12:30Z');
CALL sum.refresh(full => true, as_of => '2026-01-31 12:50Z');
SELECT user_id, person_id, email_key, account_key, match_method, stage, events, length(full_name) AS name_length
  FROM sum.users WHERE user_id IN ('10', '11') ORDER BY user_id;

-- a full run, once committed, rewrites sum.users compactly (CLUSTER in key order);
-- an incremental run never does, nor a full one with the setting off (which
-- is no configuration change: the run after it stays incremental)
SELECT pg_relation_filenode('sum.users') AS users_file \gset
CALL sum.refresh(as_of => '2026-01-31 12:55Z');
SELECT pg_relation_filenode('sum.users') = :users_file AS incremental_kept_users;
UPDATE sum.settings SET value = 'false' WHERE name = 'pipeline.compact_after_full';
CALL sum.refresh(as_of => '2026-01-31 12:56Z');
SELECT mode FROM sum.refresh_log WHERE step = 'run' ORDER BY run_id DESC LIMIT 1;
CALL sum.refresh(full => true, as_of => '2026-01-31 12:57Z');
SELECT pg_relation_filenode('sum.users') = :users_file AS full_without_compaction_kept_users;
DELETE FROM sum.settings WHERE name = 'pipeline.compact_after_full';	-- (back to the default)
SELECT count(*) AS n_users, sum(hashtext(user_id || coalesce(person_id, ''))) AS users_hash FROM sum.users \gset
CALL sum.refresh(full => true, as_of => '2026-01-31 12:58Z');
SELECT pg_relation_filenode('sum.users') <> :users_file AS compacted, i.indisclustered
  FROM pg_index i WHERE i.indexrelid = 'sum.users_pkey'::regclass;
SELECT count(*) = :n_users AS same_users, sum(hashtext(user_id || coalesce(person_id, ''))) = :users_hash AS same_ids
  FROM sum.users;

-- leave the database as the other tests expect it
DELETE FROM sum.settings WHERE name LIKE 'input.%';
DELETE FROM sum.routing_rules;
DROP SCHEMA app CASCADE;
