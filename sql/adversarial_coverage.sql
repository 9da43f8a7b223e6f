-- adversarial_coverage: every function, aggregate and procedure in schema
-- sum gets hostile input in one of the adversarial_*.sql files or in
-- security.sql, or is listed as tested elsewhere.  A new function shows up
-- below as a diff until it is added to the adversarial files and to the
-- list of covered names here.

-- covered: exercised by name in adversarial_*.sql or security.sql
CREATE TEMP TABLE covered (name text PRIMARY KEY);
INSERT INTO covered VALUES (unnest(ARRAY[
	'account_milestones', 'account_rollup', 'account_rollup_accum',
	'account_rollup_combine', 'account_rollup_deserialize', 'account_rollup_final',
	'account_rollup_merge', 'account_rollup_merge_accum', 'account_rollup_merge_combine',
	'account_rollup_serialize', 'account_rollup_state', 'account_rollup_state_accum',
	'account_rollup_state_final', 'account_state_in', 'account_state_merge',
	'account_state_out', 'account_state_recv', 'account_state_send', 'account_summary',
	'buying_role', 'check_setting', 'company_key', 'company_similarity', 'config_changed',
	'connected_components', 'damerau_levenshtein', 'data_file_lines', 'dedupe_people',
	'domain_list_write', 'domain_normalize', 'email_domain', 'email_hash',
	'email_is_valid', 'email_local', 'email_normalize', 'email_provider', 'fit',
	'icp_rule_check', 'icp_rules_write', 'is_disposable', 'is_freemail', 'jaccard',
	'jaro_similarity', 'jaro_winkler_similarity', 'legal_form_key', 'legal_forms_check',
	'legal_forms_protect', 'levenshtein', 'match_accounts', 'milestone_defs_check',
	'milestone_defs_delete', 'milestone_defs_version', 'milestone_next_change', 'milestone_rows',
	'milestone_state_defs_version', 'milestone_state_in', 'milestone_state_is_current',
	'milestone_state_out', 'milestone_state_recv', 'milestone_state_send',
	'milestone_usage', 'milestones', 'milestones_accum', 'milestones_combine',
	'milestones_final', 'milestones_merge', 'persona_pattern', 'persona_rules_check', 'registrable_domain',
	'retention', 'retention_accum', 'retention_combine', 'retention_final', 'setting',
	'settings_write', 'title_function', 'title_normalize', 'title_persona',
	'time_windows', 'title_seniority', 'token_set_similarity', 'window_funnel', 'window_funnel_accum',
	'window_funnel_combine', 'window_funnel_deserialize', 'window_funnel_final',
	'window_funnel_serialize'
]));

-- excluded: the pipeline's procedures and functions, tested by its own
-- regression and TAP tests (concurrency, faults, privileges)
CREATE TEMP TABLE excluded (name text PRIMARY KEY);
INSERT INTO excluded VALUES (unnest(ARRAY[
	'check_inputs', 'claim_triggers', 'config_fingerprint', 'cron_conninfo',
	'handoff_status_stamp', 'input_query', 'input_relation', 'refresh', 'shipped_row_write',
	'refresh_step', 'schedule', 'stall_recheck', 'unschedule'
]));

-- functions of schema sum in neither list: must be none
SELECT p.oid::regprocedure AS not_covered, p.prokind
  FROM pg_catalog.pg_proc p
 WHERE p.pronamespace = 'sum'::regnamespace
   AND p.proname NOT IN (SELECT name FROM covered)
   AND p.proname NOT IN (SELECT name FROM excluded)
 ORDER BY 1::text;

-- covered names that no longer exist: must be none
SELECT c.name AS listed_but_gone
  FROM covered c
 WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_proc p
					WHERE p.pronamespace = 'sum'::regnamespace AND p.proname = c.name)
 ORDER BY 1;

-- covered names that no adversarial file calls by name: must be none
-- (pg_regress runs psql in the directory that holds sql/)
\set called `cat sql/adversarial_*.sql sql/security.sql | grep -oE 'sum\.[a-z_0-9]+\(' | sed 's/^sum\.//; s/($//' | sort -u | tr '\n' ' '`
SELECT c.name AS listed_but_not_called
  FROM covered c
 WHERE c.name <> ALL (pg_catalog.string_to_array(pg_catalog.btrim(:'called'), ' '))
 ORDER BY 1;
