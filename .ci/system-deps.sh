#!/usr/bin/env bash
# Debian packages the test suite needs (headless Chromium for the browser tests, Virtuoso for
# the remote SPARQL store tests).
# Installs only what is missing; needs root with apt. Without root it says what to run and goes on:
# the tests that need a package then skip with that command, except under CI=true, where they fail.
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# OpenLink Virtuoso for the remote-store tests (tests/scale; started by .ci/virtuoso.sh).
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${need[*]}; install with: sudo apt-get install -y ${need[*]}" >&2
  exit 0
fi
echo "system-deps: installing ${need[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
