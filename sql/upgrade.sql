-- upgrade: install the first release, update to the newest, check the result
\set SHOW_CONTEXT never

DROP EXTENSION sum;
CREATE EXTENSION sum VERSION '1.0';
SELECT extversion FROM pg_extension WHERE extname = 'sum';
ALTER EXTENSION sum UPDATE;
SELECT extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'sum') AS at_default
  FROM pg_extension WHERE extname = 'sum';

-- every member object lives in schema sum, and the schema belongs to the extension
SELECT count(*) AS members_outside_schema_sum
  FROM pg_depend d
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'sum'
  LEFT JOIN pg_namespace n ON n.oid = CASE d.classid
		WHEN 'pg_proc'::regclass THEN (SELECT pronamespace FROM pg_proc WHERE oid = d.objid)
		WHEN 'pg_class'::regclass THEN (SELECT relnamespace FROM pg_class WHERE oid = d.objid)
		WHEN 'pg_type'::regclass THEN (SELECT typnamespace FROM pg_type WHERE oid = d.objid)
		WHEN 'pg_operator'::regclass THEN (SELECT oprnamespace FROM pg_operator WHERE oid = d.objid)
		WHEN 'pg_opclass'::regclass THEN (SELECT opcnamespace FROM pg_opclass WHERE oid = d.objid)
		WHEN 'pg_opfamily'::regclass THEN (SELECT opfnamespace FROM pg_opfamily WHERE oid = d.objid)
		WHEN 'pg_namespace'::regclass THEN d.objid
	END
 WHERE d.deptype = 'e'
   AND n.nspname IS DISTINCT FROM 'sum'
   AND d.classid <> 'pg_namespace'::regclass;
SELECT count(*) AS schema_owned FROM pg_depend d
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'sum'
 WHERE d.classid = 'pg_namespace'::regclass AND d.objid = 'sum'::regnamespace AND d.deptype = 'e';

-- no object called sum(...) shadows pg_catalog.sum
SELECT count(*) AS functions_named_sum FROM pg_proc WHERE proname = 'sum' AND pronamespace = 'sum'::regnamespace;

-- a schema planted in advance makes CREATE EXTENSION fail
DROP EXTENSION sum;
CREATE SCHEMA sum;
CREATE EXTENSION sum;
DROP SCHEMA sum;
CREATE EXTENSION sum;
