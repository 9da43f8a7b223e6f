-- milestone_defs: shipped definitions, validation on write, dump and restore
\set SHOW_CONTEXT never

-- the shipped set
SELECT name, kind, events, min_count, days, funnel_window, percent, min_baseline, enabled, source
  FROM sum.milestone_defs ORDER BY name;
SELECT name, value FROM sum.settings WHERE name = 'milestones.timezone';

-- a user definition of each kind is accepted
INSERT INTO sum.milestone_defs (name, kind, events, min_count, days, funnel_window, percent, min_baseline) VALUES
	('t_first', 'first_event', '{a,b}', NULL, NULL, NULL, NULL, NULL),
	('t_count', 'event_count', '{a}', 10, NULL, NULL, NULL, NULL),
	('t_count7', 'event_count', '{a}', 2, 7, NULL, NULL, NULL),
	('t_funnel', 'funnel', '{a,b,a}', NULL, NULL, '2 hours', NULL, NULL),
	('t_days', 'active_days', NULL, 2, 2, NULL, NULL, NULL),
	('t_pay', 'paywall', '{limit}', 1, 35, NULL, NULL, NULL),
	('t_drop', 'usage_drop', '{a}', NULL, NULL, NULL, 100, 0),
	('t_quiet', 'inactivity', NULL, NULL, 30, NULL, NULL, NULL),
	('t_team', 'active_users', NULL, 5, 30, NULL, NULL, NULL);
SELECT name, source, enabled FROM sum.milestone_defs WHERE name LIKE 't\_%' ORDER BY name;

-- every rule, one violation each (all invalid_parameter_value)
\set VERBOSITY default
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('Bad Name', 'first_event', '{a}');
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('t_x', 'first_time', '{a}');
INSERT INTO sum.milestone_defs (name, kind) VALUES ('t_x', 'first_event');
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('t_x', 'first_event', '{a,NULL}');
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('t_x', 'first_event', '{a,""}');
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('t_x', 'first_event', '{a,a}');
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('t_x', 'first_event', '{{a},{b}}');
INSERT INTO sum.milestone_defs (name, kind, events, min_count) VALUES ('t_x', 'first_event', '{a}', 1);
INSERT INTO sum.milestone_defs (name, kind, events, days) VALUES ('t_x', 'first_event', '{a}', 3);
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('t_x', 'event_count', '{a}');
INSERT INTO sum.milestone_defs (name, kind, events, min_count) VALUES ('t_x', 'event_count', '{a}', 101);
INSERT INTO sum.milestone_defs (name, kind, events, min_count, days) VALUES ('t_x', 'event_count', '{a}', 1, 0);
INSERT INTO sum.milestone_defs (name, kind, events, funnel_window) VALUES ('t_x', 'funnel', '{a}', '1 hour');
INSERT INTO sum.milestone_defs (name, kind, events, funnel_window) VALUES ('t_x', 'funnel', '{a,b,c,d,e,f,g,h,i}', '1 hour');
INSERT INTO sum.milestone_defs (name, kind, events, funnel_window) VALUES ('t_x', 'funnel', '{a,b,b}', '1 hour');
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('t_x', 'funnel', '{a,b}');
INSERT INTO sum.milestone_defs (name, kind, events, funnel_window) VALUES ('t_x', 'funnel', '{a,b}', '-1 hour');
INSERT INTO sum.milestone_defs (name, kind, events, min_count, funnel_window) VALUES ('t_x', 'event_count', '{a}', 1, '1 hour');
INSERT INTO sum.milestone_defs (name, kind, min_count, days) VALUES ('t_x', 'active_days', 5, 3);
INSERT INTO sum.milestone_defs (name, kind, events, min_count) VALUES ('t_x', 'paywall', '{a}', 1);
INSERT INTO sum.milestone_defs (name, kind, events, min_count, days) VALUES ('t_x', 'paywall', '{a}', 1, 36);
INSERT INTO sum.milestone_defs (name, kind, percent) VALUES ('t_x', 'usage_drop', 50);
INSERT INTO sum.milestone_defs (name, kind, percent, min_baseline) VALUES ('t_x', 'usage_drop', 150, 1);
INSERT INTO sum.milestone_defs (name, kind, percent, min_baseline, days) VALUES ('t_x', 'usage_drop', 50, 1, 7);
INSERT INTO sum.milestone_defs (name, kind) VALUES ('t_x', 'inactivity');
INSERT INTO sum.milestone_defs (name, kind, days, min_count) VALUES ('t_x', 'inactivity', 7, 0);
INSERT INTO sum.milestone_defs (name, kind, events, min_count, days) VALUES ('t_x', 'active_users', '{a}', 2, 7);
INSERT INTO sum.milestone_defs (name, kind, days) VALUES ('t_x', 'active_users', 7);
INSERT INTO sum.milestone_defs (name, kind, events, percent) VALUES ('t_x', 'first_event', '{a}', 5);
INSERT INTO sum.milestone_defs (name, kind, events, source) VALUES ('t_x', 'first_event', '{a}', 'vendor');
UPDATE sum.milestone_defs SET min_count = 0 WHERE name = 't_count';
-- the error codes
\set VERBOSITY sqlstate
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('t_x', 'first_event', '{a,a}');
INSERT INTO sum.milestone_defs (name, kind) VALUES ('Bad Name', 'first_event');
UPDATE sum.milestone_defs SET min_count = 0 WHERE name = 't_count';
DELETE FROM sum.milestone_defs WHERE name = 'habit';
\set VERBOSITY terse
SELECT count(*) AS rejected_rows_absent FROM sum.milestone_defs WHERE name = 't_x';

-- the definitions' version moves with any change that shapes a state
SELECT sum.milestone_defs_version() AS v0 \gset
UPDATE sum.milestone_defs SET description = 'only words' WHERE name = 't_first';
SELECT sum.milestone_defs_version() = :v0 AS same_after_description;
UPDATE sum.milestone_defs SET min_count = 11 WHERE name = 't_count';
SELECT sum.milestone_defs_version() = :v0 AS same_after_min_count;
UPDATE sum.milestone_defs SET min_count = 10 WHERE name = 't_count';
SELECT sum.milestone_defs_version() = :v0 AS same_after_undo;
UPDATE sum.milestone_defs SET enabled = false WHERE name = 't_count';
SELECT sum.milestone_defs_version() = :v0 AS same_after_disable;
UPDATE sum.milestone_defs SET enabled = true WHERE name = 't_count';
UPDATE sum.settings SET value = 'Europe/Berlin' WHERE name = 'milestones.timezone';
SELECT sum.milestone_defs_version() = :v0 AS same_after_timezone;
DELETE FROM sum.settings WHERE name = 'milestones.timezone';
SELECT sum.milestone_defs_version() = :v0 AS same_after_reset;
-- account-level definitions are not part of a user's state
UPDATE sum.milestone_defs SET min_count = 6 WHERE name = 't_team';
SELECT sum.milestone_defs_version() = :v0 AS same_after_account_def;
-- a time zone that does not exist is refused when it is written
UPDATE sum.settings SET value = 'Mars/Olympus_Mons' WHERE name = 'milestones.timezone';
SELECT sum.setting('milestones.timezone');
DELETE FROM sum.settings WHERE name = 'milestones.timezone';

-- a shipped row that is edited becomes 'edited'; it cannot be deleted, only disabled
UPDATE sum.milestone_defs SET days = 21 WHERE name = 'activated';
SELECT name, days, source FROM sum.milestone_defs WHERE name = 'activated';
DELETE FROM sum.milestone_defs WHERE name = 'activated';
DELETE FROM sum.milestone_defs WHERE name = 'habit';
UPDATE sum.milestone_defs SET enabled = false WHERE name = 'habit';
SELECT name, enabled, source FROM sum.milestone_defs WHERE name IN ('activated', 'habit') ORDER BY name;

-- pg_dump keeps edited and user rows, not pristine shipped ones
SELECT c.relname, x.cond
  FROM pg_extension e,
	   unnest(e.extconfig, e.extcondition) AS x(oid, cond)
  JOIN pg_class c ON c.oid = x.oid
 WHERE e.extname = 'sum' AND c.relname = 'milestone_defs';
-- restore: CREATE EXTENSION re-inserts the shipped row, then the dumped row
-- with the same name replaces it instead of failing on the primary key
UPDATE sum.milestone_defs SET days = 14, source = 'shipped' WHERE name = 'activated';
SELECT name, days, source FROM sum.milestone_defs WHERE name = 'activated';
INSERT INTO sum.milestone_defs (name, kind, events, min_count, days, enabled, description, source)
	VALUES ('activated', 'event_count', '{project_created}', 2, 21, true, 'restored edit', 'edited');
SELECT name, events, min_count, days, description, source FROM sum.milestone_defs WHERE name = 'activated';
-- a user row with the name of another user row still conflicts
INSERT INTO sum.milestone_defs (name, kind, events) VALUES ('t_first', 'first_event', '{a}');

-- put the shipped rows back as they were
UPDATE sum.milestone_defs SET events = '{project_created,data_connected,report_viewed,invite_sent}',
	   min_count = 5, days = 14, description = '5 key actions within 14 days of sign-up', source = 'shipped'
 WHERE name = 'activated';
UPDATE sum.milestone_defs SET enabled = true, source = 'shipped' WHERE name = 'habit';
DELETE FROM sum.milestone_defs WHERE source = 'user';
SELECT name, source FROM sum.milestone_defs WHERE source <> 'shipped';
SELECT count(*) AS shipped FROM sum.milestone_defs WHERE source = 'shipped';
