#!/usr/bin/env bash
#
# test/bench/milestones.sh: speed and memory of sum.milestones() and
# sum.window_funnel() on 10 M events over 100 k users, one run.
#
#   flock /tmp/sum-pg.lock bash test/bench/milestones.sh
#   EVENTS=1000000 USERS=10000 flock /tmp/sum-pg.lock bash test/bench/milestones.sh
#
# Data: test/bench/milestones_data.sql (event log sorted by time, plus 1 %
# newer events for the incremental run).  Each query runs twice under
# EXPLAIN (ANALYZE, TIMING OFF), so no rows travel to the client, and the
# faster run counts.  Ratios are against baselines measured in the same run:
#   - the milestones aggregate vs count(*) ... GROUP BY user_id (target <= 2x);
#   - aggregate + milestone_rows + milestone_usage vs the same answers in
#     plain SQL with window functions (test/bench/milestones_plain.sql),
#     whose result is checked to be identical;
#   - window_funnel vs count(*) and vs its plain-SQL equivalent (checked);
#   - incremental: merging the states of 1 % newer events into the stored
#     states (one INSERT ... ON CONFLICT statement) vs the full pass that
#     stored them (target <= 5 %), and the merged states checked against a
#     full rebuild.
# Serial plans (max_parallel_workers_per_gather = 0), work_mem 1GB so that
# no hash aggregate spills, JIT off; a parallel pair is printed too.
# Memory: hash aggregate memory and the backend's peak RSS (VmHWM) for the
# aggregate over 1 M and over 10 M events of the same users: flat in the
# number of events.  Benchmarks never fail.
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

EVENTS=${EVENTS:-10000000}
USERS=${USERS:-100000}
AS_OF="'2024-07-01 00:00:00+00'::timestamptz"
export PGOPTIONS="-c max_parallel_workers_per_gather=0 -c work_mem=1GB -c jit=off"

q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

# best_ms QUERY: the faster of two runs, in ms
best_ms() {
    local a b
    a=$(q -c "EXPLAIN (ANALYZE, TIMING OFF) $1" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p')
    b=$(q -c "EXPLAIN (ANALYZE, TIMING OFF) $1" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p')
    awk -v a="$a" -v b="$b" 'BEGIN { printf "%.0f", (a < b ? a : b) }'
}

# wall_ms SQL: wall-clock time of statements that write (no EXPLAIN), in ms
wall_ms() {
    q -c "\\timing on" -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*$/\1/p' | awk '{ s += $1 } END { printf "%.0f", s }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ns_row() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.0f", a * 1e6 / n }'; }

q -c "CREATE EXTENSION sum"
echo "generating $EVENTS events (+1 %) over $USERS users ..."
t0=$(date +%s)
q -v events="$EVENTS" -v users="$USERS" -f test/bench/milestones_data.sql
echo "generated in $(( $(date +%s) - t0 )) s"
q -c "SELECT count(*) AS events, count(DISTINCT user_id) AS users,
             round(100.0 * count(*) FILTER (WHERE ts < signup_at) / count(*), 2) AS pct_before_signup,
             min(ts)::date AS first_day, max(ts)::date AS last_day FROM bench_ev" -F ' | ' -P footer=off
q -c "SELECT event, count(*) FROM bench_ev GROUP BY event ORDER BY 2 DESC" -F ' ' | tr '\n' ';'
echo
q -c "SELECT 'state bytes per user (shipped definitions): ' || octet_length(sum.milestones('x', now(), now())::text) / 2 - 1"

STATES="SELECT user_id, sum.milestones(event, ts, signup_at) AS s FROM bench_ev GROUP BY user_id"

echo
echo "== sum.milestones() vs count(*) GROUP BY user_id, serial"
t_count=$(best_ms "SELECT user_id, count(*) FROM bench_ev GROUP BY user_id")
t_ms=$(best_ms "$STATES")
echo "count(*) GROUP BY user_id:      $t_count ms ($(ns_row "$t_count" "$EVENTS") ns/event)"
echo "sum.milestones() GROUP BY user: $t_ms ms ($(ns_row "$t_ms" "$EVENTS") ns/event)"
echo "ratio: $(ratio "$t_ms" "$t_count") (target <= 2)"

echo
echo "== parallel pair (2 workers)"
t_count_p=$(PGOPTIONS="-c max_parallel_workers_per_gather=2 -c work_mem=1GB -c jit=off" best_ms "SELECT user_id, count(*) FROM bench_ev GROUP BY user_id")
t_ms_p=$(PGOPTIONS="-c max_parallel_workers_per_gather=2 -c work_mem=1GB -c jit=off" best_ms "$STATES")
echo "count(*): $t_count_p ms, sum.milestones(): $t_ms_p ms, ratio $(ratio "$t_ms_p" "$t_count_p")"

echo
echo "== milestones and usage figures: sum vs plain SQL with window functions"
C_QUERY="WITH st AS MATERIALIZED ($STATES)
SELECT user_id, m.milestone, m.reached_at FROM st, sum.milestone_rows(s, $AS_OF) m
UNION ALL
SELECT user_id, 'usage:' || concat_ws(',', u.first_event_at, u.last_event_at, u.events, u.events_7d,
                                      u.events_28d, u.active_days_7d, u.active_days_28d), NULL
  FROM st, sum.milestone_usage(s, $AS_OF) u"
PLAIN_QUERY=$(sed -e "s/:as_of/$AS_OF/g" -e "s/:events_table/bench_ev/g" test/bench/milestones_plain.sql | grep -v '^--')
t_c=$(best_ms "$C_QUERY")
t_plain=$(best_ms "$PLAIN_QUERY")
echo "sum.milestones + milestone_rows + milestone_usage: $t_c ms"
echo "plain SQL (window functions):                     $t_plain ms"
echo "ratio sum / plain SQL: $(ratio "$t_c" "$t_plain")"
q -c "CREATE TABLE res_c AS $C_QUERY"
q -c "CREATE TABLE res_plain AS $PLAIN_QUERY"
q -c "SELECT 'rows: ' || (SELECT count(*) FROM res_c) || ' from sum, ' || (SELECT count(*) FROM res_plain) ||
              ' from plain SQL, differing: ' ||
              (SELECT count(*) FROM ((TABLE res_c EXCEPT ALL TABLE res_plain) UNION ALL
                                     (TABLE res_plain EXCEPT ALL TABLE res_c)) d)"
q -c "SELECT milestone, count(*) AS users FROM res_c WHERE milestone NOT LIKE 'usage:%' GROUP BY 1 ORDER BY 1" -F ' ' | tr '\n' ';'
echo

echo
echo "== window_funnel (default mode, 4 steps, 1 day) vs count(*) and plain SQL"
WF_QUERY="SELECT user_id, sum.window_funnel('1 day', ts, event = 'login', event = 'project_created',
                                              event = 'report_viewed', event = 'invite_sent') AS level
  FROM bench_ev GROUP BY user_id"
WF_PLAIN="SELECT user_id,
       max(CASE WHEN step = 4 AND ts - s3 <= interval '1 day' THEN 4
                WHEN step = 3 AND ts - s2 <= interval '1 day' THEN 3
                WHEN step = 2 AND ts - s1 <= interval '1 day' THEN 2
                WHEN step = 1 THEN 1 ELSE 0 END) AS level
  FROM (SELECT *, max(s2) FILTER (WHERE step = 3 AND ts - s2 <= interval '1 day')
                      OVER (PARTITION BY user_id ORDER BY ts, step ROWS UNBOUNDED PRECEDING) AS s3
          FROM (SELECT *, max(s1) FILTER (WHERE step = 2 AND ts - s1 <= interval '1 day')
                              OVER (PARTITION BY user_id ORDER BY ts, step ROWS UNBOUNDED PRECEDING) AS s2
                  FROM (SELECT user_id, ts, step,
                               max(ts) FILTER (WHERE step = 1)
                                   OVER (PARTITION BY user_id ORDER BY ts, step ROWS UNBOUNDED PRECEDING) AS s1
                          FROM (SELECT user_id, ts,
                                       CASE event WHEN 'login' THEN 1 WHEN 'project_created' THEN 2
                                                  WHEN 'report_viewed' THEN 3 ELSE 4 END AS step
                                  FROM bench_ev
                                 WHERE event IN ('login', 'project_created', 'report_viewed', 'invite_sent')) s) l1) l2) l3
 GROUP BY user_id"
t_wf=$(best_ms "$WF_QUERY")
t_wf_plain=$(best_ms "$WF_PLAIN")
echo "sum.window_funnel: $t_wf ms ($(ns_row "$t_wf" "$EVENTS") ns/event), x count(*): $(ratio "$t_wf" "$t_count")"
echo "plain SQL:         $t_wf_plain ms, sum / plain SQL: $(ratio "$t_wf" "$t_wf_plain")"
q -c "SELECT 'users compared: ' || count(*) || ', differing: ' || count(*) FILTER (WHERE c.level <> coalesce(p.level, 0))
        FROM ($WF_QUERY) c LEFT JOIN ($WF_PLAIN) p USING (user_id)"
q -c "SELECT 'levels: ' || string_agg(level || ':' || n, ' ' ORDER BY level) FROM (SELECT level, count(*) n FROM ($WF_QUERY) x GROUP BY 1) y"

echo
echo "== incremental: stored states + 1 % newer events"
q -c "CREATE TABLE bench_states (user_id int PRIMARY KEY, state sum.milestone_state NOT NULL)"
t_full=$(wall_ms "INSERT INTO bench_states $STATES")
q -c "SELECT 'new events: ' || count(*) || ', users touched: ' || count(DISTINCT user_id) FROM bench_new"
t_incr=$(wall_ms "INSERT INTO bench_states
  SELECT user_id, sum.milestones(event, ts, signup_at) FROM bench_new GROUP BY user_id
  ON CONFLICT (user_id) DO UPDATE SET state = sum.milestones_merge(bench_states.state, excluded.state)")
echo "full pass (aggregate 10 M events, store $USERS states): $t_full ms"
echo "incremental (aggregate 1 % new events, merge, store):   $t_incr ms"
echo "ratio: $(awk -v a="$t_incr" -v b="$t_full" 'BEGIN { printf "%.1f %%", 100 * a / b }') (target <= 5 %)"
q -c "SELECT 'merged states differing from a full rebuild over all events: ' || count(*)
        FROM bench_states s
        FULL JOIN (SELECT user_id, sum.milestones(event, ts, signup_at) AS state FROM bench_all GROUP BY user_id) f
       USING (user_id)
       WHERE s.state::text IS DISTINCT FROM f.state::text"
q -c "SELECT 'stored states: ' || pg_size_pretty(pg_total_relation_size('bench_states')) ||
             ', ' || round(pg_total_relation_size('bench_states')::numeric / count(*)) || ' bytes per user' FROM bench_states"

echo
echo "== memory: the aggregate over a 10 % sample and over all events (nearly the same users)"
q -c "CREATE TABLE bench_1m AS SELECT * FROM bench_ev TABLESAMPLE BERNOULLI (10) REPEATABLE (5)"
for t in bench_1m bench_ev; do
    mem=$(q -c "EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF)
                SELECT user_id, sum.milestones(event, ts, signup_at) FROM $t GROUP BY user_id" |
          sed -n 's/.*Memory Usage: \([0-9]*kB\).*/\1/p' | head -1)
    n=$(q -c "SELECT count(*) || ' events, ' || count(DISTINCT user_id) || ' users' FROM $t")
    echo "$t ($n): hash aggregate memory $mem"
done
for t in bench_1m bench_ev; do
    # a fresh backend runs the aggregate; its private memory (RssAnon) is
    # sampled from /proc while it runs, so shared buffers do not count
    pidfile=$(mktemp)
    psql -X -q -A -t -v ON_ERROR_STOP=1 >/dev/null <<EOF &
SELECT pg_backend_pid() AS bpid \\gset
\\setenv BPID :bpid
\\! echo \$BPID > $pidfile
SELECT pg_sleep(0.5);
SELECT count(s) FROM (SELECT user_id, sum.milestones(event, ts, signup_at) AS s FROM $t GROUP BY user_id) x;
EOF
    ppid=$!
    while [ ! -s "$pidfile" ]; do sleep 0.05; done
    bpid=$(cat "$pidfile")
    before=$(awk '/^RssAnon:/ {print $2}' "/proc/$bpid/status")
    peak=$before
    while kill -0 "$ppid" 2>/dev/null; do
        v=$(awk '/^RssAnon:/ {print $2}' "/proc/$bpid/status" 2>/dev/null)
        [ -n "$v" ] && [ "$v" -gt "$peak" ] && peak=$v
        sleep 0.02
    done
    rm -f "$pidfile"
    echo "$t: backend private memory (RssAnon) $before kB before, peak $peak kB during the aggregate"
done
q -c "SET work_mem = '4MB'" -c "EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) SELECT user_id, sum.milestones(event, ts, signup_at) FROM (SELECT * FROM bench_ev ORDER BY user_id) s GROUP BY user_id" |
    grep -E "Aggregate|Memory|Execution" | sed 's/^/  sorted input, work_mem 4MB: /'
