#!/usr/bin/env bash
# Installs the Debian 12 packages Souhra builds and runs with, skipping those already present.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  liblua5.4-dev nlohmann-json3-dev libcpp-httplib-dev libsqlite3-dev libgtest-dev
  libhowardhinnant-date-dev libsodium-dev libjemalloc-dev tzdata libgraphviz-dev libdtl-dev
  libcurl4-openssl-dev libicu-dev python3 python3-aiosmtpd chromium clang-format
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The browser tests need Node.js with npm. A machine may already have them from elsewhere (e.g.
# NodeSource's nodejs, which bundles npm and conflicts with Debian's npm package): then keep those.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
