#!/usr/bin/env bash
# Restores, builds and runs every test; ends with the line "N passed, N failed".
# Needs only the .NET 10 SDK, Node.js and npm: Azurite and Leaflet are installed from package.json (pinned), the tests
# start Azurite themselves on free loopback ports, and Debian's Chromium is installed for the browser tests.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { printf '\n== %s\n' "$*"; }
fail() { echo "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

step "Azurite (npm)"
if [ ! -x node_modules/.bin/azurite ] || [ ! -d node_modules/us-atlas ] || [ ! -d node_modules/topojson-client ] || [ ! -f node_modules/leaflet/dist/leaflet.js ]; then
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed"
fi
node_modules/.bin/azurite --version || fail "azurite does not run"

# The console and tracker tests drive Debian's Chromium (Playwright's own browser download cannot run here).
step "Chromium (apt)"
if [ -z "${OPEN311_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || fail "apt-get install chromium failed"
  else
    fail "the browser tests need Chromium: sudo apt-get install chromium (or set OPEN311_CHROMIUM)"
  fi
fi
"${OPEN311_CHROMIUM:-/usr/bin/chromium}" --version || fail "chromium does not run"

step "Restore and build (warnings are errors)"
dotnet restore Open311Functions.sln || fail "restore failed"
dotnet build Open311Functions.sln -c Release --no-restore -nologo -v minimal || fail "build failed"

if [ -f ../shared/reference/open311-schemas/request.json ] || [ -n "${OPEN311_SCHEMAS:-}" ]; then
  echo "JSON answers are checked against the project's schemas and the community schemas (open311/schema-validation)."
else
  echo "Community schemas not found (set OPEN311_SCHEMAS): JSON answers are checked against the project's own schemas only."
fi

step "Tests"
log=$(mktemp)
dotnet test Open311Functions.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    49, Skipped:     0, ..."
read -r passed failed < <(awk '/(Passed|Failed)!  - Failed:/ {
    gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
  END { print p + 0, f + 0 }' "$log")
assemblies=$(grep -cE '(Passed|Failed)!  - Failed:' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$assemblies" -lt 3 ]; then echo "expected 3 test assemblies, saw $assemblies" >&2; failed=$((failed + 1)); fi
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
