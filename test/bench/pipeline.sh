#!/usr/bin/env bash
#
# test/bench/pipeline.sh: a full and an incremental run of the pipeline
# (CALL sum.refresh()) on 1 M users, 10 M events and 100 k CRM accounts.
#
#   flock /tmp/sum-pg.lock bash test/bench/pipeline.sh
#   SUM_BENCH_USERS=100000 SUM_BENCH_EVENTS=1000000 SUM_BENCH_ACCOUNTS=10000 \
#       flock /tmp/sum-pg.lock bash test/bench/pipeline.sh
#
# Data: test/data/generate.sql (schema sum_demo, seed 42, as of noon UTC
# yesterday or SUM_BENCH_AS_OF), mapped to the
# pipeline by the input.* settings; then test/data/generate_more_events.sql
# appends SUM_BENCH_FRACTION (default 1 %) more events after the data's
# as_of.  Timed, each in one session, wall time:
#   - CALL sum.refresh(full => true, as_of => <the data's as_of>);
#   - CALL sum.refresh(as_of => <the new as_of>), incremental, after the
#     append (target: at most 5 % of the full run);
#   - the same call again, with nothing new: the fixed cost of a run;
#   - after another SUM_BENCH_FRACTION of events, the next incremental run
#     (steady state: the first one also cleaned up after the full run);
#   - the incremental run split in two, on a copy of the database taken
#     before it: the new events alone (pipeline.reevaluate_every longer
#     than the gap, so no time-based re-evaluation is due), then time alone
#     (the same as_of with the default setting: the users, people and
#     accounts whose recheck_at the day of event time passed);
#   - the incremental run again, on another copy taken before it, after a
#     VACUUM (ANALYZE) of the outputs: what a scheduled run meets, as
#     autovacuum processes the row versions a full run replaced within
#     minutes of it (the run right after the full one steps over them);
#   - sum.user_activity over every user against reading sum.users;
#   - baselines measured in the same run: count(*) over the events, and a
#     plain-SQL summary of the events per user (count, first and last event,
#     GROUP BY user_id), which any pipeline must at least match in reading.
# Also printed: each run's steps from sum.refresh_log (rows, duration), and
# the peak memory (VmHWM) of the backend that ran each refresh.  The
# pipeline runs with the server's defaults (no PGOPTIONS).  Benchmarks never
# fail.
#
set -uo pipefail
cd "$(dirname "$0")/../.."

if [ "${1:-}" != "--inside" ]; then
    echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
    make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null &&
        make -s install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
    bash tools/cluster.sh bash "$0" --inside
    echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi

USERS=${SUM_BENCH_USERS:-1000000}
EVENTS=${SUM_BENCH_EVENTS:-10000000}
ACCOUNTS=${SUM_BENCH_ACCOUNTS:-100000}
FRACTION=${SUM_BENCH_FRACTION:-0.01}
# The data's as_of: noon UTC yesterday unless given.  The users' windows are
# whole days, so what time alone changes depends on how many midnights the
# appended 27 h of events cross: from noon, one (from 22:00, two: a third
# more people and accounts to roll up again).  A fixed time of day makes
# runs comparable.
AS_OF=${SUM_BENCH_AS_OF:-$(date -u -d 'yesterday 12:00' '+%Y-%m-%d %H:%M:%S+00')}

q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else printf "-" }'; }

# refresh ARGS: runs CALL sum.refresh(ARGS) in one session; sets ms (wall),
# cpu (ms of the backend's own CPU), hwm (the backend's VmHWM) and wal (MB
# of WAL written meanwhile, which replicas and archives receive)
refresh() {
    local out
    out=$(q <<EOF
SET client_min_messages = warning;
SELECT clock_timestamp() AS t0, split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint AS c0,
       pg_current_wal_insert_lsn() AS w0 \gset
CALL sum.refresh($1);
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000)
       || ' ' || round((split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint - :c0) / 1e6)
       || ' ' || substring(pg_read_file('/proc/' || pg_backend_pid() || '/status') FROM 'VmHWM:\s*([0-9]+) kB')
       || ' ' || round((pg_current_wal_insert_lsn() - :'w0'::pg_lsn) / 1048576);
EOF
)
    if [ -z "$out" ]; then
        ms=0 cpu=0 hwm=0 wal=0
        return 1
    fi
    read -r ms cpu hwm wal <<<"$(echo "$out" | tail -1)"
}

# explain_ms QUERY: execution time of QUERY under EXPLAIN ANALYZE (no rows
# to the client), the faster of two runs
explain_ms() {
    local a b
    a=$(q -c "EXPLAIN (ANALYZE, TIMING OFF) $1" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p')
    b=$(q -c "EXPLAIN (ANALYZE, TIMING OFF) $1" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p')
    awk -v a="$a" -v b="$b" 'BEGIN { printf "%.0f", (a < b ? a : b) }'
}

steps() {  # steps RUN_ID: the run's steps from sum.refresh_log
    psql -X -q -v ON_ERROR_STOP=1 -P footer=off -c "
SELECT step, status, rows, round(duration_ms::numeric) AS ms
  FROM sum.refresh_log WHERE run_id = $1
 ORDER BY step = 'run', started_at, step"
}

echo "== data: $USERS users, $EVENTS events, $ACCOUNTS CRM accounts, as of $AS_OF ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
# a database of its own (pg_cron's launcher stays connected to postgres),
# so that it can be copied below
PGDATABASE=postgres q -c "CREATE DATABASE sum_bench"
export PGDATABASE=sum_bench
q -c "CREATE EXTENSION sum;"
t0=$(date +%s.%N)
q -v users="$USERS" -v events="$EVENTS" -v accounts="$ACCOUNTS" -v as_of="$AS_OF" -f test/data/generate.sql >/dev/null || exit 0
t1=$(date +%s.%N)
printf 'generate.sql: %.1f s; events table %s, users table %s\n' "$(echo "$t1 - $t0" | bc)" \
    "$(q -c "SELECT pg_size_pretty(sum(pg_total_relation_size(relid))) FROM pg_partition_tree('sum_demo.events')")" \
    "$(q -c "SELECT pg_size_pretty(pg_total_relation_size('sum_demo.users'))")"
q <<'EOF'
UPDATE sum.settings SET value = 'sum_demo.users' WHERE name = 'input.users';
UPDATE sum.settings SET value = 'sum_demo.events' WHERE name = 'input.events';
UPDATE sum.settings SET value = 'sum_demo.crm_accounts' WHERE name = 'input.crm_accounts';
UPDATE sum.settings SET value = 'sum_demo.crm_contacts' WHERE name = 'input.crm_contacts';
EOF
as_of=$(q -c "SELECT as_of FROM sum_demo.generated")
echo "settings: work_mem $(q -c 'SHOW work_mem'), shared_buffers $(q -c 'SHOW shared_buffers'), max_parallel_workers_per_gather $(q -c 'SHOW max_parallel_workers_per_gather')"

echo "== baselines (EXPLAIN ANALYZE, faster of 2)"
base_count=$(explain_ms "SELECT count(*) FROM sum_demo.events")
base_group=$(explain_ms "SELECT user_id, count(*), min(occurred_at), max(occurred_at) FROM sum_demo.events GROUP BY user_id")
printf '%-52s %10s ms\n' "count(*) over the events" "$base_count"
printf '%-52s %10s ms\n' "events per user in plain SQL (GROUP BY user_id)" "$base_group"

echo "== full refresh"
if refresh "full => true, as_of => '$as_of'"; then
    full_ms=$ms
    printf '%-52s %10s ms wall %8s ms backend CPU  %s MB peak RSS  %s MB WAL  %sx GROUP BY baseline\n' \
        "CALL sum.refresh(full => true)" "$ms" "$cpu" "$((hwm / 1024))" "$wal" "$(ratio "$ms" "$base_group")"
    steps "$(q -c "SELECT max(run_id) FROM sum.refresh_log")"
else
    echo "full refresh failed"
    full_ms=0
fi

echo "== append $FRACTION x the events"
q -v fraction="$FRACTION" -f test/data/generate_more_events.sql | tail -1
new_as_of=$(q -c "SELECT as_of FROM sum_demo.generated")

q -c "CHECKPOINT" >/dev/null
PGDATABASE=postgres q -c "CREATE DATABASE sum_split TEMPLATE sum_bench" >/dev/null
PGDATABASE=postgres q -c "CREATE DATABASE sum_vacuumed TEMPLATE sum_bench" >/dev/null

# report LABEL ARGS: CALL sum.refresh(ARGS), its figures and its steps
report() {
    if refresh "$2"; then
        printf '%-52s %10s ms wall %8s ms backend CPU  %s MB peak RSS  %s MB WAL\n' \
            "$1" "$ms" "$cpu" "$((hwm / 1024))" "$wal"
        steps "$(q -c "SELECT max(run_id) FROM sum.refresh_log")"
    else
        echo "$1: failed"
        return 1
    fi
}

echo "== incremental refresh"
report "CALL sum.refresh() (incremental)" "as_of => '$new_as_of'" &&
    echo "incremental / full: $(pct "$ms" "$full_ms") (target <= 5 %)"

echo "== incremental refresh with nothing new (same as_of): the fixed cost of a run"
report "CALL sum.refresh() (nothing new)" "as_of => '$new_as_of'"
echo "== the next incremental refresh, after another $FRACTION x the events (steady state)"
# (the first incremental run after a full one also prunes the dead row
# versions the full run left in sum.users and sum.people, and sets their
# hint bits; a scheduled pipeline runs incremental after incremental)
q -v fraction="$FRACTION" -f test/data/generate_more_events.sql >/dev/null
next_as_of=$(q -c "SELECT as_of FROM sum_demo.generated")
q -c "CHECKPOINT" >/dev/null
report "CALL sum.refresh() (second incremental)" "as_of => '$next_as_of'" &&
    echo "second incremental / full: $(pct "$ms" "$full_ms") (target <= 5 %)"

echo "== the same incremental refresh in two parts (on a copy taken before it)"
if PGDATABASE=sum_split q -c "UPDATE sum.settings SET value = '2 days' WHERE name = 'pipeline.reevaluate_every'" >/dev/null &&
   PGDATABASE=sum_split refresh "as_of => '$new_as_of'"; then
    printf '%-52s %10s ms wall %8s ms backend CPU  %s MB peak RSS  %s of full\n' \
        "new events alone (no re-evaluation due)" "$ms" "$cpu" "$((hwm / 1024))" "$(pct "$ms" "$full_ms")"
    PGDATABASE=sum_split steps "$(PGDATABASE=sum_split q -c "SELECT max(run_id) FROM sum.refresh_log")"
fi
if PGDATABASE=sum_split q -c "DELETE FROM sum.settings WHERE name = 'pipeline.reevaluate_every'" >/dev/null &&
   PGDATABASE=sum_split refresh "as_of => '$new_as_of'"; then
    printf '%-52s %10s ms wall %8s ms backend CPU  %s MB peak RSS  %s of full\n' \
        "time alone (the re-evaluation due after the gap)" "$ms" "$cpu" "$((hwm / 1024))" "$(pct "$ms" "$full_ms")"
    PGDATABASE=sum_split steps "$(PGDATABASE=sum_split q -c "SELECT max(run_id) FROM sum.refresh_log")"
fi
echo "nothing new: the fixed cost; new events alone: what the events cost; time alone: what a day passing costs"
# what a scheduled run meets: autovacuum processes the row versions the full
# run replaced within minutes of it, before the next run is due
echo "== the same incremental refresh after VACUUM of the outputs (on a copy taken before it)"
vac_t0=$(date +%s.%N)
if PGDATABASE=sum_vacuumed q -c "VACUUM (ANALYZE) sum.users, sum.people, sum.accounts, sum.user_states,
        sum.user_milestones, sum.handoff_queue, sum.nurture_triggers" >/dev/null &&
   PGDATABASE=sum_vacuumed q -c "CHECKPOINT" >/dev/null; then
    printf 'VACUUM (ANALYZE) of the outputs: %.1f s\n' "$(echo "$(date +%s.%N) - $vac_t0" | bc)"
    PGDATABASE=sum_vacuumed report "CALL sum.refresh() (incremental, after VACUUM)" "as_of => '$new_as_of'" &&
        echo "incremental after VACUUM / full: $(pct "$ms" "$full_ms") (target <= 5 %)"
fi

echo "== the rolling figures, computed when read (EXPLAIN ANALYZE, faster of 2)"
view_ms=$(explain_ms "SELECT sum(events_7d), sum(events_28d), sum(active_days_28d) FROM sum.user_activity")
users_ms=$(explain_ms "SELECT sum(events) FROM sum.users")
printf '%-52s %10s ms\n' "sum.user_activity, every user" "$view_ms"
printf '%-52s %10s ms  (view / table: %sx)\n' "the stored figures of sum.users (baseline)" "$users_ms" "$(ratio "$view_ms" "$users_ms")"

q -c "SELECT 'outputs: ' || (SELECT count(*) FROM sum.people) || ' people, ' || (SELECT count(*) FROM sum.accounts) || ' accounts, '
    || (SELECT count(*) FROM sum.handoff_queue) || ' handoff rows, ' || (SELECT count(*) FROM sum.nurture_triggers) || ' nurture triggers'" || true
