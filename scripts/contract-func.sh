#!/usr/bin/env bash
# Runs the HTTP contract suite (tests/PodcastFactory.IntegrationTests/Api/Contract, the same tests that run against
# `podcast serve` and the test Functions host) against a host outside the tests.
#
#   scripts/contract-func.sh                         # needs Azure Functions Core Tools (`func`): starts Azurite on free
#                                                    # ports, writes src/PodcastFactory.Functions/local.settings.json
#                                                    # from the sample (your own is kept and restored), runs
#                                                    # `func start` on a free port, runs the suite, stops both by PID
#   scripts/contract-func.sh http://localhost:7071   # a host you started yourself; its artifacts are read from the Blob
#                                                    # container CONTRACT_CONTAINER (default episodes) of
#                                                    # CONTRACT_STORAGE (default UseDevelopmentStorage=true), or the
#                                                    # folder CONTRACT_ARTIFACTS_DIR (e.g. `podcast serve --out DIR`)
# Ends with the test summary; exit code 0 when every contract test passed.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/azurite.sh

BASE_URL="${1:-${CONTRACT_BASE_URL:-}}"
APP="$ROOT/src/PodcastFactory.Functions"
FUNC_PID=""
SETTINGS_BACKUP=""
WROTE_SETTINGS=""

cleanup() {
  if [[ -n "$FUNC_PID" ]]; then
    kill -- "-$FUNC_PID" 2>/dev/null   # func runs in its own process group (setsid): it and the worker it started
    for _ in $(seq 1 50); do kill -0 "$FUNC_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- "-$FUNC_PID" 2>/dev/null
  fi
  stop_azurite
  if [[ -n "$SETTINGS_BACKUP" ]]; then mv -f "$SETTINGS_BACKUP" "$APP/local.settings.json"
  elif [[ -n "$WROTE_SETTINGS" ]]; then rm -f "$APP/local.settings.json"; fi
}
trap cleanup EXIT

if [[ -z "$BASE_URL" ]]; then
  command -v func >/dev/null 2>&1 || { echo "contract-func: Azure Functions Core Tools (func) not found; pass the base URL of a running host instead." >&2; exit 2; }
  start_azurite && [[ -n "${AZURITE_CONNECTION_STRING:-}" ]] || { echo "contract-func: Azurite did not start." >&2; exit 1; }
  if [[ -f "$APP/local.settings.json" ]]; then SETTINGS_BACKUP="$(mktemp)"; cp "$APP/local.settings.json" "$SETTINGS_BACKUP"; fi
  WROTE_SETTINGS=1
  python3 - "$ROOT/local.settings.sample.json" "$APP/local.settings.json" "$AZURITE_CONNECTION_STRING" <<'PY'
import json, sys
sample, target, storage = sys.argv[1:4]
settings = json.load(open(sample))
settings["Values"].update({"AzureWebJobsStorage": storage, "Artifacts__ConnectionString": storage, "TaskHubName": "contract"})
json.dump(settings, open(target, "w"), indent=2)
PY
  PORT="$(_azurite_free_port)"
  (cd "$APP" && exec setsid func start --port "$PORT") >"$AZURITE_DIR/func.log" 2>&1 &
  FUNC_PID=$!
  BASE_URL="http://127.0.0.1:$PORT"
  for _ in $(seq 1 300); do
    curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/api/backlog" | grep -q 200 && break
    kill -0 "$FUNC_PID" 2>/dev/null || { echo "contract-func: func exited:" >&2; cat "$AZURITE_DIR/func.log" >&2; exit 1; }
    sleep 1
  done
  export CONTRACT_STORAGE="$AZURITE_CONNECTION_STRING"
fi

export CONTRACT_BASE_URL="$BASE_URL"
echo "contract-func: running the HTTP contract suite against $CONTRACT_BASE_URL"
dotnet test tests/PodcastFactory.IntegrationTests -c Release -p:ExternalContract=true --filter "FullyQualifiedName~ExternalHttpContractTests"
