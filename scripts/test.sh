#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: installs flite, espeak-ng, ffmpeg, python3-feedparser and chromium
# (where apt-get is available), Azurite
# (npm ci), starts Azurite on free loopback ports with a fresh data folder, runs every test, stops Azurite by
# its PID even when tests fail, and ends with one line: "tests: N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/ensure-espeak.sh
source scripts/lib/azurite.sh
source scripts/lib/ensure-publish-tools.sh
ensure_espeak
ensure_ffmpeg
ensure_feedparser
ensure_chromium

RESULTS="$(mktemp -d)"
trap 'stop_azurite; rm -rf "$RESULTS"' EXIT
start_azurite || { echo "tests: 0 passed, 1 failed"; exit 1; }

dotnet test Functions.sln -c Release 2>&1 | tee "$RESULTS/console.log"
STATUS=${PIPESTATUS[0]}

# dotnet test prints one summary line per test assembly: "Passed!  - Failed: 0, Passed: 313, Skipped: 0, ...".
PASSED=0; FAILED=0
while read -r f p; do PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); done < <(
  sed -nE 's/.*(Passed|Failed)! +- +Failed: +([0-9]+), +Passed: +([0-9]+).*/\2 \3/p' "$RESULTS/console.log")
if [[ "$STATUS" != "0" && "$FAILED" == "0" ]]; then FAILED=1; fi
echo "tests: $PASSED passed, $FAILED failed"
exit "$STATUS"
