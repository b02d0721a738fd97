#!/usr/bin/env bash
# Installs what SRE Roadmap needs to build, test and package, from Debian/Ubuntu packages.
# Called by `make` before configuring; safe to run again (it only installs what is missing).
#   packaging/install-deps.sh          build + test dependencies (python3 runs the bench_smoke
#                                      test; sqlite3 the workspace dumps; clang-format the format check)
#   packaging/install-deps.sh --bench  also the benchmark peers (pandas, Node.js/npm)
#   packaging/install-deps.sh --fuzz   also clang and its libFuzzer runtime (the fuzz preset only)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-qpa-plugins qt6-svg-dev libgl-dev
  libyaml-cpp-dev libsimdjson-dev libboost-graph-dev libsqlite3-dev sqlite3 libssl-dev libxxhash-dev
  qtkeychain-qt6-dev
  qt6-charts-dev libqt6opengl6-dev qt6-l10n-tools qt6-tools-dev libpodofo-dev
  fonts-dejavu-core fontconfig
  xvfb xauth poppler-utils
  python3 clang-format
  dpkg-dev file
)
if [[ "${1:-}" == "--fuzz" ]]; then
  # libFuzzer ships with clang's compiler runtime; nothing else is built with clang.
  packages+=(clang libclang-rt-dev)
fi
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(python3-pandas valgrind time)
  # Node.js from elsewhere (NodeSource's nodejs bundles npm and conflicts with Debian's npm
  # package): ask for the Debian packages only when the commands are missing.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: this script needs a Debian or Ubuntu system with apt-get." >&2
  echo "install-deps: please install the equivalents of: ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: not root and no sudo; please install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
