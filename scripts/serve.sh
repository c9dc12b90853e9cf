#!/usr/bin/env bash
# Builds the page and serves it at http://127.0.0.1:8080, installing what is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
say "trunk serve --release: http://127.0.0.1:8080"
page_trunk serve --release "$@"
