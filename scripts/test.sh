#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: installs espeak-ng (where apt-get is available), Azurite
# (npm ci), starts Azurite on free loopback ports with a fresh data folder, runs every test, stops Azurite by
# its PID even when tests fail, and ends with one line: "tests: N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/ensure-espeak.sh
source scripts/lib/azurite.sh
ensure_espeak

RESULTS="$(mktemp -d)"
trap 'stop_azurite; rm -rf "$RESULTS"' EXIT
start_azurite || { echo "tests: 0 passed, 1 failed"; exit 1; }

dotnet test Functions.sln -c Release --logger "trx;LogFilePrefix=results" --results-directory "$RESULTS" 2>&1 | tee "$RESULTS/console.log"
STATUS=${PIPESTATUS[0]}

read -r PASSED FAILED < <(python3 - "$RESULTS" <<'PY' 2>/dev/null || echo "0 0"
import glob, sys, xml.etree.ElementTree as ET
p = f = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
print(p, f)
PY
)
if [[ "$STATUS" != "0" && "$FAILED" == "0" ]]; then FAILED=1; fi
echo "tests: $PASSED passed, $FAILED failed"
exit "$STATUS"
