#!/usr/bin/env bash
# Builds {{name}}.wasm: Rust with std for wasm32-wasip1, then the component (jco, with the WASI
# preview1 reactor adapter) for world {{world}}. Needs Node.js 20+ for the second step.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
TARGET=wasm32-wasip1
CORE="${CARGO_TARGET_DIR:-target}/$TARGET/release/{{crate}}.wasm"

if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  # The usual toolchain: rustup with `rustup target add wasm32-wasip1`.
  cargo build --release --target "$TARGET"
elif [[ -x /usr/bin/rustc && -d /usr/lib/rustlib/src/rust/library/vendor && -f /usr/lib/wasm32-wasi/libc.a ]]; then
  # Debian's Rust (rustc-web, cargo-web, rust-web-src, lld-22, wasi-libc): no prebuilt std for
  # wasm32-wasip1, so std is built from its sources, with its dependencies from Debian's vendor folder.
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_WASM32_WASIP1_LINKER=/usr/bin/wasm-ld-22 \
    CARGO_TARGET_WASM32_WASIP1_RUSTFLAGS="-C link-self-contained=no -L native=/usr/lib/wasm32-wasi" \
    /usr/bin/cargo \
    --config 'source.crates-io.replace-with="debian-std-vendor"' \
    --config 'source.debian-std-vendor.directory="/usr/lib/rustlib/src/rust/library/vendor"' \
    build --offline --release --target "$TARGET" -Zbuild-std=std,panic_abort
else
  echo "build.sh: no Rust for $TARGET: run 'rustup target add $TARGET' (or on Debian: apt-get install rustc-web cargo-web rust-web-src lld-22 wasi-libc)" >&2
  exit 1
fi

command -v node >/dev/null 2>&1 || { echo "build.sh: Node.js 20+ is needed to make the component (jco)" >&2; exit 1; }
[[ -d node_modules/@bytecodealliance/jco ]] || npm install --no-audit --no-fund --loglevel=error
node componentize.mjs --core "$CORE" --wit wit/extensibility.wit --world {{world}} --out {{name}}.wasm --wasi
