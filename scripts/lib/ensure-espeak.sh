# Installs espeak-ng (offline speech) when it is missing and apt-get can install it; otherwise explains.
ensure_espeak() {
  if command -v espeak-ng >/dev/null 2>&1; then return 0; fi
  if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == "0" ]]; then
    echo "Installing espeak-ng (offline text-to-speech)..."
    local log; log="$(mktemp)"
    if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng) >"$log" 2>&1; then
      cat "$log"; echo "warning: could not install espeak-ng; the audio stage will be skipped with a warning."
    fi
    rm -f "$log"
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    echo "Installing espeak-ng with sudo..."
    local log; log="$(mktemp)"
    if ! (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng) >"$log" 2>&1; then
      cat "$log"; echo "warning: could not install espeak-ng; the audio stage will be skipped with a warning."
    fi
    rm -f "$log"
  else
    echo "note: espeak-ng is not installed (brew install espeak-ng / apt-get install espeak-ng); without it audio is skipped with a warning."
  fi
}
