#!/usr/bin/env bash
# Installs what building the page needs, skipping what is already there. Sourced by
# serve.sh and test.sh. Uses only rustup, cargo install, npm and apt-get: trunk runs
# offline and never downloads tools itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
    say "apt-get install $*"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! command -v cargo >/dev/null; then
    echo "Rust mangler: installér rustup (https://rustup.rs) og kør igen." >&2
    exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi
# The tests check formatting and lints too.
for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
        say "rustup component add $component"
        rustup component add "$component"
    fi
done

# The page is built with a pinned nightly that rebuilds the standard library with panics
# as immediate aborts: no panic messages, file names or formatting in the wasm (36 KB gzip
# less; a panic in the page was already an abort). Tests, clippy and the command line use
# stable. `page_trunk` below runs trunk with it.
page_toolchain=nightly-2026-05-20
if ! rustup component list --toolchain "$page_toolchain" --installed 2>/dev/null | grep -q '^rust-src'; then
    say "rustup toolchain install $page_toolchain (with rust-src: the page's standard library)"
    rustup toolchain install "$page_toolchain" --profile minimal --component rust-src
fi
page_trunk() {
    RUSTUP_TOOLCHAIN="$page_toolchain" CARGO_UNSTABLE_BUILD_STD="std,panic_abort" \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" trunk "$@"
}

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly. Its own lockfile
# wants crates the registry here lacks, so no --locked.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
    say "cargo install wasm-bindgen-cli $wbg (about 2 minutes)"
    cargo install wasm-bindgen-cli --version "$wbg" --force
fi

trunk_version=0.22.1
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$trunk_version" ]; then
    say "cargo install trunk $trunk_version (about 9 minutes)"
    cargo install --locked trunk --version "$trunk_version" --ignore-rust-version
fi

if ! command -v npm >/dev/null; then
    apt_install nodejs npm
fi
# wasm-opt from npm binaryen (Debian's is too old for wasm-bindgen's output), playwright-core and axe-core (browser tests),
# pdfjs-dist (bench-browser's comparison; its optional native canvas, 33 MB, is never used).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --omit=optional
fi

# trunk builds offline, so cargo needs every crate in its cache first: the project's and
# those of the standard library the page rebuilds.
cargo fetch --quiet
cargo +"$page_toolchain" fetch --quiet --manifest-path "$(rustup run "$page_toolchain" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
