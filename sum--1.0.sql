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
			'interval', 'relation', 'text[]', 'timezone'])),
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
-- C code reads settings with the caller's rights: every role may read them
GRANT SELECT ON sum.settings TO PUBLIC;
/* the write trigger checks values against the defaults with the writer's rights */
GRANT SELECT ON sum.setting_defaults TO PUBLIC;

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
		/* NULL means "not set": only for settings that ship unset */
		IF def.value IS NOT NULL THEN
			RAISE EXCEPTION 'setting "%" cannot be null', name
				USING ERRCODE = 'null_value_not_allowed',
					  HINT = 'Delete the row from sum.settings to go back to the default.';
		END IF;
		RETURN;
	END IF;
	BEGIN
		CASE def.value_type
			WHEN 'timezone' THEN PERFORM pg_catalog.timezone(value, pg_catalog.now());
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
	IF def.value_type = 'text[]' AND def.allowed_values IS NOT NULL THEN
		/* a list: every element one of the allowed ones */
		IF EXISTS (SELECT 1 FROM pg_catalog.unnest(value::pg_catalog.text[]) e
					WHERE e IS NULL OR NOT e = ANY (def.allowed_values)) THEN
			RAISE EXCEPTION 'invalid value for setting "%": "%"', name, value
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = pg_catalog.format('Allowed elements are: %s.',
												 pg_catalog.array_to_string(def.allowed_values, ', '));
		END IF;
	ELSIF def.allowed_values IS NOT NULL AND NOT value = ANY (def.allowed_values) THEN
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
/*
 * Personal mailbox services the npm snapshot lacks (free-email-domains
 * 1.12.6): their addresses are people's own, never a company's.  Among them
 * mailbox.org, whose addresses sum.email_normalize already knows.  A later
 * snapshot that lists one keeps its single row.
 */
INSERT INTO sum.freemail_domains (domain, source)
	SELECT d, 'shipped'
	  FROM unnest(ARRAY['disroot.org', 'email.de', 'hey.com', 'keemail.me', 'kolabnow.com', 'mailbox.org',
						'murena.io', 'riseup.net', 'startmail.com', 'sympatico.ca', 'telus.net', 'tuta.com',
						'tutamail.com', 'tutanota.com']) AS d
	ON CONFLICT DO NOTHING;

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

/*
 * Company keys.  sum.legal_forms holds the legal forms that company_key
 * removes: shipped rows for several hundred forms across countries, and
 * user rows, which win over shipped rows of the same normalized form (a
 * user row with remove = false switches a shipped form off).  pg_dump
 * keeps the user rows; CREATE EXTENSION brings the shipped ones.
 */
CREATE FUNCTION sum.legal_form_key(form text) RETURNS text
	AS 'MODULE_PATHNAME', 'sum_legal_form_key'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.legal_form_key(text) IS
	'normalized key of a legal form as company_key compares it ("Sp. z o.o." -> "spzoo"); NULL when unusable';

CREATE TABLE sum.legal_forms (
	form text NOT NULL
		CHECK (pg_catalog.length(form) OPERATOR(pg_catalog.<=) 200),
	form_key text NOT NULL,
	position text NOT NULL DEFAULT 'suffix'
		CHECK (position OPERATOR(pg_catalog.=) ANY (ARRAY['suffix', 'prefix', 'either'])),
	country text
		CHECK (country OPERATOR(pg_catalog.~) '^[A-Z]{2}$'),
	remove boolean NOT NULL DEFAULT true,
	source text NOT NULL DEFAULT 'user'
		CHECK (source OPERATOR(pg_catalog.=) ANY (ARRAY['shipped', 'user'])),
	description text,
	updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	UNIQUE NULLS NOT DISTINCT (source, form, position, country)
);
COMMENT ON TABLE sum.legal_forms IS
	'legal forms removed by company_key (suffix at the end, prefix at the start); user rows win over shipped rows';
CREATE INDEX legal_forms_form_key ON sum.legal_forms (form_key);
COMMENT ON INDEX sum.legal_forms_form_key IS
	'finds the rows of one normalized form, for user rows overriding shipped ones';

/*
 * sum.legal_forms_check(): compute form_key and refuse forms the matcher
 * cannot use (no letters or digits, more than 8 words, key over 64 bytes).
 */
CREATE FUNCTION sum.legal_forms_check() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	NEW.form_key := sum.legal_form_key(NEW.form);
	IF NEW.form_key IS NULL THEN
		RAISE EXCEPTION 'invalid legal form: "%"', NEW.form
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'A legal form needs letters or digits, at most 8 words and at most 64 characters once normalized.';
	END IF;
	NEW.updated_at := now();
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION sum.legal_forms_check() IS
	'trigger: normalize and validate a row of sum.legal_forms';

CREATE TRIGGER legal_forms_check BEFORE INSERT OR UPDATE ON sum.legal_forms
	FOR EACH ROW EXECUTE FUNCTION sum.legal_forms_check();
COMMENT ON TRIGGER legal_forms_check ON sum.legal_forms IS
	'normalizes form into form_key and refuses unusable forms';
CREATE TRIGGER config_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON sum.legal_forms FOR EACH STATEMENT EXECUTE FUNCTION sum.config_changed();

INSERT INTO sum.legal_forms (form, position, country, description, source)
SELECT f.form, f.position, f.country, f.description, 'shipped' FROM (VALUES
	('Inc', 'suffix', 'US', 'Incorporated'),
	('Inc.', 'suffix', 'US', 'Incorporated'),
	('Incorporated', 'suffix', 'US', 'Incorporated'),
	('Corp', 'suffix', 'US', 'Corporation'),
	('Corporation', 'suffix', 'US', 'Corporation'),
	('Co', 'suffix', NULL, 'Company'),
	('Company', 'suffix', NULL, 'Company'),
	('Co Inc', 'suffix', 'US', 'Company, Incorporated'),
	('Co Ltd', 'suffix', NULL, 'Company Limited'),
	('Co., Ltd.', 'suffix', NULL, 'Company Limited'),
	('Company Limited', 'suffix', NULL, 'Company Limited'),
	('LLC', 'suffix', 'US', 'Limited Liability Company'),
	('L.L.C.', 'suffix', 'US', 'Limited Liability Company'),
	('Limited Liability Company', 'suffix', 'US', 'Limited Liability Company'),
	('PLLC', 'suffix', 'US', 'Professional LLC'),
	('LLP', 'suffix', NULL, 'Limited Liability Partnership'),
	('Limited Liability Partnership', 'suffix', NULL, 'Limited Liability Partnership'),
	('LP', 'suffix', NULL, 'Limited Partnership'),
	('Limited Partnership', 'suffix', NULL, 'Limited Partnership'),
	('LLLP', 'suffix', 'US', 'Limited Liability Limited Partnership'),
	('PC', 'suffix', 'US', 'Professional Corporation'),
	('P.C.', 'suffix', 'US', 'Professional Corporation'),
	('PA', 'suffix', 'US', 'Professional Association'),
	('Ltd', 'suffix', NULL, 'Limited'),
	('Ltd.', 'suffix', NULL, 'Limited'),
	('Limited', 'suffix', NULL, 'Limited'),
	('PLC', 'suffix', 'GB', 'Public Limited Company'),
	('Public Limited Company', 'suffix', 'GB', 'Public Limited Company'),
	('CIC', 'suffix', 'GB', 'Community Interest Company'),
	('LTD.', 'suffix', NULL, 'Limited'),
	('Pty Ltd', 'suffix', 'AU', 'Proprietary Limited'),
	('Pty. Ltd.', 'suffix', 'AU', 'Proprietary Limited'),
	('Pty', 'suffix', 'AU', 'Proprietary'),
	('Proprietary Limited', 'suffix', 'AU', 'Proprietary Limited'),
	('Pty Limited', 'suffix', 'AU', 'Proprietary Limited'),
	('Pvt Ltd', 'suffix', 'IN', 'Private Limited'),
	('Pvt. Ltd.', 'suffix', 'IN', 'Private Limited'),
	('Private Limited', 'suffix', 'IN', 'Private Limited'),
	('Pvt', 'suffix', 'IN', 'Private'),
	('Pte Ltd', 'suffix', 'SG', 'Private Limited'),
	('Pte. Ltd.', 'suffix', 'SG', 'Private Limited'),
	('Pte', 'suffix', 'SG', 'Private'),
	('Sdn Bhd', 'suffix', 'MY', 'Sendirian Berhad'),
	('Sdn. Bhd.', 'suffix', 'MY', 'Sendirian Berhad'),
	('Bhd', 'suffix', 'MY', 'Berhad'),
	('Berhad', 'suffix', 'MY', 'Berhad'),
	('ULC', 'suffix', 'CA', 'Unlimited Liability Company'),
	('Ltée', 'suffix', 'CA', 'Limitée'),
	('Limitée', 'suffix', 'CA', 'Limitée'),
	('Incorporée', 'suffix', 'CA', 'Incorporée'),
	('DAC', 'suffix', 'IE', 'Designated Activity Company'),
	('UC', 'suffix', 'IE', 'Unlimited Company'),
	('Unlimited', 'suffix', 'GB', 'Unlimited company'),
	('LC', 'suffix', 'US', 'Limited Company'),
	('Ltd Co', 'suffix', 'US', 'Limited Company'),
	('GmbH', 'suffix', 'DE', 'Gesellschaft mit beschränkter Haftung'),
	('G.m.b.H.', 'suffix', 'DE', 'GmbH'),
	('Gesellschaft mit beschränkter Haftung', 'suffix', 'DE', 'GmbH'),
	('gGmbH', 'suffix', 'DE', 'gemeinnützige GmbH'),
	('mbH', 'suffix', 'DE', 'mit beschränkter Haftung'),
	('AG', 'suffix', 'DE', 'Aktiengesellschaft'),
	('Aktiengesellschaft', 'suffix', 'DE', 'AG'),
	('KG', 'suffix', 'DE', 'Kommanditgesellschaft'),
	('Kommanditgesellschaft', 'suffix', 'DE', 'KG'),
	('KGaA', 'suffix', 'DE', 'Kommanditgesellschaft auf Aktien'),
	('GmbH & Co. KG', 'suffix', 'DE', 'GmbH & Co. KG'),
	('GmbH & Co KG', 'suffix', 'DE', 'GmbH & Co. KG'),
	('GmbH & Co. KGaA', 'suffix', 'DE', 'GmbH & Co. KGaA'),
	('AG & Co. KG', 'suffix', 'DE', 'AG & Co. KG'),
	('AG & Co. KGaA', 'suffix', 'DE', 'AG & Co. KGaA'),
	('SE & Co. KGaA', 'suffix', 'DE', 'SE & Co. KGaA'),
	('Co. KG', 'suffix', 'DE', '& Co. KG'),
	('OHG', 'suffix', 'DE', 'Offene Handelsgesellschaft'),
	('oHG', 'suffix', 'DE', 'OHG'),
	('GbR', 'suffix', 'DE', 'Gesellschaft bürgerlichen Rechts'),
	('UG', 'suffix', 'DE', 'Unternehmergesellschaft'),
	('UG (haftungsbeschränkt)', 'suffix', 'DE', 'Unternehmergesellschaft'),
	('UG haftungsbeschränkt', 'suffix', 'DE', 'UG'),
	('e.K.', 'suffix', 'DE', 'eingetragener Kaufmann'),
	('e.Kfm.', 'suffix', 'DE', 'eingetragener Kaufmann'),
	('e.Kfr.', 'suffix', 'DE', 'eingetragene Kauffrau'),
	('e.V.', 'suffix', 'DE', 'eingetragener Verein'),
	('eG', 'suffix', 'DE', 'eingetragene Genossenschaft'),
	('PartG', 'suffix', 'DE', 'Partnerschaftsgesellschaft'),
	('PartG mbB', 'suffix', 'DE', 'Partnerschaftsgesellschaft mbB'),
	('Ges.m.b.H.', 'suffix', 'AT', 'GmbH'),
	('GesmbH', 'suffix', 'AT', 'GmbH'),
	('Ges.mbH', 'suffix', 'AT', 'GmbH'),
	('OG', 'suffix', 'AT', 'Offene Gesellschaft'),
	('KEG', 'suffix', 'AT', 'Kommandit-Erwerbsgesellschaft'),
	('Sàrl', 'suffix', 'CH', 'Société à responsabilité limitée'),
	('SA', 'suffix', 'FR', 'Société anonyme'),
	('S.A.', 'suffix', 'FR', 'Société anonyme'),
	('Société anonyme', 'suffix', 'FR', 'SA'),
	('SAS', 'suffix', 'FR', 'Société par actions simplifiée'),
	('S.A.S.', 'suffix', 'FR', 'SAS'),
	('SASU', 'suffix', 'FR', 'SAS unipersonnelle'),
	('Société par actions simplifiée', 'suffix', 'FR', 'SAS'),
	('SARL', 'suffix', 'FR', 'Société à responsabilité limitée'),
	('S.A.R.L.', 'suffix', 'FR', 'SARL'),
	('S.à r.l.', 'suffix', 'LU', 'SARL'),
	('Société à responsabilité limitée', 'suffix', 'FR', 'SARL'),
	('EURL', 'suffix', 'FR', 'Entreprise unipersonnelle à responsabilité limitée'),
	('SNC', 'suffix', 'FR', 'Société en nom collectif'),
	('SCS', 'suffix', 'FR', 'Société en commandite simple'),
	('SCA', 'suffix', 'FR', 'Société en commandite par actions'),
	('SCOP', 'suffix', 'FR', 'Société coopérative de production'),
	('SCI', 'suffix', 'FR', 'Société civile immobilière'),
	('SEL', 'suffix', 'FR', 'Société d''exercice libéral'),
	('SELARL', 'suffix', 'FR', 'SEL à responsabilité limitée'),
	('SCP', 'suffix', 'FR', 'Société civile professionnelle'),
	('SEM', 'suffix', 'FR', 'Société d''économie mixte'),
	('GIE', 'suffix', 'FR', 'Groupement d''intérêt économique'),
	('SPRL', 'suffix', 'BE', 'Société privée à responsabilité limitée'),
	('SRL', 'suffix', 'BE', 'Société à responsabilité limitée'),
	('SC', 'suffix', 'BE', 'Société coopérative'),
	('SCRL', 'suffix', 'BE', 'Société coopérative à responsabilité limitée'),
	('ASBL', 'suffix', 'BE', 'Association sans but lucratif'),
	('SE', 'suffix', 'EU', 'Societas Europaea'),
	('S.E.', 'suffix', 'EU', 'Societas Europaea'),
	('Societas Europaea', 'suffix', 'EU', 'SE'),
	('SCE', 'suffix', 'EU', 'Societas Cooperativa Europaea'),
	('EEIG', 'suffix', 'EU', 'European Economic Interest Grouping'),
	('EWIV', 'suffix', 'EU', 'Europäische wirtschaftliche Interessenvereinigung'),
	('B.V.', 'suffix', 'NL', 'Besloten vennootschap'),
	('BV', 'suffix', 'NL', 'Besloten vennootschap'),
	('Besloten Vennootschap', 'suffix', 'NL', 'BV'),
	('N.V.', 'suffix', 'NL', 'Naamloze vennootschap'),
	('NV', 'suffix', 'NL', 'Naamloze vennootschap'),
	('Naamloze Vennootschap', 'suffix', 'NL', 'NV'),
	('V.O.F.', 'suffix', 'NL', 'Vennootschap onder firma'),
	('VOF', 'suffix', 'NL', 'Vennootschap onder firma'),
	('C.V.', 'suffix', 'NL', 'Commanditaire vennootschap'),
	('B.V.B.A.', 'suffix', 'BE', 'Besloten vennootschap met beperkte aansprakelijkheid'),
	('BVBA', 'suffix', 'BE', 'BVBA'),
	('CVBA', 'suffix', 'BE', 'Coöperatieve vennootschap met beperkte aansprakelijkheid'),
	('Stichting', 'prefix', 'NL', 'Stichting (foundation)'),
	('U.A.', 'suffix', 'NL', 'Uitgesloten aansprakelijkheid'),
	('S.p.A.', 'suffix', 'IT', 'Società per azioni'),
	('SpA', 'suffix', 'IT', 'Società per azioni'),
	('Società per azioni', 'suffix', 'IT', 'SpA'),
	('S.r.l.', 'suffix', 'IT', 'Società a responsabilità limitata'),
	('Srl', 'suffix', 'IT', 'Società a responsabilità limitata'),
	('S.r.l.s.', 'suffix', 'IT', 'Srl semplificata'),
	('Srls', 'suffix', 'IT', 'Srl semplificata'),
	('Società a responsabilità limitata', 'suffix', 'IT', 'Srl'),
	('S.a.s.', 'suffix', 'IT', 'Società in accomandita semplice'),
	('S.n.c.', 'suffix', 'IT', 'Società in nome collettivo'),
	('S.a.p.a.', 'suffix', 'IT', 'Società in accomandita per azioni'),
	('S.c.a.r.l.', 'suffix', 'IT', 'Società cooperativa a responsabilità limitata'),
	('Scarl', 'suffix', 'IT', 'Scarl'),
	('S.c.p.a.', 'suffix', 'IT', 'Società cooperativa per azioni'),
	('Onlus', 'suffix', 'IT', 'Organizzazione non lucrativa'),
	('S.L.', 'suffix', 'ES', 'Sociedad limitada'),
	('SL', 'suffix', 'ES', 'Sociedad limitada'),
	('Sociedad Limitada', 'suffix', 'ES', 'SL'),
	('S.L.U.', 'suffix', 'ES', 'Sociedad limitada unipersonal'),
	('SLU', 'suffix', 'ES', 'SLU'),
	('S.L.L.', 'suffix', 'ES', 'Sociedad limitada laboral'),
	('S.L.N.E.', 'suffix', 'ES', 'Sociedad limitada nueva empresa'),
	('S.A.U.', 'suffix', 'ES', 'Sociedad anónima unipersonal'),
	('SAU', 'suffix', 'ES', 'SAU'),
	('Sociedad Anónima', 'suffix', 'ES', 'SA'),
	('S.Coop.', 'suffix', 'ES', 'Sociedad cooperativa'),
	('S.C.', 'suffix', 'MX', 'Sociedad civil'),
	('S.A. de C.V.', 'suffix', 'MX', 'Sociedad anónima de capital variable'),
	('SA de CV', 'suffix', 'MX', 'SA de CV'),
	('S. de R.L.', 'suffix', 'MX', 'Sociedad de responsabilidad limitada'),
	('S. de R.L. de C.V.', 'suffix', 'MX', 'S de RL de CV'),
	('S.A.P.I. de C.V.', 'suffix', 'MX', 'Sociedad anónima promotora de inversión de CV'),
	('SAPI de CV', 'suffix', 'MX', 'SAPI de CV'),
	('S.A.B. de C.V.', 'suffix', 'MX', 'Sociedad anónima bursátil de CV'),
	('S.A.S. de C.V.', 'suffix', 'MX', 'SAS de CV'),
	('S.R.L.', 'suffix', 'AR', 'Sociedad de responsabilidad limitada'),
	('S.A.C.', 'suffix', 'PE', 'Sociedad anónima cerrada'),
	('SAC', 'suffix', 'PE', 'SAC'),
	('S.A.A.', 'suffix', 'PE', 'Sociedad anónima abierta'),
	('E.I.R.L.', 'suffix', 'PE', 'Empresa individual de responsabilidad limitada'),
	('EIRL', 'suffix', 'PE', 'EIRL'),
	('S.A.I.C.', 'suffix', 'AR', 'Sociedad anónima industrial y comercial'),
	('SAIC', 'suffix', 'AR', 'SAIC'),
	('Ltda', 'suffix', 'CO', 'Limitada'),
	('Ltda.', 'suffix', 'BR', 'Limitada'),
	('Limitada', 'suffix', 'BR', 'Limitada'),
	('S.A.S.', 'suffix', 'CO', 'Sociedad por acciones simplificada'),
	('SpA', 'suffix', 'CL', 'Sociedad por acciones'),
	('C.A.', 'suffix', 'VE', 'Compañía anónima'),
	('Cía', 'suffix', 'ES', 'Compañía'),
	('Cia', 'suffix', 'BR', 'Companhia'),
	('Lda', 'suffix', 'PT', 'Limitada'),
	('Lda.', 'suffix', 'PT', 'Limitada'),
	('Unipessoal Lda', 'suffix', 'PT', 'Unipessoal Limitada'),
	('S.A.', 'suffix', 'PT', 'Sociedade anónima'),
	('Sociedade Anónima', 'suffix', 'PT', 'SA'),
	('Sociedade Anônima', 'suffix', 'BR', 'SA'),
	('EPP', 'suffix', 'BR', 'Empresa de pequeno porte'),
	('EIRELI', 'suffix', 'BR', 'Empresa individual de responsabilidade limitada'),
	('MEI', 'suffix', 'BR', 'Microempreendedor individual'),
	('Ltda ME', 'suffix', 'BR', 'Limitada Microempresa'),
	('Ltda EPP', 'suffix', 'BR', 'Limitada EPP'),
	('S/A', 'suffix', 'BR', 'Sociedade anônima'),
	('Cia Ltda', 'suffix', 'BR', 'Companhia Limitada'),
	('AB', 'suffix', 'SE', 'Aktiebolag'),
	('Aktiebolag', 'suffix', 'SE', 'AB'),
	('AB (publ)', 'suffix', 'SE', 'Publikt aktiebolag'),
	('publ', 'suffix', 'SE', 'publikt'),
	('HB', 'suffix', 'SE', 'Handelsbolag'),
	('KB', 'suffix', 'SE', 'Kommanditbolag'),
	('Ek. för.', 'suffix', 'SE', 'Ekonomisk förening'),
	('AS', 'suffix', 'NO', 'Aksjeselskap'),
	('A/S', 'suffix', 'DK', 'Aktieselskab'),
	('ASA', 'suffix', 'NO', 'Allmennaksjeselskap'),
	('Aksjeselskap', 'suffix', 'NO', 'AS'),
	('Aktieselskab', 'suffix', 'DK', 'A/S'),
	('ApS', 'suffix', 'DK', 'Anpartsselskab'),
	('Anpartsselskab', 'suffix', 'DK', 'ApS'),
	('IVS', 'suffix', 'DK', 'Iværksætterselskab'),
	('I/S', 'suffix', 'DK', 'Interessentskab'),
	('K/S', 'suffix', 'DK', 'Kommanditselskab'),
	('P/S', 'suffix', 'DK', 'Partnerselskab'),
	('SA', 'suffix', 'NO', 'Samvirkeforetak'),
	('DA', 'suffix', 'NO', 'Selskap med delt ansvar'),
	('ANS', 'suffix', 'NO', 'Ansvarlig selskap'),
	('Oy', 'suffix', 'FI', 'Osakeyhtiö'),
	('Oyj', 'suffix', 'FI', 'Julkinen osakeyhtiö'),
	('Osakeyhtiö', 'suffix', 'FI', 'Oy'),
	('Ky', 'suffix', 'FI', 'Kommandiittiyhtiö'),
	('Ay', 'suffix', 'FI', 'Avoin yhtiö'),
	('Osk', 'suffix', 'FI', 'Osuuskunta'),
	('Ab Oy', 'suffix', 'FI', 'Aktiebolag / Osakeyhtiö'),
	('Oy Ab', 'suffix', 'FI', 'Osakeyhtiö / Aktiebolag'),
	('ehf', 'suffix', 'IS', 'Einkahlutafélag'),
	('ehf.', 'suffix', 'IS', 'ehf'),
	('hf', 'suffix', 'IS', 'Hlutafélag'),
	('slf', 'suffix', 'IS', 'Samlagsfélag'),
	('AS', 'suffix', 'EE', 'Aktsiaselts'),
	('OÜ', 'suffix', 'EE', 'Osaühing'),
	('OU', 'suffix', 'EE', 'Osaühing'),
	('MTÜ', 'suffix', 'EE', 'Mittetulundusühing'),
	('SIA', 'suffix', 'LV', 'Sabiedrība ar ierobežotu atbildību'),
	('AS', 'suffix', 'LV', 'Akciju sabiedrība'),
	('UAB', 'either', 'LT', 'Uždaroji akcinė bendrovė'),
	('AB', 'suffix', 'LT', 'Akcinė bendrovė'),
	('MB', 'suffix', 'LT', 'Mažoji bendrija'),
	('VšĮ', 'suffix', 'LT', 'Viešoji įstaiga'),
	('Sp. z o.o.', 'suffix', 'PL', 'Spółka z ograniczoną odpowiedzialnością'),
	('Sp. z o. o.', 'suffix', 'PL', 'Sp. z o.o.'),
	('spółka z o.o.', 'suffix', 'PL', 'Sp. z o.o.'),
	('Spółka z ograniczoną odpowiedzialnością', 'suffix', 'PL', 'Sp. z o.o.'),
	('S.A.', 'suffix', 'PL', 'Spółka akcyjna'),
	('Spółka Akcyjna', 'suffix', 'PL', 'SA'),
	('Sp. j.', 'suffix', 'PL', 'Spółka jawna'),
	('Sp.k.', 'suffix', 'PL', 'Spółka komandytowa'),
	('Sp. k.', 'suffix', 'PL', 'Spółka komandytowa'),
	('S.K.A.', 'suffix', 'PL', 'Spółka komandytowo-akcyjna'),
	('Sp. p.', 'suffix', 'PL', 'Spółka partnerska'),
	('Sp. z o.o. Sp.k.', 'suffix', 'PL', 'Sp. z o.o. sp.k.'),
	('s.r.o.', 'suffix', 'CZ', 'Společnost s ručením omezeným'),
	('spol. s r.o.', 'suffix', 'CZ', 's.r.o.'),
	('a.s.', 'suffix', 'CZ', 'Akciová společnost'),
	('v.o.s.', 'suffix', 'CZ', 'Veřejná obchodní společnost'),
	('k.s.', 'suffix', 'CZ', 'Komanditní společnost'),
	('z.s.', 'suffix', 'CZ', 'Zapsaný spolek'),
	('Kft.', 'suffix', 'HU', 'Korlátolt felelősségű társaság'),
	('Kft', 'suffix', 'HU', 'Kft'),
	('Zrt.', 'suffix', 'HU', 'Zártkörűen működő részvénytársaság'),
	('Zrt', 'suffix', 'HU', 'Zrt'),
	('Nyrt.', 'suffix', 'HU', 'Nyilvánosan működő részvénytársaság'),
	('Nyrt', 'suffix', 'HU', 'Nyrt'),
	('Bt.', 'suffix', 'HU', 'Betéti társaság'),
	('Kkt.', 'suffix', 'HU', 'Közkereseti társaság'),
	('Rt.', 'suffix', 'HU', 'Részvénytársaság'),
	('d.o.o.', 'suffix', 'SI', 'Družba z omejeno odgovornostjo'),
	('d.d.', 'suffix', 'SI', 'Delniška družba'),
	('d.n.o.', 'suffix', 'SI', 'Družba z neomejeno odgovornostjo'),
	('k.d.', 'suffix', 'SI', 'Komanditna družba'),
	('s.p.', 'suffix', 'SI', 'Samostojni podjetnik'),
	('j.d.o.o.', 'suffix', 'HR', 'Jednostavno društvo s ograničenom odgovornošću'),
	('doo', 'suffix', 'RS', 'Društvo s ograničenom odgovornošću'),
	('a.d.', 'suffix', 'RS', 'Akcionarsko društvo'),
	('ad', 'suffix', 'RS', 'Akcionarsko društvo'),
	('SRL', 'suffix', 'RO', 'Societate cu răspundere limitată'),
	('S.R.L.', 'suffix', 'RO', 'SRL'),
	('S.C.', 'prefix', 'RO', 'Societate comercială'),
	('SC', 'prefix', 'RO', 'Societate comercială'),
	('S.A.', 'suffix', 'RO', 'Societate pe acțiuni'),
	('PFA', 'suffix', 'RO', 'Persoană fizică autorizată'),
	('EOOD', 'suffix', 'BG', 'Еднолично дружество с ограничена отговорност'),
	('OOD', 'suffix', 'BG', 'Дружество с ограничена отговорност'),
	('EAD', 'suffix', 'BG', 'Еднолично акционерно дружество'),
	('AD', 'suffix', 'BG', 'Акционерно дружество'),
	('ЕООД', 'suffix', 'BG', 'EOOD'),
	('ООД', 'suffix', 'BG', 'OOD'),
	('ЕАД', 'suffix', 'BG', 'EAD'),
	('АД', 'suffix', 'BG', 'AD'),
	('OOO', 'either', 'RU', 'Общество с ограниченной ответственностью'),
	('ООО', 'either', 'RU', 'OOO'),
	('AO', 'either', 'RU', 'Акционерное общество'),
	('АО', 'either', 'RU', 'AO'),
	('ZAO', 'either', 'RU', 'Закрытое акционерное общество'),
	('ЗАО', 'either', 'RU', 'ZAO'),
	('OAO', 'either', 'RU', 'Открытое акционерное общество'),
	('ОАО', 'either', 'RU', 'OAO'),
	('PAO', 'either', 'RU', 'Публичное акционерное общество'),
	('ПАО', 'either', 'RU', 'PAO'),
	('NAO', 'either', 'RU', 'Непубличное акционерное общество'),
	('НАО', 'either', 'RU', 'NAO'),
	('TOV', 'prefix', 'UA', 'Товариство з обмеженою відповідальністю'),
	('ТОВ', 'prefix', 'UA', 'TOV'),
	('PAT', 'prefix', 'UA', 'Публічне акціонерне товариство'),
	('ПАТ', 'prefix', 'UA', 'PAT'),
	('PrAT', 'prefix', 'UA', 'Приватне акціонерне товариство'),
	('ПрАТ', 'prefix', 'UA', 'PrAT'),
	('TOO', 'prefix', 'KZ', 'Товарищество с ограниченной ответственностью'),
	('ТОО', 'prefix', 'KZ', 'TOO'),
	('AAT', 'prefix', 'KZ', 'Акционерное общество'),
	('Общество с ограниченной ответственностью', 'prefix', 'RU', 'OOO'),
	('Акционерное общество', 'prefix', 'RU', 'AO'),
	('Публичное акционерное общество', 'prefix', 'RU', 'PAO'),
	('MChJ', 'prefix', 'UZ', 'Mas''uliyati cheklangan jamiyat'),
	('LLC', 'prefix', 'AM', 'LLC written first'),
	('SPS', 'prefix', 'GE', 'Shezghuduli pasukhismgeblobis sazogadoeba'),
	('A.E.', 'suffix', 'GR', 'Anonymi Etaireia'),
	('AE', 'suffix', 'GR', 'Anonymi Etaireia'),
	('Α.Ε.', 'suffix', 'GR', 'AE'),
	('ΑΕ', 'suffix', 'GR', 'AE'),
	('E.P.E.', 'suffix', 'GR', 'Etaireia Periorismenis Efthynis'),
	('ΕΠΕ', 'suffix', 'GR', 'EPE'),
	('I.K.E.', 'suffix', 'GR', 'Idiotiki Kefalaiouchiki Etaireia'),
	('ΙΚΕ', 'suffix', 'GR', 'IKE'),
	('O.E.', 'suffix', 'GR', 'Omorrythmi Etaireia'),
	('E.E.', 'suffix', 'GR', 'Eterorrythmi Etaireia'),
	('A.Ş.', 'suffix', 'TR', 'Anonim Şirketi'),
	('AŞ', 'suffix', 'TR', 'Anonim Şirketi'),
	('Anonim Şirketi', 'suffix', 'TR', 'AŞ'),
	('Ltd. Şti.', 'suffix', 'TR', 'Limited Şirketi'),
	('Ltd Şti', 'suffix', 'TR', 'Limited Şirketi'),
	('Limited Şirketi', 'suffix', 'TR', 'Ltd. Şti.'),
	('San. ve Tic. A.Ş.', 'suffix', 'TR', 'Sanayi ve Ticaret AŞ'),
	('San. ve Tic. Ltd. Şti.', 'suffix', 'TR', 'Sanayi ve Ticaret Ltd. Şti.'),
	('Tic. Ltd. Şti.', 'suffix', 'TR', 'Ticaret Ltd. Şti.'),
	('Ltd. Sti.', 'suffix', 'TR', 'Limited Şirketi (ASCII)'),
	('A.S.', 'suffix', 'TR', 'Anonim Şirketi (ASCII)'),
	('בע"מ', 'suffix', 'IL', 'Ba''am (Ltd)'),
	('Ltd.', 'suffix', 'IL', 'Limited'),
	('W.L.L.', 'suffix', 'BH', 'With Limited Liability'),
	('WLL', 'suffix', 'QA', 'With Limited Liability'),
	('FZE', 'suffix', 'AE', 'Free Zone Establishment'),
	('FZ-LLC', 'suffix', 'AE', 'Free Zone LLC'),
	('FZCO', 'suffix', 'AE', 'Free Zone Company'),
	('FZ LLC', 'suffix', 'AE', 'Free Zone LLC'),
	('DMCC', 'suffix', 'AE', 'Dubai Multi Commodities Centre company'),
	('PJSC', 'suffix', 'AE', 'Public Joint Stock Company'),
	('PSC', 'suffix', 'AE', 'Private Shareholding Company'),
	('JSC', 'suffix', NULL, 'Joint Stock Company'),
	('CJSC', 'suffix', NULL, 'Closed Joint Stock Company'),
	('OJSC', 'suffix', NULL, 'Open Joint Stock Company'),
	('SAE', 'suffix', 'EG', 'Société Anonyme Égyptienne'),
	('S.A.L.', 'suffix', 'LB', 'Société Anonyme Libanaise'),
	('SAL', 'suffix', 'LB', 'SAL'),
	('SAOG', 'suffix', 'OM', 'Public joint stock company'),
	('SAOC', 'suffix', 'OM', 'Closed joint stock company'),
	('KSC', 'suffix', 'KW', 'Kuwaiti Shareholding Company'),
	('BSC', 'suffix', 'BH', 'Bahraini Shareholding Company'),
	('QSC', 'suffix', 'QA', 'Qatari Shareholding Company'),
	('QPSC', 'suffix', 'QA', 'Qatari Public Shareholding Company'),
	('(Pty) Ltd', 'suffix', 'ZA', 'Proprietary Limited'),
	('Pty (Ltd)', 'suffix', 'ZA', 'Proprietary Limited'),
	('NPC', 'suffix', 'ZA', 'Non-profit company'),
	('SOC Ltd', 'suffix', 'ZA', 'State-owned company'),
	('Inc.', 'suffix', 'ZA', 'Personal liability company'),
	('CC', 'suffix', 'ZA', 'Close Corporation'),
	('Plc', 'suffix', 'NG', 'Public Limited Company'),
	('SARLU', 'suffix', 'MA', 'SARL unipersonnelle'),
	('SUARL', 'suffix', 'TN', 'Société unipersonnelle à responsabilité limitée'),
	('K.K.', 'suffix', 'JP', 'Kabushiki Kaisha'),
	('KK', 'suffix', 'JP', 'Kabushiki Kaisha'),
	('Kabushiki Kaisha', 'either', 'JP', 'KK'),
	('Kabushikigaisha', 'either', 'JP', 'KK'),
	('Co., Ltd', 'suffix', 'JP', 'Company Limited (English style of KK)'),
	('G.K.', 'suffix', 'JP', 'Godo Kaisha'),
	('GK', 'suffix', 'JP', 'Godo Kaisha'),
	('Godo Kaisha', 'either', 'JP', 'GK'),
	('Y.K.', 'suffix', 'JP', 'Yugen Kaisha'),
	('Yugen Kaisha', 'either', 'JP', 'YK'),
	('株式会社', 'either', 'JP', 'Kabushiki Kaisha'),
	('合同会社', 'either', 'JP', 'Godo Kaisha'),
	('有限会社', 'either', 'JP', 'Yugen Kaisha'),
	('(株)', 'either', 'JP', 'Kabushiki Kaisha, abbreviated'),
	('㈱', 'either', 'JP', 'Kabushiki Kaisha, abbreviated'),
	('有限公司', 'suffix', 'CN', 'Limited company'),
	('有限责任公司', 'suffix', 'CN', 'Limited liability company'),
	('股份有限公司', 'suffix', 'CN', 'Company limited by shares'),
	('集团有限公司', 'suffix', 'CN', 'Group limited company'),
	('集团股份有限公司', 'suffix', 'CN', 'Group company limited by shares'),
	('有限公司', 'suffix', 'HK', 'Limited (traditional)'),
	('有限責任公司', 'suffix', 'TW', 'Limited liability company (traditional)'),
	('股份有限公司', 'suffix', 'TW', 'Company limited by shares (traditional)'),
	('Co., Limited', 'suffix', 'HK', 'Company Limited'),
	('(HK) Ltd', 'suffix', 'HK', 'Hong Kong Limited'),
	('WFOE', 'suffix', 'CN', 'Wholly foreign-owned enterprise'),
	('주식회사', 'either', 'KR', 'Chusik Hoesa'),
	('(주)', 'either', 'KR', 'Chusik Hoesa, abbreviated'),
	('유한회사', 'either', 'KR', 'Yuhan Hoesa'),
	('Co., Ltd.', 'suffix', 'KR', 'Company Limited'),
	('Corp.', 'suffix', 'KR', 'Corporation'),
	('PT', 'prefix', 'ID', 'Perseroan Terbatas'),
	('P.T.', 'prefix', 'ID', 'Perseroan Terbatas'),
	('PT.', 'prefix', 'ID', 'Perseroan Terbatas'),
	('Tbk', 'suffix', 'ID', 'Terbuka (listed)'),
	('Tbk.', 'suffix', 'ID', 'Terbuka'),
	('CV', 'prefix', 'ID', 'Commanditaire Vennootschap'),
	('UD', 'prefix', 'ID', 'Usaha Dagang'),
	('Persero', 'suffix', 'ID', 'State-owned limited company'),
	('Sdn Bhd', 'suffix', 'BN', 'Sendirian Berhad'),
	('Co., Ltd.', 'suffix', 'TH', 'Company Limited'),
	('Public Company Limited', 'suffix', 'TH', 'Public Company Limited'),
	('PCL', 'suffix', 'TH', 'Public Company Limited'),
	('Ltd., Part.', 'suffix', 'TH', 'Limited Partnership'),
	('บริษัท', 'prefix', 'TH', 'Company (borisat)'),
	('จำกัด', 'suffix', 'TH', 'Limited (chamkat)'),
	('มหาชน', 'suffix', 'TH', 'Public (mahachon)'),
	('JSC', 'suffix', 'VN', 'Joint Stock Company'),
	('Công ty TNHH', 'prefix', 'VN', 'Công ty trách nhiệm hữu hạn'),
	('TNHH', 'either', 'VN', 'Trách nhiệm hữu hạn'),
	('Công ty Cổ phần', 'prefix', 'VN', 'Joint stock company'),
	('CTCP', 'prefix', 'VN', 'Công ty Cổ phần'),
	('Inc.', 'suffix', 'PH', 'Incorporated'),
	('Corp.', 'suffix', 'PH', 'Corporation'),
	('OPC', 'suffix', 'PH', 'One Person Corporation'),
	('Pvt. Ltd.', 'suffix', 'NP', 'Private Limited'),
	('Pvt Ltd', 'suffix', 'PK', 'Private Limited'),
	('(Pvt) Ltd', 'suffix', 'PK', 'Private Limited'),
	('(Private) Limited', 'suffix', 'PK', 'Private Limited'),
	('PLC', 'suffix', 'LK', 'Public Limited Company'),
	('(Pvt) Ltd', 'suffix', 'LK', 'Private Limited'),
	('LLP', 'suffix', 'IN', 'Limited Liability Partnership'),
	('OPC Pvt Ltd', 'suffix', 'IN', 'One Person Company Private Limited'),
	('Private Ltd', 'suffix', 'IN', 'Private Limited'),
	('Ltd.', 'suffix', 'BD', 'Limited'),
	('Pty Ltd', 'suffix', 'NZ', 'Proprietary Limited'),
	('Limited', 'suffix', 'NZ', 'Limited'),
	('ش.م.م', 'suffix', 'EG', 'Sharikat musahamat misriya / LLC'),
	('ذ.م.م', 'suffix', 'AE', 'LLC (dhat mas''uliya mahduda)')
) AS f(form, position, country, description)
 /*
  * The script is UTF-8; a database in another encoding reads its non-ASCII
  * bytes as other characters, so there only the ASCII forms are shipped.
  */
 WHERE pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.=) 'UTF8'
	OR f.form OPERATOR(pg_catalog.~) '^[ -~]*$';
SELECT pg_catalog.pg_extension_config_dump('sum.legal_forms', 'WHERE source <> ''shipped''');
/* the C functions read it with the caller's rights: every role may read it */
GRANT SELECT ON sum.legal_forms TO PUBLIC;

/*
 * sum.legal_forms_protect(): shipped rows are read-only and only the
 * extension ships them.  pg_dump keeps user rows only, so an edit of a
 * shipped row (or a row a user marks shipped) would vanish silently in a
 * dump and restore; a user row overrides a shipped form instead.  Created
 * after the shipped rows are inserted.
 */
CREATE FUNCTION sum.legal_forms_protect() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.source OPERATOR(pg_catalog.=) 'shipped' THEN
		RAISE EXCEPTION 'cannot change shipped legal form "%"', OLD.form
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Insert the form as a user row, with remove = false to keep it in company keys.';
	END IF;
	IF TG_OP OPERATOR(pg_catalog.=) 'DELETE' THEN
		RETURN OLD;
	END IF;
	IF NEW.source IS DISTINCT FROM 'user' THEN
		RAISE EXCEPTION 'invalid source for legal form "%": "%"', NEW.form, NEW.source
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'Forms you write have source ''user''; ''shipped'' is reserved for forms that come with the extension.';
	END IF;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION sum.legal_forms_protect() IS
	'trigger: keep the shipped rows of sum.legal_forms read-only';

CREATE TRIGGER legal_forms_protect BEFORE INSERT OR UPDATE OR DELETE
	ON sum.legal_forms FOR EACH ROW EXECUTE FUNCTION sum.legal_forms_protect();
COMMENT ON TRIGGER legal_forms_protect ON sum.legal_forms IS
	'refuses changes to shipped legal forms and user rows marked shipped';

/*
 * sum.company_key(name): the key two spellings of one company share.
 * STABLE, not IMMUTABLE: it reads sum.legal_forms (cached per backend).
 */
CREATE FUNCTION sum.company_key(name text) RETURNS text
	AS 'MODULE_PATHNAME', 'sum_company_key'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.company_key(text) IS
	'company key of a name or domain: folded, transliterated, punctuation and legal forms removed; NULL without letters or digits';

/* STABLE: reads sum.legal_forms */
CREATE FUNCTION sum.company_similarity(a text, b text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'sum_company_similarity'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.company_similarity(text, text) IS
	'similarity 0..1 of two company references, each a name or a domain; NULL when either has no key';

/*
 * Lead-to-account matching.  Settings of the evidence ladder, the
 * thresholds and the tie-break rules.
 */
INSERT INTO sum.setting_defaults (name, value, value_type, min_value, max_value, description) VALUES
	('matching.methods', '{domain,company_key,fuzzy_supported,fuzzy}', 'text[]', NULL, NULL,
	 'evidence ladder of match_accounts, tried in this order: domain, company_key, fuzzy_supported, fuzzy; leave one out to switch it off'),
	('matching.tie_break', '{name,country,parent,priority,oldest,account_id}', 'text[]', NULL, NULL,
	 'rules that order accounts with equal evidence (shared domain, duplicate accounts): name, country, parent, priority, oldest, account_id'),
	('matching.fuzzy_threshold', '0.93', 'numeric', 0, 1,
	 'company_similarity at or above which a fuzzy name match needs no other signal'),
	('matching.fuzzy_supported_threshold', '0.85', 'numeric', 0, 1,
	 'company_similarity at or above which a fuzzy name match is accepted with a supporting signal (same country, similar email domain)'),
	('matching.support_threshold', '0.95', 'numeric', 0, 1,
	 'company_similarity between the email domain and the account at or above which the email domain supports a fuzzy name match'),
	('matching.min_margin', '0.02', 'numeric', 0, 1,
	 'a fuzzy match closer than this to a different runner-up is ambiguous and not made'),
	('matching.max_candidates', '20', 'integer', 1, 64,
	 'fuzzy candidates scored per sign-up key, taken from the 3-gram index');
-- the lists take only the methods and rules match_accounts knows
UPDATE sum.setting_defaults SET allowed_values = '{domain,company_key,fuzzy_supported,fuzzy}'
 WHERE name = 'matching.methods';
UPDATE sum.setting_defaults SET allowed_values = '{name,country,parent,priority,oldest,account_id}'
 WHERE name = 'matching.tie_break';

/*
 * sum.match_accounts(signups, accounts): match each sign-up of the signups
 * query to an account of the accounts query.  VOLATILE and PARALLEL
 * RESTRICTED: it runs the caller's queries (through SPI, as the caller and
 * with the caller's search_path, so that they name tables as the caller
 * would; hence no SET search_path here).
 */
CREATE FUNCTION sum.match_accounts(signups text, accounts text)
	RETURNS TABLE (
		signup_id text,
		account_id text,
		method text,
		score double precision,
		runner_up_account_id text,
		runner_up_score double precision,
		shadow_account text,
		evidence text)
	AS 'MODULE_PATHNAME', 'sum_match_accounts'
	LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION sum.match_accounts(text, text) IS
	'match sign-ups (query with signup_id, email [, company_name, country]) to accounts (query with account_id, name [, domain, country, parent_account_id, created_at, priority]); one explained row per sign-up';

/*
 * Person de-duplication.  VOLATILE and PARALLEL RESTRICTED for the same
 * reason as match_accounts: they run the caller's queries as the caller.
 */
CREATE FUNCTION sum.dedupe_people(logins text, previous text DEFAULT NULL)
	RETURNS TABLE (
		login_id text,
		person_id text,
		matched_by text[],
		person_size integer)
	AS 'MODULE_PATHNAME', 'sum_dedupe_people'
	LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION sum.dedupe_people(text, text) IS
	'cluster logins (query with login_id, email [, full_name, created_at, match_key]) into people with ids stable across runs (previous: query with login_id, person_id)';

CREATE FUNCTION sum.connected_components(edges text)
	RETURNS TABLE (node text, component text)
	AS 'MODULE_PATHNAME', 'sum_connected_components'
	LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION sum.connected_components(text) IS
	'connected components of the pairs (a, b) of a query, by union-find; each component named by its smallest node';

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

/*
 * sum.persona: what a job title says about a person.  Attribute names are
 * the contract; rules holds the patterns of the sum.persona_rules rows that
 * decided, in title order.
 */
CREATE TYPE sum.persona AS (
	function sum.job_function,
	seniority sum.seniority,
	confidence real,
	rules text[]
);
COMMENT ON TYPE sum.persona IS
	'function, seniority, confidence (0..1) and deciding rule patterns of a job title';

/*
 * sum.persona_rules: the classifier's rules, as data.  Rows with source
 * 'shipped' come with the extension (and are re-created by each version);
 * rows with source 'user' add to them, and a user row whose pattern equals a
 * shipped one replaces it (enabled = false disables it).  pg_dump saves the
 * user rows only.  The trigger below validates every write
 * (invalid_parameter_value) and stores patterns in canonical form.
 *
 *   pattern    one to eight words, folded like titles ("Head of" -> "head of");
 *              "word*" prefix, "*word" suffix, "*word*" infix, "^" / "$"
 *              anchor to the start / end of a title segment
 *   action     classify: contributes seniority and/or function;
 *              block: the same, then ignores the rest of its segment
 *              ("assistant to"); stop: ignores its segment from here ("at")
 *   seniority  label of sum.seniority, or NULL
 *   function   label of sum.job_function, or NULL
 *   weight     function evidence, 0..100 (functions add up; highest wins)
 *   priority   seniority evidence, 0..100 (highest wins; then higher rank)
 *
 * A longer match hides the matches inside it ("account executive" hides
 * "executive"); on the same words an exact pattern hides wildcard ones.
 */
CREATE TABLE sum.persona_rules (
	pattern text NOT NULL,
	source text NOT NULL DEFAULT 'user',
	action text NOT NULL DEFAULT 'classify',
	seniority text,
	function text,
	weight real NOT NULL DEFAULT 1,
	priority integer NOT NULL DEFAULT 50,
	enabled boolean NOT NULL DEFAULT true,
	lang text,
	note text,
	updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (pattern, source)
);
COMMENT ON TABLE sum.persona_rules IS
	'job title rules: shipped defaults and user rows (user rows win); see sum.persona_rules_effective';
SELECT pg_catalog.pg_extension_config_dump('sum.persona_rules',
	'WHERE source OPERATOR(pg_catalog.=) ''user''');

CREATE FUNCTION sum.persona_rules_check() RETURNS trigger
	AS 'MODULE_PATHNAME', 'sum_persona_rules_check'
	LANGUAGE C;
COMMENT ON FUNCTION sum.persona_rules_check() IS
	'trigger: validate a persona rule, store its pattern canonical, protect shipped rules';

CREATE TRIGGER persona_rules_check BEFORE INSERT OR UPDATE OR DELETE
	ON sum.persona_rules FOR EACH ROW EXECUTE FUNCTION sum.persona_rules_check();
CREATE TRIGGER persona_rules_truncate BEFORE TRUNCATE
	ON sum.persona_rules FOR EACH STATEMENT EXECUTE FUNCTION sum.persona_rules_check();
CREATE TRIGGER config_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
	ON sum.persona_rules FOR EACH STATEMENT EXECUTE FUNCTION sum.config_changed();

/* The rules the classifier uses: user rows replace shipped rows of the same pattern */
CREATE VIEW sum.persona_rules_effective AS
	SELECT r.pattern, r.action, r.seniority, r.function, r.weight, r.priority,
		   r.source, r.lang, r.note
	  FROM sum.persona_rules r
	 WHERE r.enabled
	   AND (r.source OPERATOR(pg_catalog.=) 'user'
			OR NOT EXISTS (SELECT 1 FROM sum.persona_rules u
							WHERE u.pattern OPERATOR(pg_catalog.=) r.pattern
							  AND u.source OPERATOR(pg_catalog.=) 'user'));
COMMENT ON VIEW sum.persona_rules_effective IS
	'persona rules in force: enabled rows, user rows replacing shipped rows of the same pattern';

/*
 * Every role that may call the classifier reads the rules (it compiles them
 * with the caller's rights); writing them stays with the table's owner and
 * those it grants to.
 */
GRANT SELECT ON sum.persona_rules, sum.persona_rules_effective TO PUBLIC;

/*
 * Classification.  STABLE, not IMMUTABLE: the answer depends on
 * sum.persona_rules, which users change.  Compiled rules are cached per
 * backend and recompiled after the table changes.
 */
CREATE FUNCTION sum.title_persona(title text) RETURNS sum.persona
	AS 'MODULE_PATHNAME', 'sum_title_persona'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.title_persona(text) IS
	'function, seniority, confidence and deciding rules of a job title; unknown/unknown/0 for junk; STABLE (reads sum.persona_rules)';

CREATE FUNCTION sum.title_seniority(title text) RETURNS sum.seniority
	AS 'MODULE_PATHNAME', 'sum_title_seniority'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.title_seniority(text) IS
	'seniority of a job title; unknown for junk; STABLE (reads sum.persona_rules)';

CREATE FUNCTION sum.title_function(title text) RETURNS sum.job_function
	AS 'MODULE_PATHNAME', 'sum_title_function'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.title_function(text) IS
	'job function of a title; unknown for junk; STABLE (reads sum.persona_rules)';

/* Depend on the code (and ICU's transliteration) only */
CREATE FUNCTION sum.title_normalize(title text) RETURNS text
	AS 'MODULE_PATHNAME', 'sum_title_normalize'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.title_normalize(text) IS
	'the words the persona rules see in a title: folded, noise dropped, segments separated by " | "';

CREATE FUNCTION sum.persona_pattern(pattern text) RETURNS text
	AS 'MODULE_PATHNAME', 'sum_persona_pattern'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.persona_pattern(text) IS
	'canonical form of a persona rule pattern; invalid_parameter_value for an invalid one';

/*
 * sum.buying_role(persona, employees): the part the person plays in buying
 * the product, from the persona.* settings.  STABLE (reads sum.settings);
 * not STRICT because employees may be NULL (company size unknown).
 */
CREATE FUNCTION sum.buying_role(persona sum.persona, employees integer DEFAULT NULL)
	RETURNS sum.buying_role
	AS 'MODULE_PATHNAME', 'sum_buying_role'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION sum.buying_role(sum.persona, integer) IS
	'decision_maker, influencer, user or unknown, from buyer functions and company-size thresholds in sum.settings; STABLE';

INSERT INTO sum.setting_defaults (name, value, value_type, min_value, max_value, allowed_values, description) VALUES
	('persona.buyer_functions', '{general_management,marketing,sales,operations}', 'text[]', NULL, NULL, NULL,
	 'job functions that buy the product (labels of sum.job_function): their leaders decide, their managers influence'),
	('persona.decision_maker_seniority', 'director', 'text', NULL, NULL,
	 ARRAY['intern', 'entry', 'senior', 'manager', 'director', 'vp', 'c_level', 'owner'],
	 'lowest seniority in a buyer function that decides a purchase at a mid-size company (or when size is unknown)'),
	('persona.influencer_seniority', 'manager', 'text', NULL, NULL,
	 ARRAY['intern', 'entry', 'senior', 'manager', 'director', 'vp', 'c_level', 'owner'],
	 'lowest seniority in a buyer function that influences a purchase'),
	('persona.small_company_employees', '50', 'integer', 0, 100000000, NULL,
	 'companies with at most this many employees are small'),
	('persona.small_company_decision_maker_seniority', 'manager', 'text', NULL, NULL,
	 ARRAY['intern', 'entry', 'senior', 'manager', 'director', 'vp', 'c_level', 'owner'],
	 'lowest seniority in a buyer function that decides at a small company (owners and c-level decide there in any function)'),
	('persona.large_company_employees', '1000', 'integer', 0, 100000000, NULL,
	 'companies with at least this many employees are large'),
	('persona.large_company_decision_maker_seniority', 'vp', 'text', NULL, NULL,
	 ARRAY['intern', 'entry', 'senior', 'manager', 'director', 'vp', 'c_level', 'owner'],
	 'lowest seniority in a buyer function that decides at a large company');

/*
 * Shipped rules, by language.  Each statement inserts patterns that share
 * their action, seniority, function, weight and priority; lang is NULL for a
 * word several languages share.  Priorities: 90 intern words, 70 owner /
 * c-level / vp / director words, 60 junior, 50 manager words, 40 senior
 * words, 30 mid-level (pleno, medior), 20 assistant and associate, 15
 * executive, 10 job nouns (engineer, analyst), 5 words that are mostly
 * adjectives (commercial).  Weights: 1 for a function word, 0.5 for a
 * generic job noun or a title that implies general management, 1.5 for a
 * phrase that must beat its parts (product marketing).
 */
-- BEGIN persona shipped rules
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'founder', 'founders', 'cofounder', 'founding partner', 'owner', 'owners',
	'proprietor', 'partner', 'managing partner', 'senior partner',
	'general partner', 'equity partner', 'entrepreneur', 'business owner',
	'solopreneur'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', NULL, 0, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'self employed', 'selfemployed', 'freelance', 'freelancer', 'independent',
	'independent contractor'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'product', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'product owner'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'operations', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'process owner'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'founding engineer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', NULL, 0, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'business partner', 'business partnerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'other', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistant professor'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'hr', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'people partner', 'talent partner'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'sales', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'client partner'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'general_management', 1, 60, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'founder associate', 'founders associate'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'sales', 1, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'partner manager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'partner marketing'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'channel partner'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'partner success'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ceo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chief executive'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chief executive officer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'president', 'chairman', 'chairwoman', 'chairperson', 'chair',
	'board member', 'member of the board', 'board director',
	'managing director', 'general manager', 'gm', 'executive chairman'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', NULL, 0, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chief', 'c level', 'c suite', 'cxo', 'cso', 'cao'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'operations', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'coo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'engineering', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cto'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'finance', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cfo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'marketing', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cmo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'sales', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cro'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'product', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cpo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'it', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cio', 'ciso'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'data', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cdo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'sales', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cco'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'hr', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chro'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'legal', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'clo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'marketing', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cgo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'general_management', 0.5, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chief of staff'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'block', 'director', 'general_management', 0.5, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chief of staff to'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'finance', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chief accountant'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chief architect'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', NULL, 0, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vp', 'vps', 'svp', 'evp', 'avp', 'cvp', 'gvp', 'rvp', 'v p',
	'vice president', 'vicepresident', 'vice presidente', 'vice presidenta'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', 'general_management', 0.5, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'executive director'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'director'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'dir', 'head', 'head of'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'general_management', 0.5, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'country manager', 'country director'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'design', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'art director'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'manager', 'managers', 'mgr', 'mngr', 'manger', 'supervisor', 'team lead',
	'team leader', 'teamlead', 'team manager', 'lead $', 'assistant manager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', NULL, 0, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistant vice president'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistant director'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'sales', 1, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'account manager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 1, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'office manager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'customer_success', 1, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'csm'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'customer_success', 1.5, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'technical account manager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'customer_success', 1, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tam'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'finance', 1, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'controller'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', NULL, 0, 40, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'senior', 'sr', 'snr', 'lead', 'principal', 'staff', 'expert'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 0.5, 40, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'architect'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'other', 1, 40, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'professor'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tech lead', 'technical lead'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'hr', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'hrbp'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'finance', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'senior controller'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 60, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'junior', 'jr', 'jnr'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'product', 1.5, 60, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'associate product manager', 'assoc product manager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'product', 1, 60, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'apm'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'staff accountant'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 20, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistant'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 20, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'associate', 'assoc'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 20, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'research assistant'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 15, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'executive'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'engineer', 'engineers'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'developer', 'developers', 'dev', 'programmer', 'coder', 'sdet', 'sre',
	'scrum master'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'analyst'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'designer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'hr', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sourcer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'media buyer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'illustrator'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'specialist'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'consultant', 'advisor', 'adviser'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'representative', 'rep', 'coordinator', 'officer', 'agent', 'clerk',
	'employee', 'generalist'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'customer_success', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'support engineer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'administrator'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'admin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'technician'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'accountant', 'bookkeeper', 'auditor'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'hr', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'recruiter'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'paralegal', 'attorney', 'lawyer', 'counsel', 'solicitor'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'copywriter'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'writer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'marketer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'strategist'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'scientist'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'statistician'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'researcher'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'buyer', 'planner', 'receptionist', 'secretary'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'teacher', 'nurse', 'physician', 'doctor', 'journalist'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 0.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ambassador'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sysadmin', 'dba'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sdr', 'bdr', 'account executive', 'solutions engineer',
	'solution engineer', 'solutions consultant', 'solution consultant'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'data engineer', 'business analyst'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'product designer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 1.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'product analyst'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'product engineer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'brand designer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'intern', 'interns', 'internship', 'trainee', 'apprentice',
	'working student', 'graduate trainee'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'student'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'block', 'entry', 'operations', 1, 20, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistant to', 'executive assistant', 'personal assistant',
	'ceo assistant', 'assistant of'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, NULL, 0, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'^ test $', '^ tests $', '^ testing $'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'stop', NULL, NULL, 0, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'at', 'ex', 'former', 'formerly', 'previously', 'retired'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'marketing', 'mktg', 'growth', 'demand generation', 'demand gen', 'brand',
	'branding', 'content', 'seo', 'sem', 'ppc', 'paid media', 'paid social',
	'social media', 'community', 'communications', 'communication', 'comms',
	'pr', 'public relations', 'events', 'event', 'lifecycle', 'email marketing'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'crm'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'advertising'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'digital'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'campaign', 'campaigns', 'lead generation', 'lead gen', 'influencer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'product marketing', 'marketing operations'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'marketing automation', 'performance marketing', 'field marketing'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'media'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'press', 'copywriting', 'abm'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sales', 'business development', 'biz dev', 'bizdev'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 0.8, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'account'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'key account', 'key accounts'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 0.8, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'accounts'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'partnerships', 'partnership', 'alliances', 'alliance', 'channel',
	'channels', 'pre sales', 'presales', 'revenue', 'revops'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'revenue operations', 'sales operations'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sales enablement'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'territory'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'inside sales', 'outside sales', 'field sales'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 5, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'commercial'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'new business'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'customer success', 'client success', 'customer support'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'technical support'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'support', 'customer service', 'customer services', 'customer care',
	'customer experience', 'cx', 'onboarding', 'implementation',
	'client services', 'client service'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'customer', 'client'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'call center', 'call centre', 'contact center'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'engineering', 'eng', 'software', 'devops', 'dev ops', 'site reliability',
	'qa', 'quality assurance', 'test', 'testing'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tester'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'frontend', 'front end', 'backend', 'back end', 'full stack', 'fullstack',
	'mobile', 'ios', 'android'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'web'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'firmware', 'embedded', 'hardware', 'mechanical', 'electrical', 'civil'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'platform', 'cloud'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'r d', 'research and development', 'rnd'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'agile'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'java', 'javascript', 'python', 'react', 'php', 'ruby', 'golang', 'node'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'game'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'wordpress', 'technology'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'technical', 'tech', 'release'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'it', 'information technology', 'ict'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 0.8, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'systems', 'system'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'network', 'networks', 'networking', 'help desk', 'helpdesk',
	'service desk', 'desktop support', 'infrastructure', 'security',
	'cybersecurity', 'cyber security', 'information security', 'infosec',
	'database', 'sap', 'erp'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'information'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'product', 'products'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'product manager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'design', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'product design'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'product management'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'design', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'design', 'ux', 'ui', 'user experience', 'graphic', 'graphics', 'visual',
	'creative', 'art direction', 'motion', 'illustration'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'data', 'analytics', 'bi', 'business intelligence', 'data science',
	'machine learning', 'ml', 'ai', 'artificial intelligence', 'deep learning',
	'insights', 'statistics', 'business analysis'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'operations', 'ops', 'operating'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'business operations'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'logistics', 'supply chain', 'procurement', 'purchasing', 'sourcing',
	'office', 'administrative'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'administration'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'facilities', 'facility'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'project', 'projects', 'program', 'programme'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'pmo', 'production', 'plant', 'warehouse', 'quality'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'store', 'retail'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'fleet', 'inventory', 'dispatch'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'finance', 'financial', 'fp a', 'accounting', 'accounts payable',
	'accounts receivable', 'controlling', 'treasury', 'tax', 'taxation',
	'audit', 'billing', 'credit'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'risk'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'investor relations', 'bookkeeping'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'hr', 'human resources', 'human resource', 'people', 'talent',
	'talent acquisition', 'recruiting', 'recruitment', 'payroll',
	'learning and development', 'l d'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'people operations'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'compensation', 'benefits', 'hris'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'legal'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', 'legal', 1, 70, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'general counsel'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'compliance', 'privacy'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'data protection'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'contract', 'contracts', 'regulatory'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'other', 0.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'consulting', 'research'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'general_management', 0.3, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'strategy'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'geschaftsfuhr*', 'geschaeftsfuehr*', 'geschaftsleitung',
	'geschaeftsleitung', 'vorstand*', 'vorsitzende*', 'prasident*',
	'praesident*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'inhaber', 'inhaberin', 'grunder', 'grunderin', '*grunder', '*grunderin',
	'*gruender', '*gruenderin', 'gesellschafter', 'gesellschafterin',
	'teilhaber*', 'unternehmer', 'unternehmerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', NULL, 0, 70, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'selbststandig*', 'selbstandig*', 'selbststaendig*', 'freiberuf*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', NULL, 0, 70, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'bereichsleit*', 'vizeprasident*', 'vizepraesident*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*leiter', '*leiterin', '*leitung', 'direktor', 'direktorin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'general_management', 0.5, 70, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'prokurist', 'prokuristin', 'niederlassungsleiter',
	'niederlassungsleiterin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'operations', 1, 70, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'werkleiter', 'werkleiterin', 'betriebsleiter', 'betriebsleiterin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'finance', 1, 70, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kaufmannischer leiter', 'kaufmannische leiterin', 'kaufmaennischer leiter'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'engineering', 1, 70, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'technischer leiter', 'technische leiterin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'teamleiter', 'teamleiterin', 'teamleitung', 'gruppenleiter',
	'gruppenleiterin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projektleiter', 'projektleiterin', 'projektleitung'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 1, 50, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'filialleiter', 'filialleiterin', 'lagerleiter', 'lagerleiterin',
	'schichtleiter', 'schichtleiterin', 'buroleiter', 'buroleiterin',
	'bueroleiter', 'bueroleiterin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'sales', 1, 50, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'gebietsverkaufsleiter', 'gebietsleiter', 'partnermanager',
	'partnermanagerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*manager', '*managerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*mitarbeiter', '*mitarbeiterin', 'mitarbeitende', '*sachbearbeiter',
	'*sachbearbeiterin', '*referent', '*referentin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*berater', '*beraterin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*entwickler', '*entwicklerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*ingenieur', '*ingenieurin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*beauftragter', '*beauftragte'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*kaufmann', '*kauffrau'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*designer', '*designerin', '*gestalter', '*gestalterin', 'grafiker*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 0.5, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*analyst', '*analystin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*wissenschaftler', '*wissenschaftlerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'juristin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*buchhalter', '*buchhalterin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'hr', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'lohnbuchhalter', 'recruiter*', 'lohnbuchhalterin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'controllerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*betreuer', '*betreuerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'verkaufer', 'verkauferin', 'verkaeufer', 'verkaeuferin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'einkaufer', 'einkauferin', 'einkaeufer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*techniker', '*technikerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'konstrukteur*', 'informatiker', 'informatikerin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'wirtschaftsinformatiker*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 0.5, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'fachinformatiker*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'systemingenieur', 'systemingenieurin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vertriebsingenieur', 'vertriebsingenieurin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*spezialist', '*spezialistin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'texter*', 'pressesprecher*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sekretar*', 'sekretaer*', 'disponent*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'angestellte*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'lehrer*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*anwalt*', '*anwaelt*', 'justiziar*', 'syndikus*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'steuerberater*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 0.5, 10, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*administrator', '*administratorin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 20, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*assistent', '*assistentin', '*assistenz'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 0.5, 40, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*architekt', '*architektin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', NULL, 0, 40, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'experte', 'expertin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'praktikant*', 'werkstudent*', 'auszubildend*', 'azubi*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 55, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'studentin'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'block', 'entry', 'operations', 1, 20, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistenz der', 'assistenz des', 'assistent der', 'assistent des',
	'assistentin der', 'assistentin des'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'stop', NULL, NULL, 0, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'bei', 'ehemals', 'ehemalig*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vertrieb*', 'verkauf*', 'aussendienst*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 0.5, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'innendienst*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'marketing*', 'kommunikation*', '*kommunikation', 'presse*', 'werbung'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'personal*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 2, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'personalentwickl*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'finanz*', 'buchhalt*', 'rechnungswesen', 'steuer*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projekt*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'einkauf*', 'logistik*', 'lager*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1.5, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'produktion*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'qualitat*', 'qualitaet*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'buro*', 'buero*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'empfang*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kundenservice*', 'kundendienst*', 'kundenbetreu*', 'kundenberat*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 0.5, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kunden*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'entwicklung', '*entwicklung', 'entwicklungs*', 'software*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'technisch*', 'technik'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'produkt*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'daten*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 2, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'datenschutz*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'recht', 'rechts*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'netzwerk*', 'datenbank*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 0.5, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sicherheit*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'de', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'systemadmin*', 'systemintegration', 'informatik'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'directeur general', 'directrice generale', 'dg'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 1, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'pdg'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'presidente'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'gerant', 'gerante', 'dirigeant', 'dirigeante'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'fondateur'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'fondatrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cofondateur'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cofondatrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'associe', 'associee', 'chef d entreprise', 'proprietaire'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', NULL, 0, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'auto entrepreneur', 'autoentrepreneur', 'independant', 'independante'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'directeur', 'directrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'finance', 1, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'daf'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'hr', 1, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'drh'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'it', 1, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'dsi'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'marketing', 1, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'dircom'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'design', 1, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'directeur artistique', 'directrice artistique', 'directeur de creation',
	'directrice de creation'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'general_management', 0.5, 70, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'directeur d agence', 'directrice d agence'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'responsable', 'chef', 'cheffe'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chef de projet', 'cheffe de projet'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chef de produit', 'cheffe de produit'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'marketing', 2, 50, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chef de produit marketing', 'cheffe de produit marketing'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'charge', 'chargee', 'conseiller', 'conseillere'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'developpeur', 'developpeuse'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ingenieur', 'ingenieure'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 0.5, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'analyste'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'technicien', 'technicienne'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'comptable'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'juriste', 'avocat', 'avocate'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'secretaire', 'acheteur', 'acheteuse', 'logisticien*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'gestionnaire'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'hr', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'recruteur', 'recruteuse'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'graphiste', 'webdesigner'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'consultante'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'employe', 'attache', 'attachee', 'delegue', 'deleguee', 'animateur',
	'animatrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'customer_success', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'teleconseiller*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'enseignant*', 'infirmier*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tresorier*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1.5, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ingenieur d affaires'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 1.5, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'technicien support'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'charge d affaires', 'chargee d affaires'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1.5, 10, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'business developer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 55, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'controleur de gestion', 'controleuse de gestion'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 20, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistante'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'finance', 1, 55, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'expert comptable'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 0.5, 40, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'architecte'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', NULL, 0, 40, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'confirme', 'confirmee'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'other', 1, 40, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'professeur'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'stagiaire', 'alternant', 'alternante', 'apprenti', 'apprentie',
	'alternance'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 55, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'etudiant', 'etudiante'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'block', 'entry', 'operations', 1, 20, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistante de', 'assistant de', 'assistante du', 'assistant du'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'stop', NULL, NULL, 0, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chez', 'ancien', 'ancienne'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ventes', 'vente', 'grands comptes', 'grand compte', 'partenariats',
	'partenariat'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1.5, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'developpement commercial'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 0.5, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'affaires'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'relations presse', 'evenementiel'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ressources humaines', 'rh', 'paie', 'recrutement'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 0.5, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'formation'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'financier', 'financiere', 'finances', 'comptabilite',
	'controle de gestion'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'informatique'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1.5, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'systemes d information'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'systeme', 'systemes', 'reseau', 'reseaux'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'technique'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'logiciel', 'ingenierie'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1.5, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'qualite logiciel'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'donnees'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'achats', 'logistique', 'qualite'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'administratif', 'projet'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'juridique', 'conformite'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'produit'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'service client', 'relation client', 'support client', 'clientele'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'general_management', 0.3, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'strategie'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'design', 0.5, 0, 'fr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'creation'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'director general', 'directora general', 'gerente general',
	'consejero delegado', 'consejera delegada', 'presidenta'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'fundador', 'fundadora', 'cofundador', 'cofundadora', 'socio', 'socia',
	'dueno', 'duena', 'propietario', 'propietaria', 'emprendedor',
	'emprendedora', 'empresario', 'empresaria'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', NULL, 0, 70, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'autonomo', 'autonoma'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', NULL, 0, 70, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vicepresidente', 'vicepresidenta'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'directora', 'subdirector', 'subdirectora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'design', 1, 70, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'director de arte', 'directora de arte'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'gerente', 'subgerente', 'jefe', 'jefa', 'coordinador', 'coordinadora',
	'supervisora', 'encargado', 'encargada', 'lider'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 1, 55, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'lider tecnico', 'lider tecnica'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'analista', 'auxiliar'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vendedor', 'vendedora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'asesor', 'asesora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'representante', 'agente', 'especialista'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tecnico', 'tecnica'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'desarrollador', 'desarrolladora', 'programador', 'programadora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ingeniero', 'ingeniera'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'disenador', 'disenadora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'contador', 'contadora', 'contable'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'abogado', 'abogada'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'secretaria', 'recepcionista'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'administrativo', 'administrativa'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'hr', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'reclutador', 'reclutadora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'consultor', 'consultora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'docente', 'medico'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 10, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'medica'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'enfermero', 'enfermera'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'redactor', 'redactora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tesorero', 'tesorera'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1.5, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'analista programador'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 1.5, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cientifico de datos', 'cientifica de datos'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 1.5, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tecnico de soporte'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1, 10, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'grafico', 'grafica'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 15, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ejecutivo', 'ejecutiva'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 20, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'asistente'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 0.5, 40, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'arquitecto', 'arquitecta'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'becario', 'becaria', 'practicante', 'pasante', 'practicas'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 55, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'estudiante'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'block', 'entry', 'operations', 1, 20, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'asistente de', 'asistente del'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ventas'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 5, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'comercial'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 0.8, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cuentas'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cuentas clave'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1.5, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'desarrollo de negocio', 'desarrollo de negocios'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 0.8, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'canal'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1.5, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cuentas por pagar', 'cuentas por cobrar'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'mercadeo', 'comunicacion', 'prensa', 'contenidos'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'finanzas', 'financiero', 'financiera', 'contabilidad', 'administracion'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'nomina', 'nominas', 'recursos humanos', 'rrhh', 'seleccion'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 0.8, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'personas'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tecnologia', 'ingenieria'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'desarrollo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sistemas', 'ti', 'informatica', 'informatico', 'redes'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'soporte'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1.5, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'soporte tecnico', 'atencion al cliente', 'exito del cliente'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 0.5, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cliente', 'clientes'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'operaciones', 'logistica', 'compras', 'almacen'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tienda', 'proyecto', 'proyectos'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'producto'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'datos'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'design', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'diseno', 'creativo', 'creativa'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'juridico', 'juridica', 'cumplimiento'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'general_management', 0.3, 0, 'es', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'estrategia'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'diretor geral', 'diretor executivo', 'diretora executiva',
	'diretora geral'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'proprietario', 'proprietaria', 'dono', 'empreendedor', 'empreendedora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', NULL, 0, 70, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'superintendente'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'diretor', 'diretora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', 'design', 1, 70, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'diretor de arte', 'diretora de arte'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'coordenador', 'coordenadora', 'gestor', 'gestora', 'encarregado',
	'encarregada', 'chefe'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1.5, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'gestor de trafego', 'gestora de trafego'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'customer_success', 1, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'atendente'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'operador', 'operadora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'desenvolvedor', 'desenvolvedora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'engenheiro', 'engenheira'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'advogado', 'advogada'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'hr', 1, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'recrutador', 'recrutadora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'comprador', 'compradora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'redator', 'redatora'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tesoureiro', 'tesoureira'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 1.5, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'cientista de dados'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 10, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'enfermeiro', 'enfermeira'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 15, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'executivo', 'executiva'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 20, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistente'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 0.5, 40, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'arquiteto', 'arquiteta'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 30, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'pleno', 'plena'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'estagiario', 'estagiaria', 'estagio', 'jovem aprendiz', 'aprendiz'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 55, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'estudante'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'block', 'entry', 'operations', 1, 20, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistente de', 'assistente da', 'assistente do', 'assistente executiva',
	'assistente executivo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vendas', 'novos negocios', 'pre vendas', 'prevendas', 'parcerias'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 0.8, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'contas'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'telemarketing'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'comunicacao', 'trafego'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 0.5, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'midia'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'financeiro', 'financeira', 'contabil', 'contabilidade', 'fiscal',
	'tesouraria'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1.5, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'departamento pessoal'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'recrutamento', 'selecao'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1.5, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tecnologia da informacao'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'infraestrutura'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1.5, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'seguranca da informacao'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 0.5, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'seguranca'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'suporte'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1.5, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'suporte tecnico', 'sucesso do cliente'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'atendimento', 'sac'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'operacoes', 'suprimentos'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'loja'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'producao', 'escritorio'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projetos', 'projeto'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'produto'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'dados'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'engenharia'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'desenvolvimento'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'design', 1, 0, 'pt', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'criacao'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'algemeen directeur', 'algemeen directrice', 'algemeen manager',
	'bestuurder', 'voorzitter'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'eigenaar', 'eigenaresse', 'oprichter', 'medeoprichter', 'vennoot',
	'ondernemer', 'dga'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', NULL, 0, 70, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'zzp', 'zzper'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'hoofd', 'afdelingshoofd'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'teamleider', 'teamleidster'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projectleider'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 1, 50, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'bedrijfsleider'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'leidinggevende'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'productmanager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projectmanager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'sales', 1, 50, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'accountmanager', 'salesmanager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 1, 50, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'officemanager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*medewerker', '*medewerkster'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*ontwikkelaar'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*beheerder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 0.5, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*analist'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*adviseur', '*adviseuse'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*ontwerper', '*vormgever'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*marketeer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*secretaresse', 'receptioniste'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'boekhouder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 0.5, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*administrateur'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'inkoper'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'verkoper'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'jurist', '*jurist', 'advocaat'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'docent', 'leraar', 'lerares', 'verpleegkundige'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'woordvoerder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'werkvoorbereider'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*coordinator'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 30, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'medior'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'stagiair', '*stagiair', 'afstudeerder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'stop', NULL, NULL, 0, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'bij', 'voormalig'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'verkoop*', 'commercieel', 'commerciele', 'binnendienst*', 'buitendienst*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'communicatie*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'klantenservice*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 0.8, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'klant*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'support*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'financieel', 'financiele', 'financien', 'administratie'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'salaris*', 'personeels*', 'p o'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'inkoop*', 'logistiek*', 'operationeel', 'productie*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'planning', 'project*', 'vestiging*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ontwikkeling', 'technisch'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'design', 1, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'grafisch', 'ontwerp'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1, 0, 'nl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'juridisch'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'amministratore delegato', 'amministratrice delegata',
	'amministratore unico', 'amministratrice unica', 'direttore generale',
	'direttrice generale'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'fondatore', 'cofondatore', 'titolare', 'imprenditore', 'imprenditrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', NULL, 0, 70, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'libero professionista', 'libera professionista'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'direttore', 'direttrice', 'dirigente'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'responsabile', 'capo', 'coordinatore', 'coordinatrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'capo progetto'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'addetto', 'addetta', 'impiegato', 'impiegata', 'operatore', 'operatrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sviluppatore', 'sviluppatrice', 'programmatore', 'programmatrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ingegnere', 'ingegnera'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1.5, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ingegnere informatico'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sistemista'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'it', 1.5, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'amministratore di sistema'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ragioniere', 'contabile', 'ragioniera'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'avvocato', 'avvocata', 'giurista'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'segretaria', 'segretario'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'consulente'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'insegnante', 'infermiera', 'infermiere'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'magazziniere'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'venditore', 'venditrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tesoriere'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'hr', 1, 10, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'selezionatore', 'selezionatrice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 55, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'controller di gestione'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 5, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'legale'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'stagista', 'tirocinante', 'apprendista', 'tirocinio'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 55, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'studente', 'studentessa'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'block', 'entry', 'operations', 1, 20, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistente di', 'assistente dell', 'assistente della'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'stop', NULL, NULL, 0, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'presso'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vendite', 'vendita'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 5, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'commerciale'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'commercio'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1.5, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sviluppo commerciale'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'comunicazione'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1.5, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ufficio stampa'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'stampa', 'pubblicita'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'amministrativo', 'amministrativa', 'amministrazione', 'finanza',
	'finanziario', 'finanziaria', 'contabilita', 'controllo di gestione'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'personale', 'risorse umane', 'paghe', 'selezione'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1.5, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ufficio tecnico'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 0.5, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sviluppo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ricerca e sviluppo'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1.5, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sistemi informativi'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'it', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'infrastruttura', 'rete'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'operativo', 'operativa', 'produzione', 'acquisti', 'magazzino', 'qualita'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'progetto'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'prodotto'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1.5, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'assistenza clienti', 'servizio clienti'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'dati'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1, 0, 'it', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'legali', 'affari legali'
]) AS p;
/*
 * Swedish, Danish, Norwegian (Bokmål), Finnish, Polish, Czech, Russian,
 * Japanese and Chinese, and English shorthands (SWE, AE, PM, EM, TPM).
 * Patterns in other scripts are written in them and stored folded as titles
 * are read: Cyrillic transliterated, kanji and hanzi in Mandarin pinyin,
 * kana romanized.  A word shared by several languages has lang NULL.
 * Japanese 経理 (accounting) folds as Chinese 经理 (manager) and reads as a
 * manager.
 */
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vd', 'verkställande direktör', 'vice vd', 'styrelseordförande', 'koncernchef',
	'styrelseledamot'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'grundare', 'medgrundare', 'delägare', 'ägare', 'företagare',
	'egenföretagare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'avdelningschef', 'chef för'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*direktör'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'*chef', 'menedżer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'gruppchef', 'teamledare', 'enhetschef', 'arbetsledare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projektledare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'produktchef'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'utvecklare', '*utvecklare', 'programmerare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1.5, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'affärsutvecklare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'säljare', '*säljare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ekonom', 'redovisningsekonom', 'ekonomiassistent'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'revisor'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'customer_success', 1, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kundtjänstmedarbetare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'medarbetare', 'handläggare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'hr', 1, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'rekryterare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'bolagsjurist'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'advokat'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'konsult'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 1, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'dataanalytiker'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 1, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'inköpare'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1, 10, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kommunikatör'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sälj*', 'försäljning*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'marknad*', 'kommunikations*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ekonomi*', 'redovisning*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kundtjänst*', 'kundservice'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'inköp*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'sv', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'rekrytering*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'administrerende direktør', 'adm direktør', 'adm dir', 'bestyrelsesformand', 'direktionen'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'daglig leder', 'styreleder', 'konsernsjef'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'indehaver', 'medejer', 'ejer', 'stifter', 'medstifter',
	'grundlægger', 'medindehaver'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'eier', 'medeier', 'innehaver'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', NULL, 0, 70, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'selvstændig'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', NULL, 0, 70, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'selvstendig', 'selvstendig næringsdrivende'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'afdelingsleder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'avdelingsleder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sjef', '*sjef', 'leder', '*leder', 'gruppeleder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'teamleder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projektleder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'prosjektleder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'produktsjef'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'udvikler', '*udvikler', 'programmør'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'utvikler', '*utvikler'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 1, 40, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'seniorutvikler'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 1, 40, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'seniorudvikler'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1.5, 10, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'forretningsudvikler', 'salgskonsulent'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1.5, 10, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'forretningsutvikler'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sælger'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'selger'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'bogholder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'regnskapsfører'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'customer_success', 1, 10, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kundeservicemedarbejder'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'customer_success', 1, 10, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kundebehandler'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'medarbejder', 'supporter'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'medarbeider'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'konsulent'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'rådgiver'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'advokatfuldmægtig'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'advokatfullmektig'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'elev'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'lærling'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'salg*', 'salg'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'marked*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'økonomi*', 'regnskab*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'nb', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'regnskap*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'da', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kundeservice*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'toimitusjohtaja', 'varatoimitusjohtaja', 'hallituksen puheenjohtaja', 'hallituksen jäsen'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'perustaja', 'yrittäjä', 'omistaja', 'osakas', 'yksityisyrittäjä',
	'toinen perustaja'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'johtaja', '*johtaja', 'osastopäällikkö'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'päällikkö', '*päällikkö', 'tiiminvetäjä', 'esimies'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projektipäällikkö'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tuotepäällikkö'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kehittäjä', '*kehittäjä', 'ohjelmoija', 'ohjelmistosuunnittelija'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'insinööri'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'myyjä', 'myyntiedustaja'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kirjanpitäjä'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'customer_success', 1, 10, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'asiakaspalvelija'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'lakimies', 'juristi'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'konsultti'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'asiantuntija'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'harjoittelija'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'myynti*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'markkinointi*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'talous*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'henkilöstö*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'fi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'asiakaspalvelu*'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'prezes zarządu', 'prezes', 'członek zarządu', 'dyrektor generalny', 'dyrektor zarządzający',
	'prezeska'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', NULL, 0, 70, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'wiceprezes'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', 'general_management', 0.5, 70, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'wiceprezes zarządu'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'właściciel', 'właścicielka', 'współwłaściciel', 'współwłaścicielka', 'założyciel',
	'założycielka', 'współzałożyciel', 'współzałożycielka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'dyrektor', 'dyrektorka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kierownik', 'kierowniczka', 'koordynator', 'koordynatorka', 'lider zespołu'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kierownik projektu'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'programista', 'programistka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'inżynier'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'specjalista', 'specjalistka', 'pracownik', 'referent', 'analityk',
	'analityczka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1.5, 10, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'przedstawiciel handlowy'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'handlowiec'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'księgowa', 'księgowy'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'konsultant', 'konsultantka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1.5, 10, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'radca prawny'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'prawnik', 'prawniczka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 20, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'asystent', 'asystentka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', NULL, 0, 40, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'starszy', 'starsza'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 60, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'młodszy', 'młodsza'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'stażysta', 'stażystka', 'praktykant', 'praktykantka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'sprzedaży', 'sprzedaż', 'handlowy', 'handlowa'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'marketingu'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'finansowy', 'finansowa', 'finansów', 'księgowości'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'produktu'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kadr', 'personalny'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'obsługi klienta', 'obsługa klienta'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1, 0, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'danych'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'oprogramowania'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'pl', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projektu', 'zarządu'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'jednatel', 'jednatelka', 'generální ředitel', 'generální ředitelka', 'předseda představenstva',
	'člen představenstva'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'majitel', 'majitelka', 'spolumajitel', 'zakladatel', 'zakladatelka',
	'spoluzakladatel'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', NULL, 0, 70, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'osvč'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ředitel', 'ředitelka', 'vedoucí', 'vedoucí oddělení'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'manažer', 'manažerka', 'vedoucí týmu', 'vedoucí skupiny'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projektový manažer', 'vedoucí projektu'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'produktový manažer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'programátor', 'vývojář', 'vývojářka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'engineering', 1, 40, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'senior vývojář'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'účetní'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1.5, 10, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'obchodní zástupce'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'hr', 1, 10, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'personalista', 'personalistka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'právník', 'právnička'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'other', 0.5, 10, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'konzultant', 'konzultantka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'operations', 0.5, 20, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'asistentka', 'asistent'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'stážista', 'stážistka'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'obchodní', 'prodeje', 'prodej'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'marketingový'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'finanční'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'cs', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'personální'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'генеральный директор', 'гендиректор', 'председатель правления'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', NULL, 0, 70, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'исполнительный директор', 'вице президент'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'основатель', 'сооснователь', 'владелец', 'совладелец', 'учредитель',
	'соучредитель', 'предприниматель', 'индивидуальный предприниматель'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'руководитель', 'начальник', 'руководитель отдела', 'начальник отдела'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'тимлид', 'руководитель группы'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'руководитель проекта', 'менеджер проектов', 'менеджер проекта'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'продакт менеджер'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'программист', 'разработчик'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'бухгалтер'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'юрист'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'аналитик'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1, 10, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'маркетолог'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', NULL, 0, 40, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ведущий', 'старший'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 60, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'младший'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'стажер', 'практикант'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'продаж', 'продажам', 'коммерческий'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'маркетинга'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'финансовый'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1, 0, 'ru', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'данных'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'代表取締役', '社長', '取締役', '代表取締役社長'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'創業者', 'オーナー'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'部長', '本部長'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'課長', 'マネージャー', '*マネージャー'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'プロダクトマネージャー'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'プロジェクトマネージャー'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'エンジニア', '*エンジニア'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1, 10, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'デザイナー'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'data', 1, 10, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'データサイエンティスト'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'インターン'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'営業'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'マーケティング', '広報'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'ja', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'人事'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'開発'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'legal', 1, 0, NULL, 'shipped' FROM pg_catalog.unnest(ARRAY[
	'法務'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'首席执行官', '总经理', '董事长', '总裁', '董事'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', NULL, 0, 70, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'首席'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'vp', NULL, 0, 70, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'副总裁', '副总'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'创始人', '联合创始人', '合伙人', '老板'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'总监'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'经理', '主管', '组长'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'工程师'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'design', 1.5, 10, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'设计师'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'legal', 1, 10, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'律师'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'会计'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'customer_success', 1, 10, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'客服'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'专员', '分析师'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', NULL, 0, 40, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'高级', '资深'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 60, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'初级'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'实习生', '实习'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'销售'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'市场', '营销'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'产品'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'项目'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'运营', '采购', '行政'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'技术', '研发', '软件'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'财务'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'人力资源', '招聘'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1, 0, 'zh', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'数据'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'swe'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'pm'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'marketing', 1.5, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'pmm'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ae'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'engineering', 1, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'^ em $', 'eng manager'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 1, 50, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'tpm'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', 'hr', 1, 55, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'acquisition partner'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 1, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'bizops'
]) AS p;
/*
 * Turkish, Indonesian, Vietnamese, Greek, Hungarian, Romanian and Korean:
 * the ranks and the functions most titles name.  Hangul is romanized with
 * the words run together, so a Korean compound is a pattern of its own
 * (영업팀장).  Romanian "contabil" (accountant) is also the Portuguese
 * adjective "contábil", and stays a function word without a rank.
 */
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'genel müdür', 'genel müdürü', 'yönetim kurulu başkanı', 'yönetim kurulu üyesi', 'genel müdür yardımcısı'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kurucu', 'kurucu ortak', 'şirket sahibi', 'sahibi', 'ortak'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'direktörü'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'müdür', 'müdürü', 'yönetici', 'yöneticisi', 'takım lideri',
	'ekip lideri', 'şef', 'şefi', 'sorumlusu', 'sorumlu'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'proje yöneticisi', 'proje müdürü'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'product', 1.5, 50, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ürün yöneticisi', 'ürün müdürü'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'geliştirici', 'yazılımcı'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 0.5, 10, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'mühendis', 'mühendisi'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'uzman', 'uzmanı', 'temsilci', 'temsilcisi', 'asistan',
	'asistanı', 'personeli'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'senior', NULL, 0, 40, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kıdemli'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'stajyer'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'satış'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'pazarlama'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'yazılım'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'insan kaynakları'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'muhasebe', 'finans'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'müşteri hizmetleri', 'müşteri destek', 'müşteri başarı'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ürün'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'operations', 0.5, 0, 'tr', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'proje', 'operasyon'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'direktur utama', 'presiden direktur', 'direktur eksekutif'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'pendiri', 'pemilik', 'salah satu pendiri', 'wirausaha', 'pengusaha'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'direktur', 'kepala', 'kepala divisi', 'kepala bagian'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'manajer', 'pengelola', 'koordinator'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'pengembang'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'staf', 'karyawan', 'pegawai'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'akuntan'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'magang', 'mahasiswa magang', 'peserta magang'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'penjualan'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'pemasaran'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'engineering', 1, 0, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'perangkat lunak'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'keuangan', 'akuntansi'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'hrd', 'sumber daya manusia', 'sdm'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'layanan pelanggan'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'product', 1, 0, 'id', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'produk'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'giám đốc điều hành', 'tổng giám đốc', 'chủ tịch'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'nhà sáng lập', 'đồng sáng lập', 'người sáng lập', 'chủ doanh nghiệp'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'giám đốc', 'trưởng phòng', 'trưởng bộ phận'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'quản lý', 'trưởng nhóm'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'quản lý dự án'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'lập trình viên'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'nhân viên', 'chuyên viên'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kế toán'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'thực tập sinh', 'thực tập'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'kinh doanh', 'bán hàng'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'nhân sự'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'customer_success', 1, 0, 'vi', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'chăm sóc khách hàng'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'διευθύνων σύμβουλος', 'γενικός διευθυντής', 'πρόεδρος'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ιδρυτής', 'ιδρύτρια', 'συνιδρυτής', 'ιδιοκτήτης', 'ιδιοκτήτρια'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'διευθυντής', 'διευθύντρια'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'υπεύθυνος', 'υπεύθυνη'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'προγραμματιστής', 'προγραμματίστρια'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'λογιστής', 'λογίστρια'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1, 10, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'πωλητής', 'πωλήτρια'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ασκούμενος', 'ασκούμενη'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'πωλήσεων'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'el', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'μάρκετινγκ'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'ügyvezető', 'ügyvezető igazgató', 'vezérigazgató'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'alapító', 'társalapító', 'tulajdonos', 'egyéni vállalkozó'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'director', NULL, 0, 70, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'igazgató'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vezető', '*vezető', 'csoportvezető'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'projektvezető'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'fejlesztő', '*fejlesztő', 'programozó'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'könyvelő'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'munkatárs', 'ügyintéző', 'referens'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'gyakornok'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'hu', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'értékesítési', 'értékesítés'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'ro', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'fondator', 'fondatoare', 'cofondator', 'proprietar'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'operations', 0.5, 50, 'ro', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'manager de proiect'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'ro', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'dezvoltator'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'finance', 1, 10, 'ro', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'contabilă'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'sales', 1.5, 10, 'ro', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'agent de vânzări'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'ro', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'stagiar', 'stagiară'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'ro', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'vânzări'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'c_level', 'general_management', 0.5, 70, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'대표이사', '대표'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'owner', 'general_management', 0.5, 70, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'창업자', '공동창업자'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', NULL, 0, 50, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'매니저', '팀장', '*팀장'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'engineering', 1, 10, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'개발자', '엔지니어'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', NULL, 0, 10, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'담당자', '담당'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'intern', NULL, 0, 90, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'인턴'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1, 0, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'마케팅'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'hr', 1, 0, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'인사'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'finance', 1, 0, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'회계'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'sales', 1, 0, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'영업'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'manager', 'sales', 1.5, 50, 'ko', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'영업팀장'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', 'entry', 'marketing', 1.5, 10, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'developer advocate', 'developer evangelist'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'marketing', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'developer relations', 'devrel'
]) AS p;
INSERT INTO sum.persona_rules (pattern, action, seniority, function, weight, priority, lang, source)
SELECT p, 'classify', NULL, 'data', 1.5, 0, 'en', 'shipped' FROM pg_catalog.unnest(ARRAY[
	'mlops'
]) AS p;
-- END persona shipped rules

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
	('milestones.timezone', 'UTC', 'timezone',
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
/* the C functions read it with the caller's rights: every role may read it */
GRANT SELECT ON sum.milestone_defs TO PUBLIC;

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

/*
 * The transition works on the state unpacked, in place; the final function
 * packs it for keeping (zero runs squeezed out: 940 bytes to about 150).
 */
CREATE FUNCTION sum.milestones_final(sum.milestone_state)
	RETURNS sum.milestone_state
	AS 'MODULE_PATHNAME', 'sum_milestones_final'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestones_final(sum.milestone_state) IS
	'final function of sum.milestones: the state packed for storage';

CREATE AGGREGATE sum.milestones(event text, ts timestamptz, signup_at timestamptz) (
	SFUNC = sum.milestones_accum,
	STYPE = sum.milestone_state,
	SSPACE = 1024,
	FINALFUNC = sum.milestones_final,
	COMBINEFUNC = sum.milestones_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum.milestones(text, timestamptz, timestamptz) IS
	'one user''s milestone state from their events (event name, time, sign-up time)';

CREATE AGGREGATE sum.milestones(state sum.milestone_state) (
	SFUNC = sum.milestones_combine,
	STYPE = sum.milestone_state,
	SSPACE = 1024,
	FINALFUNC = sum.milestones_final,
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

CREATE FUNCTION sum.milestone_next_change(state sum.milestone_state, as_of timestamptz DEFAULT pg_catalog.now(),
										  usage boolean DEFAULT true)
	RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'sum_milestone_next_change'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.milestone_next_change(sum.milestone_state, timestamptz, boolean) IS
	'the earliest time after as_of at which time alone may change the state''s milestones (or, with usage, its usage figures); NULL: never; never late';

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

CREATE FUNCTION sum.time_windows(times timestamptz[], as_of timestamptz, windows interval[],
								 OUT times_sorted timestamptz[], OUT next_change timestamptz)
	RETURNS record
	AS 'MODULE_PATHNAME', 'sum_time_windows'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION sum.time_windows(timestamptz[], timestamptz, interval[]) IS
	'the times in order without NULLs, and the earliest time + window at or after as_of (when time alone next moves a count of the times within a window)';

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
/* the C functions read it with the caller's rights: every role may read it */
GRANT SELECT ON sum.icp_rules TO PUBLIC;

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

/*
 * The pipeline turns the data team's own relations (product users and
 * events, CRM accounts and contacts) into the output tables below.  It is
 * set-based SQL over the functions above, in one transaction per run, so
 * that readers see the last complete result (MVCC) and a failed run leaves
 * the previous one in place.
 *
 * Inputs are named in sum.settings (input.*) and read through a canonical
 * query built from sum.input_columns; every relation and column name is
 * quoted with format('%I'), never concatenated.
 */
INSERT INTO sum.setting_defaults (name, value, value_type, min_value, max_value, description) VALUES
	('input.users', NULL, 'relation', NULL, NULL,
	 'product users (required): user_id, email, signed_up_at [, full_name, title, company_name, country, stage, updated_at]'),
	('input.events', NULL, 'relation', NULL, NULL,
	 'product events (required): user_id, event, occurred_at; may be partitioned by occurred_at'),
	('input.crm_accounts', NULL, 'relation', NULL, NULL,
	 'CRM accounts (optional): account_id, name [, domain, country, employees, industry, annual_revenue, technologies, parent_account_id, created_at, owner]'),
	('input.crm_contacts', NULL, 'relation', NULL, NULL,
	 'CRM contacts (optional): contact_id, account_id, email [, full_name, title]'),
	('pipeline.late_events', '1 hour', 'interval', NULL, NULL,
	 'events may arrive this late: the incremental refresh re-reads events newer than its watermark minus this lag'),
	('pipeline.log_retention', '90 days', 'interval', NULL, NULL,
	 'rows of sum.refresh_log older than this are deleted by the next run'),
	('pipeline.reevaluate_every', '1 hour', 'interval', NULL, NULL,
	 'how often an incremental refresh re-evaluates time-based conditions (usage drop, inactivity, activity windows) of every user, not only of users with new data'),
	('pipeline.compact_after_full', 'true', 'boolean', NULL, NULL,
	 'a full refresh, once committed, rewrites sum.users compactly (CLUSTER), blocking its readers meanwhile (seconds per million users); skipped when another session holds the table'),
	('handoff.sla', '1 day', 'interval', NULL, NULL,
	 'time sales has to work a new handoff when its routing rule sets none'),
	('handoff.default_owner', NULL, 'text', NULL, NULL,
	 'owner of a handoff that no routing rule and no CRM owner covers (NULL: unassigned)'),
	('nurture.min_fit_tier', 'B', 'text', NULL, NULL,
	 'lowest ICP fit tier of a "fitting" account for the invite, outbound and reverse-ABM plays'),
	('nurture.min_active_users', '2', 'integer', 1, 1000,
	 'active users (last 7 days) that make an account a reverse-ABM audience'),
	('nurture.stalled_after', '3 days', 'interval', NULL, NULL,
	 'a trial without activation and without events for this long is stalled');
UPDATE sum.setting_defaults SET allowed_values = ARRAY['A', 'B', 'C', 'D']
 WHERE name OPERATOR(pg_catalog.=) 'nurture.min_fit_tier';

/*
 * The input contract, as data: sum.check_inputs() and the refresh read it.
 * types lists the accepted pg_type names of a column (NULL: any type that
 * casts to text); cast_to is the type the pipeline reads it as.
 */
CREATE TABLE sum.input_columns (
	input text NOT NULL,
	column_name text NOT NULL,
	required boolean NOT NULL,
	types text[],
	cast_to text NOT NULL,
	description text NOT NULL,
	PRIMARY KEY (input, column_name)
);
COMMENT ON TABLE sum.input_columns IS
	'the columns the pipeline reads from each input relation: required or optional, accepted types';

INSERT INTO sum.input_columns (input, column_name, required, types, cast_to, description) VALUES
	('users', 'user_id', true, NULL, 'text', 'id of the product user (any type; compared as text)'),
	('users', 'email', true, '{text,varchar,bpchar,citext}', 'text', 'login email'),
	('users', 'signed_up_at', true, '{timestamptz,timestamp,date}', 'timestamptz', 'sign-up time'),
	('users', 'full_name', false, '{text,varchar,bpchar,citext}', 'text', 'name, for person de-duplication'),
	('users', 'title', false, '{text,varchar,bpchar,citext}', 'text', 'job title, for persona and buying role'),
	('users', 'company_name', false, '{text,varchar,bpchar,citext}', 'text', 'company typed at sign-up, for matching'),
	('users', 'country', false, '{text,varchar,bpchar,citext}', 'text', 'ISO 3166-1 alpha-2 country, for matching and routing'),
	('users', 'stage', false, '{text,varchar,bpchar,citext,lifecycle_stage}', 'text', 'freemium, trial, paid or churned (other values: no stage)'),
	('users', 'updated_at', false, '{timestamptz,timestamp,date}', 'timestamptz', 'last change of the row: an incremental refresh re-reads changed users'),
	('events', 'user_id', true, NULL, 'text', 'the user of the event'),
	('events', 'event', true, '{text,varchar,bpchar,citext}', 'text', 'event name, as in sum.milestone_defs'),
	('events', 'occurred_at', true, '{timestamptz,timestamp,date}', 'timestamptz', 'event time (partition key of a partitioned events table)'),
	('crm_accounts', 'account_id', true, NULL, 'text', 'CRM account id'),
	('crm_accounts', 'name', true, '{text,varchar,bpchar,citext}', 'text', 'account name'),
	('crm_accounts', 'domain', false, '{text,varchar,bpchar,citext}', 'text', 'website or domain'),
	('crm_accounts', 'country', false, '{text,varchar,bpchar,citext}', 'text', 'ISO 3166-1 alpha-2 country'),
	('crm_accounts', 'employees', false, '{int2,int4,int8,numeric}', 'integer', 'company size, for buying role, fit and routing'),
	('crm_accounts', 'industry', false, '{text,varchar,bpchar,citext}', 'text', 'industry, for fit'),
	('crm_accounts', 'annual_revenue', false, '{int2,int4,int8,numeric,float4,float8,money}', 'numeric', 'annual revenue, for fit'),
	('crm_accounts', 'technologies', false, '{_text,_varchar}', 'text[]', 'technologies in use, for fit'),
	('crm_accounts', 'parent_account_id', false, NULL, 'text', 'parent account, for matching tie-breaks'),
	('crm_accounts', 'created_at', false, '{timestamptz,timestamp,date}', 'timestamptz', 'creation time, for matching tie-breaks'),
	('crm_accounts', 'owner', false, '{text,varchar,bpchar,citext}', 'text', 'account owner in the CRM: handoffs go to them'),
	('crm_contacts', 'contact_id', true, NULL, 'text', 'CRM contact id'),
	('crm_contacts', 'account_id', true, NULL, 'text', 'CRM account of the contact'),
	('crm_contacts', 'email', true, '{text,varchar,bpchar,citext}', 'text', 'contact email'),
	('crm_contacts', 'full_name', false, '{text,varchar,bpchar,citext}', 'text', 'contact name'),
	('crm_contacts', 'title', false, '{text,varchar,bpchar,citext}', 'text', 'job title, for the decision-maker plays');

/*
 * sum.input_relation(input): the quoted, qualified name of the relation
 * mapped to an input, or NULL when the setting is not set.  Each part of
 * the setting is quoted on its own, so that a name with quotes, dots or
 * semicolons stays one identifier.
 */
CREATE FUNCTION sum.input_relation(input text) RETURNS text
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(part), '.' ORDER BY n)
	  FROM pg_catalog.unnest(pg_catalog.parse_ident(sum.setting('input.' OPERATOR(pg_catalog.||) input)))
		   WITH ORDINALITY AS p(part, n)
$$;
COMMENT ON FUNCTION sum.input_relation(text) IS
	'quoted qualified name of the relation mapped to an input (users, events, crm_accounts, crm_contacts), NULL when unset';

/*
 * sum.check_inputs(): every problem of the input mapping at once, one row
 * each; no rows means the mapping is good.  It reads only the catalogs.
 */
CREATE FUNCTION sum.check_inputs()
	RETURNS TABLE (input text, relation text, column_name text, problem text)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	inp text;
	rel text;
	relid oid;
	col record;
	typ text;
BEGIN
	FOREACH inp IN ARRAY ARRAY['users', 'events', 'crm_accounts', 'crm_contacts'] LOOP
		rel := sum.input_relation(inp);
		IF rel IS NULL THEN
			IF inp IN ('users', 'events') THEN
				input := inp; relation := NULL; column_name := NULL;
				problem := format('setting input.%s is not set: name the relation of the %s', inp,
								  CASE inp WHEN 'users' THEN 'product users' ELSE 'product events' END);
				RETURN NEXT;
			END IF;
			CONTINUE;
		END IF;
		relid := to_regclass(rel);
		IF relid IS NULL THEN
			input := inp; relation := rel; column_name := NULL;
			problem := format('relation %s (setting input.%s) does not exist or is not visible', rel, inp);
			RETURN NEXT;
			CONTINUE;
		END IF;
		IF NOT has_table_privilege(relid, 'SELECT') THEN
			input := inp; relation := rel; column_name := NULL;
			problem := format('permission denied: %s cannot read %s', current_user, rel);
			RETURN NEXT;
		END IF;
		FOR col IN SELECT c.column_name, c.required, c.types
					 FROM sum.input_columns c WHERE c.input = inp ORDER BY c.required DESC, c.column_name LOOP
			SELECT t.typname INTO typ
			  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
			 WHERE a.attrelid = relid AND a.attname = col.column_name
			   AND a.attnum > 0 AND NOT a.attisdropped;
			IF NOT FOUND THEN
				IF col.required THEN
					input := inp; relation := rel; column_name := col.column_name;
					problem := format('required column %I is missing', col.column_name);
					RETURN NEXT;
				END IF;
			ELSIF col.types IS NOT NULL AND NOT typ = ANY (col.types) THEN
				input := inp; relation := rel; column_name := col.column_name;
				problem := format('column %I is of type %s, expected one of %s', col.column_name, typ,
								  array_to_string(col.types, ', '));
				RETURN NEXT;
			END IF;
		END LOOP;
	END LOOP;
END;
$$;
COMMENT ON FUNCTION sum.check_inputs() IS
	'problems of the input mapping (missing relations, missing or mistyped columns), one row each; no rows: good';

/*
 * sum.input_query(input): a SELECT over the mapped relation that returns
 * the contract's columns, in order, with their canonical types; missing
 * optional columns read as NULL.  Callers add their own WHERE.
 */
CREATE FUNCTION sum.input_query(input text) RETURNS text
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rel text := sum.input_relation(input);
	relid oid := to_regclass(rel);
	cols text;
BEGIN
	IF relid IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT string_agg(CASE WHEN a.attname IS NULL
						   THEN format('NULL::%s AS %I', c.cast_to, c.column_name)
						   WHEN c.column_name IN ('signed_up_at', 'occurred_at', 'updated_at', 'created_at')
								AND t.typname = 'timestamptz'
						   THEN format('%I', c.column_name)	-- no cast: partition pruning sees the column
						   -- text in the database's collation: a case-blind one of the
						   -- source would make a change of case compare equal, and the
						   -- run would keep the old value
						   WHEN c.cast_to IN ('text', 'text[]')
						   THEN format('%I::%s COLLATE "default" AS %I', c.column_name, c.cast_to, c.column_name)
						   ELSE format('%I::%s AS %I', c.column_name, c.cast_to, c.column_name) END,
					  ', ' ORDER BY c.required DESC, c.column_name)
	  INTO cols
	  FROM sum.input_columns c
	  LEFT JOIN pg_attribute a ON a.attrelid = relid AND a.attname = c.column_name
							  AND a.attnum > 0 AND NOT a.attisdropped
	  LEFT JOIN pg_type t ON t.oid = a.atttypid
	 WHERE c.input = input_query.input;
	RETURN format('SELECT %s FROM %s', cols, rel);
END;
$$;
COMMENT ON FUNCTION sum.input_query(text) IS
	'SELECT of an input relation with the contract''s columns and types (missing optional columns as NULL)';

/*
 * Rules of the handoff and the nurture plays, as data.  Shipped rows come
 * with the extension (source 'shipped'); users add rows ('user') and edit
 * or disable shipped ones (which become 'edited').  pg_dump keeps every row
 * that is not a pristine shipped one; on restore, a row with the key of a
 * shipped one replaces it, so edits survive a dump and restore.  Disable a
 * shipped row rather than deleting it: a restore brings deleted ones back.
 */
CREATE FUNCTION sum.shipped_row_write() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		-- TG_ARGV[0] is the key column (a constant of the CREATE TRIGGER)
		EXECUTE format('DELETE FROM %I.%I WHERE %I = $1 AND source = ''shipped''',
					   TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_ARGV[0])
		  USING to_jsonb(NEW) ->> TG_ARGV[0];
		IF NEW.source = 'shipped' THEN
			NEW.source := 'edited';
		END IF;
	ELSIF OLD.source = 'shipped' THEN
		NEW.source := 'edited';
	END IF;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION sum.shipped_row_write() IS
	'trigger: a user row replaces the shipped row of the same key; an edited shipped row becomes ''edited''';

/*
 * sum.handoff_rules: an account goes to sales when some enabled rule holds:
 * fit tier at least min_tier and every other non-NULL condition.  The
 * names of the rules that hold are the handoff's reasons.
 */
CREATE TABLE sum.handoff_rules (
	name text PRIMARY KEY CHECK (name OPERATOR(pg_catalog.~) '^[a-z][a-z0-9_]{0,62}$'),
	source text NOT NULL DEFAULT 'user'
		CHECK (source OPERATOR(pg_catalog.=) ANY (ARRAY['shipped', 'edited', 'user'])),
	enabled boolean NOT NULL DEFAULT true,
	min_tier sum.fit_tier NOT NULL DEFAULT 'B',
	min_decision_makers integer CHECK (min_decision_makers OPERATOR(pg_catalog.>=) 1),
	any_milestones text[] CHECK (pg_catalog.cardinality(any_milestones) OPERATOR(pg_catalog.>) 0),
	min_active_users integer CHECK (min_active_users OPERATOR(pg_catalog.>=) 1),
	description text
);
COMMENT ON TABLE sum.handoff_rules IS
	'when an account goes to sales: fit tier and (decision makers, milestones, active users); each rule that holds is a reason';
INSERT INTO sum.handoff_rules (name, source, min_tier, min_decision_makers, any_milestones, min_active_users, description) VALUES
	('decision_maker_signed_up', 'shipped', 'B', 1, NULL, NULL, 'a decision maker signed up at a fitting account'),
	('product_qualified', 'shipped', 'B', NULL, '{activated,onboarded,paywall_hit}', NULL, 'someone at a fitting account reached a product-qualified milestone'),
	('team_active', 'shipped', 'B', NULL, NULL, 3, 'several users active in the last 7 days at a fitting account');
SELECT pg_catalog.pg_extension_config_dump('sum.handoff_rules', 'WHERE source OPERATOR(pg_catalog.<>) ''shipped''');
CREATE TRIGGER shipped_row_write BEFORE INSERT OR UPDATE ON sum.handoff_rules
	FOR EACH ROW EXECUTE FUNCTION sum.shipped_row_write('name');

/*
 * sum.routing_rules: who works a handoff.  The CRM owner of the account
 * wins; otherwise the first enabled rule by priority whose countries and
 * size range cover the account.  New handoffs of a rule go to its owners in
 * turn (next_owner is the rule's round-robin position), and a handoff keeps
 * its owner for good.
 */
CREATE TABLE sum.routing_rules (
	name text PRIMARY KEY,
	priority integer NOT NULL DEFAULT 100,
	enabled boolean NOT NULL DEFAULT true,
	countries text[],
	min_employees integer,
	max_employees integer,
	owners text[] NOT NULL CHECK (pg_catalog.cardinality(owners) OPERATOR(pg_catalog.>) 0
								   AND pg_catalog.array_position(owners, NULL) IS NULL),
	sla interval CHECK (sla OPERATOR(pg_catalog.>) '0'::interval),
	next_owner integer NOT NULL DEFAULT 0 CHECK (next_owner OPERATOR(pg_catalog.>=) 0),
	CHECK (min_employees OPERATOR(pg_catalog.<=) max_employees)
);
COMMENT ON TABLE sum.routing_rules IS
	'territories: countries and company size -> owners (round-robin) and SLA; lowest priority first';
SELECT pg_catalog.pg_extension_config_dump('sum.routing_rules', '');

/* sum.nurture_plays: the plays, whether they run, and their cooldown */
CREATE TABLE sum.nurture_plays (
	play text PRIMARY KEY,
	source text NOT NULL DEFAULT 'user'
		CHECK (source OPERATOR(pg_catalog.=) ANY (ARRAY['shipped', 'edited', 'user'])),
	enabled boolean NOT NULL DEFAULT true,
	subject text NOT NULL CHECK (subject OPERATOR(pg_catalog.=) ANY (ARRAY['person', 'account', 'contact'])),
	cooldown interval NOT NULL DEFAULT '14 days' CHECK (cooldown OPERATOR(pg_catalog.>=) '0'::interval),
	description text NOT NULL
);
COMMENT ON TABLE sum.nurture_plays IS
	'marketing plays of sum.nurture_triggers: enabled, subject kind, cooldown between two firings';
INSERT INTO sum.nurture_plays (play, subject, cooldown, description) VALUES
	('invite_decision_maker', 'person', '14 days', 'a non-decision-maker at a fitting account with no decision maker yet: ask them to invite one'),
	('outbound_decision_makers', 'contact', '30 days', 'CRM contacts with a decision-maker persona at an account with product users and no decision maker among them'),
	('reverse_abm_audience', 'account', '7 days', 'fitting account, several active users, no decision maker: target its decision makers by hashed email'),
	('rescue_stalled_trial', 'person', '7 days', 'a trial that did not activate and went quiet'),
	('churn_risk', 'account', '14 days', 'a paying account whose usage dropped'),
	('paywall_upsell', 'person', '7 days', 'a free or trial user hitting the paywall'),
	('suppress_prospect_nurture', 'person', '0 days', 'a person at a paying account: keep them out of prospect nurture');
UPDATE sum.nurture_plays SET source = 'shipped';
SELECT pg_catalog.pg_extension_config_dump('sum.nurture_plays', 'WHERE source OPERATOR(pg_catalog.<>) ''shipped''');
CREATE TRIGGER shipped_row_write BEFORE INSERT OR UPDATE ON sum.nurture_plays
	FOR EACH ROW EXECUTE FUNCTION sum.shipped_row_write('play');

/* ==========================================================================
 * Pipeline outputs
 * ========================================================================== */

/* One row per product user of the input, with what the pipeline made of it */
CREATE TABLE sum.users (
	user_id text PRIMARY KEY,
	person_id text NOT NULL,
	email text,
	email_key text,
	email_hash text,
	email_domain text,
	is_freemail boolean,
	full_name text,
	title text,
	company_name text,
	country text,
	stage sum.lifecycle_stage,
	signed_up_at timestamptz,
	source_updated_at timestamptz,
	account_key text,
	crm_account_id text,
	match_method text,
	match_score double precision,
	function sum.job_function,
	seniority sum.seniority,
	persona_confidence real,
	buying_role sum.buying_role,
	first_event_at timestamptz,
	last_event_at timestamptz,
	events bigint,
	milestones text[],
	recheck_at timestamptz,
	updated_at timestamptz NOT NULL
) WITH (fillfactor = 75);
/*
 * Every run rewrites the users with new events and those whose recheck time
 * came: with room on each page and no index on the columns a run changes
 * (usage, milestones, recheck_at, updated_at), those are HOT updates that
 * write no index.  (The rolling 7- and 28-day figures are not stored: they
 * would move a tenth of the rows each time a day passes; sum.user_activity
 * computes them from the stored states when read.)  Readers of sum.users by
 * updated_at scan it; people, accounts and triggers, the tables consumers
 * follow, keep an index.
 */
CREATE INDEX ON sum.users (person_id);
-- (partial: a sixth of the users have no account, and every lookup is by a
-- key; a row without one then writes no entry here)
CREATE INDEX ON sum.users (account_key) WHERE account_key IS NOT NULL;
CREATE INDEX ON sum.users (email_key);
COMMENT ON TABLE sum.users IS
	'pipeline output: one row per product user: identity, person, account match, persona, usage, milestones';

/* One row per de-duplicated person; person_id is the id of one of its logins */
CREATE TABLE sum.people (
	person_id text PRIMARY KEY,
	primary_user_id text NOT NULL,
	user_ids text[] NOT NULL,
	logins integer NOT NULL,
	email text,
	email_hash text,
	full_name text,
	title text,
	function sum.job_function,
	seniority sum.seniority,
	buying_role sum.buying_role,
	account_key text,
	country text,
	stage sum.lifecycle_stage,
	signed_up_at timestamptz,
	last_event_at timestamptz,
	events bigint,
	milestones text[],
	recheck_at timestamptz,
	updated_at timestamptz NOT NULL
);
-- (partial: a person updated writes no entry for a key it lacks; 96 % of the
-- people have no stall to recheck, a sixth no account)
CREATE INDEX ON sum.people (account_key) WHERE account_key IS NOT NULL;
CREATE INDEX ON sum.people (recheck_at) WHERE recheck_at IS NOT NULL;
CREATE INDEX ON sum.people (updated_at);
COMMENT ON TABLE sum.people IS
	'pipeline output: one row per person (logins merged by sum.dedupe_people)';

/*
 * One row per company with product users: a CRM account (account_key
 * 'crm:<id>') or, without one, a corporate email domain ('domain:<domain>').
 */
CREATE TABLE sum.accounts (
	account_key text PRIMARY KEY,
	crm_account_id text,
	name text,
	domain text,
	country text,
	employees integer,
	industry text,
	owner text,
	users bigint NOT NULL,
	active_users_7d bigint,
	active_users_30d bigint,
	decision_makers bigint,
	influencers bigint,
	best_contact text,
	best_contact_role sum.buying_role,
	champion text,
	functions sum.job_function[],
	top_seniority sum.seniority,
	stage sum.lifecycle_stage,
	paid_seats bigint,
	first_signup_at timestamptz,
	last_activity_at timestamptz,
	events bigint,
	milestones text[],
	fit_score integer,
	fit_tier sum.fit_tier,
	fit_rules text[],
	recheck_at timestamptz,
	people_last_events timestamptz[],
	updated_at timestamptz NOT NULL
);
CREATE INDEX ON sum.accounts (updated_at);
CREATE INDEX ON sum.accounts (recheck_at);
COMMENT ON TABLE sum.accounts IS
	'pipeline output: one row per company with product users: CRM match, rollup of its people, ICP fit';

CREATE TABLE sum.user_milestones (
	user_id text NOT NULL,
	milestone text NOT NULL,
	reached_at timestamptz,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (user_id, milestone)
);
CREATE INDEX ON sum.user_milestones (updated_at);
COMMENT ON TABLE sum.user_milestones IS
	'pipeline output: milestones each user has reached, and when';

/*
 * The handoff queue.  The refresh writes every column except the ones
 * sales ops own (status, status_changed_at, snoozed_until, notes): it never
 * overwrites those, and the owner, once given, stays.
 */
CREATE TABLE sum.handoff_queue (
	account_key text PRIMARY KEY,
	crm_account_id text,
	account_name text,
	fit_tier sum.fit_tier,
	fit_score integer,
	reasons text[] NOT NULL,
	contact_person_id text,
	contact_email text,
	contact_email_hash text,
	contact_name text,
	contact_title text,
	contact_role sum.buying_role,
	users bigint,
	active_users_7d bigint,
	owner text,
	routing_rule text,
	queued_at timestamptz NOT NULL,
	sla_due_at timestamptz,
	active boolean NOT NULL DEFAULT true,
	dequeued_at timestamptz,
	status text NOT NULL DEFAULT 'new'
		CHECK (status OPERATOR(pg_catalog.=) ANY (ARRAY['new', 'accepted', 'rejected', 'snoozed'])),
	status_changed_at timestamptz,
	snoozed_until timestamptz,
	notes text,
	updated_at timestamptz NOT NULL
);
CREATE INDEX ON sum.handoff_queue (updated_at);
COMMENT ON TABLE sum.handoff_queue IS
	'accounts to route to sales now (active), why, whom to contact, owner and SLA; sales ops edit status, snoozed_until, notes';
SELECT pg_catalog.pg_extension_config_dump('sum.handoff_queue', '');

/* Stamp status_changed_at when sales ops change a status */
CREATE FUNCTION sum.handoff_status_stamp() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.status IS DISTINCT FROM OLD.status THEN
		NEW.status_changed_at := now();
		NEW.updated_at := now();
	ELSIF NEW.snoozed_until IS DISTINCT FROM OLD.snoozed_until OR NEW.notes IS DISTINCT FROM OLD.notes THEN
		NEW.updated_at := now();
	END IF;
	RETURN NEW;
END;
$$;
CREATE TRIGGER status_stamp BEFORE UPDATE ON sum.handoff_queue
	FOR EACH ROW EXECUTE FUNCTION sum.handoff_status_stamp();

/*
 * Nurture triggers: one row per play and subject (a person id, an account
 * key or a CRM contact id).  A trigger fires (active, last_fired_at) when
 * its condition holds and its play's cooldown has passed since it last
 * fired; it is cleared (active = false, cleared_at) when the condition ends.
 */
CREATE TABLE sum.nurture_triggers (
	play text NOT NULL,
	subject_id text NOT NULL,
	subject text NOT NULL,
	account_key text,
	user_id text,
	email_hash text,
	details jsonb,
	active boolean NOT NULL,
	fire_count integer NOT NULL DEFAULT 1,
	first_fired_at timestamptz NOT NULL,
	last_fired_at timestamptz NOT NULL,
	cleared_at timestamptz,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (play, subject_id)
);
CREATE INDEX ON sum.nurture_triggers (updated_at);
CREATE INDEX ON sum.nurture_triggers (subject_id);
COMMENT ON TABLE sum.nurture_triggers IS
	'marketing plays per person, account or CRM contact: active, first/last fired, cleared; read by updated_at or sum.claim_triggers()';
SELECT pg_catalog.pg_extension_config_dump('sum.nurture_triggers', '');

/* What sum.claim_triggers() handed to each consumer */
CREATE TABLE sum.trigger_claims (
	consumer text NOT NULL,
	play text NOT NULL,
	subject_id text NOT NULL,
	fired_at timestamptz NOT NULL,
	claimed_at timestamptz NOT NULL,
	PRIMARY KEY (consumer, play, subject_id)
);
COMMENT ON TABLE sum.trigger_claims IS
	'which firing of each trigger each consumer has claimed';
SELECT pg_catalog.pg_extension_config_dump('sum.trigger_claims', '');

/* One row per run (step 'run') and per step of a run */
CREATE TABLE sum.refresh_log (
	run_id bigint NOT NULL,
	step text NOT NULL,
	mode text,
	status text NOT NULL CHECK (status OPERATOR(pg_catalog.=) ANY (ARRAY['running', 'ok', 'failed', 'skipped'])),
	started_at timestamptz NOT NULL,
	finished_at timestamptz,
	duration_ms double precision,
	rows bigint,
	as_of timestamptz,
	pid integer,
	failed_step text,
	sqlstate text,
	error text,
	PRIMARY KEY (run_id, step)
);
CREATE SEQUENCE sum.refresh_run_id;
COMMENT ON TABLE sum.refresh_log IS
	'one row per refresh run (step = ''run'': mode, status, error) and per step (rows, duration)';

/* Internal state of the incremental refresh (not for readers) */
CREATE TABLE sum.user_states (
	user_id text PRIMARY KEY,
	state sum.milestone_state,			-- events up to the closed watermark
	open_state sum.milestone_state		-- the run's later events (read again by the next run)
) WITH (fillfactor = 85);
/*
 * Each run rewrites the states of the users with new events (and the open
 * part of those with events after the closed watermark): room on the page
 * (a state is about 150 bytes packed, a row about 200) makes those HOT
 * updates, no index insert.
 */
COMMENT ON TABLE sum.user_states IS
	'internal: each user''s milestone state over events up to the pipeline''s closed watermark, and over the later events the last run read';

CREATE TABLE sum.pipeline_state (
	singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	users_read_at timestamptz,
	events_closed_until timestamptz,
	reevaluated_at timestamptz,
	crm_fingerprint text,
	contacts_fingerprint text,
	config_fingerprint text,
	rules_fingerprint text,
	last_full_at timestamptz
);
COMMENT ON TABLE sum.pipeline_state IS
	'internal: watermarks of the incremental refresh; delete the row to force a full refresh';

/*
 * A digest of each CRM account row ('account') and of each account's CRM
 * contacts ('contacts') as the last run read them
 */
CREATE TABLE sum.crm_snapshot (
	source text NOT NULL CHECK (source OPERATOR(pg_catalog.=) ANY (ARRAY['account', 'contacts'])),
	account_id text NOT NULL,
	digest text NOT NULL,
	PRIMARY KEY (source, account_id)
);
COMMENT ON TABLE sum.crm_snapshot IS
	'internal: digest of each CRM account row and of each account''s contacts as of the last run, so that a run rolls up again the accounts whose CRM row or contacts changed';

/* ==========================================================================
 * The refresh
 * ========================================================================== */

/*
 * sum.config_fingerprint(): changes when any configuration that shapes the
 * per-user results changes (settings, persona, legal-form, domain-list,
 * milestone and ICP rules).  A changed fingerprint makes the next refresh a
 * full one, so that incremental and full refreshes give the same outputs.
 * Handoff, routing and play rules are applied to every row on every run
 * and need no fingerprint.
 */
CREATE FUNCTION sum.config_fingerprint() RETURNS text
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT md5(concat_ws('|',
		(SELECT string_agg(s.name || '=' || coalesce(s.value, '<null>'), ',' ORDER BY s.name)
		   FROM sum.settings s
		  WHERE s.name !~ '^(input|handoff|nurture)\.'
			AND s.name NOT IN ('pipeline.reevaluate_every', 'pipeline.compact_after_full')),
		(SELECT string_agg(r::text, ',' ORDER BY r::text) FROM sum.persona_rules r WHERE r.source <> 'shipped'),
		(SELECT string_agg(r::text, ',' ORDER BY r::text) FROM sum.legal_forms r WHERE r.source <> 'shipped'),
		(SELECT string_agg(r::text, ',' ORDER BY r::text) FROM sum.freemail_domains r WHERE r.source <> 'shipped'),
		(SELECT string_agg(r::text, ',' ORDER BY r::text) FROM sum.disposable_domains r WHERE r.source <> 'shipped'),
		(SELECT string_agg(r::text, ',' ORDER BY r::text) FROM sum.icp_rules r),
		sum.milestone_defs_version()::text))
$$;
COMMENT ON FUNCTION sum.config_fingerprint() IS
	'fingerprint of the configuration the per-user results depend on; a change makes the next refresh full';

/*
 * sum.stall_recheck(...): internal: when a person's trial turns (or turned)
 * stalled for the rescue_stalled_trial play: nurture.stalled_after after its
 * last event, or after sign-up without events; NULL when it cannot (not a
 * trial, or activated).  The time stays once passed: a run looks again at
 * the people whose stall time fell since its last re-evaluation, by a range
 * of the index on it, without writing them.
 */
CREATE FUNCTION sum.stall_recheck(stage sum.lifecycle_stage, milestones text[], last_event_at timestamptz,
								  signed_up_at timestamptz, stalled_after interval)
	RETURNS timestamptz
	LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	-- no SET search_path, so that it is inlined into the refresh's queries:
	-- every operator is qualified instead
	SELECT CASE WHEN stage OPERATOR(pg_catalog.=) 'trial'::sum.lifecycle_stage
					 AND NOT coalesce(milestones OPERATOR(pg_catalog.@>) '{activated}'::pg_catalog.text[], false)
				THEN coalesce(last_event_at, signed_up_at) OPERATOR(pg_catalog.+) stalled_after END
$$;
COMMENT ON FUNCTION sum.stall_recheck(sum.lifecycle_stage, text[], timestamptz, timestamptz, interval) IS
	'internal: when a trial turns (or turned) stalled (rescue_stalled_trial), NULL when it cannot';

/*
 * sum.refresh_step(step, ...): one step of a run, returning the rows it
 * wrote.  Internal: CALL sum.refresh() runs the steps in order, in one
 * transaction, with the run's context in temporary tables (pg_temp.sum_run
 * and the sets of users, people and accounts the run touches).
 */
CREATE FUNCTION sum.refresh_step(step text, full_requested boolean, as_of timestamptz)
	RETURNS bigint
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	SET client_min_messages = warning
	-- many mid-sized statements over touched sets: compiling them costs
	-- more than it saves (estimates on temp tables are often far off)
	SET jit = off
	-- the fingerprints hash rows as text: an interval's text must not
	-- follow the caller's style (it would look like a change of the rules)
	SET IntervalStyle = 'postgres'
AS $fn$
#variable_conflict use_column
DECLARE
	v_as_of timestamptz := as_of;
	v_rows bigint := 0;
	v_n bigint;
	run record;
	st record;
	v_problems text;
	v_code text;
	v_lag interval;
	v_joins text[];
	v_fp text;
	v_crm_fp text;
	v_users_q text;
	v_events_q text;
	v_crm_q text;
	v_contacts_q text;
	v_contacts_fp text;
	v_min_tier sum.fit_tier;
	v_rules_fp text;
	v_all boolean;
	v_scan boolean;
	v_tz text;
	v_sources text[];
	v_windows interval[];
	v_stall interval;
	v_reltuples real;
BEGIN
	CASE step
	/*
	 * inputs: check the mapping, choose full or incremental, read the users
	 * that are new or changed since the last run.
	 */
	WHEN 'inputs' THEN
		SELECT count(*), string_agg(format('%s: %s', coalesce(c.relation, 'input.' || c.input), c.problem), E'\n'),
			   CASE WHEN bool_or(c.column_name IS NULL AND c.relation IS NOT NULL AND c.problem NOT LIKE 'permission%')
						 OR bool_or(c.relation IS NULL) THEN '42P01'
					WHEN bool_or(c.problem LIKE 'permission%') THEN '42501'
					WHEN bool_or(c.problem LIKE 'required%') THEN '42703'
					ELSE '42804' END
		  INTO v_n, v_problems, v_code
		  FROM sum.check_inputs() c;
		IF v_n > 0 THEN
			RAISE EXCEPTION 'the input mapping has % problem(s)', v_n
				USING ERRCODE = v_code, DETAIL = v_problems,
					  HINT = 'SELECT * FROM sum.check_inputs() lists them; map the inputs in sum.settings (input.*).';
		END IF;

		/*
		 * The milestones step updates the users' rows by the tuple ids it
		 * read (a join on user_id would read all of sum.users again), so no
		 * other session may move them until this run commits.  Taken before
		 * the run writes a row of sum.users: a manual write started earlier
		 * is waited for, one started later waits for the run (never a
		 * deadlock).  Readers are not blocked.
		 */
		LOCK TABLE sum.users IN SHARE ROW EXCLUSIVE MODE;

		SELECT * INTO st FROM sum.pipeline_state;
		v_lag := sum.setting('pipeline.late_events')::interval;
		v_fp := sum.config_fingerprint();
		SELECT md5(concat_ws('|',
				(SELECT string_agg(r::text, ',' ORDER BY r.name) FROM sum.handoff_rules r),
				(SELECT string_agg(r::text, ',' ORDER BY r.play) FROM sum.nurture_plays r),
				(SELECT string_agg(r.name || '=' || coalesce(r.value, ''), ',' ORDER BY r.name) FROM sum.settings r
				  WHERE r.name ~ '^(handoff|nurture)\.')))
		  INTO v_rules_fp;
		v_crm_q := sum.input_query('crm_accounts');

		DROP TABLE IF EXISTS pg_temp.sum_crm;
		IF v_crm_q IS NULL THEN
			CREATE TEMP TABLE sum_crm (account_id text, name text, domain text, country text, employees integer,
									   industry text, annual_revenue numeric, technologies text[],
									   parent_account_id text, created_at timestamptz, owner text) ON COMMIT DROP;
		ELSE
			EXECUTE format('CREATE TEMP TABLE sum_crm ON COMMIT DROP AS
							SELECT DISTINCT ON (account_id) account_id, name, domain, country, employees, industry,
								   annual_revenue, technologies, parent_account_id, created_at, owner
							  FROM (%s) a WHERE account_id IS NOT NULL ORDER BY account_id', v_crm_q);
		END IF;
		CREATE UNIQUE INDEX ON pg_temp.sum_crm (account_id);
		-- (temp tables are analyzed on the columns plans join and filter on:
		-- statistics of their wide columns cost more than the plans gain)
		ANALYZE pg_temp.sum_crm (account_id);
		-- (each row's values hashed, not their text: printing the rows took
		-- half of a run with nothing new, and the text of a timestamptz
		-- follows the session's TimeZone, where a caller in another zone must
		-- not make the CRM copy look changed; sum.input_query gives text in
		-- the database's collation, which tells every change of case)
		SELECT md5(count(*)::text || ':'
				   || coalesce(sum(hash_record_extended(
						ROW(c.account_id, c.name, c.domain, c.country, c.employees, c.industry, c.annual_revenue,
							c.technologies, c.parent_account_id, c.created_at, c.owner), 0)), 0)::text)
		  INTO v_crm_fp FROM pg_temp.sum_crm c;
		v_contacts_q := sum.input_query('crm_contacts');
		IF v_contacts_q IS NOT NULL THEN
			EXECUTE format('SELECT md5(count(*)::text || '':'' || coalesce(sum(hash_record_extended(c, 0)), 0)::text)
							  FROM (%s) c WHERE c.contact_id IS NOT NULL', v_contacts_q)
			   INTO v_contacts_fp;
		END IF;

		DROP TABLE IF EXISTS pg_temp.sum_run;
		CREATE TEMP TABLE sum_run ON COMMIT DROP AS
		SELECT (full_requested OR st IS NULL OR st.config_fingerprint IS DISTINCT FROM v_fp
				OR st.events_closed_until IS NULL OR st.events_closed_until > v_as_of - v_lag
				OR st.users_read_at > v_as_of
				-- (new definitions change the fingerprint; one state tells the rest)
				OR coalesce((SELECT NOT sum.milestone_state_is_current(s.state) FROM sum.user_states s
							  WHERE s.state IS NOT NULL LIMIT 1), false)) AS is_full,
			   v_as_of AS as_of,
			   v_as_of - v_lag AS events_to,
			   st.events_closed_until AS events_from,
			   st.users_read_at - v_lag AS users_since,
			   st.crm_fingerprint IS DISTINCT FROM v_crm_fp AS crm_changed,
			   v_crm_fp AS crm_fingerprint,
			   st.contacts_fingerprint IS DISTINCT FROM v_contacts_fp AS contacts_changed,
			   v_contacts_fp AS contacts_fingerprint,
			   v_fp AS config_fingerprint,
			   (st.reevaluated_at IS NULL
				OR st.reevaluated_at <= v_as_of - sum.setting('pipeline.reevaluate_every')::interval) AS reevaluate,
			   st.reevaluated_at AS reevaluated_at,
			   v_rules_fp AS rules_fingerprint,
			   st.rules_fingerprint IS DISTINCT FROM v_rules_fp AS rules_changed;
		SELECT * INTO run FROM pg_temp.sum_run;
		IF run.is_full THEN
			UPDATE pg_temp.sum_run SET events_from = NULL, users_since = NULL, crm_changed = true,
									   contacts_changed = true, reevaluate = true, rules_changed = true;
		END IF;

		v_users_q := sum.input_query('users');
		DROP TABLE IF EXISTS pg_temp.sum_in_users;
		EXECUTE format('CREATE TEMP TABLE sum_in_users ON COMMIT DROP AS
						SELECT DISTINCT ON (user_id) user_id, email, signed_up_at, full_name, title, company_name,
							   upper(btrim(country)) AS country,
							   CASE lower(btrim(stage)) WHEN ''freemium'' THEN ''freemium'' WHEN ''trial'' THEN ''trial''
									WHEN ''paid'' THEN ''paid'' WHEN ''churned'' THEN ''churned''
									END::sum.lifecycle_stage AS stage,
							   updated_at
						  FROM (%s) u
						 WHERE user_id IS NOT NULL AND ($1 IS NULL OR signed_up_at > $1 OR updated_at > $1)
						 ORDER BY user_id, updated_at DESC NULLS LAST', v_users_q)
			USING (SELECT users_since FROM pg_temp.sum_run);
		CREATE UNIQUE INDEX ON pg_temp.sum_in_users (user_id);
		IF NOT (SELECT r.is_full FROM pg_temp.sum_run r) THEN
			-- rows read again (the lag window) that did not change need no work
			-- (by key: a few percent of the users, where a hash join reads all)
			v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
			DELETE FROM pg_temp.sum_in_users i
			 USING sum.users u
			 WHERE u.user_id = i.user_id
			   AND (u.email, u.full_name, u.title, u.company_name, u.country, u.stage, u.signed_up_at,
					u.source_updated_at)
				   IS NOT DISTINCT FROM
				   (i.email, i.full_name, i.title, i.company_name, i.country, i.stage, i.signed_up_at,
					i.updated_at);
			PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		END IF;
		ANALYZE pg_temp.sum_in_users (user_id);
		SELECT count(*) INTO v_rows FROM pg_temp.sum_in_users;
		-- what the daily funnel counted of the users this run may change (a
		-- full run counts everything again)
		DROP TABLE IF EXISTS pg_temp.sum_users_before;
		CREATE TEMP TABLE sum_users_before ON COMMIT DROP AS
		SELECT u.user_id, u.signed_up_at, coalesce(u.milestones @> '{activated}', false) AS activated
		  FROM sum.users u JOIN pg_temp.sum_in_users i USING (user_id)
		 WHERE NOT run.is_full;

		-- the sets of rows this run touches; a full run touches everything
		-- (users: to evaluate; people: to roll up again, from every step
		-- whose change reaches them; accounts: to roll up again; due people:
		-- whose stall time came)
		DROP TABLE IF EXISTS pg_temp.sum_touched_users, pg_temp.sum_touched_people, pg_temp.sum_touched_accounts,
			pg_temp.sum_due_people;
		CREATE TEMP TABLE sum_touched_users (user_id text PRIMARY KEY) ON COMMIT DROP;
		CREATE TEMP TABLE sum_touched_people (person_id text PRIMARY KEY) ON COMMIT DROP;
		CREATE TEMP TABLE sum_touched_accounts (account_key text PRIMARY KEY) ON COMMIT DROP;
		CREATE TEMP TABLE sum_due_people (person_id text PRIMARY KEY) ON COMMIT DROP;

		IF (SELECT r.is_full FROM pg_temp.sum_run r) THEN
			-- users gone from the input go from the outputs
			DELETE FROM sum.user_milestones m
			 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_in_users i WHERE i.user_id = m.user_id);
			DELETE FROM sum.user_states s
			 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_in_users i WHERE i.user_id = s.user_id);
			DELETE FROM sum.users u
			 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_in_users i WHERE i.user_id = u.user_id);
		END IF;
		RETURN v_rows;

	/*
	 * people: de-duplicate the new and changed logins against the logins
	 * that can join them (same email key, or a name at the same corporate
	 * domain), with the whole people those belong to, so that person ids
	 * stay stable (sum.dedupe_people's previous).
	 */
	WHEN 'people' THEN
		SELECT * INTO run FROM pg_temp.sum_run;
		DROP TABLE IF EXISTS pg_temp.sum_gone_people;
		CREATE TEMP TABLE sum_gone_people (person_id text PRIMARY KEY) ON COMMIT DROP;
		IF NOT run.is_full AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_in_users) THEN
			RETURN 0;			-- no new or changed user
		END IF;
		DROP TABLE IF EXISTS pg_temp.sum_logins;
		CREATE TEMP TABLE sum_logins ON COMMIT DROP AS
		SELECT i.user_id, i.email, i.full_name, i.signed_up_at,
			   sum.email_normalize(i.email, 'match') AS email_key,
			   sum.registrable_domain(sum.email_domain(i.email)) AS email_domain
		  FROM pg_temp.sum_in_users i;
		IF NOT run.is_full THEN
			INSERT INTO pg_temp.sum_logins (user_id, email, full_name, signed_up_at, email_key, email_domain)
			SELECT u.user_id, u.email, u.full_name, u.signed_up_at, u.email_key, u.email_domain
			  FROM sum.users u
			 WHERE u.person_id IN (
					SELECT o.person_id FROM sum.users o
					 WHERE o.email_key IN (SELECT l.email_key FROM pg_temp.sum_logins l)
					UNION
					SELECT o.person_id FROM sum.users o
					  JOIN pg_temp.sum_logins l ON l.email_domain = o.email_domain
					 WHERE NOT o.is_freemail AND o.full_name IS NOT NULL AND l.full_name IS NOT NULL
					UNION
					SELECT o.person_id FROM sum.users o JOIN pg_temp.sum_in_users i USING (user_id))
			   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_in_users i WHERE i.user_id = u.user_id);
		END IF;

		DROP TABLE IF EXISTS pg_temp.sum_people_map;
		CREATE TEMP TABLE sum_people_map ON COMMIT DROP AS
		SELECT d.login_id AS user_id, d.person_id
		  FROM sum.dedupe_people(
				'SELECT user_id AS login_id, email, full_name, signed_up_at AS created_at FROM pg_temp.sum_logins',
				'SELECT u.user_id AS login_id, u.person_id FROM sum.users u
				  WHERE u.user_id IN (SELECT l.user_id FROM pg_temp.sum_logins l)') d;
		CREATE UNIQUE INDEX ON pg_temp.sum_people_map (user_id);
		ANALYZE pg_temp.sum_people_map (user_id, person_id);

		-- people whose logins change: the old and the new ids; an old id may go
		INSERT INTO pg_temp.sum_touched_people
		SELECT x.person_id
		  FROM (SELECT u.person_id FROM sum.users u JOIN pg_temp.sum_people_map m USING (user_id)
				UNION SELECT m.person_id FROM pg_temp.sum_people_map m) x
		 WHERE x.person_id IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_people t WHERE t.person_id = x.person_id)
		 ORDER BY 1;
		INSERT INTO pg_temp.sum_gone_people
		SELECT u.person_id FROM sum.users u JOIN pg_temp.sum_people_map m USING (user_id)
		 WHERE u.person_id IS DISTINCT FROM m.person_id
		ON CONFLICT DO NOTHING;

		-- new and changed users: their identity columns; the others: their person
		WITH w AS (
		INSERT INTO sum.users AS u (user_id, person_id, email, email_key, email_hash, email_domain, is_freemail,
									full_name, title, company_name, country, stage, signed_up_at,
									source_updated_at, updated_at)
		SELECT i.user_id, m.person_id, i.email, l.email_key, sum.email_hash(i.email), l.email_domain,
			   coalesce(sum.is_freemail(i.email), false), i.full_name, i.title, i.company_name, i.country,
			   i.stage, i.signed_up_at, i.updated_at, clock_timestamp()
		  FROM pg_temp.sum_in_users i
		  JOIN pg_temp.sum_logins l USING (user_id)
		  JOIN pg_temp.sum_people_map m USING (user_id)
		ON CONFLICT (user_id) DO UPDATE
		   SET person_id = excluded.person_id, email = excluded.email, email_key = excluded.email_key,
			   email_hash = excluded.email_hash, email_domain = excluded.email_domain,
			   is_freemail = excluded.is_freemail, full_name = excluded.full_name, title = excluded.title,
			   company_name = excluded.company_name, country = excluded.country, stage = excluded.stage,
			   signed_up_at = excluded.signed_up_at, source_updated_at = excluded.source_updated_at,
			   updated_at = excluded.updated_at
		 WHERE (u.person_id, u.email, u.full_name, u.title, u.company_name, u.country, u.stage,
				u.signed_up_at, u.source_updated_at)
			   IS DISTINCT FROM
			   (excluded.person_id, excluded.email, excluded.full_name, excluded.title, excluded.company_name,
				excluded.country, excluded.stage, excluded.signed_up_at, excluded.source_updated_at)
		RETURNING u.user_id)
		SELECT count(*) INTO v_rows FROM w;
		-- (the people of these users are in sum_touched_people already)
		WITH w AS (
		UPDATE sum.users u SET person_id = m.person_id, updated_at = clock_timestamp()
		  FROM pg_temp.sum_people_map m
		 WHERE m.user_id = u.user_id AND u.person_id IS DISTINCT FROM m.person_id
		RETURNING u.user_id)
		SELECT count(*) INTO v_n FROM w;
		RETURN v_rows + v_n;

	/*
	 * matching: match new and changed users (all users when the CRM copy
	 * changed) to CRM accounts; persona and buying role come with it, as
	 * the buying role depends on the account's size.
	 */
	WHEN 'matching' THEN
		SELECT * INTO run FROM pg_temp.sum_run;
		IF NOT run.crm_changed AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_in_users) THEN
			RETURN 0;			-- nothing to match again
		END IF;
		DROP TABLE IF EXISTS pg_temp.sum_match_in;
		IF run.crm_changed THEN
			CREATE TEMP TABLE sum_match_in ON COMMIT DROP AS
			SELECT u.user_id, u.email, u.company_name, u.country, u.title FROM sum.users u;
		ELSE
			CREATE TEMP TABLE sum_match_in ON COMMIT DROP AS
			SELECT u.user_id, u.email, u.company_name, u.country, u.title
			  FROM sum.users u JOIN pg_temp.sum_in_users USING (user_id);
		END IF;

		DROP TABLE IF EXISTS pg_temp.sum_matches;
		CREATE TEMP TABLE sum_matches ON COMMIT DROP AS
		SELECT m.signup_id AS user_id, m.account_id, m.method, m.score,
			   CASE WHEN m.account_id IS NOT NULL THEN 'crm:' || m.account_id
					WHEN m.shadow_account IS NOT NULL THEN 'domain:' || m.shadow_account END AS account_key
		  FROM sum.match_accounts(
				'SELECT user_id AS signup_id, email, company_name, country FROM pg_temp.sum_match_in',
				'SELECT account_id, name, domain, country, parent_account_id, created_at FROM pg_temp.sum_crm') m;
		CREATE UNIQUE INDEX ON pg_temp.sum_matches (user_id);
		ANALYZE pg_temp.sum_matches (user_id);

		WITH w AS (
		UPDATE sum.users u
		   SET account_key = x.account_key, crm_account_id = x.account_id, match_method = x.method,
			   match_score = x.score, function = (x.p).function, seniority = (x.p).seniority,
			   persona_confidence = (x.p).confidence, buying_role = sum.buying_role(x.p, x.employees),
			   updated_at = clock_timestamp()
		  FROM (SELECT i.user_id, m.account_key, m.account_id, m.method, m.score, c.employees,
					   sum.title_persona(i.title) AS p
				  FROM pg_temp.sum_match_in i
				  LEFT JOIN pg_temp.sum_matches m USING (user_id)
				  LEFT JOIN pg_temp.sum_crm c ON c.account_id = m.account_id
				OFFSET 0) x	-- (one sum.title_persona per user, not one per use of its fields)
		 WHERE x.user_id = u.user_id
		   AND (u.account_key, u.crm_account_id, u.match_method, u.match_score, u.function, u.seniority,
				u.persona_confidence, u.buying_role)
			   IS DISTINCT FROM
			   (x.account_key, x.account_id, x.method, x.score, (x.p).function, (x.p).seniority,
				(x.p).confidence, sum.buying_role(x.p, x.employees))
		RETURNING u.person_id),
		c AS (INSERT INTO pg_temp.sum_touched_people
			  SELECT DISTINCT w.person_id FROM w
			   WHERE w.person_id IS NOT NULL
				 AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_people t WHERE t.person_id = w.person_id)
			   ORDER BY 1)
		SELECT count(*) INTO v_rows FROM w;
		RETURN v_rows;

	/*
	 * milestones: fold the events up to the closed watermark (as_of minus
	 * pipeline.late_events) into the stored states; the events after it are
	 * read again by every run (late arrivals land there) and merged on the
	 * fly.  Then evaluate the touched users (every user on a full run or
	 * when time-based conditions are due).
	 */
	WHEN 'milestones' THEN
		SELECT * INTO run FROM pg_temp.sum_run;
		v_events_q := sum.input_query('events');
		IF run.is_full THEN
			TRUNCATE sum.user_states;
		END IF;
		-- when time-based conditions are due, the users are evaluated in one
		-- scan of sum.users below: every user (changed play rules may move
		-- the time a stall begins), or those whose recheck time has come
		-- (time alone changes their results) and the touched ones; else the
		-- touched users only, through the index
		v_all := run.is_full OR (run.reevaluate AND (run.reevaluated_at IS NULL OR run.rules_changed));
		v_scan := v_all OR run.reevaluate;
		DROP TABLE IF EXISTS pg_temp.sum_new_states, pg_temp.sum_tail, pg_temp.sum_new_events,
			pg_temp.sum_eval_in, pg_temp.sum_eval;
		IF v_all THEN
			-- (sum.users as the events' users: the states hold every user)
			EXECUTE format('CREATE TEMP TABLE sum_new_states ON COMMIT DROP AS
							SELECT e.user_id, sum.milestones(e.event, e.occurred_at, u.signed_up_at) AS state
							  FROM (%s) e JOIN sum.users u ON u.user_id = e.user_id
							 WHERE ($1 IS NULL OR e.occurred_at > $1) AND e.occurred_at <= $2
							 GROUP BY e.user_id', v_events_q)
				USING run.events_from, run.events_to;
			-- the events after the closed watermark (read again by the next run)
			EXECUTE format('CREATE TEMP TABLE sum_tail ON COMMIT DROP AS
							SELECT e.user_id, sum.milestones(e.event, e.occurred_at, u.signed_up_at) AS state
							  FROM (%s) e JOIN sum.users u ON u.user_id = e.user_id
							 WHERE e.occurred_at > $1
							 GROUP BY e.user_id', v_events_q)
				USING run.events_to;
		ELSE
			/*
			 * The events since the closed watermark, read once: their users
			 * (with the new and changed ones) are the users to evaluate, read
			 * from sum.users once, and that read gives the sign-up times the
			 * states need (a join of the events with sum.users read all of
			 * it once more).
			 */
			EXECUTE format('CREATE TEMP TABLE sum_new_events ON COMMIT DROP AS
							SELECT e.user_id, e.event, e.occurred_at FROM (%s) e
							 WHERE ($1 IS NULL OR e.occurred_at > $1) AND e.user_id IS NOT NULL', v_events_q)
				USING run.events_from;
			INSERT INTO pg_temp.sum_touched_users
			SELECT DISTINCT x.user_id
			  FROM (SELECT user_id FROM pg_temp.sum_new_events UNION ALL SELECT user_id FROM pg_temp.sum_in_users) x
			 ORDER BY 1;
			ANALYZE pg_temp.sum_touched_users;
			-- (the rows are updated below by the tuple ids read here: sum.users
			-- is locked against other writers since the inputs step)
			-- the users to evaluate, apart and analyzed: for this OR the
			-- planner guesses half of sum.users, and would hash every stored
			-- state (in batches on disk) to join a few percent of them
			-- (with what the people step reads of each user: see sum_people_users)
			CREATE TEMP TABLE sum_eval_in ON COMMIT DROP AS
			SELECT u.ctid AS tid, u.user_id, u.person_id, u.first_event_at, u.last_event_at, u.events,
				   u.milestones, u.recheck_at, u.signed_up_at, u.email, u.email_hash, u.full_name, u.country,
				   u.is_freemail, u.title, u.function, u.seniority, u.buying_role, u.crm_account_id,
				   u.account_key, u.stage
			  FROM sum.users u
			 WHERE v_scan
			   AND (u.recheck_at <= run.as_of OR u.user_id IN (SELECT t.user_id FROM pg_temp.sum_touched_users t))
			UNION ALL
			SELECT u.ctid, u.user_id, u.person_id, u.first_event_at, u.last_event_at, u.events,
				   u.milestones, u.recheck_at, u.signed_up_at, u.email, u.email_hash, u.full_name, u.country,
				   u.is_freemail, u.title, u.function, u.seniority, u.buying_role, u.crm_account_id,
				   u.account_key, u.stage
			  FROM pg_temp.sum_touched_users t JOIN sum.users u USING (user_id)
			 WHERE NOT v_scan;
			ANALYZE pg_temp.sum_eval_in (user_id);
			CREATE TEMP TABLE sum_new_states ON COMMIT DROP AS
			SELECT e.user_id, sum.milestones(e.event, e.occurred_at, u.signed_up_at) AS state
			  FROM pg_temp.sum_new_events e JOIN pg_temp.sum_eval_in u USING (user_id)
			 WHERE e.occurred_at <= run.events_to
			 GROUP BY e.user_id;
			CREATE TEMP TABLE sum_tail ON COMMIT DROP AS
			SELECT e.user_id, sum.milestones(e.event, e.occurred_at, u.signed_up_at) AS state
			  FROM pg_temp.sum_new_events e JOIN pg_temp.sum_eval_in u USING (user_id)
			 WHERE e.occurred_at > run.events_to
			 GROUP BY e.user_id;
		END IF;
		CREATE UNIQUE INDEX ON pg_temp.sum_tail (user_id);
		-- new closed events merge into the state; the open part is replaced
		-- (every user with an open part had its events read again by this
		-- run: they are closed now, or in this run's tail).  An UPDATE and
		-- an INSERT, not ON CONFLICT DO UPDATE, which locks each row (a WAL
		-- record and a dirtied page) before updating it; by key on an
		-- incremental run, where a hash join would read every state.
		DROP TABLE IF EXISTS pg_temp.sum_states_in;
		CREATE TEMP TABLE sum_states_in ON COMMIT DROP AS
		SELECT user_id, n.state, l.state AS open_state
		  FROM pg_temp.sum_new_states n FULL JOIN pg_temp.sum_tail l USING (user_id)
		 ORDER BY user_id;
		ANALYZE pg_temp.sum_states_in (user_id);
		v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
		IF NOT run.is_full THEN
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
		END IF;
		UPDATE sum.user_states s
		   SET state = sum.milestones_merge(s.state, i.state), open_state = i.open_state
		  FROM pg_temp.sum_states_in i
		 WHERE s.user_id = i.user_id;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		SELECT count(*) INTO v_rows FROM pg_temp.sum_states_in;
		IF v_n < v_rows THEN
			INSERT INTO sum.user_states (user_id, state, open_state)
			SELECT i.user_id, i.state, i.open_state FROM pg_temp.sum_states_in i
			 WHERE NOT EXISTS (SELECT 1 FROM sum.user_states s WHERE s.user_id = i.user_id);
		END IF;
		PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		EXECUTE format(
		'CREATE TEMP TABLE sum_eval ON COMMIT DROP AS
		SELECT y.tid, y.user_id, y.person_id, y.signed_up_at, y.usage, coalesce(r.names, ''{}'') AS milestones,
			   coalesce(r.times, ''{}'') AS reached_at, y.recheck_at,
			   (y.u_first, y.u_last, y.u_events, y.u_milestones)
			   IS DISTINCT FROM
			   ((y.usage).first_event_at, (y.usage).last_event_at, coalesce((y.usage).events, 0),
				coalesce(r.names, ''{}'')) AS changed,
			   -- what the person''s row reads of it (not the first event)
			   (y.u_last, y.u_events, y.u_milestones)
			   IS DISTINCT FROM
			   ((y.usage).last_event_at, coalesce((y.usage).events, 0), coalesce(r.names, ''{}'')) AS person_changed,
			   y.u_recheck, y.u_milestones
		  FROM (SELECT x.*, sum.milestone_usage(x.state, $1) AS usage,
					   -- when time alone may next change the user''s milestones (the
					   -- rolling usage figures are not stored)
					   sum.milestone_next_change(x.state, $1, false) AS recheck_at
				  FROM (SELECT u.tid, u.user_id, u.person_id, u.signed_up_at, u.first_event_at AS u_first,
							   u.last_event_at AS u_last, u.events AS u_events,
							   u.milestones AS u_milestones, u.recheck_at AS u_recheck,
							   sum.milestones_merge(s.state, l.state) AS state
						  FROM %s u
						  LEFT JOIN sum.user_states s USING (user_id)
						  LEFT JOIN pg_temp.sum_tail l USING (user_id)
						OFFSET 0) x	-- (OFFSET 0: each function once per row, not once per use)
				OFFSET 0) y
		  LEFT JOIN LATERAL (
				SELECT array_agg(m.milestone ORDER BY m.milestone) AS names,
					   array_agg(m.reached_at ORDER BY m.milestone) AS times
				  FROM sum.milestone_rows(y.state, $1) m) r ON true',
			CASE WHEN v_all
				 THEN '(SELECT ctid AS tid, user_id, person_id, first_event_at, last_event_at, events, milestones,
							   recheck_at, signed_up_at FROM sum.users)'
				 ELSE 'pg_temp.sum_eval_in' END)
			USING run.as_of;
		ANALYZE pg_temp.sum_eval (user_id);

		/*
		 * updated_at moves with the results, not with the recheck time alone.
		 * When every user was evaluated, a join on user_id, in the order of
		 * the table: the rows this run wrote before have no room left for a
		 * HOT update, and index entries inserted in another order cost a page
		 * image each.  Else a nested loop of tuple-id lookups: the planner,
		 * which prices each as a random read, would read sum.users again.
		 */
		v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
		IF NOT v_all THEN
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
		END IF;
		EXECUTE format(
		'UPDATE sum.users u
		    SET first_event_at = (e.usage).first_event_at, last_event_at = (e.usage).last_event_at,
			    events = coalesce((e.usage).events, 0), milestones = e.milestones,
			    recheck_at = e.recheck_at,
			    updated_at = CASE WHEN e.changed THEN clock_timestamp() ELSE u.updated_at END
		   FROM pg_temp.sum_eval e
		  WHERE %s AND (e.changed OR e.recheck_at IS DISTINCT FROM e.u_recheck)',
			CASE WHEN v_all THEN 'e.user_id = u.user_id' ELSE 'u.ctid = e.tid' END);
		PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		INSERT INTO pg_temp.sum_touched_people
		SELECT DISTINCT e.person_id FROM pg_temp.sum_eval e
		 WHERE e.person_changed AND e.person_id IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_people t WHERE t.person_id = e.person_id)
		 ORDER BY 1;

		-- only milestones that came or went, or whose time may have moved: a
		-- time before the events this run read cannot have changed
		DROP TABLE IF EXISTS pg_temp.sum_milestones_moved;
		CREATE TEMP TABLE sum_milestones_moved ON COMMIT DROP AS
		SELECT e.user_id, e.milestones FROM pg_temp.sum_eval e
		 WHERE e.u_milestones IS DISTINCT FROM e.milestones OR run.is_full;
		ANALYZE pg_temp.sum_milestones_moved (user_id);
		-- (by key on an incremental run: a hash join reads every milestone)
		v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
		IF NOT run.is_full THEN
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
		END IF;
		DELETE FROM sum.user_milestones m
		 USING pg_temp.sum_milestones_moved e
		 WHERE m.user_id = e.user_id AND NOT m.milestone = ANY (e.milestones);
		PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		-- (by key on an incremental run, as above)
		IF NOT run.is_full THEN
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
		END IF;
		INSERT INTO sum.user_milestones AS m (user_id, milestone, reached_at, updated_at)
		SELECT e.user_id, r.milestone, r.reached_at, clock_timestamp()
		  FROM pg_temp.sum_eval e CROSS JOIN LATERAL unnest(e.milestones, e.reached_at) AS r(milestone, reached_at)
		 WHERE (run.is_full OR e.u_milestones IS DISTINCT FROM e.milestones
				OR (e.changed AND (run.events_from IS NULL OR r.reached_at > run.events_from)
					-- (a kind that holds "now" reports as_of: held before, its stored
					-- time is earlier, as as_of never goes back on an incremental run)
					AND NOT (r.reached_at >= run.as_of AND r.milestone = ANY (e.u_milestones))))
		-- (stored already at this time or earlier: not offered to ON CONFLICT,
		-- which would lock the row before its WHERE says there is nothing to do)
		   AND NOT EXISTS (SELECT 1 FROM sum.user_milestones o
							WHERE o.user_id = e.user_id AND o.milestone = r.milestone
							  AND o.reached_at IS NOT DISTINCT FROM least(o.reached_at, r.reached_at))
		-- a milestone held since an earlier run keeps its first time: kinds
		-- that hold "now" (usage_drop) report as_of, which moves every run
		ON CONFLICT (user_id, milestone) DO UPDATE
		   SET reached_at = least(m.reached_at, excluded.reached_at), updated_at = excluded.updated_at
		 WHERE m.reached_at IS DISTINCT FROM least(m.reached_at, excluded.reached_at);
		PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		RETURN v_rows;

	/*
	 * people_rollup: one row per touched person from their logins: the
	 * primary login (a corporate email first), the persona of the most
	 * senior buyer among them, the account of the best-matched login.
	 */
	WHEN 'people_rollup' THEN
		SELECT * INTO run FROM pg_temp.sum_run;
		v_stall := sum.setting('nurture.stalled_after')::interval;
		IF run.is_full THEN
			INSERT INTO pg_temp.sum_touched_people
			SELECT p.person_id FROM sum.people p
			 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_people t WHERE t.person_id = p.person_id)
			 ORDER BY 1;
		END IF;
		ANALYZE pg_temp.sum_touched_people;
		-- the touched people as they were: their accounts are touched too, and
		-- the daily funnel takes them back
		DROP TABLE IF EXISTS pg_temp.sum_people_before;
		-- (by key when they are few: the people active lately, those an
		-- incremental run touches, share pages since the full run)
		v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
		SELECT c.reltuples INTO v_reltuples FROM pg_class c WHERE c.oid = 'sum.people'::regclass;
		IF NOT run.is_full
		   AND (v_reltuples < 0 OR (SELECT count(*) FROM pg_temp.sum_touched_people) < 0.1 * v_reltuples) THEN
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
		END IF;
		CREATE TEMP TABLE sum_people_before ON COMMIT DROP AS
		SELECT p.person_id, p.account_key, p.signed_up_at, p.user_ids
		  FROM sum.people p JOIN pg_temp.sum_touched_people USING (person_id);
		PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		INSERT INTO pg_temp.sum_touched_accounts
		SELECT DISTINCT b.account_key FROM pg_temp.sum_people_before b
		 WHERE b.account_key IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_accounts t WHERE t.account_key = b.account_key)
		 ORDER BY 1;

		-- people left without logins: on a full run any, else those whose id a login left
		IF run.is_full THEN
			DELETE FROM sum.people p WHERE NOT EXISTS (SELECT 1 FROM sum.users u WHERE u.person_id = p.person_id);
		ELSE
			DELETE FROM sum.people p
			 USING pg_temp.sum_gone_people g
			 WHERE g.person_id = p.person_id AND NOT EXISTS (SELECT 1 FROM sum.users u WHERE u.person_id = p.person_id);
		END IF;

		/*
		 * The logins of the touched people.  Most were read by the
		 * milestones step (sum_eval_in, with the results of sum_eval): only
		 * the others are looked up, by key: a person's logins before this
		 * run and those the people step moved.  When the milestones step
		 * read every user, or the others are many (a changed CRM copy
		 * touches every person), sum.users is read instead.
		 */
		DROP TABLE IF EXISTS pg_temp.sum_people_users, pg_temp.sum_other_logins;
		v_scan := run.is_full OR to_regclass('pg_temp.sum_eval_in') IS NULL;
		IF NOT v_scan THEN
			CREATE TEMP TABLE sum_other_logins (user_id text) ON COMMIT DROP;
			INSERT INTO pg_temp.sum_other_logins
			SELECT unnest(b.user_ids) FROM pg_temp.sum_people_before b;
			IF to_regclass('pg_temp.sum_people_map') IS NOT NULL THEN
				INSERT INTO pg_temp.sum_other_logins SELECT m.user_id FROM pg_temp.sum_people_map m;
			END IF;
			DELETE FROM pg_temp.sum_other_logins o
			 WHERE EXISTS (SELECT 1 FROM pg_temp.sum_eval_in e WHERE e.user_id = o.user_id);
			-- (reltuples is -1 until sum.users is first vacuumed or analyzed)
			SELECT c.reltuples INTO v_reltuples FROM pg_class c WHERE c.oid = 'sum.users'::regclass;
			v_scan := v_reltuples >= 0 AND (SELECT count(*) FROM pg_temp.sum_other_logins) > 0.05 * v_reltuples;
		END IF;
		IF v_scan THEN
			CREATE TEMP TABLE sum_people_users ON COMMIT DROP AS
			SELECT u.person_id, u.user_id, u.email, u.email_hash, u.full_name, u.country, u.is_freemail,
				   u.last_event_at, u.title, u.function, u.seniority, u.buying_role, u.crm_account_id,
				   u.account_key, u.signed_up_at, u.stage, u.events, u.milestones
			  FROM sum.users u JOIN pg_temp.sum_touched_people t USING (person_id);
		ELSE
			-- (the usage columns as sum_eval left them in sum.users)
			CREATE TEMP TABLE sum_people_users ON COMMIT DROP AS
			SELECT e.person_id, e.user_id, e.email, e.email_hash, e.full_name, e.country, e.is_freemail,
				   (v.usage).last_event_at, e.title, e.function, e.seniority, e.buying_role, e.crm_account_id,
				   e.account_key, e.signed_up_at, e.stage, coalesce((v.usage).events, 0) AS events, v.milestones
			  FROM pg_temp.sum_eval_in e JOIN pg_temp.sum_eval v USING (user_id)
			 WHERE e.person_id IN (SELECT t.person_id FROM pg_temp.sum_touched_people t);
			v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
			INSERT INTO pg_temp.sum_people_users
			SELECT u.person_id, u.user_id, u.email, u.email_hash, u.full_name, u.country, u.is_freemail,
				   u.last_event_at, u.title, u.function, u.seniority, u.buying_role, u.crm_account_id,
				   u.account_key, u.signed_up_at, u.stage, u.events, u.milestones
			  FROM (SELECT DISTINCT o.user_id FROM pg_temp.sum_other_logins o) o
			  JOIN sum.users u USING (user_id)
			 WHERE u.person_id IN (SELECT t.person_id FROM pg_temp.sum_touched_people t);
			PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		END IF;
		-- one sort per pick (DISTINCT ON) rather than a sort per person
		DROP TABLE IF EXISTS pg_temp.sum_people_new;
		CREATE TEMP TABLE sum_people_new ON COMMIT DROP AS
		WITH u AS NOT MATERIALIZED (SELECT * FROM pg_temp.sum_people_users),
		prim AS (
			SELECT DISTINCT ON (u.person_id) u.person_id, u.user_id, u.email, u.email_hash, u.full_name, u.country
			  FROM u ORDER BY u.person_id, u.is_freemail, u.last_event_at DESC NULLS LAST, u.user_id),
		best AS (
			SELECT DISTINCT ON (u.person_id) u.person_id, u.title, u.function, u.seniority
			  FROM u ORDER BY u.person_id, u.buying_role DESC NULLS LAST, u.seniority DESC NULLS LAST,
					   u.title IS NULL, u.user_id),
		acct AS (
			SELECT DISTINCT ON (u.person_id) u.person_id, u.account_key
			  FROM u ORDER BY u.person_id, u.crm_account_id IS NULL, u.account_key IS NULL,
					   u.signed_up_at DESC NULLS LAST, u.user_id),
		agg AS (
			SELECT s.person_id,
				   array_agg(s.user_id) AS user_ids,	-- in user_id order: the input is sorted
				   count(*)::integer AS logins,
				   max(s.buying_role) AS buying_role,
				   max(s.stage) AS stage,
				   min(s.signed_up_at) AS signed_up_at,
				   max(s.last_event_at) AS last_event_at,
				   sum(s.events)::bigint AS events,
				   -- milestone names are identifiers (sum.milestone_defs checks them): no commas
				   ARRAY(SELECT DISTINCT x
						   FROM unnest(string_to_array(string_agg(array_to_string(s.milestones, ','), ','), ',')) x
						  WHERE x <> '' ORDER BY x) AS milestones
			  FROM (SELECT * FROM u ORDER BY u.person_id, u.user_id) s
			 GROUP BY s.person_id)
		SELECT g.person_id, prim.user_id AS primary_user_id, g.user_ids, g.logins, prim.email, prim.email_hash,
			   prim.full_name, best.title, best.function, best.seniority, g.buying_role, acct.account_key,
			   prim.country, g.stage, g.signed_up_at, g.last_event_at, g.events, g.milestones,
			   sum.stall_recheck(g.stage, g.milestones, g.last_event_at, g.signed_up_at, v_stall)
				   AS recheck_at
		  FROM agg g JOIN prim USING (person_id) JOIN best USING (person_id) JOIN acct USING (person_id);
		ANALYZE pg_temp.sum_people_new (person_id, account_key);
		-- an UPDATE and an INSERT, not INSERT ... ON CONFLICT: that locks each
		-- row it updates first (one more write per row); one run at a time
		-- writes these tables.  updated_at moves with the content, not with
		-- recheck_at alone.
		-- (a few percent of the people, as an incremental run touches: looked
		-- up by key, where a merge join would read all of sum.people)
		v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
		IF NOT run.is_full
		   AND (SELECT count(*) FROM pg_temp.sum_people_new)
			   < 0.1 * (SELECT c.reltuples FROM pg_class c WHERE c.oid = 'sum.people'::regclass) THEN
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
		END IF;
		UPDATE sum.people p
		   SET primary_user_id = n.primary_user_id, user_ids = n.user_ids, logins = n.logins, email = n.email,
			   email_hash = n.email_hash, full_name = n.full_name, title = n.title, function = n.function,
			   seniority = n.seniority, buying_role = n.buying_role, account_key = n.account_key,
			   country = n.country, stage = n.stage, signed_up_at = n.signed_up_at,
			   last_event_at = n.last_event_at, events = n.events, milestones = n.milestones,
			   recheck_at = n.recheck_at,
			   updated_at = CASE WHEN (p.primary_user_id, p.user_ids, p.email, p.full_name, p.title, p.function,
									   p.seniority, p.buying_role, p.account_key, p.country, p.stage,
									   p.signed_up_at, p.last_event_at, p.events, p.milestones)
									  IS DISTINCT FROM
									  (n.primary_user_id, n.user_ids, n.email, n.full_name, n.title, n.function,
									   n.seniority, n.buying_role, n.account_key, n.country, n.stage,
									   n.signed_up_at, n.last_event_at, n.events, n.milestones)
								 THEN clock_timestamp() ELSE p.updated_at END
		  FROM pg_temp.sum_people_new n
		 WHERE n.person_id = p.person_id
		   AND (p.primary_user_id, p.user_ids, p.email, p.full_name, p.title, p.function,
				p.seniority, p.buying_role, p.account_key, p.country, p.stage, p.signed_up_at,
				p.last_event_at, p.events, p.milestones, p.recheck_at)
			   IS DISTINCT FROM
			   (n.primary_user_id, n.user_ids, n.email, n.full_name, n.title, n.function,
				n.seniority, n.buying_role, n.account_key, n.country, n.stage, n.signed_up_at,
				n.last_event_at, n.events, n.milestones, n.recheck_at);
		GET DIAGNOSTICS v_rows = ROW_COUNT;
		PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		-- new people come only with new or changed logins
		IF run.is_full OR EXISTS (SELECT 1 FROM pg_temp.sum_in_users) THEN
			INSERT INTO sum.people (person_id, primary_user_id, user_ids, logins, email, email_hash, full_name,
									title, function, seniority, buying_role, account_key, country, stage,
									signed_up_at, last_event_at, events, milestones, recheck_at, updated_at)
			SELECT n.person_id, n.primary_user_id, n.user_ids, n.logins, n.email, n.email_hash, n.full_name,
				   n.title, n.function, n.seniority, n.buying_role, n.account_key, n.country, n.stage,
				   n.signed_up_at, n.last_event_at, n.events, n.milestones, n.recheck_at, clock_timestamp()
			  FROM pg_temp.sum_people_new n
			 WHERE NOT EXISTS (SELECT 1 FROM sum.people p WHERE p.person_id = n.person_id)
			 -- (in the order of last activity: the people active lately share
			 -- pages, and they are the ones the next runs update: fewer pages
			 -- dirtied, and logged whole after a checkpoint, than at random)
			 ORDER BY n.last_event_at NULLS FIRST, n.person_id;
			GET DIAGNOSTICS v_n = ROW_COUNT;
			v_rows := v_rows + v_n;
		END IF;

		-- the stall time of every person when the play settings changed (the
		-- nurture step then looks at every person)
		IF run.rules_changed AND NOT run.is_full THEN
			UPDATE sum.people p
			   SET recheck_at = sum.stall_recheck(p.stage, p.milestones, p.last_event_at, p.signed_up_at, v_stall)
			 WHERE p.recheck_at IS DISTINCT FROM
				   sum.stall_recheck(p.stage, p.milestones, p.last_event_at, p.signed_up_at, v_stall)
			   AND p.person_id NOT IN (SELECT t.person_id FROM pg_temp.sum_touched_people t);
		END IF;
		-- people whose trial turned stalled since the last re-evaluation
		-- (nurture looks at them again).  The stall time stays in recheck_at:
		-- read by a range, not rewritten (a stall at the previous
		-- re-evaluation's time was not one yet then, one at as_of is not yet)
		IF run.reevaluate AND NOT run.is_full THEN
			INSERT INTO pg_temp.sum_due_people
			SELECT p.person_id FROM sum.people p
			 WHERE p.recheck_at >= coalesce(run.reevaluated_at, '-infinity') AND p.recheck_at < run.as_of
			   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_people t WHERE t.person_id = p.person_id)
			 ORDER BY 1;
		END IF;
		-- (and their accounts now: every touched person left with logins is in sum_people_new)
		INSERT INTO pg_temp.sum_touched_accounts
		SELECT DISTINCT n.account_key FROM pg_temp.sum_people_new n
		 WHERE n.account_key IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_accounts t WHERE t.account_key = n.account_key)
		 ORDER BY 1;
		RETURN v_rows;

	/*
	 * accounts: roll the people of each touched account up (one row per
	 * person, sum.account_rollup), add account-level milestones, the CRM
	 * attributes and the ICP fit.
	 */
	WHEN 'accounts' THEN
		SELECT * INTO run FROM pg_temp.sum_run;
		IF run.is_full THEN
			INSERT INTO pg_temp.sum_touched_accounts
			SELECT a.account_key FROM sum.accounts a
			 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_accounts t WHERE t.account_key = a.account_key)
			 ORDER BY 1;
		END IF;
		IF run.crm_changed OR run.contacts_changed THEN
			-- accounts whose CRM row (name, size, owner, the fit's inputs) or
			-- whose CRM contacts came, went or changed, even when none of their
			-- people did: rolled up and their plays looked at again
			v_sources := ARRAY(SELECT x FROM unnest(ARRAY[CASE WHEN run.crm_changed THEN 'account' END,
														   CASE WHEN run.contacts_changed THEN 'contacts' END]) x
								WHERE x IS NOT NULL);
			DROP TABLE IF EXISTS pg_temp.sum_crm_digests;
			CREATE TEMP TABLE sum_crm_digests (source text, account_id text, digest text) ON COMMIT DROP;
			IF run.crm_changed THEN
				-- (the columns of the CRM fingerprint)
				INSERT INTO pg_temp.sum_crm_digests
				SELECT 'account', c.account_id,
					   md5(ROW(c.account_id, c.name, c.domain, c.country, c.employees, c.industry, c.annual_revenue,
							   c.technologies, c.parent_account_id, extract(epoch FROM c.created_at), c.owner)::text)
				  FROM pg_temp.sum_crm c;
			END IF;
			v_contacts_q := sum.input_query('crm_contacts');
			IF run.contacts_changed AND v_contacts_q IS NOT NULL THEN
				EXECUTE format('INSERT INTO pg_temp.sum_crm_digests
								SELECT ''contacts'', c.account_id, md5(string_agg(c::text, '','' ORDER BY c::text))
								  FROM (%s) c WHERE c.contact_id IS NOT NULL AND c.account_id IS NOT NULL
								 GROUP BY c.account_id', v_contacts_q);
			END IF;
			INSERT INTO pg_temp.sum_touched_accounts
			SELECT 'crm:' || account_id
			  FROM pg_temp.sum_crm_digests n
			  FULL JOIN (SELECT * FROM sum.crm_snapshot o WHERE o.source = ANY (v_sources)) o
				   USING (source, account_id)
			 WHERE n.digest IS DISTINCT FROM o.digest AND NOT run.is_full
			ON CONFLICT DO NOTHING;
			DELETE FROM sum.crm_snapshot o
			 WHERE o.source = ANY (v_sources)
			   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_crm_digests n
								WHERE (n.source, n.account_id, n.digest) = (o.source, o.account_id, o.digest));
			INSERT INTO sum.crm_snapshot (source, account_id, digest)
			SELECT n.source, n.account_id, n.digest FROM pg_temp.sum_crm_digests n
			 WHERE NOT EXISTS (SELECT 1 FROM sum.crm_snapshot o
								WHERE (o.source, o.account_id) = (n.source, n.account_id));
		END IF;
		/*
		 * Accounts whose activity windows moved past one of their people's
		 * last event.  Those nothing else touched (no person, no CRM row of
		 * theirs changed) are evaluated again from their stored row: only
		 * what time changes (the 7- and 30-day active users, account-level
		 * milestones, recheck_at, the fit) is computed, from the people's
		 * last event times the row keeps, without reading the people.
		 */
		DROP TABLE IF EXISTS pg_temp.sum_timed_accounts;
		CREATE TEMP TABLE sum_timed_accounts (account_key text PRIMARY KEY) ON COMMIT DROP;
		IF run.reevaluate AND NOT run.is_full THEN
			INSERT INTO pg_temp.sum_timed_accounts
			SELECT a.account_key FROM sum.accounts a
			 WHERE a.recheck_at <= run.as_of AND a.people_last_events IS NOT NULL
			   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_accounts t WHERE t.account_key = a.account_key)
			 ORDER BY 1;
			INSERT INTO pg_temp.sum_touched_accounts
			SELECT a.account_key FROM sum.accounts a
			 WHERE a.recheck_at <= run.as_of
			   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_accounts t WHERE t.account_key = a.account_key)
			 ORDER BY 1;
			ANALYZE pg_temp.sum_timed_accounts;
		END IF;
		ANALYZE pg_temp.sum_touched_accounts;

		/*
		 * When time alone may next change an account: one of its people's
		 * last event leaving the 7- or 30-day activity of sum.account_rollup
		 * or the window of an account-level milestone (exact hours, as they
		 * count), or reaching as_of.
		 */
		v_windows := ARRAY(SELECT DISTINCT w FROM unnest(ARRAY[interval '0', interval '168 hours', interval '720 hours']
				|| ARRAY(SELECT make_interval(hours => d.days * 24) FROM sum.milestone_defs d
						  WHERE d.enabled AND d.kind = 'active_users' AND d.days IS NOT NULL)) w);

		-- what the person plays and the daily funnel read of each account, before
		DROP TABLE IF EXISTS pg_temp.sum_accounts_before;
		CREATE TEMP TABLE sum_accounts_before ON COMMIT DROP AS
		SELECT t.account_key, a.account_key IS NOT NULL AS existed, a.fit_tier, a.decision_makers, a.stage,
			   a.first_signup_at
		  FROM pg_temp.sum_touched_accounts t LEFT JOIN sum.accounts a USING (account_key);

		DROP TABLE IF EXISTS pg_temp.sum_rollups;
		CREATE TEMP TABLE sum_rollups ON COMMIT DROP AS
		-- the people of the touched accounts read apart: joined in the
		-- grouping query, they come in account order through the index, a
		-- random heap read per person (several times a scan and a hash)
		WITH ap AS MATERIALIZED (
			SELECT p.account_key, p.person_id, p.function, p.seniority, p.buying_role, p.stage, p.signed_up_at,
				   p.last_event_at, p.events, p.milestones
			  FROM sum.people p JOIN pg_temp.sum_touched_accounts t USING (account_key)
			 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_timed_accounts d WHERE d.account_key = t.account_key)),
		r AS (
			SELECT p.account_key,
				   sum.account_rollup(p.person_id, p.function, p.seniority, p.buying_role, p.stage,
									  p.signed_up_at, p.last_event_at, coalesce(p.events, 0),
									  p.milestones, run.as_of) AS s,
				   coalesce(array_agg(p.last_event_at) FILTER (WHERE p.last_event_at IS NOT NULL), '{}') AS lasts,
				   NULL::text AS stored_country
			  FROM ap p
			 GROUP BY p.account_key
			UNION ALL
			-- the time-only accounts: the summary they store, but for the
			-- windows (as sum.account_rollup counts them) and without the
			-- account-level milestones, evaluated again below
			SELECT a.account_key,
				   ROW(a.users,
					   (SELECT count(*) FROM unnest(a.people_last_events) l WHERE l >= run.as_of - interval '168 hours'),
					   (SELECT count(*) FROM unnest(a.people_last_events) l WHERE l >= run.as_of - interval '720 hours'),
					   a.decision_makers, a.influencers, a.best_contact, a.best_contact_role, NULL, NULL,
					   a.champion, NULL, a.functions, a.top_seniority, a.first_signup_at, a.last_activity_at,
					   a.events, NULL, NULL, NULL, a.paid_seats, a.stage,
					   ARRAY(SELECT x FROM unnest(a.milestones) x
							  WHERE NOT EXISTS (SELECT 1 FROM sum.milestone_defs d
												 WHERE d.enabled AND d.kind = 'active_users' AND d.name = x)),
					   NULL, run.as_of)::sum.account_summary,
				   a.people_last_events, a.country
			  FROM pg_temp.sum_timed_accounts d JOIN sum.accounts a USING (account_key))
		SELECT r.account_key, r.s, c.account_id AS crm_account_id,
			   coalesce(c.name, substr(r.account_key, 8)) AS name,
			   coalesce(sum.domain_normalize(c.domain), CASE WHEN r.account_key LIKE 'domain:%'
															 THEN substr(r.account_key, 8) END) AS domain,
			   -- (the people's most common country only when the CRM has none: an
			   -- ordered-set aggregate below would force a sort of every person)
			   coalesce(c.country, r.stored_country,
						(SELECT mode() WITHIN GROUP (ORDER BY p.country) FROM sum.people p
						  WHERE p.account_key = r.account_key)) AS country,
			   c.employees, c.industry, c.owner,
			   c.annual_revenue, c.technologies,
			   ARRAY(SELECT DISTINCT x
					   FROM unnest((r.s).milestones
								   || ARRAY(SELECT m.milestone FROM sum.account_milestones(r.lasts, run.as_of) m)) x
					  ORDER BY x) AS milestones,
			   tw.next_change AS recheck_at,
			   -- (in time order: the same array whatever order the people came in)
			   tw.times_sorted AS people_last_events
		  FROM r
		  CROSS JOIN LATERAL sum.time_windows(r.lasts, run.as_of, v_windows) tw
		  LEFT JOIN pg_temp.sum_crm c
			   ON c.account_id = CASE WHEN r.account_key LIKE 'crm:%' THEN substr(r.account_key, 5) END;

		DROP TABLE IF EXISTS pg_temp.sum_accounts_new;
		CREATE TEMP TABLE sum_accounts_new ON COMMIT DROP AS
		SELECT r.account_key, r.crm_account_id, r.name, r.domain, r.country, r.employees, r.industry, r.owner,
			   (r.s).users, (r.s).active_users_7d, (r.s).active_users_30d, (r.s).decision_makers,
			   (r.s).influencers, (r.s).best_contact, (r.s).best_contact_role, (r.s).champion, (r.s).functions,
			   (r.s).top_seniority, (r.s).stage, (r.s).paid_seats, (r.s).first_signup_at,
			   (r.s).last_activity_at, (r.s).recent_activity AS events, r.milestones,
			   (r.f).score AS fit_score, (r.f).tier AS fit_tier, (r.f).matched_rules AS fit_rules, r.recheck_at,
			   r.people_last_events
		  FROM (SELECT r.*,
					   sum.fit(jsonb_strip_nulls(jsonb_build_object(
							'employees', r.employees, 'industry', lower(r.industry), 'country', r.country,
							'annual_revenue', r.annual_revenue, 'technologies', r.technologies,
							'domain', r.domain, 'in_crm', r.crm_account_id IS NOT NULL,
							'users', (r.s).users, 'active_users_7d', (r.s).active_users_7d,
							'decision_makers', (r.s).decision_makers, 'stage', (r.s).stage))) AS f
				  FROM pg_temp.sum_rollups r
				OFFSET 0) r;	-- (one sum.fit per account, not one per use of its fields)
		ANALYZE pg_temp.sum_accounts_new (account_key);

		-- touched accounts left without people go
		DELETE FROM sum.accounts a
		 USING pg_temp.sum_accounts_before b
		 WHERE b.account_key = a.account_key AND b.existed
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_accounts_new n WHERE n.account_key = a.account_key);
		-- an UPDATE and an INSERT rather than ON CONFLICT (see the people);
		-- updated_at moves with the content, not with recheck_at alone.  By
		-- key, but on a full run: a hash join reads every account and, past
		-- work_mem, writes them to disk in batches (sum.accounts stays cached)
		v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
		IF NOT run.is_full THEN
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
		END IF;
		UPDATE sum.accounts a
		   SET crm_account_id = n.crm_account_id, name = n.name, domain = n.domain, country = n.country,
			   employees = n.employees, industry = n.industry, owner = n.owner, users = n.users,
			   active_users_7d = n.active_users_7d, active_users_30d = n.active_users_30d,
			   decision_makers = n.decision_makers, influencers = n.influencers, best_contact = n.best_contact,
			   best_contact_role = n.best_contact_role, champion = n.champion, functions = n.functions,
			   top_seniority = n.top_seniority, stage = n.stage, paid_seats = n.paid_seats,
			   first_signup_at = n.first_signup_at, last_activity_at = n.last_activity_at,
			   events = n.events, milestones = n.milestones, fit_score = n.fit_score,
			   fit_tier = n.fit_tier, fit_rules = n.fit_rules, recheck_at = n.recheck_at,
			   people_last_events = n.people_last_events,
			   updated_at = CASE WHEN (a.crm_account_id, a.name, a.domain, a.country, a.employees, a.industry,
									   a.owner, a.users, a.active_users_7d, a.active_users_30d, a.decision_makers,
									   a.influencers, a.best_contact, a.best_contact_role, a.champion,
									   a.functions, a.top_seniority, a.stage, a.paid_seats, a.first_signup_at,
									   a.last_activity_at, a.events, a.milestones, a.fit_score,
									   a.fit_tier, a.fit_rules)
									  IS DISTINCT FROM
									  (n.crm_account_id, n.name, n.domain, n.country, n.employees, n.industry,
									   n.owner, n.users, n.active_users_7d, n.active_users_30d, n.decision_makers,
									   n.influencers, n.best_contact, n.best_contact_role, n.champion,
									   n.functions, n.top_seniority, n.stage, n.paid_seats, n.first_signup_at,
									   n.last_activity_at, n.events, n.milestones, n.fit_score,
									   n.fit_tier, n.fit_rules)
								 THEN clock_timestamp() ELSE a.updated_at END
		  FROM pg_temp.sum_accounts_new n
		 WHERE n.account_key = a.account_key
		   AND (a.crm_account_id, a.name, a.domain, a.country, a.employees, a.industry, a.owner, a.users,
				a.active_users_7d, a.active_users_30d, a.decision_makers, a.influencers, a.best_contact,
				a.best_contact_role, a.champion, a.functions, a.top_seniority, a.stage, a.paid_seats,
				a.first_signup_at, a.last_activity_at, a.events, a.milestones, a.fit_score, a.fit_tier,
				a.fit_rules, a.recheck_at, a.people_last_events)
			   IS DISTINCT FROM
			   (n.crm_account_id, n.name, n.domain, n.country, n.employees, n.industry, n.owner, n.users,
				n.active_users_7d, n.active_users_30d, n.decision_makers, n.influencers, n.best_contact,
				n.best_contact_role, n.champion, n.functions, n.top_seniority, n.stage, n.paid_seats,
				n.first_signup_at, n.last_activity_at, n.events, n.milestones, n.fit_score, n.fit_tier,
				n.fit_rules, n.recheck_at, n.people_last_events);
		GET DIAGNOSTICS v_rows = ROW_COUNT;
		PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		INSERT INTO sum.accounts (account_key, crm_account_id, name, domain, country, employees, industry,
								  owner, users, active_users_7d, active_users_30d, decision_makers, influencers,
								  best_contact, best_contact_role, champion, functions, top_seniority, stage,
								  paid_seats, first_signup_at, last_activity_at, events, milestones,
								  fit_score, fit_tier, fit_rules, recheck_at, people_last_events, updated_at)
		SELECT n.account_key, n.crm_account_id, n.name, n.domain, n.country, n.employees, n.industry, n.owner,
			   n.users, n.active_users_7d, n.active_users_30d, n.decision_makers, n.influencers,
			   n.best_contact, n.best_contact_role, n.champion, n.functions, n.top_seniority, n.stage,
			   n.paid_seats, n.first_signup_at, n.last_activity_at, n.events, n.milestones,
			   n.fit_score, n.fit_tier, n.fit_rules, n.recheck_at, n.people_last_events, clock_timestamp()
		  FROM pg_temp.sum_accounts_new n JOIN pg_temp.sum_accounts_before b USING (account_key)
		 WHERE NOT b.existed
		 -- (in the order of last activity, as the people are)
		 ORDER BY n.last_activity_at NULLS FIRST, n.account_key;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		v_rows := v_rows + v_n;

		-- accounts that came, went, or whose fit, decision makers or stage
		-- moved: the plays of their people follow (sum_scope_people)
		DROP TABLE IF EXISTS pg_temp.sum_shifted_accounts;
		CREATE TEMP TABLE sum_shifted_accounts ON COMMIT DROP AS
		SELECT b.account_key
		  FROM pg_temp.sum_accounts_before b LEFT JOIN sum.accounts a USING (account_key)
		 WHERE (b.existed, b.fit_tier, b.decision_makers, b.stage)
			   IS DISTINCT FROM (a.account_key IS NOT NULL, a.fit_tier, a.decision_makers, a.stage);
		ANALYZE pg_temp.sum_shifted_accounts;
		RETURN v_rows;

	/*
	 * handoff: every account the handoff rules pick, with its reasons and
	 * contact; new handoffs get an owner (CRM owner, else the routing rule's
	 * next owner in turn) and an SLA.  Sales ops' columns are never written.
	 */
	WHEN 'handoff' THEN
		SELECT * INTO run FROM pg_temp.sum_run;
		-- the accounts this run changed, or all of them when the rules changed
		-- (a set to join, never "all OR IN (...)": that is a subplan per row)
		IF run.is_full OR run.rules_changed THEN
			INSERT INTO pg_temp.sum_touched_accounts
			SELECT a.account_key FROM sum.accounts a
			 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_accounts t WHERE t.account_key = a.account_key)
			 ORDER BY 1;
			ANALYZE pg_temp.sum_touched_accounts;
		END IF;
		DROP TABLE IF EXISTS pg_temp.sum_handoff;
		CREATE TEMP TABLE sum_handoff ON COMMIT DROP AS
		SELECT a.account_key, a.crm_account_id, a.name, a.fit_tier, a.fit_score, h.reasons,
			   p.person_id, p.email, p.email_hash, p.full_name, p.title, p.buying_role, a.users, a.active_users_7d,
			   a.owner AS crm_owner, a.country, a.employees,
			   rr.name AS routing_rule, rr.owners, rr.next_owner, rr.sla,
			   row_number() OVER (PARTITION BY rr.name ORDER BY a.account_key) AS turn
		  FROM sum.accounts a
		  CROSS JOIN LATERAL (
				SELECT array_agg(r.name ORDER BY r.name) AS reasons
				  FROM sum.handoff_rules r
				 WHERE r.enabled AND a.fit_tier >= r.min_tier
				   AND (r.min_decision_makers IS NULL OR a.decision_makers >= r.min_decision_makers)
				   AND (r.any_milestones IS NULL OR a.milestones && r.any_milestones)
				   AND (r.min_active_users IS NULL OR a.active_users_7d >= r.min_active_users)) h
		  -- (the contact of each account the rules pick, by key: a join would
		  -- read all of sum.people for a few percent of it)
		  LEFT JOIN LATERAL (
				SELECT p.person_id, p.email, p.email_hash, p.full_name, p.title, p.buying_role
				  FROM sum.people p WHERE p.person_id = a.best_contact
				OFFSET 0) p ON true
		  LEFT JOIN sum.handoff_queue q ON q.account_key = a.account_key
		  LEFT JOIN LATERAL (
				SELECT r.name, r.owners, r.next_owner, r.sla
				  FROM sum.routing_rules r
				 WHERE r.enabled AND a.owner IS NULL AND q.owner IS NULL
				   AND (r.countries IS NULL OR a.country = ANY (r.countries))
				   AND (r.min_employees IS NULL OR a.employees >= r.min_employees)
				   AND (r.max_employees IS NULL OR a.employees <= r.max_employees)
				 ORDER BY r.priority, r.name
				 LIMIT 1) rr ON true
		 WHERE h.reasons IS NOT NULL
		   AND a.account_key IN (SELECT t.account_key FROM pg_temp.sum_touched_accounts t);

		INSERT INTO sum.handoff_queue AS q (account_key, crm_account_id, account_name, fit_tier, fit_score, reasons,
											contact_person_id, contact_email, contact_email_hash, contact_name,
											contact_title, contact_role, users, active_users_7d, owner,
											routing_rule, queued_at, sla_due_at, active, dequeued_at, updated_at)
		SELECT h.account_key, h.crm_account_id, h.name, h.fit_tier, h.fit_score, h.reasons,
			   h.person_id, h.email, h.email_hash, h.full_name, h.title, h.buying_role, h.users, h.active_users_7d,
			   coalesce(h.crm_owner,
						h.owners[((h.next_owner + h.turn - 1) % cardinality(h.owners)) + 1],
						sum.setting('handoff.default_owner')),
			   h.routing_rule, run.as_of,
			   run.as_of + coalesce(h.sla, sum.setting('handoff.sla')::interval),
			   true, NULL, clock_timestamp()
		  FROM pg_temp.sum_handoff h
		ON CONFLICT (account_key) DO UPDATE
		   SET crm_account_id = excluded.crm_account_id, account_name = excluded.account_name,
			   fit_tier = excluded.fit_tier, fit_score = excluded.fit_score, reasons = excluded.reasons,
			   contact_person_id = excluded.contact_person_id, contact_email = excluded.contact_email,
			   contact_email_hash = excluded.contact_email_hash, contact_name = excluded.contact_name,
			   contact_title = excluded.contact_title, contact_role = excluded.contact_role,
			   users = excluded.users, active_users_7d = excluded.active_users_7d,
			   owner = coalesce(q.owner, excluded.owner),
			   routing_rule = CASE WHEN q.owner IS NULL THEN excluded.routing_rule ELSE q.routing_rule END,
			   queued_at = CASE WHEN q.active THEN q.queued_at ELSE excluded.queued_at END,
			   sla_due_at = CASE WHEN q.active THEN q.sla_due_at ELSE excluded.sla_due_at END,
			   active = true, dequeued_at = NULL, updated_at = excluded.updated_at
		 WHERE NOT q.active OR (q.owner IS NULL AND excluded.owner IS NOT NULL)
			OR (q.crm_account_id, q.account_name, q.fit_tier, q.fit_score, q.reasons, q.contact_person_id,
				q.contact_email, q.contact_name, q.contact_title, q.contact_role, q.users, q.active_users_7d)
			   IS DISTINCT FROM
			   (excluded.crm_account_id, excluded.account_name, excluded.fit_tier, excluded.fit_score,
				excluded.reasons, excluded.contact_person_id, excluded.contact_email, excluded.contact_name,
				excluded.contact_title, excluded.contact_role, excluded.users, excluded.active_users_7d);
		GET DIAGNOSTICS v_rows = ROW_COUNT;

		-- the round-robin position of each rule moves past the owners it gave out
		UPDATE sum.routing_rules r
		   SET next_owner = (r.next_owner + g.given) % cardinality(r.owners)
		  FROM (SELECT h.routing_rule, count(*) AS given FROM pg_temp.sum_handoff h
				 WHERE h.crm_owner IS NULL AND h.routing_rule IS NOT NULL GROUP BY h.routing_rule) g
		 WHERE g.routing_rule = r.name;

		UPDATE sum.handoff_queue q
		   SET active = false, dequeued_at = run.as_of, updated_at = clock_timestamp()
		 WHERE q.active AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_handoff h WHERE h.account_key = q.account_key)
		   AND q.account_key IN (SELECT t.account_key FROM pg_temp.sum_touched_accounts t);
		GET DIAGNOSTICS v_n = ROW_COUNT;
		RETURN v_rows + v_n;

	/*
	 * nurture: the subjects of every enabled play now; fire the new ones and
	 * those whose cooldown has passed, keep the firing ones, clear the rest.
	 */
	WHEN 'nurture' THEN
		SELECT * INTO run FROM pg_temp.sum_run;
		v_min_tier := sum.setting('nurture.min_fit_tier')::sum.fit_tier;
		v_n := sum.setting('nurture.min_active_users')::bigint;
		-- the subjects this run changed (people of touched accounts included),
		-- or all of them when the rules changed
		v_all := run.is_full OR run.rules_changed;
		IF v_all THEN
			INSERT INTO pg_temp.sum_touched_accounts
			SELECT a.account_key FROM sum.accounts a
			 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_touched_accounts t WHERE t.account_key = a.account_key)
			 ORDER BY 1;
			ANALYZE pg_temp.sum_touched_accounts;
		END IF;
		-- people in scope: rolled up again, due (a stall), or at an account
		-- whose fit, decision makers or stage moved (what the person plays read)
		DROP TABLE IF EXISTS pg_temp.sum_scope_people;
		CREATE TEMP TABLE sum_scope_people ON COMMIT DROP AS
		SELECT t.person_id FROM pg_temp.sum_touched_people t
		UNION SELECT d.person_id FROM pg_temp.sum_due_people d
		UNION SELECT p.person_id FROM sum.people p JOIN pg_temp.sum_shifted_accounts c USING (account_key)
		UNION SELECT p.person_id FROM sum.people p WHERE v_all;
		CREATE UNIQUE INDEX ON pg_temp.sum_scope_people (person_id);
		-- and the subjects of cleared triggers whose cooldown ended since the
		-- last re-evaluation: a condition that came back within the cooldown
		-- fires again then, even when nothing else touches its subject
		IF run.reevaluate AND NOT v_all THEN
			WITH c AS (
				SELECT t.subject, t.subject_id, t.account_key
				  FROM sum.nurture_plays y
				  JOIN LATERAL (SELECT t.subject, t.subject_id, t.account_key FROM sum.nurture_triggers t
								 WHERE t.play = y.play AND NOT t.active
								   AND t.last_fired_at > run.reevaluated_at - y.cooldown
								   AND t.last_fired_at <= run.as_of - y.cooldown) t ON true
				 WHERE y.enabled),
			p AS (INSERT INTO pg_temp.sum_scope_people
				  SELECT c.subject_id FROM c WHERE c.subject = 'person'
				  ON CONFLICT DO NOTHING)
			INSERT INTO pg_temp.sum_touched_accounts
			SELECT c.account_key FROM c WHERE c.subject <> 'person' AND c.account_key IS NOT NULL
			ON CONFLICT DO NOTHING;
		END IF;
		ANALYZE pg_temp.sum_scope_people;
		v_stall := sum.setting('nurture.stalled_after')::interval;
		-- what the person plays read of each person in scope and their
		-- account, read once (not once per play)
		-- (the people this run rolled up as the people step wrote them,
		-- sum_people_new: every person on a full run; the others in scope,
		-- due or at a shifted account, by key when they are few: a join
		-- would read all of sum.people)
		DROP TABLE IF EXISTS pg_temp.sum_scope, pg_temp.sum_scope_others;
		CREATE TEMP TABLE sum_scope ON COMMIT DROP AS
		SELECT n.person_id, n.account_key, n.primary_user_id, n.email_hash, n.buying_role, n.stage,
			   n.milestones, n.last_event_at, n.signed_up_at, a.fit_tier, a.decision_makers,
			   a.stage AS account_stage
		  FROM pg_temp.sum_scope_people s
		  JOIN pg_temp.sum_people_new n USING (person_id)
		  LEFT JOIN sum.accounts a USING (account_key);
		CREATE TEMP TABLE sum_scope_others ON COMMIT DROP AS
		SELECT s.person_id FROM pg_temp.sum_scope_people s
		 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_people_new n WHERE n.person_id = s.person_id)
		 ORDER BY 1;
		ANALYZE pg_temp.sum_scope_others;
		v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
		-- (reltuples is -1 until sum.people is first vacuumed or analyzed)
		SELECT c.reltuples INTO v_reltuples FROM pg_class c WHERE c.oid = 'sum.people'::regclass;
		IF v_reltuples < 0 OR (SELECT count(*) FROM pg_temp.sum_scope_others) < 0.1 * v_reltuples THEN
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
		END IF;
		INSERT INTO pg_temp.sum_scope
		SELECT p.person_id, p.account_key, p.primary_user_id, p.email_hash, p.buying_role, p.stage,
			   p.milestones, p.last_event_at, p.signed_up_at, a.fit_tier, a.decision_makers,
			   a.stage AS account_stage
		  FROM pg_temp.sum_scope_others o
		  JOIN sum.people p USING (person_id)
		  LEFT JOIN sum.accounts a USING (account_key);
		PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);

		-- the decision-maker contacts of the touched accounts that need one
		-- (the CRM contacts are read here, for those accounts only)
		v_contacts_q := sum.input_query('crm_contacts');
		DROP TABLE IF EXISTS pg_temp.sum_dm_contacts;
		CREATE TEMP TABLE sum_dm_contacts (contact_id text, account_key text, email_hash text, title text)
			ON COMMIT DROP;
		IF v_contacts_q IS NOT NULL THEN
			EXECUTE format('INSERT INTO pg_temp.sum_dm_contacts
							SELECT c.contact_id, a.account_key, sum.email_hash(c.email), c.title
							  FROM (%s) c
							  JOIN sum.accounts a ON a.crm_account_id = c.account_id
							 WHERE c.contact_id IS NOT NULL AND a.fit_tier >= $1 AND a.decision_makers = 0
							   AND a.account_key IN (SELECT t.account_key FROM pg_temp.sum_touched_accounts t)
							   AND sum.buying_role(sum.title_persona(c.title), a.employees) = ''decision_maker''
							   AND NOT EXISTS (SELECT 1 FROM sum.users u
												WHERE u.email_key = sum.email_normalize(c.email, ''match''))',
						   v_contacts_q)
				USING v_min_tier;
		END IF;
		ANALYZE pg_temp.sum_dm_contacts (account_key);

		DROP TABLE IF EXISTS pg_temp.sum_plays_now;
		CREATE TEMP TABLE sum_plays_now ON COMMIT DROP AS
		SELECT 'invite_decision_maker'::text AS play, s.person_id AS subject_id, s.account_key,
			   s.primary_user_id AS user_id, s.email_hash,
			   jsonb_build_object('fit_tier', s.fit_tier, 'buying_role', s.buying_role) AS details
		  FROM pg_temp.sum_scope s
		 WHERE s.fit_tier >= v_min_tier AND s.decision_makers = 0 AND s.account_stage IS DISTINCT FROM 'paid'
		   AND s.buying_role IS DISTINCT FROM 'decision_maker'
		UNION ALL
		SELECT 'outbound_decision_makers', d.contact_id, d.account_key, NULL, d.email_hash,
			   jsonb_build_object('title', d.title)
		  FROM pg_temp.sum_dm_contacts d
		UNION ALL
		SELECT 'reverse_abm_audience', a.account_key, a.account_key, NULL, NULL,
			   jsonb_build_object('email_hashes', array_agg(d.email_hash ORDER BY d.email_hash))
		  FROM sum.accounts a JOIN pg_temp.sum_dm_contacts d USING (account_key)
		 WHERE a.active_users_7d >= v_n
		 GROUP BY a.account_key
		UNION ALL
		SELECT 'rescue_stalled_trial', s.person_id, s.account_key, s.primary_user_id, s.email_hash,
			   jsonb_build_object('last_event_at', s.last_event_at)
		  FROM pg_temp.sum_scope s
		 WHERE s.stage = 'trial' AND NOT coalesce(s.milestones @> '{activated}', false)
		   -- (the same arithmetic as sum.stall_recheck)
		   AND coalesce(s.last_event_at, s.signed_up_at) + v_stall < run.as_of
		UNION ALL
		SELECT 'churn_risk', a.account_key, a.account_key, NULL, NULL,
			   jsonb_build_object('paid_seats', a.paid_seats)
		  FROM sum.accounts a
		 WHERE a.stage = 'paid' AND coalesce(a.milestones && '{usage_drop}', false)
		   AND a.account_key IN (SELECT t.account_key FROM pg_temp.sum_touched_accounts t)
		UNION ALL
		SELECT 'paywall_upsell', s.person_id, s.account_key, s.primary_user_id, s.email_hash,
			   jsonb_build_object('stage', s.stage)
		  FROM pg_temp.sum_scope s
		 WHERE coalesce(s.milestones @> '{paywall_hit}', false)
		   AND coalesce(s.stage, 'freemium') IN ('freemium', 'trial') AND s.account_stage IS DISTINCT FROM 'paid'
		UNION ALL
		SELECT 'suppress_prospect_nurture', s.person_id, s.account_key, s.primary_user_id, s.email_hash,
			   jsonb_build_object('stage', coalesce(s.account_stage, s.stage))
		  FROM pg_temp.sum_scope s
		 WHERE s.stage = 'paid' OR s.account_stage = 'paid';
		DELETE FROM pg_temp.sum_plays_now n
		 WHERE NOT EXISTS (SELECT 1 FROM sum.nurture_plays y WHERE y.play = n.play AND y.enabled);
		CREATE UNIQUE INDEX ON pg_temp.sum_plays_now (play, subject_id);
		ANALYZE pg_temp.sum_plays_now (play, subject_id);

		-- clear the triggers of the subjects in scope whose condition ended
		-- (one statement per kind of subject: semi-joins, not a subplan per row;
		-- a full run or changed rules put every subject in scope)
		UPDATE sum.nurture_triggers t
		   SET active = false, cleared_at = run.as_of, updated_at = clock_timestamp()
		 WHERE t.active AND t.subject = 'person'
		   AND t.subject_id IN (SELECT s.person_id FROM pg_temp.sum_scope_people s)
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_plays_now n WHERE n.play = t.play AND n.subject_id = t.subject_id);
		GET DIAGNOSTICS v_rows = ROW_COUNT;
		UPDATE sum.nurture_triggers t
		   SET active = false, cleared_at = run.as_of, updated_at = clock_timestamp()
		 WHERE t.active AND t.subject <> 'person'
		   AND t.account_key IN (SELECT a.account_key FROM pg_temp.sum_touched_accounts a)
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.sum_plays_now n WHERE n.play = t.play AND n.subject_id = t.subject_id);
		GET DIAGNOSTICS v_n = ROW_COUNT;
		v_rows := v_rows + v_n;
		-- each play now against its trigger (one join, then the writes
		-- touch only the rows that move): fire again what was cleared and
		-- whose cooldown has passed, keep the firing ones up to date (their
		-- audience, account, details), fire the new ones
		-- (a few percent of the triggers, as an incremental run has in scope:
		-- looked up by key, where a hash join would read every trigger)
		v_joins := ARRAY[current_setting('enable_hashjoin'), current_setting('enable_mergejoin')];
		IF NOT v_all
		   AND (SELECT count(*) FROM pg_temp.sum_plays_now)
			   < 0.1 * (SELECT c.reltuples FROM pg_class c WHERE c.oid = 'sum.nurture_triggers'::regclass) THEN
			PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
		END IF;
		DROP TABLE IF EXISTS pg_temp.sum_plays_diff;
		CREATE TEMP TABLE sum_plays_diff ON COMMIT DROP AS
		SELECT n.play, n.subject_id, y.subject, n.account_key, n.user_id, n.email_hash, n.details,
			   CASE WHEN t.play IS NULL THEN 'new'
					WHEN NOT t.active AND t.last_fired_at + y.cooldown <= run.as_of THEN 'fire_again'
					WHEN t.active AND (t.account_key, t.user_id, t.email_hash, t.details)
									  IS DISTINCT FROM (n.account_key, n.user_id, n.email_hash, n.details)
						THEN 'changed' END AS action
		  FROM pg_temp.sum_plays_now n
		  JOIN sum.nurture_plays y USING (play)
		  LEFT JOIN sum.nurture_triggers t ON t.play = n.play AND t.subject_id = n.subject_id;
		DELETE FROM pg_temp.sum_plays_diff d WHERE d.action IS NULL;
		ANALYZE pg_temp.sum_plays_diff (play, subject_id, action);
		UPDATE sum.nurture_triggers t
		   SET active = true, fire_count = t.fire_count + 1, last_fired_at = run.as_of, cleared_at = NULL,
			   account_key = d.account_key, user_id = d.user_id, email_hash = d.email_hash, details = d.details,
			   updated_at = clock_timestamp()
		  FROM pg_temp.sum_plays_diff d
		 WHERE d.play = t.play AND d.subject_id = t.subject_id AND d.action = 'fire_again';
		GET DIAGNOSTICS v_n = ROW_COUNT;
		v_rows := v_rows + v_n;
		UPDATE sum.nurture_triggers t
		   SET account_key = d.account_key, user_id = d.user_id, email_hash = d.email_hash, details = d.details,
			   updated_at = clock_timestamp()
		  FROM pg_temp.sum_plays_diff d
		 WHERE d.play = t.play AND d.subject_id = t.subject_id AND d.action = 'changed';
		GET DIAGNOSTICS v_n = ROW_COUNT;
		v_rows := v_rows + v_n;
		PERFORM set_config('enable_hashjoin', v_joins[1], true), set_config('enable_mergejoin', v_joins[2], true);
		INSERT INTO sum.nurture_triggers (play, subject_id, subject, account_key, user_id, email_hash, details,
										  active, fire_count, first_fired_at, last_fired_at, updated_at)
		SELECT d.play, d.subject_id, d.subject, d.account_key, d.user_id, d.email_hash, d.details,
			   true, 1, run.as_of, run.as_of, clock_timestamp()
		  FROM pg_temp.sum_plays_diff d
		 WHERE d.action = 'new'
		ON CONFLICT (play, subject_id) DO NOTHING;
		GET DIAGNOSTICS v_n = ROW_COUNT;
		RETURN v_rows + v_n;

	/*
	 * bi: the daily funnel.  A full run counts every row again; an
	 * incremental run adds, per day, what the rows it changed bring minus
	 * what they had counted for (users: the new and changed logins and those
	 * whose activation came or went; people and accounts: the touched ones),
	 * and counts the handoffs again (a small table).  Days left with nothing
	 * go.
	 */
	WHEN 'bi' THEN
		SELECT * INTO run FROM pg_temp.sum_run;
		v_tz := sum.setting('milestones.timezone');
		DROP TABLE IF EXISTS pg_temp.sum_funnel_changes;
		CREATE TEMP TABLE sum_funnel_changes (day date, signups bigint, new_people bigint, activated bigint,
											  new_accounts bigint) ON COMMIT DROP;
		IF run.is_full THEN
			DELETE FROM sum.daily_funnel;
			INSERT INTO pg_temp.sum_funnel_changes
			SELECT (u.signed_up_at AT TIME ZONE v_tz)::date, count(*), 0,
				   count(*) FILTER (WHERE u.milestones @> '{activated}'), 0
			  FROM sum.users u GROUP BY 1
			UNION ALL
			SELECT (p.signed_up_at AT TIME ZONE v_tz)::date, 0, count(*), 0, 0 FROM sum.people p GROUP BY 1
			UNION ALL
			SELECT (a.first_signup_at AT TIME ZONE v_tz)::date, 0, 0, 0, count(*) FROM sum.accounts a GROUP BY 1;
		ELSE
			DROP TABLE IF EXISTS pg_temp.sum_activation_moved;
			CREATE TEMP TABLE sum_activation_moved ON COMMIT DROP AS
			SELECT e.user_id, e.signed_up_at, coalesce(e.u_milestones @> '{activated}', false) AS activated
			  FROM pg_temp.sum_eval e
			 WHERE coalesce(e.u_milestones @> '{activated}', false) <> coalesce(e.milestones @> '{activated}', false);
			INSERT INTO pg_temp.sum_funnel_changes
			SELECT (x.at AT TIME ZONE v_tz)::date, x.signups, x.new_people, x.activated, x.new_accounts
			  FROM (SELECT b.signed_up_at AS at, -1 AS signups, 0 AS new_people, -b.activated::integer AS activated,
						   0 AS new_accounts
					  FROM pg_temp.sum_users_before b
					UNION ALL
					SELECT m.signed_up_at, -1, 0, -m.activated::integer, 0 FROM pg_temp.sum_activation_moved m
					 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.sum_in_users i WHERE i.user_id = m.user_id)
					UNION ALL
					SELECT u.signed_up_at, 1, 0, CASE WHEN u.milestones @> '{activated}' THEN 1 ELSE 0 END, 0
					  FROM sum.users u
					 WHERE u.user_id IN (SELECT i.user_id FROM pg_temp.sum_in_users i
										 UNION SELECT m.user_id FROM pg_temp.sum_activation_moved m)
					UNION ALL SELECT b.signed_up_at, 0, -1, 0, 0 FROM pg_temp.sum_people_before b
					UNION ALL SELECT n.signed_up_at, 0, 1, 0, 0 FROM pg_temp.sum_people_new n
					UNION ALL SELECT b.first_signup_at, 0, 0, 0, -1 FROM pg_temp.sum_accounts_before b WHERE b.existed
					UNION ALL SELECT n.first_signup_at, 0, 0, 0, 1 FROM pg_temp.sum_accounts_new n) x;
		END IF;
		INSERT INTO sum.daily_funnel AS f (day, signups, new_people, activated, new_accounts, handoffs, updated_at)
		SELECT day, coalesce(c.signups, 0), coalesce(c.new_people, 0), coalesce(c.activated, 0),
			   coalesce(c.new_accounts, 0), coalesce(h.handoffs, 0), clock_timestamp()
		  FROM (SELECT x.day, sum(x.signups) AS signups, sum(x.new_people) AS new_people,
					   sum(x.activated) AS activated, sum(x.new_accounts) AS new_accounts
				  FROM pg_temp.sum_funnel_changes x WHERE x.day IS NOT NULL GROUP BY x.day) c
		  FULL JOIN (SELECT (q.queued_at AT TIME ZONE v_tz)::date AS day, count(*) AS handoffs
					   FROM sum.handoff_queue q WHERE q.queued_at IS NOT NULL GROUP BY 1) h USING (day)
		  FULL JOIN (SELECT o.day FROM sum.daily_funnel o WHERE o.handoffs <> 0) o USING (day)
		ON CONFLICT (day) DO UPDATE
		   SET signups = f.signups + excluded.signups, new_people = f.new_people + excluded.new_people,
			   activated = f.activated + excluded.activated, new_accounts = f.new_accounts + excluded.new_accounts,
			   handoffs = excluded.handoffs, updated_at = excluded.updated_at
		 WHERE (excluded.signups, excluded.new_people, excluded.activated, excluded.new_accounts) <> (0, 0, 0, 0)
			OR f.handoffs <> excluded.handoffs;
		GET DIAGNOSTICS v_rows = ROW_COUNT;
		DELETE FROM sum.daily_funnel f
		 WHERE (f.signups, f.new_people, f.activated, f.new_accounts, f.handoffs) = (0, 0, 0, 0, 0);
		GET DIAGNOSTICS v_n = ROW_COUNT;
		RETURN v_rows + v_n;

	/* finish: the watermarks of the next incremental run */
	WHEN 'finish' THEN
		SELECT * INTO run FROM pg_temp.sum_run;
		INSERT INTO sum.pipeline_state AS s (singleton, users_read_at, events_closed_until, reevaluated_at,
											 crm_fingerprint, contacts_fingerprint, config_fingerprint,
											 rules_fingerprint, last_full_at)
		VALUES (true, run.as_of, run.events_to, CASE WHEN run.reevaluate THEN run.as_of END,
				run.crm_fingerprint, run.contacts_fingerprint, run.config_fingerprint, run.rules_fingerprint,
				CASE WHEN run.is_full THEN run.as_of END)
		ON CONFLICT (singleton) DO UPDATE
		   SET users_read_at = excluded.users_read_at, events_closed_until = excluded.events_closed_until,
			   reevaluated_at = coalesce(excluded.reevaluated_at, s.reevaluated_at),
			   crm_fingerprint = excluded.crm_fingerprint, contacts_fingerprint = excluded.contacts_fingerprint,
			   config_fingerprint = excluded.config_fingerprint,
			   rules_fingerprint = excluded.rules_fingerprint,
			   last_full_at = coalesce(excluded.last_full_at, s.last_full_at);
		DELETE FROM sum.refresh_log l
		 WHERE l.started_at < run.as_of - sum.setting('pipeline.log_retention')::interval;
		-- a full run rewrote every output: fresh statistics now, not when
		-- autovacuum comes, so that the next incremental runs plan for their
		-- small touched sets (only the owner may; others leave it to autovacuum)
		IF run.is_full AND (SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = 'sum.users'::regclass)
		THEN
			ANALYZE sum.users, sum.people, sum.accounts, sum.user_states, sum.user_milestones, sum.handoff_queue,
					sum.nurture_triggers;
		END IF;
		RETURN 1;

	ELSE
		RAISE EXCEPTION 'unknown refresh step "%"', step USING ERRCODE = 'invalid_parameter_value';
	END CASE;
END;
$fn$;
COMMENT ON FUNCTION sum.refresh_step(text, boolean, timestamptz) IS
	'internal: one step of CALL sum.refresh()';
REVOKE ALL ON FUNCTION sum.refresh_step(text, boolean, timestamptz) FROM PUBLIC;

/* ==========================================================================
 * BI views
 * ========================================================================== */

CREATE INDEX ON sum.nurture_triggers (account_key) WHERE active;
-- (the cleared triggers whose cooldown ends: the refresh looks at them again)
CREATE INDEX ON sum.nurture_triggers (play, last_fired_at) WHERE NOT active;

/* One row per account: rollup, fit, handoff and active plays, for dashboards */
CREATE VIEW sum.accounts_overview AS
	SELECT a.account_key, a.name, a.domain, a.crm_account_id, a.country, a.employees, a.industry,
		   a.fit_tier, a.fit_score, a.stage, a.users, a.active_users_7d, a.active_users_30d,
		   a.decision_makers, a.influencers, a.functions, a.top_seniority, a.milestones,
		   a.first_signup_at, a.last_activity_at,
		   coalesce(q.active, false) AS in_handoff, q.status AS handoff_status, q.owner AS handoff_owner,
		   q.reasons AS handoff_reasons, q.sla_due_at AS handoff_sla_due_at,
		   (SELECT pg_catalog.array_agg(t.play ORDER BY t.play) FROM sum.nurture_triggers t
			 WHERE t.account_key OPERATOR(pg_catalog.=) a.account_key AND t.active) AS active_plays,
		   a.updated_at
	  FROM sum.accounts a
	  LEFT JOIN sum.handoff_queue q ON q.account_key OPERATOR(pg_catalog.=) a.account_key;
COMMENT ON VIEW sum.accounts_overview IS
	'BI: one row per account with rollup, fit, handoff status and active plays';

/*
 * Rolling usage per user, computed when read (at now()) from the stored
 * milestone states, over the events the last run read (both parts).  The output tables
 * store only what moves with new events (events ever, first and last
 * event): a stored 28-day count would change for a tenth of the users each
 * time a day passes, and every consumer syncing people or accounts by
 * updated_at would receive those rows again.  NULL figures for a user whose
 * state was built for other milestone definitions (after a change of them,
 * until the next run, which is full); zeros for a user without events.
 */
CREATE VIEW sum.user_activity AS
	SELECT u.user_id, u.person_id, u.account_key, (g.usage).first_event_at, (g.usage).last_event_at,
		   (g.usage).events, (g.usage).events_7d, (g.usage).events_28d, (g.usage).active_days_7d,
		   (g.usage).active_days_28d
	  FROM sum.users u
	  LEFT JOIN sum.user_states s ON s.user_id OPERATOR(pg_catalog.=) u.user_id
	  CROSS JOIN LATERAL (
			SELECT CASE WHEN s.state IS NULL AND s.open_state IS NULL
						THEN ROW(NULL, NULL, 0, 0, 0, 0, 0)::sum.milestone_usage
						WHEN NOT coalesce(sum.milestone_state_is_current(s.state), true)
							 OR NOT coalesce(sum.milestone_state_is_current(s.open_state), true)
						THEN NULL
						-- (most users have no open part: no merge)
						WHEN s.open_state IS NULL THEN sum.milestone_usage(s.state, pg_catalog.now())
						ELSE sum.milestone_usage(sum.milestones_merge(s.state, s.open_state), pg_catalog.now())
						END AS usage) g;
COMMENT ON VIEW sum.user_activity IS
	'BI: per user, events ever and in the last 7 and 28 local days as of now, from the stored milestone states';

/*
 * Daily funnel, by local day (milestones.timezone): sign-ups, people new
 * that day, sign-ups of the day that activated, new accounts, handoffs
 * queued.  A table kept by each run (the bi step): a full run counts every
 * row; an incremental run adds what the rows it changed take away from and
 * bring to each day, so its cost follows the changes, not the users.
 */
CREATE TABLE sum.daily_funnel (
	day date PRIMARY KEY,
	signups bigint NOT NULL DEFAULT 0,
	new_people bigint NOT NULL DEFAULT 0,
	activated bigint NOT NULL DEFAULT 0,
	new_accounts bigint NOT NULL DEFAULT 0,
	handoffs bigint NOT NULL DEFAULT 0,
	updated_at timestamptz NOT NULL
);
COMMENT ON TABLE sum.daily_funnel IS
	'BI: per local day: sign-ups, new people, sign-ups that activated, new accounts, handoffs queued';

/* ==========================================================================
 * CALL sum.refresh()
 * ========================================================================== */

/*
 * The run: one transaction for all the steps, so that readers see the last
 * complete result.  Before it, a committed 'running' row in sum.refresh_log,
 * so that a run whose backend dies shows as failed (the next run marks it);
 * after it, the run's outcome, committed even when the steps failed and
 * were rolled back, and then the error again for the caller (and pg_cron).
 * It commits, so it must be called outside an explicit transaction block.
 */
CREATE PROCEDURE sum.refresh(full boolean DEFAULT false, verbose boolean DEFAULT false,
							 wait boolean DEFAULT false, as_of timestamptz DEFAULT NULL)
	LANGUAGE plpgsql
AS $$
#variable_conflict use_variable
DECLARE
	-- declared types are resolved with the caller's search_path (a procedure
	-- that commits cannot pin it): qualify those that are not keywords
	-- the advisory lock of the refresh (advisory locks are per database)
	lock_key CONSTANT bigint := 1208407399;
	steps CONSTANT pg_catalog.text[] := ARRAY['inputs', 'people', 'matching', 'milestones', 'people_rollup',
								   'accounts', 'handoff', 'nurture', 'bi', 'finish'];
	v_run bigint;
	v_step pg_catalog.text;
	v_t0 pg_catalog.timestamptz;
	v_started pg_catalog.timestamptz;
	v_rows bigint;
	v_total bigint := 0;
	v_as_of pg_catalog.timestamptz;
	v_mode pg_catalog.text := CASE WHEN refresh.full THEN 'full' ELSE 'incremental' END;
	v_holder integer;
	v_failed boolean := false;
	v_state pg_catalog.text;
	v_msg pg_catalog.text;
	v_detail pg_catalog.text;
BEGIN
	-- a transaction of its own (and a clear error inside a transaction block)
	COMMIT;
	PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
	IF refresh.full IS NULL OR refresh.verbose IS NULL OR refresh.wait IS NULL THEN
		RAISE EXCEPTION 'sum.refresh: full, verbose and wait must not be NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF refresh.as_of IS NOT NULL AND NOT isfinite(refresh.as_of) THEN
		RAISE EXCEPTION 'sum.refresh: as_of must be a finite time' USING ERRCODE = 'invalid_parameter_value';
	END IF;

	-- without the rights to run, fail before taking the lock
	IF NOT has_table_privilege('sum.refresh_log', 'INSERT, UPDATE')
	   OR NOT has_table_privilege('sum.users', 'INSERT, UPDATE, DELETE') THEN
		RAISE EXCEPTION 'permission denied to run sum.refresh()'
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Run the refresh as the owner of extension sum (for example from its pg_cron job).';
	END IF;
	IF refresh.wait THEN
		PERFORM pg_advisory_lock(lock_key);
	ELSIF NOT pg_try_advisory_lock(lock_key) THEN
		SELECT l.pid INTO v_holder FROM pg_locks l
		 WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
		   AND l.objsubid = 1 AND ((l.classid::bigint << 32) | l.objid::bigint) = lock_key
		 LIMIT 1;
		RAISE NOTICE 'sum.refresh: another refresh is running (backend %); skipped', coalesce(v_holder::text, '?')
			USING HINT = 'CALL sum.refresh(wait => true) waits for it.';
		INSERT INTO sum.refresh_log (run_id, step, mode, status, started_at, finished_at, pid, error)
		VALUES (nextval('sum.refresh_run_id'), 'run', v_mode, 'skipped', clock_timestamp(), clock_timestamp(),
				pg_backend_pid(), format('another refresh was running (backend %s)', coalesce(v_holder::text, '?')));
		RETURN;
	END IF;

	BEGIN
		-- a run still 'running' now ended with its backend (we hold the lock)
		UPDATE sum.refresh_log
		   SET status = 'failed', finished_at = coalesce(finished_at, clock_timestamp()), sqlstate = '57P01',
			   error = 'interrupted: the backend ended before the run finished (terminated, crashed or restarted)'
		 WHERE status = 'running';
		v_run := nextval('sum.refresh_run_id');
		INSERT INTO sum.refresh_log (run_id, step, mode, status, started_at, pid)
		VALUES (v_run, 'run', v_mode, 'running', clock_timestamp(), pg_backend_pid());
	EXCEPTION WHEN OTHERS OR query_canceled THEN
		-- the lock is the session's: never keep it past an error
		PERFORM pg_advisory_unlock(lock_key);
		RAISE;
	END;
	COMMIT;
	PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);

	v_as_of := coalesce(refresh.as_of, now());
	v_started := clock_timestamp();
	BEGIN
		FOREACH v_step IN ARRAY steps LOOP
			v_t0 := clock_timestamp();
			v_rows := sum.refresh_step(v_step, refresh.full, v_as_of);
			v_total := v_total + v_rows;
			IF v_step = 'inputs' THEN
				SELECT CASE WHEN r.is_full THEN 'full' ELSE 'incremental' END INTO v_mode FROM pg_temp.sum_run r;
			END IF;
			INSERT INTO sum.refresh_log (run_id, step, mode, status, started_at, finished_at, duration_ms, rows,
										 as_of, pid)
			VALUES (v_run, v_step, v_mode, 'ok', v_t0, clock_timestamp(),
					1000 * extract(epoch FROM clock_timestamp() - v_t0), v_rows, v_as_of, pg_backend_pid());
			IF refresh.verbose THEN
				RAISE NOTICE 'sum.refresh: % % rows in % ms (%)', rpad(v_step, 13), v_rows,
					round(1000 * extract(epoch FROM clock_timestamp() - v_t0)), v_mode;
			END IF;
		END LOOP;
		UPDATE sum.refresh_log
		   SET status = 'ok', mode = v_mode, finished_at = clock_timestamp(), as_of = v_as_of, rows = v_total,
			   duration_ms = 1000 * extract(epoch FROM clock_timestamp() - v_started)
		 WHERE run_id = v_run AND step = 'run';
	EXCEPTION WHEN OTHERS OR query_canceled THEN
		GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_msg = MESSAGE_TEXT,
								v_detail = PG_EXCEPTION_DETAIL;
		v_failed := true;
		UPDATE sum.refresh_log
		   SET status = 'failed', mode = v_mode, finished_at = clock_timestamp(), as_of = v_as_of,
			   duration_ms = 1000 * extract(epoch FROM clock_timestamp() - v_started),
			   failed_step = v_step, sqlstate = v_state,
			   error = v_msg || CASE WHEN v_detail <> '' THEN E'\n' || v_detail ELSE '' END
		 WHERE run_id = v_run AND step = 'run';
	END;
	PERFORM pg_advisory_unlock(lock_key);
	COMMIT;
	PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
	/*
	 * A full run rewrote every output row (sum.users three times: identity,
	 * match, usage).  Read the large tables once now that the run is
	 * committed: the scan sets the rows' hint bits and prunes the old
	 * versions, work that the next readers (dashboards, the next
	 * incremental run) would otherwise each pay for on the pages they
	 * touch.  Readers already see the new outputs.
	 */
	IF NOT v_failed AND v_mode = 'full' THEN
		/*
		 * sum.users above all: two thirds of it are dead rows now, which
		 * every later scan would read (each incremental run's pick of the
		 * users to evaluate: 0.75 s of a 10 s run at 1 M users).  It is
		 * rewritten compactly, in key order, unless another session holds
		 * it (NOWAIT: no reader queues behind the rewrite; one that comes
		 * during it waits, seconds per million users).  Only the owner may;
		 * pipeline.compact_after_full = false skips it.  (Inside the run it
		 * would copy the dead rows too: they were the run's own.)
		 */
		IF sum.setting('pipeline.compact_after_full')::boolean
		   AND (SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = 'sum.users'::regclass) THEN
			BEGIN
				LOCK TABLE sum.users IN ACCESS EXCLUSIVE MODE NOWAIT;
				CLUSTER sum.users USING users_pkey;
			EXCEPTION WHEN lock_not_available THEN
				RAISE NOTICE 'sum.refresh: sum.users was not compacted: another session is using it';
			END;
			COMMIT;
			PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
		END IF;
		PERFORM count(*) FROM sum.users;
		PERFORM count(*) FROM sum.people;
		PERFORM count(*) FROM sum.user_states;
		PERFORM count(*) FROM sum.user_milestones;
		PERFORM count(*) FROM sum.nurture_triggers;
		COMMIT;
		PERFORM pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);
	END IF;
	IF v_failed THEN
		IF coalesce(v_detail, '') = '' THEN
			RAISE EXCEPTION 'sum.refresh failed in step %: %', v_step, v_msg USING ERRCODE = v_state;
		END IF;
		RAISE EXCEPTION 'sum.refresh failed in step %: %', v_step, v_msg USING ERRCODE = v_state, DETAIL = v_detail;
	END IF;
	IF refresh.verbose THEN
		RAISE NOTICE 'sum.refresh: run % (%) done in % ms', v_run, v_mode,
			round(1000 * extract(epoch FROM clock_timestamp() - v_started));
	END IF;
END;
$$;
REVOKE ALL ON PROCEDURE sum.refresh(boolean, boolean, boolean, timestamptz) FROM PUBLIC;
COMMENT ON PROCEDURE sum.refresh(boolean, boolean, boolean, timestamptz) IS
	'run the pipeline: identities, people, matching, personas, milestones, rollups, fit, handoff, nurture, BI; incremental unless full';

/*
 * sum.claim_triggers(consumer, max): up to max firing triggers that this
 * consumer has not claimed since they last fired, oldest firing first, each
 * handed out once (concurrent claimers skip each other's rows).
 */
CREATE FUNCTION sum.claim_triggers(consumer text, max integer DEFAULT 100)
	RETURNS SETOF sum.nurture_triggers
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
	IF claim_triggers.consumer IS NULL OR btrim(claim_triggers.consumer) = '' THEN
		RAISE EXCEPTION 'sum.claim_triggers: consumer must be a non-empty name'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF claim_triggers.max IS NULL OR claim_triggers.max < 1 THEN
		RAISE EXCEPTION 'sum.claim_triggers: max must be at least 1, not %', coalesce(claim_triggers.max::text, 'NULL')
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	WITH picked AS (
		SELECT t.play, t.subject_id, t.last_fired_at
		  FROM sum.nurture_triggers t
		 WHERE t.active
		   AND NOT EXISTS (SELECT 1 FROM sum.trigger_claims c
							WHERE c.consumer = claim_triggers.consumer AND c.play = t.play
							  AND c.subject_id = t.subject_id AND c.fired_at >= t.last_fired_at)
		 ORDER BY t.last_fired_at, t.play, t.subject_id
		 LIMIT claim_triggers.max
		   FOR UPDATE OF t SKIP LOCKED),
	claimed AS (
		INSERT INTO sum.trigger_claims AS c (consumer, play, subject_id, fired_at, claimed_at)
		SELECT claim_triggers.consumer, p.play, p.subject_id, p.last_fired_at, clock_timestamp() FROM picked p
		ON CONFLICT (consumer, play, subject_id) DO UPDATE
		   SET fired_at = excluded.fired_at, claimed_at = excluded.claimed_at
		 WHERE c.fired_at < excluded.fired_at
		RETURNING c.play, c.subject_id)
	SELECT t.* FROM sum.nurture_triggers t JOIN claimed k ON k.play = t.play AND k.subject_id = t.subject_id
	 ORDER BY t.last_fired_at, t.play, t.subject_id;
END;
$$;
COMMENT ON FUNCTION sum.claim_triggers(text, integer) IS
	'hand each firing trigger to a consumer once (up to max rows, oldest first; concurrent claimers skip locked rows)';
-- SECURITY DEFINER (it locks triggers and records claims for its caller): for sum_admin only
REVOKE ALL ON FUNCTION sum.claim_triggers(text, integer) FROM PUBLIC;

/* ==========================================================================
 * Scheduling through pg_cron
 * ========================================================================== */

/*
 * sum.cron_conninfo(db): a libpq connection string to database db of this
 * very server, as the current user: its first Unix socket directory (or
 * localhost) and its port.
 */
CREATE FUNCTION sum.cron_conninfo(db text) RETURNS text
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
	SELECT format('dbname=%s user=%s host=%s port=%s', quote_literal(db), quote_literal(current_user),
				  quote_literal(coalesce(nullif(btrim(split_part(current_setting('unix_socket_directories'), ',', 1)), ''),
										 'localhost')),
				  current_setting('port'))
$$;
COMMENT ON FUNCTION sum.cron_conninfo(text) IS
	'internal: connection string to a database of this server, for scheduling through dblink';
REVOKE ALL ON FUNCTION sum.cron_conninfo(text) FROM PUBLIC;

/*
 * sum.schedule(cron, ...): a pg_cron job that runs the refresh.  pg_cron is
 * optional: without it this is a clear error, never a failed CREATE
 * EXTENSION.  When pg_cron lives in another database (cron.database_name),
 * the job is made there with cron.schedule_in_database through dblink when
 * dblink is installed here; otherwise the error says what to run there.
 */
CREATE FUNCTION sum.schedule(cron text DEFAULT '*/10 * * * *', job_name text DEFAULT 'sum-refresh',
							 command text DEFAULT 'CALL sum.refresh()')
	RETURNS bigint
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cron_db text := current_setting('cron.database_name', true);
	dblink_schema text;
	remote text;
	job bigint;
BEGIN
	IF cron IS NULL OR job_name IS NULL OR command IS NULL THEN
		RAISE EXCEPTION 'sum.schedule: cron, job_name and command must not be NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
		EXECUTE 'SELECT cron.schedule($1, $2, $3)' INTO job USING job_name, cron, command;
		RETURN job;
	END IF;
	IF cron_db IS NULL THEN
		RAISE EXCEPTION 'pg_cron is not loaded in this server'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Add pg_cron to shared_preload_libraries, restart, and CREATE EXTENSION pg_cron; or run CALL sum.refresh() from any other scheduler.';
	END IF;
	IF cron_db = current_database() THEN
		RAISE EXCEPTION 'pg_cron is loaded but its extension is not created in this database'
			USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'CREATE EXTENSION pg_cron;';
	END IF;
	remote := format('SELECT cron.schedule_in_database(%L, %L, %L, %L)', job_name, cron, command, current_database());
	SELECT n.nspname INTO dblink_schema
	  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'dblink';
	IF dblink_schema IS NULL THEN
		RAISE EXCEPTION 'pg_cron lives in database "%", not in "%"', cron_db, current_database()
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = format('Run this in database %s: %s; or CREATE EXTENSION dblink here and call sum.schedule() again.',
								cron_db, remote);
	END IF;
	EXECUTE format('SELECT j::bigint FROM %I.dblink($1, $2) AS r(j bigint)', dblink_schema)
	   INTO job USING sum.cron_conninfo(cron_db), remote;
	RETURN job;
END;
$$;
COMMENT ON FUNCTION sum.schedule(text, text, text) IS
	'schedule CALL sum.refresh() with pg_cron (also when pg_cron lives in another database); returns the job id';

CREATE FUNCTION sum.unschedule(job_name text DEFAULT 'sum-refresh') RETURNS boolean
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cron_db text := current_setting('cron.database_name', true);
	dblink_schema text;
	remote text;
	done boolean;
BEGIN
	IF job_name IS NULL THEN
		RAISE EXCEPTION 'sum.unschedule: job_name must not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
		EXECUTE 'SELECT cron.unschedule($1)' INTO done USING job_name;
		RETURN done;
	END IF;
	IF cron_db IS NULL THEN
		RAISE EXCEPTION 'pg_cron is not loaded in this server' USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF cron_db = current_database() THEN
		RAISE EXCEPTION 'pg_cron is loaded but its extension is not created in this database'
			USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'CREATE EXTENSION pg_cron;';
	END IF;
	remote := format('SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = %L AND database = %L',
					 job_name, current_database());
	SELECT n.nspname INTO dblink_schema
	  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'dblink';
	IF dblink_schema IS NULL THEN
		RAISE EXCEPTION 'pg_cron lives in database "%", not in "%"', cron_db, current_database()
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = format('Run this in database %s: %s', cron_db, remote);
	END IF;
	EXECUTE format('SELECT coalesce(bool_or(d), false) FROM %I.dblink($1, $2) AS r(d boolean)', dblink_schema)
	   INTO done USING sum.cron_conninfo(cron_db), remote;
	RETURN done;
END;
$$;
COMMENT ON FUNCTION sum.unschedule(text) IS
	'remove the pg_cron job of sum.schedule(); true when a job was removed';

/* ==========================================================================
 * Roles: sum_reader (BI: outputs and views), sum_admin (configuration)
 * ========================================================================== */

DO $roles$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) 'sum_reader') THEN
		CREATE ROLE sum_reader NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) 'sum_admin') THEN
		CREATE ROLE sum_admin NOLOGIN;
	END IF;
END;
$roles$;

-- readers: outputs and BI views, without raw emails (hashes only)
GRANT SELECT ON sum.accounts, sum.user_milestones, sum.nurture_triggers, sum.refresh_log,
	sum.accounts_overview, sum.user_activity, sum.daily_funnel TO sum_reader;
GRANT SELECT (user_id, person_id, email_hash, is_freemail, full_name, title, company_name, country, stage,
	signed_up_at, account_key, crm_account_id, match_method, match_score, function, seniority,
	persona_confidence, buying_role, first_event_at, last_event_at, events, milestones, updated_at)
	ON sum.users TO sum_reader;
GRANT SELECT (person_id, primary_user_id, user_ids, logins, email_hash, full_name, title, function, seniority,
	buying_role, account_key, stage, signed_up_at, last_event_at, events, milestones, updated_at)
	ON sum.people TO sum_reader;
GRANT SELECT (account_key, crm_account_id, account_name, fit_tier, fit_score, reasons, contact_person_id,
	contact_email_hash, contact_name, contact_title, contact_role, users, active_users_7d, owner, routing_rule,
	queued_at, sla_due_at, active, dequeued_at, status, status_changed_at, snoozed_until, notes, updated_at)
	ON sum.handoff_queue TO sum_reader;

-- admins: everything readers see, raw emails, the configuration, sales-ops columns, running the pipeline
GRANT sum_reader TO sum_admin;
GRANT SELECT ON sum.users, sum.people, sum.handoff_queue, sum.trigger_claims, sum.pipeline_state,
	sum.input_columns TO sum_admin;
GRANT UPDATE (status, snoozed_until, notes) ON sum.handoff_queue TO sum_admin;
GRANT EXECUTE ON FUNCTION sum.claim_triggers(text, integer) TO sum_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON sum.setting_overrides TO sum_admin;
GRANT SELECT ON sum.setting_defaults TO sum_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON sum.settings, sum.persona_rules, sum.icp_rules, sum.milestone_defs,
	sum.legal_forms, sum.freemail_domains, sum.disposable_domains, sum.handoff_rules, sum.routing_rules,
	sum.nurture_plays TO sum_admin;
