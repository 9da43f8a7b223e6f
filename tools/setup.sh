#!/usr/bin/env bash
#
# tools/setup.sh [--test]: install the Debian packages sum needs, then build
# and install the extension.  With --test, also the packages the test suites
# use (reference implementations for differential tests, TAP, clang).
# Idempotent: apt runs only when a package is missing.  Run as root.
#
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    postgresql-15 postgresql-server-dev-15 postgresql-15-cron
    libicu-dev libpsl-dev publicsuffix pkg-config make gcc
)
if [ "${1:-}" = "--test" ]; then
    packages+=(
        libipc-run-perl postgresql-15-pgtap python3 python3-jellyfish
        postgresql-15-similarity clickhouse-server clang
    )
fi

missing=()
for p in "${packages[@]}"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" != "installed" ]; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "setup: missing packages ${missing[*]}; run as root to install them" >&2
        exit 1
    fi
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PG_CFLAGS (warnings as errors in CI) comes from the environment
make -s -j"$(nproc)" PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
make -s install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
