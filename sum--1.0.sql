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

/*
 * String similarity over Unicode code points (never bytes), with no length
 * limit, named as in DuckDB so that record-linkage tools written for it
 * (Splink) find them.  All exact: no case or accent folding; fold first
 * (sum.company_key) where that is wanted.
 */
CREATE FUNCTION sum.levenshtein(a text, b text) RETURNS integer
	AS 'MODULE_PATHNAME', 'sum_levenshtein'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.levenshtein(text, text) IS
	'edit distance (insert, delete, substitute) over code points, no length limit';

CREATE FUNCTION sum.levenshtein(a text, b text, max_distance integer) RETURNS integer
	AS 'MODULE_PATHNAME', 'sum_levenshtein_bounded'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.levenshtein(text, text, integer) IS
	'edit distance when it is at most max_distance, else exactly max_distance + 1; faster for small bounds';

CREATE FUNCTION sum.damerau_levenshtein(a text, b text) RETURNS integer
	AS 'MODULE_PATHNAME', 'sum_damerau_levenshtein'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.damerau_levenshtein(text, text) IS
	'unrestricted Damerau-Levenshtein distance (transpositions of adjacent characters, later edits allowed), as DuckDB and jellyfish';

CREATE FUNCTION sum.jaro_similarity(a text, b text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sum_jaro_similarity'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.jaro_similarity(text, text) IS
	'Jaro similarity 0..1 over code points; 0 when either string is empty (jellyfish, DuckDB)';

CREATE FUNCTION sum.jaro_winkler_similarity(a text, b text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sum_jaro_winkler_similarity'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.jaro_winkler_similarity(text, text) IS
	'Jaro-Winkler similarity 0..1: prefix scale 0.1, prefix up to 4, boost only above Jaro 0.7; 0 when either string is empty';

CREATE FUNCTION sum.jaccard(a text, b text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sum_jaccard'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.jaccard(text, text) IS
	'Jaccard similarity of the sets of characters (as DuckDB, but over code points); 1 for two empty strings';

CREATE FUNCTION sum.jaccard(a text, b text, q integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sum_jaccard_q'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.jaccard(text, text, integer) IS
	'Jaccard similarity of the sets of character q-grams (q 1..64, no padding; a shorter string is its own gram)';

CREATE FUNCTION sum.token_set_similarity(a text, b text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sum_token_set_similarity'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.token_set_similarity(text, text) IS
	'word-order independent similarity 0..1: rapidfuzz token_set_ratio / 100 over white-space separated words';

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

/* ==========================================================================
 * Pipeline: inputs, refresh, handoff queue, nurture triggers, BI (issue 7)
 * ========================================================================== */
