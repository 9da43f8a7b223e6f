#!/usr/bin/env bash
#
# test/data/matching_eval.sh: evaluate lead-to-account matching on the
# labeled set (matching_accounts.csv, matching_signups.csv) and print
# precision and recall per method.  Runs psql against the server in the
# PG* environment, where the extension sum must be installed:
#
#   bash tools/cluster.sh bash test/data/matching_eval.sh
#
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
psql -X -q -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION IF NOT EXISTS sum;
CREATE TEMP TABLE eval_accounts (account_id int, name text, domain text, country text,
	parent_account_id int, created_at timestamptz, duplicate_of int);
CREATE TEMP TABLE eval_signups (signup_id int, email text, company_name text, country text,
	true_account_id int, kind text);
\copy eval_accounts FROM '$dir/matching_accounts.csv' WITH (FORMAT csv, HEADER true)
\copy eval_signups FROM '$dir/matching_signups.csv' WITH (FORMAT csv, HEADER true)
\i $dir/matching_eval.sql
SQL
