#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (npm packages, Debian packages,
# code-server), then runs the checks and the unit, extension-host and UI suites, and prints one
# total line. Every step runs even when an earlier one fails, so one run shows everything.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh || exit 1
bash scripts/setup-host.sh || exit 1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
passed=0
failed=0
summary=()

# A check (build, typecheck, lint, package) counts as one test.
check() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1)); summary+=("$name: passed")
  else
    failed=$((failed + 1)); summary+=("$name: FAILED")
  fi
}

# A suite reports its own counts through $BR_RESULTS_FILE; one that dies before reporting counts as a failure.
suite() {
  local name=$1
  shift
  echo "== $name"
  local file="$results/$name.json"
  BR_RESULTS_FILE="$file" BR_SUITE_NAME="$name" "$@"
  local code=$?
  if [ -s "$file" ]; then
    local p f
    p=$(node -p "require('$file').passed")
    f=$(node -p "require('$file').failed")
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); f=1; fi
    summary+=("$name: $p passed, $f failed")
  else
    failed=$((failed + 1)); summary+=("$name: did not report (exit $code)")
  fi
}

check build node esbuild.js
check typecheck npm run --silent typecheck
check lint npx eslint .
check compile-tests npx tsc -p tsconfig.test.json
check package npm run --silent package
suite unit npx mocha --config test/unit/.mocharc.json
suite extension-host node scripts/runExtensionTests.js
BR_VSIX=bilingual-reader.vsix suite ui npx mocha --config test/ui/.mocharc.json

echo
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
