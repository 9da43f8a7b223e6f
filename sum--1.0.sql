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

/* ==========================================================================
 * Account rollups and ICP fit (issue 6)
 * ========================================================================== */

/*
 * Lifecycle stage of a product user.  Declared in the order of "most
 * advanced", so that max() over users gives the stage of the account:
 * freemium < trial < churned < paid.  A trial is an evaluation of the paid
 * plan, so it outranks the free plan; a churned user means the account was
 * a customer (win-back, not net-new); one paying user makes the account a
 * customer whatever the other users did.
 */
CREATE TYPE sum.lifecycle_stage AS ENUM ('freemium', 'trial', 'churned', 'paid');
COMMENT ON TYPE sum.lifecycle_stage IS
	'stage of a product user, most advanced last: freemium < trial < churned < paid';

/*
 * sum.account_state: the mergeable state of sum.account_rollup, for storing
 * between refreshes and for merging with new rows.  Varlena holding a
 * versioned, big-endian binary format; text form "\x" + hex.  Every input
 * path (text, binary, aggregate deserialization) validates the content.
 */
CREATE TYPE sum.account_state;

CREATE FUNCTION sum.account_state_in(cstring) RETURNS sum.account_state
	AS 'MODULE_PATHNAME', 'sum_account_state_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_state_in(cstring) IS
	'input function of sum.account_state: \x and the binary format in hex, validated';

CREATE FUNCTION sum.account_state_out(sum.account_state) RETURNS cstring
	AS 'MODULE_PATHNAME', 'sum_account_state_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_state_out(sum.account_state) IS
	'output function of sum.account_state: \x and the binary format in hex';

CREATE FUNCTION sum.account_state_recv(internal) RETURNS sum.account_state
	AS 'MODULE_PATHNAME', 'sum_account_state_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_state_recv(internal) IS
	'binary input function of sum.account_state, validated';

CREATE FUNCTION sum.account_state_send(sum.account_state) RETURNS bytea
	AS 'MODULE_PATHNAME', 'sum_account_state_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_state_send(sum.account_state) IS
	'binary output function of sum.account_state';

CREATE TYPE sum.account_state (
	INPUT = sum.account_state_in,
	OUTPUT = sum.account_state_out,
	RECEIVE = sum.account_state_recv,
	SEND = sum.account_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE sum.account_state IS
	'stored, mergeable state of sum.account_rollup (versioned binary format)';

/* One row per account, plain columns for BI; arrays only where a set is the answer */
CREATE TYPE sum.account_summary AS (
	users bigint,
	active_users_7d bigint,
	active_users_30d bigint,
	decision_makers bigint,
	influencers bigint,
	best_contact text,
	best_contact_role sum.buying_role,
	best_contact_seniority sum.seniority,
	best_contact_function sum.job_function,
	champion text,
	champion_activity bigint,
	functions sum.job_function[],
	top_seniority sum.seniority,
	first_signup_at timestamptz,
	last_activity_at timestamptz,
	recent_activity bigint,
	freemium_users bigint,
	trial_users bigint,
	churned_users bigint,
	paid_seats bigint,
	stage sum.lifecycle_stage,
	milestones text[],
	milestones_truncated boolean,
	as_of timestamptz
);
COMMENT ON TYPE sum.account_summary IS
	'one account rolled up from its users: counts, best contact, champion, functions, stage, milestones';

/*
 * Transition functions: one C entry per user id type; the same entry takes
 * the variant with and without milestones.  Not strict: a NULL user id
 * skips the row, other NULLs mean unknown.
 */
CREATE FUNCTION sum.account_rollup_accum(internal, text, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_accum_text'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_accum(internal, text, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'transition function of sum.account_rollup (text user ids, with milestones)';

CREATE FUNCTION sum.account_rollup_accum(internal, text, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_accum_text'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_accum(internal, text, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'transition function of sum.account_rollup (text user ids)';

CREATE FUNCTION sum.account_rollup_accum(internal, bigint, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_accum_bigint'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_accum(internal, bigint, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'transition function of sum.account_rollup (bigint user ids, with milestones)';

CREATE FUNCTION sum.account_rollup_accum(internal, bigint, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_accum_bigint'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_accum(internal, bigint, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'transition function of sum.account_rollup (bigint user ids)';

CREATE FUNCTION sum.account_rollup_accum(internal, uuid, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_accum_uuid'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_accum(internal, uuid, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'transition function of sum.account_rollup (uuid user ids, with milestones)';

CREATE FUNCTION sum.account_rollup_accum(internal, uuid, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_accum_uuid'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_accum(internal, uuid, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'transition function of sum.account_rollup (uuid user ids)';

/*
 * The transition functions of sum.account_rollup_state also keep the hourly
 * activity history a stored state needs.  They are distinct functions so
 * that PostgreSQL never shares one transition state between a summary and
 * a stored state of the same arguments.
 */
CREATE FUNCTION sum.account_rollup_state_accum(internal, text, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_state_accum_text'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_state_accum(internal, text, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'transition function of sum.account_rollup_state (text user ids, with milestones): keeps the activity history';

CREATE FUNCTION sum.account_rollup_state_accum(internal, text, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_state_accum_text'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_state_accum(internal, text, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'transition function of sum.account_rollup_state (text user ids): keeps the activity history';

CREATE FUNCTION sum.account_rollup_state_accum(internal, bigint, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_state_accum_bigint'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_state_accum(internal, bigint, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'transition function of sum.account_rollup_state (bigint user ids, with milestones): keeps the activity history';

CREATE FUNCTION sum.account_rollup_state_accum(internal, bigint, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_state_accum_bigint'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_state_accum(internal, bigint, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'transition function of sum.account_rollup_state (bigint user ids): keeps the activity history';

CREATE FUNCTION sum.account_rollup_state_accum(internal, uuid, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_state_accum_uuid'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_state_accum(internal, uuid, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'transition function of sum.account_rollup_state (uuid user ids, with milestones): keeps the activity history';

CREATE FUNCTION sum.account_rollup_state_accum(internal, uuid, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_state_accum_uuid'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_state_accum(internal, uuid, sum.job_function, sum.seniority,
		sum.buying_role, sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'transition function of sum.account_rollup_state (uuid user ids): keeps the activity history';

CREATE FUNCTION sum.account_rollup_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_combine(internal, internal) IS
	'combine function of sum.account_rollup: partial states of one call (same as_of)';

CREATE FUNCTION sum.account_rollup_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'sum_account_rollup_serialize'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_serialize(internal) IS
	'serialization function of sum.account_rollup: the binary format of sum.account_state';

CREATE FUNCTION sum.account_rollup_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_deserialize'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_deserialize(bytea, internal) IS
	'deserialization function of sum.account_rollup, validated';

CREATE FUNCTION sum.account_rollup_final(internal) RETURNS sum.account_summary
	AS 'MODULE_PATHNAME', 'sum_account_rollup_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_final(internal) IS
	'final function of sum.account_rollup: the summary at the call''s as_of';

CREATE FUNCTION sum.account_rollup_state_final(internal) RETURNS sum.account_state
	AS 'MODULE_PATHNAME', 'sum_account_rollup_state_final'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_state_final(internal) IS
	'final function of sum.account_rollup_state and sum.account_rollup_merge: the state';

CREATE FUNCTION sum.account_rollup_merge_accum(internal, sum.account_state) RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_merge_accum'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_merge_accum(internal, sum.account_state) IS
	'transition function of sum.account_rollup_merge';

CREATE FUNCTION sum.account_rollup_merge_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'sum_account_rollup_merge_combine'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_rollup_merge_combine(internal, internal) IS
	'combine function of sum.account_rollup_merge: states of any as_of, merged at the latest';

/*
 * sum.account_rollup(user_id, job_function, seniority, buying_role, stage,
 *		signed_up_at, last_activity_at, recent_activity, [milestones,] as_of)
 * over an account's users -> sum.account_summary.  user_id is text, bigint
 * or uuid; as_of must be the same in every row (it anchors the 7- and
 * 30-day windows).  sum.account_rollup_state takes the same arguments and
 * returns the sum.account_state to store.
 */
CREATE AGGREGATE sum.account_rollup(user_id text, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, milestones text[], as_of timestamptz) (
	SFUNC = sum.account_rollup_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup(text, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'summary of an account''s users (text user ids, with milestones)';

CREATE AGGREGATE sum.account_rollup(user_id bigint, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, milestones text[], as_of timestamptz) (
	SFUNC = sum.account_rollup_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup(bigint, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'summary of an account''s users (bigint user ids, with milestones)';

CREATE AGGREGATE sum.account_rollup(user_id uuid, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, milestones text[], as_of timestamptz) (
	SFUNC = sum.account_rollup_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup(uuid, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'summary of an account''s users (uuid user ids, with milestones)';

CREATE AGGREGATE sum.account_rollup(user_id text, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, as_of timestamptz) (
	SFUNC = sum.account_rollup_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup(text, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'summary of an account''s users (text user ids)';

CREATE AGGREGATE sum.account_rollup(user_id bigint, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, as_of timestamptz) (
	SFUNC = sum.account_rollup_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup(bigint, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'summary of an account''s users (bigint user ids)';

CREATE AGGREGATE sum.account_rollup(user_id uuid, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, as_of timestamptz) (
	SFUNC = sum.account_rollup_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup(uuid, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'summary of an account''s users (uuid user ids)';

CREATE AGGREGATE sum.account_rollup_state(user_id text, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, milestones text[], as_of timestamptz) (
	SFUNC = sum.account_rollup_state_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_state_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup_state(text, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'mergeable state of an account''s users (text user ids, with milestones)';

CREATE AGGREGATE sum.account_rollup_state(user_id bigint, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, milestones text[], as_of timestamptz) (
	SFUNC = sum.account_rollup_state_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_state_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup_state(bigint, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'mergeable state of an account''s users (bigint user ids, with milestones)';

CREATE AGGREGATE sum.account_rollup_state(user_id uuid, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, milestones text[], as_of timestamptz) (
	SFUNC = sum.account_rollup_state_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_state_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup_state(uuid, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, text[], timestamptz) IS
	'mergeable state of an account''s users (uuid user ids, with milestones)';

CREATE AGGREGATE sum.account_rollup_state(user_id text, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, as_of timestamptz) (
	SFUNC = sum.account_rollup_state_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_state_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup_state(text, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'mergeable state of an account''s users (text user ids)';

CREATE AGGREGATE sum.account_rollup_state(user_id bigint, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, as_of timestamptz) (
	SFUNC = sum.account_rollup_state_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_state_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup_state(bigint, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'mergeable state of an account''s users (bigint user ids)';

CREATE AGGREGATE sum.account_rollup_state(user_id uuid, job_function sum.job_function, seniority sum.seniority,
		buying_role sum.buying_role, stage sum.lifecycle_stage, signed_up_at timestamptz,
		last_activity_at timestamptz, recent_activity bigint, as_of timestamptz) (
	SFUNC = sum.account_rollup_state_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_state_final,
	COMBINEFUNC = sum.account_rollup_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup_state(uuid, sum.job_function, sum.seniority, sum.buying_role,
		sum.lifecycle_stage, timestamptz, timestamptz, bigint, timestamptz) IS
	'mergeable state of an account''s users (uuid user ids)';

/*
 * sum.account_rollup_merge(state): merge stored states of one account into
 * one, at the latest as_of among them (older states' windows are evaluated
 * from their hourly activity history).
 */
CREATE AGGREGATE sum.account_rollup_merge(state sum.account_state) (
	SFUNC = sum.account_rollup_merge_accum,
	STYPE = internal,
	SSPACE = 400,
	FINALFUNC = sum.account_rollup_state_final,
	COMBINEFUNC = sum.account_rollup_merge_combine,
	SERIALFUNC = sum.account_rollup_serialize,
	DESERIALFUNC = sum.account_rollup_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.account_rollup_merge(sum.account_state) IS
	'merge stored account states into one, at the latest as_of';

CREATE FUNCTION sum.account_state_merge(a sum.account_state, b sum.account_state)
	RETURNS sum.account_state
	AS 'MODULE_PATHNAME', 'sum_account_state_merge'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULL is the empty state
COMMENT ON FUNCTION sum.account_state_merge(sum.account_state, sum.account_state) IS
	'merge two stored account states, at the later as_of; NULL is the empty state';

CREATE FUNCTION sum.account_summary(state sum.account_state) RETURNS sum.account_summary
	AS 'MODULE_PATHNAME', 'sum_account_summary'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_summary(sum.account_state) IS
	'summary of a stored account state at its own as_of';

CREATE FUNCTION sum.account_summary(state sum.account_state, as_of timestamptz)
	RETURNS sum.account_summary
	AS 'MODULE_PATHNAME', 'sum_account_summary'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.account_summary(sum.account_state, timestamptz) IS
	'summary of a stored account state at as_of (its own or later)';

/*
 * ICP fit.  sum.icp_rules holds rules over account attributes with points;
 * sum.fit(account jsonb) adds up the points of the rules that match and
 * maps the score to a tier with the fit.tier_* settings.
 */
CREATE TYPE sum.fit_tier AS ENUM ('D', 'C', 'B', 'A');
COMMENT ON TYPE sum.fit_tier IS
	'ICP fit tier, best last so that max() and >= work: D < C < B < A';

CREATE TYPE sum.fit_result AS (
	score integer,
	tier sum.fit_tier,
	matched_rules text[]
);
COMMENT ON TYPE sum.fit_result IS
	'ICP fit of an account: score, tier and the names of the rules that matched';

INSERT INTO sum.setting_defaults (name, value, value_type, min_value, max_value, description) VALUES
	('fit.tier_a', '70', 'integer', -100000, 100000,
	 'minimum ICP fit score of tier A (must be >= fit.tier_b)'),
	('fit.tier_b', '45', 'integer', -100000, 100000,
	 'minimum ICP fit score of tier B (must be >= fit.tier_c)'),
	('fit.tier_c', '20', 'integer', -100000, 100000,
	 'minimum ICP fit score of tier C; lower scores are tier D');

/*
 * Rules.  Shipped rows (source 'shipped') come with the extension and are
 * read-only; a user row with the same name overrides one (enabled = false
 * switches it off).  pg_dump keeps the user rows only, so a restore does
 * not collide with the shipped rows CREATE EXTENSION inserts.
 */
CREATE TABLE sum.icp_rules (
	name text NOT NULL,
	source text NOT NULL DEFAULT 'user',
	attribute text NOT NULL,
	operator text NOT NULL,
	value jsonb,
	points integer NOT NULL,
	enabled boolean NOT NULL DEFAULT true,
	description text,
	updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (name, source)
);
COMMENT ON TABLE sum.icp_rules IS
	'ICP fit rules: attribute, operator, value, points; user rows override shipped rows by name';
SELECT pg_catalog.pg_extension_config_dump('sum.icp_rules', 'WHERE source <> ''shipped''');

/* An example rule set for a B2B SaaS product; see the README */
INSERT INTO sum.icp_rules (name, source, attribute, operator, value, points, description) VALUES
	('employees_mid_market', 'shipped', 'employees', 'between', '[50, 999]', 25,
	 'mid-market companies buy and expand fastest'),
	('employees_enterprise', 'shipped', 'employees', 'gte', '1000', 15,
	 'enterprises buy, slowly'),
	('employees_micro', 'shipped', 'employees', 'between', '[null, 9]', -15,
	 'fewer than ten people rarely pay for a team plan'),
	('industry_core', 'shipped', 'industry', 'in',
	 '["software", "computer software", "internet", "saas", "information technology", "information technology and services", "financial services", "fintech", "marketing and advertising", "e-commerce"]',
	 20, 'industries that convert best'),
	('industry_poor_fit', 'shipped', 'industry', 'in',
	 '["education", "higher education", "government", "government administration", "non-profit", "nonprofit organization management"]',
	 -20, 'long procurement, small budgets'),
	('country_core', 'shipped', 'country', 'in',
	 '["US", "CA", "GB", "IE", "DE", "AT", "CH", "FR", "NL", "BE", "SE", "DK", "NO", "FI", "AU", "NZ"]',
	 15, 'markets with sales coverage (ISO 3166-1 alpha-2)'),
	('revenue_fit', 'shipped', 'annual_revenue', 'between', '[10000000, 1000000000]', 20,
	 'annual revenue between 10 M and 1 B'),
	('tech_stack', 'shipped', 'technologies', 'in',
	 '["salesforce", "hubspot", "segment", "snowflake", "marketo", "intercom", "zendesk"]',
	 15, 'uses a tool we integrate with');

CREATE FUNCTION sum.icp_rule_check(name text, attribute text, operator text, value jsonb,
		points integer) RETURNS void
	AS 'MODULE_PATHNAME', 'sum_icp_rule_check'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	-- not strict: NULLs get a clear error
COMMENT ON FUNCTION sum.icp_rule_check(text, text, text, jsonb, integer) IS
	'raise invalid_parameter_value unless an ICP rule is valid';

/*
 * Validate writes; shipped rows are read-only.  The trigger is created after
 * the shipped rows are inserted; an update script that changes shipped rows
 * must disable it while it does.
 */
CREATE FUNCTION sum.icp_rules_write() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.source = 'shipped' THEN
		RAISE EXCEPTION 'cannot change shipped ICP rule "%"', OLD.name
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Insert a rule with the same name (source ''user'') to override it, with enabled = false to switch it off.';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	IF NEW.source IS DISTINCT FROM 'user' THEN
		RAISE EXCEPTION 'invalid source for ICP rule "%": "%"', NEW.name, NEW.source
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'Rules you write have source ''user''; ''shipped'' is reserved for rules that come with the extension.';
	END IF;
	PERFORM sum.icp_rule_check(NEW.name, NEW.attribute, NEW.operator, NEW.value, NEW.points);
	NEW.updated_at := now();
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION sum.icp_rules_write() IS
	'trigger: validate a write to sum.icp_rules; shipped rows are read-only';

CREATE TRIGGER icp_rules_write BEFORE INSERT OR UPDATE OR DELETE
	ON sum.icp_rules FOR EACH ROW EXECUTE FUNCTION sum.icp_rules_write();
CREATE TRIGGER config_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON sum.icp_rules FOR EACH STATEMENT EXECUTE FUNCTION sum.config_changed();

/*
 * sum.fit(account jsonb): score, tier and matched rules of an account whose
 * attributes are the keys of a JSON object (to_jsonb(row) of the data
 * team's mapping).  STABLE: it reads sum.icp_rules and sum.settings
 * (through a per-backend cache rebuilt when either changes).
 */
CREATE FUNCTION sum.fit(account jsonb) RETURNS sum.fit_result
	AS 'MODULE_PATHNAME', 'sum_fit'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.fit(jsonb) IS
	'ICP fit of an account (jsonb of its attributes): score, tier, matched rules';

/* ==========================================================================
 * Pipeline: inputs, refresh, handoff queue, nurture triggers, BI (issue 7)
 * ========================================================================== */
