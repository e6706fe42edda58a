# Installs the offline speech tools when they are missing and apt-get can install them; otherwise explains.
# flite speaks the default voices (flite:rms, flite:slt; see docs/voices.md); espeak-ng is the fallback and speaks
# espeak-ng voices (en-us+m3...).
ensure_espeak() {
  local missing=() tool
  for tool in espeak-ng flite; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if [[ ${#missing[@]} -eq 0 ]]; then return 0; fi
  local sudo=""
  if [[ "$(id -u)" != "0" ]] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
  if command -v apt-get >/dev/null 2>&1 && { [[ "$(id -u)" == "0" ]] || [[ -n "$sudo" ]]; }; then
    echo "Installing ${missing[*]} (offline text-to-speech)${sudo:+ with sudo}..."
    local log; log="$(mktemp)"
    if ! ($sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >"$log" 2>&1; then
      cat "$log"
      echo "warning: could not install ${missing[*]}; without flite the hosts fall back to espeak-ng, without either audio is skipped with a warning."
    fi
    rm -f "$log"
  else
    echo "note: ${missing[*]} not installed (brew install ${missing[*]} / apt-get install ${missing[*]}); without flite the hosts fall back to espeak-ng, without either audio is skipped with a warning."
  fi
}
