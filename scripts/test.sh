#!/usr/bin/env bash
# Installs what is missing, checks the formatting, builds, and runs every test twice: in the
# release build and in an AddressSanitizer + UndefinedBehaviorSanitizer build; the browser tests
# run after the release tests. The build itself checks the layering (scripts/check-layers.py).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
echo "== formatting"
scripts/check-format.sh
for kind in release asan; do
  scripts/build.sh "$kind"
  echo "== tests ($kind)"
  ctest --test-dir "build/$kind" --output-on-failure -j"$(nproc)"
  if [ "$kind" = release ]; then
    echo "== browser tests"
    scripts/browser-test.sh
  fi
done
