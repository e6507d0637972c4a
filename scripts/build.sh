#!/usr/bin/env bash
# Builds one configuration: scripts/build.sh release|asan [TARGET…] (default: everything)
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
shift || true
case "$kind" in
  release) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  asan)    flags=(-DCMAKE_BUILD_TYPE=Debug -DSOUHRA_SANITIZE=ON) ;;
  *) echo "usage: scripts/build.sh release|asan" >&2; exit 2 ;;
esac
# ccache, when installed, lets worktrees and rebuilds share compiled objects.
if command -v ccache >/dev/null; then
  flags+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$PWD")}"
fi
cmake -S . -B "build/$kind" "${flags[@]}" >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "build/$kind" -j"$(nproc)" "${targets[@]}"
