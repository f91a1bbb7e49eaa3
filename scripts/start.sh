#!/usr/bin/env bash
# The extension's main job on a fresh machine: installs what it needs, builds, and opens the sample
# article in a real VS Code (code-server) with the extension loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/setup-host.sh
node esbuild.js
exec node scripts/start.js "$@"
