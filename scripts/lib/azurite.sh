# Azurite for tests, sourced by scripts/test.sh.
#   start_azurite: installs Azurite from package.json (npm ci, when node_modules is missing or older than the
#     lockfile), starts it on three free loopback ports with a fresh data folder, waits until the blob port
#     answers and exports AZURITE_CONNECTION_STRING. Without npm it prints why and exports nothing: the Azurite
#     tests then fail with a message that says how to run them (they never pass silently).
#   stop_azurite: stops it by its PID (also when tests failed) and removes the data folder.
AZURITE_PID=""
AZURITE_DIR=""
AZURITE_DEV_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

_azurite_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start_azurite() {
  local root="${ROOT:-$(pwd)}"
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "azurite: npm/node not found; install Node.js 20+ to run the Azure Storage tests (they will fail without it)." >&2
    return 0
  fi
  local bin="$root/node_modules/.bin/azurite"
  if [[ ! -x "$bin" || "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]]; then
    echo "azurite: installing from package-lock.json (npm ci)..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || { echo "azurite: npm ci failed" >&2; return 1; }
  fi
  local blob queue table
  blob="$(_azurite_free_port)"; queue="$(_azurite_free_port)"; table="$(_azurite_free_port)"
  AZURITE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/azurite.XXXXXX")"
  "$bin" --location "$AZURITE_DIR" --silent --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$AZURITE_DIR/azurite.log" 2>&1 &
  AZURITE_PID=$!
  local i
  for i in $(seq 1 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$blob/devstoreaccount1?comp=list" \
       && curl -s -o /dev/null "http://127.0.0.1:$queue/devstoreaccount1?comp=list" \
       && curl -s -o /dev/null "http://127.0.0.1:$table/devstoreaccount1/Tables"; then
      break
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "azurite: exited early:" >&2; cat "$AZURITE_DIR/azurite.log" >&2; AZURITE_PID=""; return 1
    fi
    sleep 0.2
  done
  export AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_DEV_KEY;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
  echo "azurite: pid $AZURITE_PID, blob $blob, queue $queue, table $table, data $AZURITE_DIR"
}

stop_azurite() {
  if [[ -n "$AZURITE_PID" ]]; then
    kill "$AZURITE_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$AZURITE_PID" 2>/dev/null
    wait "$AZURITE_PID" 2>/dev/null
    AZURITE_PID=""
  fi
  if [[ -n "$AZURITE_DIR" ]]; then rm -rf "$AZURITE_DIR"; AZURITE_DIR=""; fi
  unset AZURITE_CONNECTION_STRING
}
