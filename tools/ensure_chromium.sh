#!/bin/sh
# Make sure Debian's chromium is at /usr/bin/chromium for the browser tests (tests/web).
# Exits 0 at once when it is already there; otherwise installs the `chromium` package with apt-get
# (non-interactive; sudo only when not root). Never downloads a browser from anywhere else.
# Without apt-get or root/sudo it warns and exits 0 (the tests then skip), unless CI is set: then 1.
set -eu
cannot() {
    echo "ensure_chromium: $CHROMIUM missing and $1; browser tests will skip" >&2
    if [ -n "${CI:-}" ]; then exit 1; fi
    exit 0
}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    cannot "apt-get is not available"
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
else
    cannot "not root and no sudo"
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y --no-install-recommends chromium; then
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends chromium
fi
test -x "$CHROMIUM"
