#!/usr/bin/env bash
#
# test/bench/identity.sh: throughput of the identity functions over 1 M
# realistic sign-up addresses, as time per row and as a ratio to lower()
# and to a plain-SQL regexp normalization measured in the same run.  Not a
# test: it never fails.  Holds /tmp/sum-pg.lock for the whole run (it
# installs the extension and starts a throwaway cluster).
#
#   bash test/bench/identity.sh            # 1 M rows
#   ROWS=200000 bash test/bench/identity.sh
#
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${SUM_BENCH_LOCKED:-}" ]; then
    export SUM_BENCH_LOCKED=1
    exec flock /tmp/sum-pg.lock bash "$0" "$@"
fi
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
make -s install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
bash tools/cluster.sh psql -X -q -v ON_ERROR_STOP=1 -v rows="${ROWS:-1000000}" \
    -f test/bench/identity.sql
echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
