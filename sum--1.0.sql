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

/* ==========================================================================
 * Milestones and funnels over the event stream (issue 5)
 * ========================================================================== */

/* ==========================================================================
 * Account rollups and ICP fit (issue 6)
 * ========================================================================== */

/* ==========================================================================
 * Pipeline: inputs, refresh, handoff queue, nurture triggers, BI (issue 7)
 * ========================================================================== */
