#!/bin/sh
# The browser tests (e2e/) drive Debian's chromium through playwright-core: Playwright's own
# browser download cannot be reached from these machines. Installs it when it is missing.
set -e
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium with apt-get" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "ensure-chromium: run as root (or with sudo): apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
"$CHROMIUM" --version
