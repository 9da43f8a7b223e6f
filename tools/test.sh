#!/usr/bin/env bash
#
# tools/test.sh: run every test suite of sum against a real PostgreSQL 15
# with pg_cron loaded: pg_regress (sql/, expected/), C unit tests
# (test/unit/) and TAP tests (test/t/).  Exits non-zero on any failure and
# prints "N passed, N failed" as its last line.
#
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--inside" ]; then
    bash tools/setup.sh --test || { echo "0 passed, 1 failed"; exit 1; }
    # The tally is printed out here, after pg_virtualenv has dropped the
    # cluster and said so, so that it stays the last line.
    export SUM_TALLY_FILE
    SUM_TALLY_FILE=$(mktemp /tmp/sum-tally.XXXXXX)
    bash tools/cluster.sh bash "$0" --inside
    read -r passed failed <"$SUM_TALLY_FILE" || { passed=0; failed=1; }
    rm -f "$SUM_TALLY_FILE"
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
fi

passed=0
failed=0
tally() { passed=$((passed + $1)); failed=$((failed + $2)); }

# Count a TAP stream read from prove: assertions run and assertions failed;
# a script that dies before its plan counts as one failure.
tally_prove() {
    local log=$1 tests bad
    tests=$(sed -n 's/^Files=[0-9]*, Tests=\([0-9]*\),.*/\1/p' "$log" | tail -1)
    bad=$(sed -n 's/.*Failed \([0-9]*\)\/[0-9]* subtests.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    if grep -q '^Result: FAIL' "$log" && [ "$bad" -eq 0 ]; then bad=1; fi
    tally $(( ${tests:-0} - bad )) "$bad"
}

echo "== pg_regress"
make -s installcheck PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config 2>&1 | tee /tmp/sum-regress.$$
regress_ok=$(grep -c '\.\.\. ok' /tmp/sum-regress.$$)
regress_bad=$(grep -cE '\.\.\. (FAILED|failed)' /tmp/sum-regress.$$)
if ! grep -qE '(All [0-9]+ tests passed|ok)' /tmp/sum-regress.$$ && [ "$regress_bad" -eq 0 ]; then
    regress_bad=1               # pg_regress could not run at all
fi
tally "$regress_ok" "$regress_bad"
if [ -f regression.diffs ] && [ "$regress_bad" -gt 0 ]; then
    echo "== regression.diffs"
    cat regression.diffs
fi
rm -f /tmp/sum-regress.$$

if ls test/unit/*_test.c >/dev/null 2>&1; then
    echo "== C unit tests"
    if make -s -C test/unit >/tmp/sum-unit-build.$$ 2>&1; then
        prove -e '' test/unit/*_test 2>&1 | tee /tmp/sum-unit.$$
        tally_prove /tmp/sum-unit.$$
        rm -f /tmp/sum-unit.$$
    else
        cat /tmp/sum-unit-build.$$
        tally 0 1
    fi
    rm -f /tmp/sum-unit-build.$$
fi

if ls test/fuzz/*_fuzz.c >/dev/null 2>&1; then
    # Replay every seed, then fuzz each target briefly with a fixed seed, so
    # that a run is repeatable; `make fuzz` is the long, exploring version.
    echo "== fuzz targets (ASan + UBSan)"
    if make -s -C test/fuzz all >/tmp/sum-fuzz-build.$$ 2>&1; then
        for t in test/fuzz/*_fuzz; do
            area=$(basename "$t" _fuzz)
            mkdir -p "test/fuzz/corpus/$area"
            # new inputs go to a scratch directory, never into the committed corpus
            scratch=$(mktemp -d /tmp/sum-fuzz-corpus.XXXXXX)
            if (cd test/fuzz && "./$(basename "$t")" -runs=0 "corpus/$area" &&
                "./$(basename "$t")" -seed=1 -max_total_time="${SUM_FUZZ_SECONDS:-10}" \
                    -max_len=4096 -timeout=10 "$scratch" "corpus/$area") >/tmp/sum-fuzz.$$ 2>&1; then
                echo "ok - $area: $(tail -1 /tmp/sum-fuzz.$$)"
                tally 1 0
            else
                echo "not ok - $area"
                tail -40 /tmp/sum-fuzz.$$
                tally 0 1
            fi
            rm -rf "$scratch"
        done
    else
        cat /tmp/sum-fuzz-build.$$
        tally 0 1
    fi
    rm -f /tmp/sum-fuzz.$$ /tmp/sum-fuzz-build.$$
fi

if ls test/t/*.pl >/dev/null 2>&1; then
    echo "== TAP tests"
    # initdb refuses root: run prove as postgres from a copy it can read
    tapdir=$(mktemp -d /tmp/sum-tap.XXXXXX)
    cp -r test "$tapdir/test"
    chown -R postgres: "$tapdir"
    pgxs=$(dirname "$(/usr/lib/postgresql/15/bin/pg_config --pgxs)")/..
    runuser -u postgres -- env -C "$tapdir" \
        PATH="/usr/lib/postgresql/15/bin:$PATH" TESTDIR="$tapdir" \
        PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" PGPASSWORD="${PGPASSWORD:-}" \
        SUM_SOURCE_DIR="$PWD" PG_REGRESS="$pgxs/test/regress/pg_regress" \
        prove -I "$pgxs/test/perl" --ext=.pl test/t/ 2>&1 | tee /tmp/sum-tap.$$
    tally_prove /tmp/sum-tap.$$
    rm -rf "$tapdir" /tmp/sum-tap.$$
fi

echo "$passed $failed" >"$SUM_TALLY_FILE"
