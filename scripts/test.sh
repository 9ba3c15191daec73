#!/usr/bin/env bash
# The whole test suite: domain, web, API, CLI and browser tests. Runs on SQLite, or PostgreSQL when DATABASE_URL is set.
set -uo pipefail
cd "$(dirname "$0")/.."
export REBOND_DATA_DIR="${REBOND_TEST_DATA_DIR:-./var/test}"
mkdir -p "$REBOND_DATA_DIR"
workers="${REBOND_TEST_WORKERS:-2}"
.venv/bin/pytest -n "$workers" -p no:cacheprovider "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "rebond: pytest collected no tests — that counts as a failure." >&2
  exit 1
fi
exit "$status"
