#!/usr/bin/env bash
# Runs the browser tests (tests/browser/) in Debian's headless chromium against the built
# `souhra` binary: installs playwright-core from the lock file, then `node --test`.
# Screenshots go to build/browser-artifacts/. SOUHRA_BIN and CHROMIUM override the paths.
set -euo pipefail
cd "$(dirname "$0")/.."
export SOUHRA_BIN="${SOUHRA_BIN:-$PWD/build/release/app/souhra}"
if [ ! -x "$SOUHRA_BIN" ]; then
  echo "browser-test: no binary at $SOUHRA_BIN; run scripts/build.sh release souhra" >&2
  exit 1
fi
mkdir -p build/browser-artifacts
cd tests/browser
npm ci --no-audit --no-fund --loglevel=error
node --test --test-concurrency=1 --test-reporter=spec "$@" ./*.test.js
