/* sum--1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION sum" to load this file. \quit

/*
 * The extension owns schema sum (pg_cron's pattern): the control file says
 * schema = pg_catalog, so this script runs with search_path = pg_catalog and
 * fails if somebody created a schema "sum" in advance.  Every object below is
 * therefore written with its schema.
 */
CREATE SCHEMA sum;
GRANT USAGE ON SCHEMA sum TO PUBLIC;
COMMENT ON SCHEMA sum IS 'sign-up marketing: identity, persona, milestones, rollups, handoff';

/* ==========================================================================
 * Configuration plumbing
 * ========================================================================== */

/*
 * sum.config_changed(): statement-level trigger on every configuration table.
 * It sends a relcache invalidation for the table so that the per-backend
 * caches built from it (domain lists, rules, settings) are rebuilt at their
 * next use instead of being re-read on every call.
 */
CREATE FUNCTION sum.config_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'sum_config_changed'
	LANGUAGE C;
COMMENT ON FUNCTION sum.config_changed() IS
	'trigger: tell every backend that a sum configuration table changed';

/*
 * Settings.  Shipped defaults live in sum.setting_defaults, which belongs to
 * the extension and is re-created by CREATE EXTENSION; what users change goes
 * to sum.setting_overrides, which pg_dump saves.  sum.settings joins the two
 * and is the table-like face users read and write:
 *
 *   UPDATE sum.settings SET value = '48 hours' WHERE name = 'handoff.sla';
 *   DELETE FROM sum.settings WHERE name = 'handoff.sla';   -- back to default
 */
CREATE TABLE sum.setting_defaults (
	name text PRIMARY KEY
		CHECK (name OPERATOR(pg_catalog.~) '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'
			AND pg_catalog.length(name) OPERATOR(pg_catalog.<) 64),
	value text,
	value_type text NOT NULL
		CHECK (value_type OPERATOR(pg_catalog.=) ANY (ARRAY['text', 'integer', 'numeric', 'boolean',
			'interval', 'relation', 'text[]'])),
	min_value numeric,
	max_value numeric,
	allowed_values text[],
	description text NOT NULL
);
COMMENT ON TABLE sum.setting_defaults IS
	'shipped default of every setting; change values through sum.settings';

CREATE TABLE sum.setting_overrides (
	name text PRIMARY KEY REFERENCES sum.setting_defaults (name) ON DELETE CASCADE,
	value text,
	updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	updated_by name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE sum.setting_overrides IS
	'settings changed by users; write through sum.settings';
SELECT pg_catalog.pg_extension_config_dump('sum.setting_overrides', '');

CREATE TRIGGER config_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON sum.setting_defaults FOR EACH STATEMENT EXECUTE FUNCTION sum.config_changed();
CREATE TRIGGER config_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON sum.setting_overrides FOR EACH STATEMENT EXECUTE FUNCTION sum.config_changed();

CREATE VIEW sum.settings AS
	SELECT d.name,
		   CASE WHEN o.name IS NULL THEN d.value ELSE o.value END AS value,
		   d.value AS default_value,
		   o.name IS NULL AS is_default,
		   d.value_type,
		   d.min_value,
		   d.max_value,
		   d.allowed_values,
		   d.description,
		   o.updated_at,
		   o.updated_by
	  FROM sum.setting_defaults d
	  LEFT JOIN sum.setting_overrides o ON o.name OPERATOR(pg_catalog.=) d.name;
COMMENT ON VIEW sum.settings IS
	'every setting with its current value; UPDATE to change, DELETE to reset to the default';

/*
 * sum.check_setting(name, value): raise invalid_parameter_value unless value
 * is acceptable for the setting.  Used by the sum.settings write trigger and
 * callable by tools that want to validate before writing.
 */
CREATE FUNCTION sum.check_setting(name text, value text) RETURNS void
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	def sum.setting_defaults;
	num numeric;
BEGIN
	SELECT * INTO def FROM sum.setting_defaults d WHERE d.name = check_setting.name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'setting "%" does not exist', name
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'SELECT name, description FROM sum.settings lists the settings.';
	END IF;
	IF value IS NULL THEN
		RETURN;
	END IF;
	BEGIN
		CASE def.value_type
			WHEN 'integer' THEN num := value::integer;
			WHEN 'numeric' THEN num := value::numeric;
			WHEN 'boolean' THEN PERFORM value::boolean;
			WHEN 'interval' THEN PERFORM value::interval;
			WHEN 'text[]' THEN PERFORM value::text[];
			WHEN 'relation' THEN PERFORM pg_catalog.parse_ident(value);
			ELSE NULL;
		END CASE;
	EXCEPTION WHEN data_exception OR invalid_text_representation
				OR invalid_parameter_value OR syntax_error THEN
		RAISE EXCEPTION 'invalid value for setting "%": "%"', name, value
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = pg_catalog.format('The setting takes a value of type %s.', def.value_type);
	END;
	IF num IS NOT NULL AND (num < def.min_value OR num > def.max_value) THEN
		RAISE EXCEPTION 'value for setting "%" is out of range: "%"', name, value
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = pg_catalog.format('The value must be between %s and %s.',
											 coalesce(def.min_value::text, '-infinity'),
											 coalesce(def.max_value::text, 'infinity'));
	END IF;
	IF def.allowed_values IS NOT NULL AND NOT value = ANY (def.allowed_values) THEN
		RAISE EXCEPTION 'invalid value for setting "%": "%"', name, value
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = pg_catalog.format('Allowed values are: %s.',
											 pg_catalog.array_to_string(def.allowed_values, ', '));
	END IF;
END;
$$;
COMMENT ON FUNCTION sum.check_setting(text, text) IS
	'raise invalid_parameter_value unless value is valid for the named setting';

CREATE FUNCTION sum.settings_write() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		DELETE FROM sum.setting_overrides o WHERE o.name = OLD.name;
		RETURN OLD;
	END IF;
	IF TG_OP = 'UPDATE' AND NEW.name IS DISTINCT FROM OLD.name THEN
		RAISE EXCEPTION 'cannot rename setting "%"', OLD.name
			USING ERRCODE = 'feature_not_supported';
	END IF;
	PERFORM sum.check_setting(NEW.name, NEW.value);
	INSERT INTO sum.setting_overrides AS o (name, value)
		VALUES (NEW.name, NEW.value)
		ON CONFLICT (name) DO UPDATE
		SET value = excluded.value, updated_at = now(), updated_by = CURRENT_USER;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION sum.settings_write() IS
	'trigger: validate a write to sum.settings and store it as an override';

CREATE TRIGGER settings_write INSTEAD OF INSERT OR UPDATE OR DELETE
	ON sum.settings FOR EACH ROW EXECUTE FUNCTION sum.settings_write();

/*
 * sum.setting(name): the current value of a setting as text.  STABLE: it
 * reads a table.  Unknown names are an error, so a typo cannot silently
 * read as NULL.
 */
CREATE FUNCTION sum.setting(name text) RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	result text;
BEGIN
	SELECT s.value INTO result FROM sum.settings s WHERE s.name = setting.name;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'setting "%" does not exist', name
			USING ERRCODE = 'undefined_object',
				  HINT = 'SELECT name, description FROM sum.settings lists the settings.';
	END IF;
	RETURN result;
END;
$$;
COMMENT ON FUNCTION sum.setting(text) IS
	'current value of a sum setting as text; error for an unknown name';

/* ==========================================================================
 * Identity: emails, domains, free-mail and disposable lists (issue 2)
 * ========================================================================== */

/* ==========================================================================
 * Matching: company keys, string similarity, lead-to-account, people (issue 3)
 * ========================================================================== */

/* ==========================================================================
 * Persona: title -> function, seniority, buying role (issue 4)
 * ========================================================================== */

/*
 * The persona enums are contracts shared by persona classification, account
 * rollups and the pipeline.  Ordered where the order means something, so
 * that max() and >= work: seniority and buying role are ranks; job function
 * is a set of labels whose order is only the declaration order.
 */
CREATE TYPE sum.seniority AS ENUM (
	'unknown', 'intern', 'entry', 'senior', 'manager', 'director', 'vp', 'c_level', 'owner'
);
COMMENT ON TYPE sum.seniority IS
	'rank of a job title: unknown < intern < entry < senior < manager < director < vp < c_level < owner';

CREATE TYPE sum.job_function AS ENUM (
	'unknown', 'general_management', 'marketing', 'sales', 'customer_success',
	'engineering', 'it', 'product', 'design', 'data', 'operations', 'finance',
	'hr', 'legal', 'other'
);
COMMENT ON TYPE sum.job_function IS 'business function of a job title';

CREATE TYPE sum.buying_role AS ENUM ('unknown', 'user', 'influencer', 'decision_maker');
COMMENT ON TYPE sum.buying_role IS
	'part a person plays in a purchase: unknown < user < influencer < decision_maker';

/* ==========================================================================
 * Milestones and funnels over the event stream (issue 5)
 * ========================================================================== */

/*
 * sum.window_funnel(window, [mode,] ts, VARIADIC steps): ClickHouse's
 * windowFunnel.  The state (internal) keeps one entry per distinct timestamp
 * at which a step matched; see src/funnel.c for the semantics and bounds.
 * The support functions are IMMUTABLE: they read no table or setting.
 */
CREATE FUNCTION sum.window_funnel_accum(internal, interval, timestamptz, boolean[])
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_window_funnel_accum'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.window_funnel_accum(internal, interval, timestamptz, boolean[]) IS
	'transition function of sum.window_funnel';

CREATE FUNCTION sum.window_funnel_accum(internal, interval, text, timestamptz, boolean[])
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_window_funnel_mode_accum'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.window_funnel_accum(internal, interval, text, timestamptz, boolean[]) IS
	'transition function of sum.window_funnel with a mode';

CREATE FUNCTION sum.window_funnel_combine(internal, internal)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_window_funnel_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.window_funnel_combine(internal, internal) IS
	'combine function of sum.window_funnel';

CREATE FUNCTION sum.window_funnel_serialize(internal)
	RETURNS bytea
	AS 'MODULE_PATHNAME', 'sum_window_funnel_serialize'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.window_funnel_serialize(internal) IS
	'serialization function of sum.window_funnel';

CREATE FUNCTION sum.window_funnel_deserialize(bytea, internal)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_window_funnel_deserialize'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.window_funnel_deserialize(bytea, internal) IS
	'deserialization function of sum.window_funnel';

CREATE FUNCTION sum.window_funnel_final(internal)
	RETURNS integer
	AS 'MODULE_PATHNAME', 'sum_window_funnel_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.window_funnel_final(internal) IS
	'final function of sum.window_funnel';

CREATE AGGREGATE sum.window_funnel("window" interval, ts timestamptz, VARIADIC steps boolean[]) (
	SFUNC = sum.window_funnel_accum,
	STYPE = internal,
	SSPACE = 256,
	FINALFUNC = sum.window_funnel_final,
	COMBINEFUNC = sum.window_funnel_combine,
	SERIALFUNC = sum.window_funnel_serialize,
	DESERIALFUNC = sum.window_funnel_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.window_funnel(interval, timestamptz, VARIADIC boolean[]) IS
	'ClickHouse windowFunnel: longest chain of steps 1..k, each within window of the first';

CREATE AGGREGATE sum.window_funnel("window" interval, mode text, ts timestamptz, VARIADIC steps boolean[]) (
	SFUNC = sum.window_funnel_accum,
	STYPE = internal,
	SSPACE = 256,
	FINALFUNC = sum.window_funnel_final,
	COMBINEFUNC = sum.window_funnel_combine,
	SERIALFUNC = sum.window_funnel_serialize,
	DESERIALFUNC = sum.window_funnel_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.window_funnel(interval, text, timestamptz, VARIADIC boolean[]) IS
	'ClickHouse windowFunnel with modes strict_deduplication, strict_order, strict_increase, allow_reentry';

/*
 * sum.retention(VARIADIC conds): ClickHouse's retention.  The state is a
 * bigint (condition mask and count), so it needs no serialization; its
 * support functions check it because users can call them.
 */
CREATE FUNCTION sum.retention_accum(bigint, boolean[])
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'sum_retention_accum'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.retention_accum(bigint, boolean[]) IS
	'transition function of sum.retention';

CREATE FUNCTION sum.retention_combine(bigint, bigint)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'sum_retention_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.retention_combine(bigint, bigint) IS
	'combine function of sum.retention';

CREATE FUNCTION sum.retention_final(bigint)
	RETURNS boolean[]
	AS 'MODULE_PATHNAME', 'sum_retention_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.retention_final(bigint) IS
	'final function of sum.retention';

CREATE AGGREGATE sum.retention(VARIADIC conds boolean[]) (
	SFUNC = sum.retention_accum,
	STYPE = bigint,
	FINALFUNC = sum.retention_final,
	COMBINEFUNC = sum.retention_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.retention(VARIADIC boolean[]) IS
	'ClickHouse retention: [cond1, cond1 and cond2, ..., cond1 and condN], each held on some row';

/*
 * Where a "day" starts for active days, daily counts and "the last D days":
 * a setting rather than the session's TimeZone, so that a state means the
 * same in every session, worker and refresh.  Part of the definitions'
 * version: changing it means rebuilding stored states.
 */
INSERT INTO sum.setting_defaults (name, value, value_type, description) VALUES
	('milestones.timezone', 'UTC', 'text',
	 'time zone in which milestones count local days (active days, daily buckets, last-D-days windows)');

/*
 * sum.milestone_defs: one row per milestone, as data marketing can change.
 * Rows are checked on write by sum.milestone_defs_check() (errcode
 * invalid_parameter_value); the parameters each kind takes:
 *
 *   kind          events        min_count      days                 other
 *   first_event   required      -              -                    -
 *   event_count   required      N, 1..100      within D of sign-up  -
 *   funnel        2..8 steps    -              within D of sign-up  funnel_window
 *   active_days   NULL = any    N, 1..100      first D local days   -
 *   paywall       required      N >= 1         last D days, 1..35   -
 *   usage_drop    NULL = any    -              -                    percent, min_baseline
 *   inactivity    NULL = any    events before  D >= 1 quiet days    -
 *   active_users  -             N users        last D days          (account level)
 *
 * Shipped rows have source 'shipped'; a user's change turns them into
 * 'edited'.  pg_dump keeps every row that is not a pristine shipped one; on
 * restore, inserting a row with the name of a shipped one replaces it (the
 * trigger below), so edits survive a dump and restore.
 */
CREATE TABLE sum.milestone_defs (
	name text PRIMARY KEY,
	kind text NOT NULL,
	events text[],
	min_count integer,
	days integer,
	funnel_window interval,
	percent numeric,
	min_baseline numeric,
	enabled boolean NOT NULL DEFAULT true,
	description text NOT NULL DEFAULT '',
	source text NOT NULL DEFAULT 'user',
	updated_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE sum.milestone_defs IS
	'milestone definitions: one row per milestone, checked on write, read by sum.milestones()';

/*
 * sum.milestone_defs_check(): BEFORE INSERT OR UPDATE trigger that rejects
 * a definition the evaluator could not honour, naming the rule.
 */
CREATE FUNCTION sum.milestone_defs_check() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	k text := NEW.kind;
	n int := coalesce(pg_catalog.cardinality(NEW.events), 0);
	i int;
	bad text;
BEGIN
	IF NEW.name IS NULL OR NEW.name !~ '^[a-z][a-z0-9_]*$' OR length(NEW.name) > 63 THEN
		RAISE EXCEPTION 'invalid milestone name: "%"', NEW.name
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Names are lowercase letters, digits and underscores, starting with a letter, at most 63 characters.';
	END IF;
	IF k IS NULL OR k NOT IN ('first_event', 'event_count', 'funnel', 'active_days', 'paywall',
							  'usage_drop', 'inactivity', 'active_users') THEN
		RAISE EXCEPTION 'invalid milestone kind: "%"', k
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Kinds are first_event, event_count, funnel, active_days, paywall, usage_drop, inactivity and active_users.';
	END IF;

	-- events: a list of names, no NULL or empty ones
	IF NEW.events IS NOT NULL THEN
		IF pg_catalog.array_ndims(NEW.events) IS DISTINCT FROM 1 THEN
			bad := 'events must be a non-empty list of event names';
		ELSIF array_position(NEW.events, NULL) IS NOT NULL OR '' = ANY (NEW.events) THEN
			bad := 'events must not contain NULL or empty names';
		END IF;
	END IF;
	IF bad IS NULL THEN
		IF k IN ('first_event', 'event_count', 'funnel', 'paywall') AND n = 0 THEN
			bad := pg_catalog.format('kind %s needs events', k);
		ELSIF k = 'active_users' AND NEW.events IS NOT NULL THEN
			bad := 'kind active_users takes no events';
		ELSIF k = 'funnel' AND (n < 2 OR n > 8) THEN
			bad := 'a funnel has 2 to 8 steps';
		ELSIF k <> 'funnel' AND n > 1
			  AND (SELECT count(DISTINCT e) FROM unnest(NEW.events) e) <> n THEN
			bad := 'events must not list a name twice';
		END IF;
	END IF;
	IF bad IS NULL AND k = 'funnel' THEN
		FOR i IN 2 .. n LOOP
			IF NEW.events[i] = NEW.events[i - 1] THEN
				bad := pg_catalog.format('funnel step %s repeats step %s: one event would fill both', i, i - 1);
			END IF;
		END LOOP;
	END IF;

	-- min_count
	IF bad IS NULL THEN
		IF k IN ('event_count', 'active_days') AND (NEW.min_count IS NULL OR NEW.min_count NOT BETWEEN 1 AND 100) THEN
			bad := pg_catalog.format('kind %s needs min_count between 1 and 100', k);
		ELSIF k IN ('paywall', 'active_users') AND (NEW.min_count IS NULL OR NEW.min_count < 1) THEN
			bad := pg_catalog.format('kind %s needs min_count of at least 1', k);
		ELSIF k = 'inactivity' AND NEW.min_count IS NOT NULL AND NEW.min_count < 1 THEN
			bad := 'min_count of kind inactivity (events before going quiet) must be at least 1';
		ELSIF k IN ('first_event', 'funnel', 'usage_drop') AND NEW.min_count IS NOT NULL THEN
			bad := pg_catalog.format('kind %s takes no min_count', k);
		END IF;
	END IF;

	-- days
	IF bad IS NULL THEN
		IF k = 'paywall' AND (NEW.days IS NULL OR NEW.days NOT BETWEEN 1 AND 35) THEN
			bad := 'kind paywall needs days between 1 and 35';
		ELSIF k IN ('inactivity', 'active_users') AND (NEW.days IS NULL OR NEW.days NOT BETWEEN 1 AND 36500) THEN
			bad := pg_catalog.format('kind %s needs days between 1 and 36500', k);
		ELSIF k IN ('event_count', 'funnel', 'active_days') AND NEW.days IS NOT NULL
			  AND NEW.days NOT BETWEEN 1 AND 36500 THEN
			bad := 'days must be between 1 and 36500';
		ELSIF k IN ('first_event', 'usage_drop') AND NEW.days IS NOT NULL THEN
			bad := pg_catalog.format('kind %s takes no days', k);
		ELSIF k = 'active_days' AND NEW.days IS NOT NULL AND NEW.min_count > NEW.days THEN
			bad := 'min_count active days cannot fit in days';
		END IF;
	END IF;

	-- funnel_window, percent, min_baseline
	IF bad IS NULL THEN
		IF k = 'funnel' AND (NEW.funnel_window IS NULL OR NEW.funnel_window < interval '0'
							 OR NEW.funnel_window > interval '36500 days') THEN
			bad := 'kind funnel needs a funnel_window between 0 and 36500 days';
		ELSIF k <> 'funnel' AND NEW.funnel_window IS NOT NULL THEN
			bad := pg_catalog.format('kind %s takes no funnel_window', k);
		ELSIF k = 'usage_drop' AND (NEW.percent IS NULL OR NEW.percent <= 0 OR NEW.percent > 100) THEN
			bad := 'kind usage_drop needs percent greater than 0 and at most 100';
		ELSIF k = 'usage_drop' AND (NEW.min_baseline IS NULL OR NEW.min_baseline < 0) THEN
			bad := 'kind usage_drop needs min_baseline (events per week) of at least 0';
		ELSIF k <> 'usage_drop' AND (NEW.percent IS NOT NULL OR NEW.min_baseline IS NOT NULL) THEN
			bad := pg_catalog.format('kind %s takes no percent or min_baseline', k);
		END IF;
	END IF;

	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'invalid milestone definition "%": %', NEW.name, bad
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF NEW.source IS NULL OR NEW.source NOT IN ('shipped', 'edited', 'user') THEN
		RAISE EXCEPTION 'invalid milestone source: "%"', NEW.source
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Sources are shipped, edited and user.';
	END IF;

	IF TG_OP = 'INSERT' THEN
		-- a row named like a pristine shipped one replaces it (pg_restore path)
		UPDATE sum.milestone_defs d
		   SET kind = NEW.kind, events = NEW.events, min_count = NEW.min_count,
			   days = NEW.days, funnel_window = NEW.funnel_window, percent = NEW.percent,
			   min_baseline = NEW.min_baseline, enabled = NEW.enabled,
			   description = NEW.description,
			   source = CASE WHEN NEW.source = 'shipped' THEN 'edited' ELSE NEW.source END
		 WHERE d.name = NEW.name AND d.source = 'shipped';
		IF FOUND THEN
			RETURN NULL;
		END IF;
	ELSIF OLD.source = 'shipped' AND NEW.source = 'shipped'
		  AND ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
		NEW.source := 'edited';
	END IF;
	IF TG_OP = 'INSERT' OR ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
		NEW.updated_at := pg_catalog.now();
	END IF;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION sum.milestone_defs_check() IS
	'trigger: validate a milestone definition (invalid_parameter_value) and track shipped rows';

/*
 * Shipped definitions cannot be deleted, only disabled: a deletion could
 * not survive pg_dump, which re-creates shipped rows with the extension.
 */
CREATE FUNCTION sum.milestone_defs_delete() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF OLD.source IN ('shipped', 'edited') THEN
		RAISE EXCEPTION 'cannot delete shipped milestone "%"', OLD.name
			USING ERRCODE = 'object_in_use',
				  HINT = 'Set enabled = false to turn it off.';
	END IF;
	RETURN OLD;
END;
$$;
COMMENT ON FUNCTION sum.milestone_defs_delete() IS
	'trigger: shipped milestone definitions are disabled, not deleted';

CREATE TRIGGER milestone_defs_check BEFORE INSERT OR UPDATE
	ON sum.milestone_defs FOR EACH ROW EXECUTE FUNCTION sum.milestone_defs_check();
CREATE TRIGGER milestone_defs_delete BEFORE DELETE
	ON sum.milestone_defs FOR EACH ROW EXECUTE FUNCTION sum.milestone_defs_delete();
CREATE TRIGGER config_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON sum.milestone_defs FOR EACH STATEMENT EXECUTE FUNCTION sum.config_changed();

INSERT INTO sum.milestone_defs (name, kind, events, min_count, days, funnel_window, percent, min_baseline, source, description) VALUES
	('first_project', 'first_event', '{project_created}', NULL, NULL, NULL, NULL, NULL, 'shipped',
	 'created a first project'),
	('invited_teammate', 'first_event', '{invite_sent}', NULL, NULL, NULL, NULL, NULL, 'shipped',
	 'invited someone from their team'),
	('activated', 'event_count', '{project_created,data_connected,report_viewed,invite_sent}', 5, 14, NULL, NULL, NULL, 'shipped',
	 '5 key actions within 14 days of sign-up'),
	('onboarded', 'funnel', '{project_created,data_connected,report_shared}', NULL, 30, '3 days', NULL, NULL, 'shipped',
	 'project, data and a shared report within 3 days, in the first 30 days'),
	('habit', 'active_days', NULL, 3, 14, NULL, NULL, NULL, 'shipped',
	 'active on 3 different days within the first 14 days'),
	('paywall_hit', 'paywall', '{paywall_hit}', 2, 14, NULL, NULL, NULL, 'shipped',
	 'hit the paywall at least twice in the last 14 days'),
	('usage_drop', 'usage_drop', NULL, NULL, NULL, NULL, 50, 5, 'shipped',
	 'last 7 days below half of the weekly average of the 4 weeks before (at least 5 events a week)'),
	('gone_quiet', 'inactivity', NULL, 3, 14, NULL, NULL, NULL, 'shipped',
	 'no event for 14 days after at least 3 events'),
	('team_active', 'active_users', NULL, 3, 14, NULL, NULL, NULL, 'shipped',
	 'account level: at least 3 users active in the last 14 days');

SELECT pg_catalog.pg_extension_config_dump('sum.milestone_defs', 'WHERE source <> ''shipped''');

/*
 * sum.milestone_state: the per-user state of sum.milestones(), a varlena in
 * a versioned little-endian layout (src/milestone.c).  Text form: \x and hex.
 */
CREATE TYPE sum.milestone_state;

CREATE FUNCTION sum.milestone_state_in(cstring) RETURNS sum.milestone_state
	AS 'MODULE_PATHNAME', 'sum_milestone_state_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestone_state_in(cstring) IS 'input function of sum.milestone_state';

CREATE FUNCTION sum.milestone_state_out(sum.milestone_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'sum_milestone_state_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestone_state_out(sum.milestone_state) IS 'output function of sum.milestone_state';

CREATE FUNCTION sum.milestone_state_recv(internal) RETURNS sum.milestone_state
	AS 'MODULE_PATHNAME', 'sum_milestone_state_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestone_state_recv(internal) IS 'binary input function of sum.milestone_state';

CREATE FUNCTION sum.milestone_state_send(sum.milestone_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'sum_milestone_state_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestone_state_send(sum.milestone_state) IS 'binary output function of sum.milestone_state';

CREATE TYPE sum.milestone_state (
	INPUT = sum.milestone_state_in,
	OUTPUT = sum.milestone_state_out,
	RECEIVE = sum.milestone_state_recv,
	SEND = sum.milestone_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE sum.milestone_state IS
	'facts about one user''s events (first times, daily counts, earliest occurrences) that sum.milestones() keeps and merges';

CREATE TYPE sum.milestone_usage AS (
	first_event_at timestamptz,
	last_event_at timestamptz,
	events bigint,
	events_7d bigint,
	events_28d bigint,
	active_days_7d integer,
	active_days_28d integer
);
COMMENT ON TYPE sum.milestone_usage IS
	'usage figures of a milestone state as of a time; windows are local days ending on that day';

/*
 * The transition function reads sum.milestone_defs and a setting (once per
 * query), hence STABLE.  combine and merge only read their arguments.
 */
CREATE FUNCTION sum.milestones_accum(sum.milestone_state, text, timestamptz, timestamptz)
	RETURNS sum.milestone_state
	AS 'MODULE_PATHNAME', 'sum_milestones_accum'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestones_accum(sum.milestone_state, text, timestamptz, timestamptz) IS
	'transition function of sum.milestones(event, ts, signup_at)';

CREATE FUNCTION sum.milestones_combine(sum.milestone_state, sum.milestone_state)
	RETURNS sum.milestone_state
	AS 'MODULE_PATHNAME', 'sum_milestones_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestones_combine(sum.milestone_state, sum.milestone_state) IS
	'combine function of sum.milestones';

CREATE AGGREGATE sum.milestones(event text, ts timestamptz, signup_at timestamptz) (
	SFUNC = sum.milestones_accum,
	STYPE = sum.milestone_state,
	SSPACE = 1024,
	COMBINEFUNC = sum.milestones_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.milestones(text, timestamptz, timestamptz) IS
	'one user''s milestone state from their events (event name, time, sign-up time)';

CREATE AGGREGATE sum.milestones(state sum.milestone_state) (
	SFUNC = sum.milestones_combine,
	STYPE = sum.milestone_state,
	SSPACE = 1024,
	COMBINEFUNC = sum.milestones_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.milestones(sum.milestone_state) IS
	'merge stored milestone states, e.g. a stored state and the state of new events';

CREATE FUNCTION sum.milestones_merge(a sum.milestone_state, b sum.milestone_state)
	RETURNS sum.milestone_state
	AS 'MODULE_PATHNAME', 'sum_milestones_merge'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestones_merge(sum.milestone_state, sum.milestone_state) IS
	'the state of both inputs'' events; NULL counts as no events';

/* Reading states needs the definitions (names, parameters): STABLE */
CREATE FUNCTION sum.milestone_rows(state sum.milestone_state, as_of timestamptz DEFAULT pg_catalog.now(),
								   OUT milestone text, OUT reached_at timestamptz)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'sum_milestone_rows'
	LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION sum.milestone_rows(sum.milestone_state, timestamptz) IS
	'milestones reached as of as_of, with the time each was reached';

CREATE FUNCTION sum.milestone_usage(state sum.milestone_state, as_of timestamptz DEFAULT pg_catalog.now())
	RETURNS sum.milestone_usage
	AS 'MODULE_PATHNAME', 'sum_milestone_usage'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestone_usage(sum.milestone_state, timestamptz) IS
	'events and active days in the last 7 and 28 days as of as_of, first and last event';

CREATE FUNCTION sum.milestone_defs_version() RETURNS bigint
	AS 'MODULE_PATHNAME', 'sum_milestone_defs_version'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestone_defs_version() IS
	'fingerprint of the enabled user-level milestone definitions and milestones.timezone';

CREATE FUNCTION sum.milestone_state_defs_version(state sum.milestone_state) RETURNS bigint
	AS 'MODULE_PATHNAME', 'sum_milestone_state_defs_version'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestone_state_defs_version(sum.milestone_state) IS
	'fingerprint of the definitions a milestone state was built for';

CREATE FUNCTION sum.milestone_state_is_current(state sum.milestone_state) RETURNS boolean
	AS 'MODULE_PATHNAME', 'sum_milestone_state_is_current'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestone_state_is_current(sum.milestone_state) IS
	'true when the state was built for the current definitions (else rebuild it)';

CREATE FUNCTION sum.account_milestones(user_last_event_at timestamptz[], as_of timestamptz DEFAULT pg_catalog.now(),
									   OUT milestone text, OUT reached_at timestamptz)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'sum_account_milestones'
	LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION sum.account_milestones(timestamptz[], timestamptz) IS
	'account-level milestones (kind active_users) from the last event time of each user of an account';

/* ==========================================================================
 * Account rollups and ICP fit (issue 6)
 * ========================================================================== */

/* ==========================================================================
 * Pipeline: inputs, refresh, handoff queue, nurture triggers, BI (issue 7)
 * ========================================================================== */
