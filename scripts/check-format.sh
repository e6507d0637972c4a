#!/usr/bin/env bash
# Fails, naming each file, when a C++ source differs from what clang-format (.clang-format at the
# root) makes of it. scripts/check-format.sh --fix rewrites them instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.h' '*.cc')
if [ "${1:-}" = --fix ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! report=$(clang-format --dry-run -Werror "${files[@]}" 2>&1); then
  grep -o '^[^:]*:[0-9]*:[0-9]*: error' <<<"$report" | cut -d: -f1 | sort -u |
    sed 's/$/: differs from clang-format (scripts\/check-format.sh --fix)/' >&2
  exit 1
fi
