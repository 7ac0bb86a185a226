#!/usr/bin/env bash
# Makes sure the browser the end-to-end tests drive is here: Debian's Chromium (no browser
# download works on our machines). Installs it with apt-get when running as root.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium not found at $path: installing Debian's chromium package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "error: the end-to-end tests need Chromium at $path (Debian: sudo apt-get install chromium; or set CHROMIUM_PATH)" >&2
exit 1
