#!/usr/bin/env bash
# Install Debian packages rebond needs, when missing and when we can (root or sudo). Usage: system-deps.sh venv|chromium
set -euo pipefail

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "rebond: please install $* with your system's package manager." >&2; return 1
  fi
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || { echo "rebond: could not install $* (needs root or sudo)." >&2; return 1; }
}

case "${1:-}" in
  venv)
    ver=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install "python${ver}-venv" || apt_install python3-venv ;;
  chromium)
    if [ ! -x "${REBOND_CHROMIUM:-/usr/bin/chromium}" ]; then apt_install chromium; fi ;;
  *) echo "usage: $0 venv|chromium" >&2; exit 2 ;;
esac
