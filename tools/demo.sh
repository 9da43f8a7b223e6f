#!/usr/bin/env bash
#
# tools/demo.sh: the main job.  Installs what is missing, builds and installs
# sum, starts a throwaway cluster with pg_cron, creates the extension, loads
# the demo data set and prints what sum makes of it.
#
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
exec bash tools/cluster.sh psql -X -q -v ON_ERROR_STOP=1 -f demo/demo.sql
