#!/usr/bin/env bash
# Make sure the browser the end-to-end tests drive is there: Debian's Chromium at
# /usr/bin/chromium (Playwright drives it; it never downloads a browser of its own).
#
#   bash .ci/browser.sh            # install Chromium when missing
#   bash .ci/browser.sh COMMAND    # ... then run COMMAND
set -euo pipefail

if [[ ! -x /usr/bin/chromium ]]; then
    echo "browser.sh: installing chromium from the distribution's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq chromium >&2
fi
echo "browser.sh: /usr/bin/chromium is there" >&2

if [[ $# -gt 0 ]]; then
    exec "$@"
fi
