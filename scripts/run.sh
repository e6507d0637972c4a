#!/usr/bin/env bash
# Installs what is missing, builds, and starts `souhra serve` on an embedded SQLite database
# with the demo municipality (--demo). Extra arguments go to `souhra serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release souhra
exec build/release/app/souhra serve --demo "$@"
