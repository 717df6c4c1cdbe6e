#!/usr/bin/env bash
# Builds {{name}}.wasm: standard Go (1.24 or later) for GOOS=wasip1 as a c-shared module, then the
# component (jco, with the WASI preview1 reactor adapter) for world {{world}}. Needs Node.js 20+
# for the second step.
#
# HEAP_MIB (default 32) is the Go heap, fixed at build time: Go's allocator cannot share memory
# growth with the WASI adapter, so the module gets its memory up front and running out of it is a
# clean "out of memory" trap. Keep it below the host's memory limit per call (64 MiB by default).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
HEAP_MIB="${HEAP_MIB:-32}"
GO="${GO:-go}"

command -v "$GO" >/dev/null 2>&1 || { echo "build.sh: Go 1.24 or later is needed (go not on PATH; or set GO=/path/to/go)" >&2; exit 1; }
version="$("$GO" env GOVERSION)"
minor="$(sed -E 's/^go1\.([0-9]+).*/\1/' <<<"$version")"
[[ "$minor" =~ ^[0-9]+$ && "$minor" -ge 24 ]] || { echo "build.sh: Go 1.24 or later is needed for //go:wasmexport; found $version" >&2; exit 1; }

GOOS=wasip1 GOARCH=wasm "$GO" build -buildmode=c-shared -o {{name}}.core.wasm .

command -v node >/dev/null 2>&1 || { echo "build.sh: Node.js 20+ is needed to make the component (jco)" >&2; exit 1; }
[[ -d node_modules/@bytecodealliance/jco ]] || npm install --no-audit --no-fund --loglevel=error
node componentize.mjs --core {{name}}.core.wasm --wit wit/extensibility.wit --world {{world}} --out {{name}}.wasm --wasi --fixed-memory-mib "$HEAP_MIB"
