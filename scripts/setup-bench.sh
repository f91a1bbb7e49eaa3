#!/usr/bin/env bash
# What `npm run bench` needs on top of the test host: the OpenCC command-line tool it compares
# against, and unzip to measure the .vsix.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/setup-host.sh
missing=()
command -v opencc >/dev/null 2>&1 || missing+=(opencc)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "${missing[@]}"
fi
