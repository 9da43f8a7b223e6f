#!/usr/bin/env bash
#
# tools/sanitize.sh [ubsan|valgrind]...: run the pg_regress suite against a
# server whose every backend is checked, and fail on any report that
# involves sum.so.  Default: both modes.
#
#   ubsan     sum.so built with -fsanitize=undefined; the server (not
#             instrumented) starts with libubsan preloaded.
#   valgrind  sum.so built -O0; the server runs under valgrind memcheck with
#             --trace-children, and every error whose stack passes through
#             sum.so fails the run.
#
# AddressSanitizer is not used here: preloaded into Debian's server it
# deadlocks in glibc's bindtextdomain() before main.  The pure cores are run
# under ASan by the fuzzers (test/fuzz).  Leaves an ordinary build installed.
#
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --test >/dev/null || exit 1

PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
BIN=$($PG_CONFIG --bindir)
export LANG=C.UTF-8 LC_ALL=C.UTF-8 PGTZ=UTC
modes=("$@")
[ ${#modes[@]} -eq 0 ] && modes=(ubsan valgrind)
status=0

build() {
    make -s clean PG_CONFIG=$PG_CONFIG
    make -s -j"$(nproc)" PG_CONFIG=$PG_CONFIG PG_CFLAGS="$1" &&
        make -s install PG_CONFIG=$PG_CONFIG >/dev/null
}

# run_suite MODE WRAPPER...: start a scratch server under WRAPPER, run
# installcheck against it, stop it.  Sets $work.
run_suite() {
    local mode=$1; shift
    work=$(mktemp -d /tmp/sum-$mode.XXXXXX)
    chown postgres: "$work"
    runuser -u postgres -- "$BIN/initdb" -D "$work/data" -A trust -U postgres >/dev/null
    runuser -u postgres -- env -C "$work" "$@" "$BIN/postgres" -D "$work/data" \
        -c listen_addresses= -c unix_socket_directories="$work" \
        -c shared_preload_libraries=pg_cron -c cron.use_background_workers=on \
        -c max_worker_processes=16 -c jit=off >"$work/server.log" 2>&1 &
    for _ in $(seq 1 600); do
        "$BIN/pg_isready" -q -h "$work" && break
        sleep 0.5
    done
    PGHOST=$work PGUSER=postgres make -s installcheck PG_CONFIG=$PG_CONFIG || status=1
    runuser -u postgres -- "$BIN/pg_ctl" -D "$work/data" -m fast -w -t 600 stop >/dev/null
    if grep -q 'was terminated by signal' "$work/server.log"; then
        echo "== $mode: a backend crashed"
        grep -B2 -A3 'was terminated by signal' "$work/server.log"
        status=1
    fi
}

for mode in "${modes[@]}"; do
    case $mode in
        ubsan)
            build "-fsanitize=undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g" || exit 1
            run_suite ubsan env LD_PRELOAD="$(gcc -print-file-name=libubsan.so)" \
                UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$(mktemp -u /tmp/sum-ubsan-report.XXXX)"
            if ls /tmp/sum-ubsan-report.* >/dev/null 2>&1; then
                echo "== ubsan reports"; cat /tmp/sum-ubsan-report.*; rm -f /tmp/sum-ubsan-report.*
                status=1
            fi
            ;;
        valgrind)
            rm -f /tmp/sum-valgrind-*.log
            build "-O0 -g" || exit 1
            run_suite valgrind valgrind --quiet --trace-children=yes --leak-check=no \
                --track-origins=yes --num-callers=30 --error-limit=no --fullpath-after= \
                --suppressions="$PWD/tools/valgrind.supp" \
                --log-file=/tmp/sum-valgrind-%p.log
            # PostgreSQL's own benign reports (uninitialised padding written
            # to disk, and so on) are not ours: keep the error records with a
            # frame in our sources (full paths, thanks to --fullpath-after).
            ours=$(awk -v src="$PWD/src/" '/^==[0-9]+== [A-Z]/ {rec=""} {rec = rec $0 "\n"}
                        index($0, src) || /sum\.so/ {hit=1}
                        /^==[0-9]+== $/ { if (hit) printf "%s", rec; hit=0; rec="" }' /tmp/sum-valgrind-*.log)
            if [ -n "$ours" ]; then
                echo "== valgrind errors in sum.so"; echo "$ours"
                status=1
            fi
            [ -n "${SUM_KEEP_LOGS:-}" ] || rm -f /tmp/sum-valgrind-*.log
            ;;
        *) echo "unknown mode $mode" >&2; exit 2 ;;
    esac
    [ $status -eq 0 ] && echo "$mode: clean" && rm -rf "$work"
done

build "" >/dev/null
exit $status
