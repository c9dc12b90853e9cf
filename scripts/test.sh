#!/usr/bin/env bash
# All tests: native (cargo test), the page's size budget, and the page in headless
# Chromium driven by Playwright. Installs what is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium chromium-driver
fi

say "cargo fmt --check, cargo clippy (native and wasm)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --bin referat-analyzer -- -D warnings

say "cargo test"
cargo test --quiet
cargo test --quiet --release --test hostile

say "trunk build --release"
page_trunk build --release

say "size budget"
node scripts/size.mjs dist

say "browser tests (headless Chromium)"
node --test --test-reporter=spec tests/browser/
