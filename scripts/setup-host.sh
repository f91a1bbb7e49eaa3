#!/usr/bin/env bash
# Installs what the extension-host and UI suites need on a fresh Debian machine with Node 20:
# Debian packages (Chromium, CJK fonts, ripgrep, build tools) and code-server 4.100.3, the newest
# VS Code (1.100.3) that runs on Node 20. @vscode/test-electron cannot download VS Code here, so the
# test launcher (scripts/codeServerLauncher.js) drives this code-server instead.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cs_version="4.100.3"
cs_home="$root/.vscode-test/code-server-$cs_version"
cs_dir="$cs_home/node_modules/code-server"

need_apt=()
for cmd_pkg in chromium:chromium rg:ripgrep g++:build-essential make:build-essential; do
  command -v "${cmd_pkg%%:*}" >/dev/null 2>&1 || need_apt+=("${cmd_pkg#*:}")
done
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup-host: installing Debian packages: ${need_apt[*]}"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "${need_apt[@]}"
fi

if [ -f "$cs_home/.complete" ]; then
  exit 0
fi

echo "setup-host: installing code-server $cs_version into $cs_home"
rm -rf "$cs_home"
mkdir -p "$cs_home"
cd "$cs_home"
printf '{ "name": "code-server-host", "private": true }\n' > package.json
# --ignore-scripts: code-server's postinstall refuses to run as root without --unsafe-perm and
# would try to fetch prebuilt binaries; the steps below do the same work with local tools.
npm install --no-audit --no-fund --ignore-scripts "code-server@$cs_version"
# code-server's own password hashing addon; built from source, since its prebuilt download is out of reach.
npm_config_yes=true npm_config_build_from_source=true npm rebuild argon2

cd "$cs_dir/lib/vscode"
npm install --no-audit --no-fund --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild node-pty kerberos @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid
# What code-server's postinstall links: extensions look for files under node_modules.asar.
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)

cd extensions
npm install --no-audit --no-fund --omit=dev --ignore-scripts

touch "$cs_home/.complete"
echo "setup-host: code-server ready"
