#!/usr/bin/env bash
# What `npm test` needs beyond npm packages: Debian's Chromium (the browser tests drive it; no browser is
# downloaded at install time) and redis-server (one classroom-server test starts its own). Installed with apt-get
# when missing, as .ci/run does, so that on a fresh Debian machine `npm install` and `npm test` are the whole set-up.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "npm test: missing ${missing[*]}, and this machine has no apt-get: install them, then run npm test again." >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "npm test: missing ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}', then npm test again." >&2
    exit 1
  fi
fi
echo "npm test: installing ${missing[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
