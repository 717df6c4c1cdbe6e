#!/usr/bin/env bash
# Builds {{name}}.wasm with componentize-js (SpiderMonkey, ~12 MB) for world {{world}}. Standard
# output, clocks and random stay on (they are WASI the host allows); outgoing HTTP is off, since
# the host does not provide wasi:http. Needs Node.js 20+.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v node >/dev/null 2>&1 || { echo "build.sh: Node.js 20+ is needed (componentize-js)" >&2; exit 1; }
[[ -d node_modules/@bytecodealliance/componentize-js ]] || npm install --no-audit --no-fund --loglevel=error
node_modules/.bin/componentize-js --wit wit --world-name {{world}} -d http fetch-event -o {{name}}.wasm {{name}}.js
