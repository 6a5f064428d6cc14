#!/usr/bin/env bash
# Makes sure the browser tests have Debian's Chromium (never a downloaded browser build).
# Called first by `npm test`. Exit 0 when the browser is there or was just installed with
# apt-get (as root); otherwise stop at once, naming the one command that installs it.
# CHROMIUM_PATH points the tests at another Chromium binary (as in tests/browser/helpers/browser.ts).
set -euo pipefail

# Where Debian's package puts it (ENSURE_CHROMIUM_DEFAULT only lets the tests point elsewhere).
DEFAULT="${ENSURE_CHROMIUM_DEFAULT:-/usr/bin/chromium}"
CHROMIUM="${CHROMIUM_PATH:-$DEFAULT}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file; unset it to use /usr/bin/chromium" >&2
  exit 1
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $DEFAULT is missing; installing Debian's chromium package with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq chromium >/dev/null && [ -x "$DEFAULT" ]; then
    echo "ensure-chromium: installed $("$DEFAULT" --version 2>/dev/null || echo chromium)" >&2
    exit 0
  fi
  echo "ensure-chromium: apt-get could not install chromium; run: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

if command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: the browser tests need Debian's Chromium at $DEFAULT. Run this, then npm test again:" >&2
  echo "  sudo sh -c 'apt-get update && apt-get install -y chromium'" >&2
else
  echo "ensure-chromium: the browser tests need Chromium at /usr/bin/chromium (Debian: apt-get install -y chromium)," >&2
  echo "  or set CHROMIUM_PATH to a Chromium binary installed by your system's package manager." >&2
fi
exit 1
