#!/usr/bin/env bash
# Builds every test guest component from source into tests/guests/out/ (see README.md).
#
# Each guest is rebuilt only when the SHA-256 of its INPUTS changes (sources, WIT, lockfiles,
# this script, tool versions). Outputs are never hashed: StarlingMonkey's output differs by a
# few bytes from build to build, so an output hash would rebuild forever.
#
# Installs nothing except `npm ci` here when node_modules is missing or stale; the system
# toolchains (Debian's Rust, wasm-ld, wasi-libc) and Go (tests/tools/install-go.sh) are
# test.sh's job. Exits non-zero naming the failed guest.
set -euo pipefail

GUESTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$GUESTS_DIR/../.." && pwd)"
OUT="$GUESTS_DIR/out"
STAMPS="$OUT/.stamps"
LOGS="$OUT/.logs"
WIT="$REPO_ROOT/wit"

# Debian's toolchain, never the rustup proxies a developer may have earlier on PATH.
CARGO=/usr/bin/cargo
RUSTC=/usr/bin/rustc
WASM_LD=/usr/bin/wasm-ld-19
WASM_LD_WASIP1=/usr/bin/wasm-ld-22
WASI_LIBC=/usr/lib/wasm32-wasi/libc.a
RUST_STD_VENDOR=/usr/lib/rustlib/src/rust/library/vendor
# Go 1.24 from Debian, unpacked into the repository by tests/tools/install-go.sh.
GOROOT="${EXTHOST_GOROOT:-$REPO_ROOT/.tools/go/root/usr/lib/go-1.24}"
# One tool turns every core module into a component, the same the SDK templates use.
COMPONENTIZE="$REPO_ROOT/Extensions.Sdk/tools/componentize.mjs"

fail() {
  echo "build.sh: FAILED: $*" >&2
  exit 1
}

mkdir -p "$STAMPS" "$LOGS"
cd "$GUESTS_DIR"

# --- npm toolchain (jco, componentize-js), pinned by package-lock.json -----------------------
lock_hash="$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [[ ! -f node_modules/.exthost-lock.sha256 || "$(cat node_modules/.exthost-lock.sha256)" != "$lock_hash" ]]; then
  echo "npm ci (tests/guests)"
  npm ci --no-audit --no-fund --loglevel=error >"$LOGS/npm-ci.log" 2>&1 \
    || { tail -n 30 "$LOGS/npm-ci.log" >&2; fail "npm ci in tests/guests (log: $LOGS/npm-ci.log)"; }
  echo "$lock_hash" >node_modules/.exthost-lock.sha256
fi

# Common inputs of every built guest: the npm lockfile, the Node version and this script.
node_version="$(node --version)"
common_inputs="$lock_hash $node_version $(sha256sum "$GUESTS_DIR/build.sh" | cut -d' ' -f1)"

# Hash of a guest's inputs: the content and relative names of every file under the given
# paths (symlinks followed, build outputs excluded) plus extra strings (tool versions).
inputs_hash() {
  local extra="$1"
  shift
  {
    echo "$common_inputs"
    echo "$extra"
    find -L "$@" -type f -not -path '*/target/*' -not -path '*/node_modules/*' -print0 \
      | sort -z | xargs -0 sha256sum | sed "s|$REPO_ROOT/||"
  } | sha256sum | cut -d' ' -f1
}

is_fresh() { # guest-name output-file hash
  [[ -f "$2" && -f "$STAMPS/$1.sha256" && "$(cat "$STAMPS/$1.sha256")" == "$3" ]]
}

# --- WAT guests: copied verbatim (the tests compile them with Component.FromText) ----------
wat_copied=0
for wat in wat/*.wat; do
  if ! cmp -s "$wat" "$OUT/$(basename "$wat")"; then
    cp "$wat" "$OUT/"
    wat_copied=$((wat_copied + 1))
  fi
done
for copied in "$OUT"/*.wat; do # a WAT guest deleted from wat/ must not linger in out/
  [[ -e "$copied" && ! -e "wat/$(basename "$copied")" ]] && rm -f "$copied"
done
echo "wat: $(ls wat/*.wat | wc -l) guests in out/ ($wat_copied updated)"

# --- guest builders; each writes its output atomically (tmp + rename) ----------------------
# They run in an `if` context, where `set -e` does not apply: every step is chained with &&.
build_js() { # name js-dir wit-dir world entry.js
  local name="$1" dir="$2" wit_dir="$3" world="$4" entry="$5"
  node_modules/.bin/componentize-js --wit "$wit_dir" --world-name "$world" \
    -d stdio random clocks http fetch-event \
    -o "$OUT/$name.wasm.tmp" "$dir/$entry" \
    && mv "$OUT/$name.wasm.tmp" "$OUT/$name.wasm"
}

build_rust() { # name crate-dir crate-lib-name wit-file world
  local name="$1" dir="$2" lib="$3" wit_file="$4" world="$5"
  (cd "$dir" && PATH="/usr/bin:$PATH" RUSTC="$RUSTC" RUSTC_BOOTSTRAP=1 \
    "$CARGO" build --offline --release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort) \
    && node "$COMPONENTIZE" --core "$dir/target/wasm32-unknown-unknown/release/$lib.wasm" \
    --wit "$wit_file" --world "$world" --out "$OUT/$name.wasm"
}

# Rust with std for wasm32-wasip1 (linked with Debian's wasi-libc; see the crate's
# .cargo/config.toml), then the WASI reactor adapter: the import shape of `cargo component`.
# The std guests share one target directory, so std is compiled for wasip1 once.
build_rust_std() { # name crate-dir crate-lib-name wit-file world
  local name="$1" dir="$2" lib="$3" wit_file="$4" world="$5"
  (cd "$dir" && PATH="/usr/bin:$PATH" RUSTC="$RUSTC" RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$GUESTS_DIR/rust/target" \
    "$CARGO" build --offline --release --target wasm32-wasip1 -Zbuild-std=std,panic_abort) \
    && node "$COMPONENTIZE" --core "$GUESTS_DIR/rust/target/wasm32-wasip1/release/$lib.wasm" \
    --wit "$wit_file" --world "$world" --out "$OUT/$name.wasm" --wasi
}

# Standard Go: c-shared for wasip1 with //go:wasmexport, then the reactor adapter with a fixed
# 16 MiB memory (why: Extensions.Sdk/tools/componentize.mjs). Build tags choose the contract
# version of the Go SDK (saas_v1_1 for saas:extensibility@1.1.0).
build_go() { # name module-dir wit-file world [build-tags]
  local name="$1" dir="$2" wit_file="$3" world="$4" tags="${5:-}"
  (cd "$dir" && GOROOT="$GOROOT" GOTOOLCHAIN=local GOPROXY=off GOFLAGS= GOCACHE="$OUT/.go/cache" GOPATH="$OUT/.go/path" \
    GOOS=wasip1 GOARCH=wasm "$GOROOT/bin/go" build -tags "$tags" -buildmode=c-shared -o "$OUT/.go/$name.core.wasm" .) \
    && node "$COMPONENTIZE" --core "$OUT/.go/$name.core.wasm" \
    --wit "$wit_file" --world "$world" --out "$OUT/$name.wasm" --wasi --fixed-memory-mib 16
}

check_rust_toolchain() {
  local missing=()
  for f in "$CARGO" "$RUSTC" "$WASM_LD" "$WASM_LD_WASIP1"; do [[ -x "$f" ]] || missing+=("$f"); done
  [[ -d "$RUST_STD_VENDOR" ]] || missing+=("$RUST_STD_VENDOR")
  [[ -f "$WASI_LIBC" ]] || missing+=("$WASI_LIBC")
  ((${#missing[@]} == 0)) || fail "Rust toolchain missing: ${missing[*]} (apt-get install rustc-web cargo-web rust-web-src lld-22 lld-19 wasi-libc; test.sh does this)"
}

check_go_toolchain() {
  [[ -x "$GOROOT/bin/go" ]] || fail "Go is missing at $GOROOT (run tests/tools/install-go.sh; test.sh does this)"
}

# Builds one guest unless its stamp matches; a stamp is written only after a successful build.
build_guest() { # name hash command...
  local name="$1" hash="$2" started=$SECONDS
  shift 2
  if is_fresh "$name" "$OUT/$name.wasm" "$hash"; then
    echo "$name: up to date (inputs ${hash:0:12})"
    return 0
  fi
  echo "$name: building (inputs ${hash:0:12}) ..."
  rm -f "$STAMPS/$name.sha256"
  if ( "$@" ) >"$LOGS/$name.log" 2>&1; then
    echo "$hash" >"$STAMPS/$name.sha256"
    echo "$name: built out/$name.wasm ($(stat -c %s "$OUT/$name.wasm") bytes) in $((SECONDS - started)) s"
  else
    echo "$name: build failed (log: $LOGS/$name.log)" >&2
  fi
}

# --- the guest list ------------------------------------------------------------------------
rust_version=""
if [[ -x "$RUSTC" ]]; then rust_version="$("$RUSTC" -vV 2>/dev/null || true)"; fi
go_version=""
if [[ -x "$GOROOT/bin/go" ]]; then go_version="$("$GOROOT/bin/go" version 2>/dev/null || true)"; fi
SAAS_WIT="$WIT/saas-extensibility/extensibility.wit"
SAAS_WIT_1_1="$WIT/saas-extensibility-1.1/extensibility.wit"
RUST_SDK="$REPO_ROOT/Extensions.Sdk/rust/saas-extensibility"
GO_SDK="$REPO_ROOT/Extensions.Sdk/go"
rust_event_hash="$(inputs_hash "$rust_version" "$COMPONENTIZE" "$RUST_SDK" \
  rust/event-handler/src rust/event-handler/Cargo.toml rust/event-handler/Cargo.lock \
  rust/event-handler/.cargo "$WIT/saas-extensibility")"
rust_std_event_hash="$(inputs_hash "$rust_version" "$COMPONENTIZE" "$RUST_SDK" rust/std-event-handler "$WIT/saas-extensibility")"
rust_std_point_hash="$(inputs_hash "$rust_version" "$COMPONENTIZE" "$RUST_SDK" rust/std-point "$WIT/saas-extensibility")"
rust_std_event_1_1_hash="$(inputs_hash "$rust_version" "$COMPONENTIZE" "$RUST_SDK" rust/std-event-handler-1.1 "$WIT/saas-extensibility-1.1")"
go_event_hash="$(inputs_hash "$go_version" "$COMPONENTIZE" "$GO_SDK" go/event-handler "$WIT/saas-extensibility")"
go_point_hash="$(inputs_hash "$go_version" "$COMPONENTIZE" "$GO_SDK" go/point "$WIT/saas-extensibility")"
go_event_1_1_hash="$(inputs_hash "$go_version" "$COMPONENTIZE" "$GO_SDK" go/event-handler-1.1 "$WIT/saas-extensibility-1.1")"
# go/point's unchanged source built against 1.1: what a tenant gets by only switching the SDK's tag.
go_point_1_1_hash="$(inputs_hash "$go_version" "$COMPONENTIZE" "$GO_SDK" go/point "$WIT/saas-extensibility-1.1")"
js_event_hash="$(inputs_hash "" js/event-handler "$WIT/saas-extensibility")"
js_pricing_hash="$(inputs_hash "" js/pricing "$WIT/examples/acme-shop")"

if ! is_fresh rust-event-handler "$OUT/rust-event-handler.wasm" "$rust_event_hash" \
  || ! is_fresh rust-std-event-handler "$OUT/rust-std-event-handler.wasm" "$rust_std_event_hash" \
  || ! is_fresh rust-std-point "$OUT/rust-std-point.wasm" "$rust_std_point_hash" \
  || ! is_fresh rust-std-event-handler-1.1 "$OUT/rust-std-event-handler-1.1.wasm" "$rust_std_event_1_1_hash"; then
  check_rust_toolchain
fi
if ! is_fresh go-event-handler "$OUT/go-event-handler.wasm" "$go_event_hash" \
  || ! is_fresh go-point "$OUT/go-point.wasm" "$go_point_hash" \
  || ! is_fresh go-event-handler-1.1 "$OUT/go-event-handler-1.1.wasm" "$go_event_1_1_hash" \
  || ! is_fresh go-point-1.1 "$OUT/go-point-1.1.wasm" "$go_point_1_1_hash"; then
  check_go_toolchain
fi
mkdir -p "$OUT/.go"

# Two lanes on the 2-core build machines: Rust (cold: std from source for two targets, 30-90 s
# each) next to the StarlingMonkey builds and the Go builds (cold: std for wasm, ~25 s).
(
  build_guest rust-event-handler "$rust_event_hash" \
    build_rust rust-event-handler rust/event-handler rust_event_handler "$SAAS_WIT" event-extension
  build_guest rust-std-event-handler "$rust_std_event_hash" \
    build_rust_std rust-std-event-handler rust/std-event-handler std_event_handler "$SAAS_WIT" event-extension
  build_guest rust-std-point "$rust_std_point_hash" \
    build_rust_std rust-std-point rust/std-point std_point "$SAAS_WIT" point-extension
  build_guest rust-std-event-handler-1.1 "$rust_std_event_1_1_hash" \
    build_rust_std rust-std-event-handler-1.1 rust/std-event-handler-1.1 std_event_handler_1_1 "$SAAS_WIT_1_1" event-extension
) &
rust_lane=$!
(
  build_guest js-event-handler "$js_event_hash" \
    build_js js-event-handler js/event-handler "$WIT/saas-extensibility" event-extension event-handler.js
  build_guest js-pricing "$js_pricing_hash" \
    build_js js-pricing js/pricing "$WIT/examples/acme-shop" pricing-extension pricing.js
  build_guest go-event-handler "$go_event_hash" \
    build_go go-event-handler go/event-handler "$SAAS_WIT" event-extension
  build_guest go-point "$go_point_hash" \
    build_go go-point go/point "$SAAS_WIT" point-extension
  build_guest go-event-handler-1.1 "$go_event_1_1_hash" \
    build_go go-event-handler-1.1 go/event-handler-1.1 "$SAAS_WIT_1_1" event-extension saas_v1_1
  build_guest go-point-1.1 "$go_point_1_1_hash" \
    build_go go-point-1.1 go/point "$SAAS_WIT_1_1" point-extension saas_v1_1
) &
js_lane=$!
wait "$rust_lane" "$js_lane" || true

# --- verdict: every guest's stamp must match the hash of its current inputs ----------------
failed=()
for entry in "rust-event-handler $rust_event_hash" "rust-std-event-handler $rust_std_event_hash" \
  "rust-std-point $rust_std_point_hash" "rust-std-event-handler-1.1 $rust_std_event_1_1_hash" \
  "go-event-handler $go_event_hash" "go-point $go_point_hash" "go-event-handler-1.1 $go_event_1_1_hash" \
  "go-point-1.1 $go_point_1_1_hash" "js-event-handler $js_event_hash" "js-pricing $js_pricing_hash"; do
  read -r name hash <<<"$entry"
  if ! is_fresh "$name" "$OUT/$name.wasm" "$hash"; then
    failed+=("$name")
    if [[ -f "$LOGS/$name.log" ]]; then
      echo "----- $name: last lines of $LOGS/$name.log" >&2
      tail -n 25 "$LOGS/$name.log" >&2
    fi
  fi
done
((${#failed[@]} == 0)) || fail "guest build failed: ${failed[*]}"
echo "guests ready in $OUT ($SECONDS s)"
