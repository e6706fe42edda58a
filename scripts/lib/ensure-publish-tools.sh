# Installs what the publish stage and the tests need, where apt-get can: ffmpeg (MP3 encoder, ffprobe) for
# `podcast produce`, python3-feedparser (a real podcast feed parser) and chromium (dashboard tests) for the tests. Otherwise explains.
_apt_install() {
  local what="$1"; shift
  local log; log="$(mktemp)"
  local sudo=""
  if [[ "$(id -u)" != "0" ]]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else echo "note: install $* to get $what."; rm -f "$log"; return 0; fi
  fi
  echo "Installing $* ($what)..."
  if ! ($sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@") >"$log" 2>&1; then
    cat "$log"; echo "warning: could not install $*."
  fi
  rm -f "$log"
}

ensure_ffmpeg() {
  if command -v ffmpeg >/dev/null 2>&1 || command -v lame >/dev/null 2>&1; then return 0; fi
  if command -v apt-get >/dev/null 2>&1; then
    _apt_install "the MP3 encoder of the publish stage" ffmpeg
  else
    echo "note: ffmpeg is not installed (brew install ffmpeg / apt-get install ffmpeg); without it episodes end 'partial' with no episode.mp3."
  fi
}

ensure_feedparser() {
  if /usr/bin/python3 -c "import feedparser" >/dev/null 2>&1 || python3 -c "import feedparser" >/dev/null 2>&1; then return 0; fi
  if command -v apt-get >/dev/null 2>&1; then
    _apt_install "the feed parser the tests use" python3-feedparser
  else
    echo "note: python3 feedparser is missing; the feed parser test will fail."
  fi
}

# The dashboard's browser tests drive Debian's chromium through Playwright (browsers cannot be downloaded here).
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then return 0; fi
  if command -v apt-get >/dev/null 2>&1; then
    _apt_install "the browser of the dashboard tests" chromium
  else
    echo "note: chromium is not installed; the dashboard's browser tests will fail (apt-get install chromium)."
  fi
}
