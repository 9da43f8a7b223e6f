-- settings: shipped defaults, overrides, validation, reset
\set SHOW_CONTEXT never

-- a setting of each kind, as a feature's section of sum--1.0.sql would ship it
INSERT INTO sum.setting_defaults (name, value, value_type, min_value, max_value, allowed_values, description) VALUES
	('test.limit', '5', 'integer', 1, 10, NULL, 'an integer between 1 and 10'),
	('test.mode', 'fast', 'text', NULL, NULL, '{fast,slow}', 'one of two words'),
	('test.window', '7 days', 'interval', NULL, NULL, NULL, 'an interval'),
	('test.input', NULL, 'relation', NULL, NULL, NULL, 'a relation name, unset');

-- defaults read through the view
SELECT name, value, default_value, is_default FROM sum.settings WHERE name LIKE 'test.%' ORDER BY name;
SELECT sum.setting('test.limit'), sum.setting('test.input') IS NULL AS input_unset;

-- an update is stored as an override and survives in sum.setting_overrides
UPDATE sum.settings SET value = '8' WHERE name = 'test.limit';
UPDATE sum.settings SET value = 'public."Sign-ups"' WHERE name = 'test.input';
SELECT name, value, default_value, is_default FROM sum.settings WHERE name LIKE 'test.%' ORDER BY name;
SELECT name, value FROM sum.setting_overrides ORDER BY name;
SELECT sum.setting('test.limit');

-- delete resets to the default
DELETE FROM sum.settings WHERE name = 'test.limit';
SELECT value, is_default FROM sum.settings WHERE name = 'test.limit';

-- insert of a known name behaves like an update
INSERT INTO sum.settings (name, value) VALUES ('test.mode', 'slow');
SELECT value, is_default FROM sum.settings WHERE name = 'test.mode';

-- errors: out of range, wrong type, not allowed, unknown name, rename
UPDATE sum.settings SET value = '11' WHERE name = 'test.limit';
UPDATE sum.settings SET value = '0' WHERE name = 'test.limit';
UPDATE sum.settings SET value = 'many' WHERE name = 'test.limit';
UPDATE sum.settings SET value = 'medium' WHERE name = 'test.mode';
UPDATE sum.settings SET value = 'a week' WHERE name = 'test.window';
INSERT INTO sum.settings (name, value) VALUES ('test.nope', '1');
UPDATE sum.settings SET name = 'test.other' WHERE name = 'test.mode';
SELECT sum.setting('test.nope');
SELECT sum.check_setting('test.limit', '3');
-- shipped names are validated by the table itself
INSERT INTO sum.setting_defaults (name, value, value_type, description) VALUES ('NoDot', '1', 'integer', 'bad name');
INSERT INTO sum.setting_defaults (name, value, value_type, description) VALUES ('test.bad', '1', 'float', 'bad type');

-- nothing was changed by the failed statements
SELECT name, value FROM sum.setting_overrides ORDER BY name;

-- every role may read settings (C code reads them with the caller's rights),
-- only the owner may change them
CREATE ROLE sum_settings_reader;
SET ROLE sum_settings_reader;
SELECT sum.setting('test.mode');
UPDATE sum.settings SET value = 'fast' WHERE name = 'test.mode';
RESET ROLE;
DROP ROLE sum_settings_reader;

DELETE FROM sum.setting_overrides WHERE name LIKE 'test.%';
DELETE FROM sum.setting_defaults WHERE name LIKE 'test.%';
