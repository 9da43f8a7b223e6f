#!/usr/bin/env bash
#
# tools/cluster.sh COMMAND...: run COMMAND against a throwaway PostgreSQL 15
# cluster with pg_cron preloaded, listening on localhost only.  The cluster
# runs as the postgres user (PostgreSQL refuses root) and is dropped when
# COMMAND exits.  PGHOST, PGPORT, PGUSER and PGDATABASE point at it.
# SUM_SERVER_SETTINGS adds server settings, space-separated name=value
# (e.g. "shared_buffers=6GB" for a benchmark on a tuned server).
#
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8 PGTZ=UTC
exec pg_virtualenv -t -v 15 \
    -o shared_preload_libraries=pg_cron \
    -o cron.use_background_workers=on \
    -o cron.database_name=postgres \
    -o max_worker_processes=16 \
    -o listen_addresses=localhost \
    $(for s in ${SUM_SERVER_SETTINGS:-}; do printf -- '-o %s ' "$s"; done) \
    "$@"
