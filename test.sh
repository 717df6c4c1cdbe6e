#!/usr/bin/env bash
# Runs every test of ExtensibilityHost. Expects Debian 12 with the .NET 10 SDK and Node 20;
# installs the rest itself (apt packages once, Azurite into tests/tools, npm packages via
# tests/guests/build.sh) and is quick when everything is already there.
#
#   ./test.sh            # last line: "<N> passed, <N> failed"; exit code 0 only if all passed
source "$(dirname "${BASH_SOURCE[0]}")/tests/tools/environment.sh"

RESULTS_DIR="$REPO_ROOT/TestResults"

step() { echo "==> $*"; }

# --- 1. system packages --------------------------------------------------------------------
# Debian's Rust (rustc 1.96 with std sources; lld-22 provides rust-lld and wasm-ld-22, lld-19
# wasm-ld-19; wasi-libc for std on wasm32-wasip1) for the Rust guests, Chromium for the
# portal's browser tests. Installed only when missing (tests/tools/install-apt-packages.sh).
tests/tools/install-apt-packages.sh rustc-web cargo-web rust-web-src lld-22 lld-19 wasi-libc chromium \
  || die "installing system packages failed"
command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet not on PATH)"
command -v node >/dev/null || die "Node.js 20 is required (node not on PATH)"

# --- 2. test tools and guest components ----------------------------------------------------
# Go 1.24 from Debian's trixie archive, unpacked into .tools/go without touching the system's
# apt configuration (cached: quick when already there).
step "Go 1.24 (tests/tools/install-go.sh)"
EXTHOST_GOROOT="$(tests/tools/install-go.sh | tail -n 1)" || die "installing Go failed"
export EXTHOST_GOROOT

# Azurite, pinned by tests/tools/package-lock.json; npm ci only when node_modules is missing or stale.
tools_lock="$(cd tests/tools && sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [[ "$(cat tests/tools/node_modules/.exthost-lock.sha256 2>/dev/null || true)" != "$tools_lock" ]]; then
  step "npm ci (tests/tools)"
  (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci in tests/tools failed"
  echo "$tools_lock" >tests/tools/node_modules/.exthost-lock.sha256
fi

step "building test guests (tests/guests/build.sh)"
"$REPO_ROOT/tests/guests/build.sh"

# --- 3. build: must be warning-free --------------------------------------------------------
step "dotnet build ExtensibilityHost.sln -c Release"
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
# Classic console logger so the summary ("N Warning(s)") is printed and can be checked.
if ! dotnet build ExtensibilityHost.sln -c Release -tl:off -clp:Summary -nologo 2>&1 | tee "$build_log"; then
  die "dotnet build failed"
fi
warnings="$(grep -E '^ +[0-9]+ Warning\(s\)' "$build_log" | tail -n 1 | grep -oE '[0-9]+' || true)"
[[ -n "$warnings" ]] || die "could not find the warning count in the dotnet build output"
((warnings == 0)) || die "dotnet build reported $warnings warning(s); the build must be warning-free"

# --- 4. tests ------------------------------------------------------------------------------
# Host.Benchmarks is an exe without a test SDK, so dotnet test does not discover it.
step "dotnet test ExtensibilityHost.sln -c Release --no-build"
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
# Every API test's responses and host log lines are checked for leaks (LeakGuard); each test
# process adds its totals here.
export EXTHOST_LEAK_REPORT="$RESULTS_DIR/leak-scan.txt"
test_status=0
dotnet test ExtensibilityHost.sln -c Release --no-build \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$RESULTS_DIR" || test_status=$?

# --- 5. summary from the trx files ---------------------------------------------------------
passed=0
failed=0
shopt -s globstar nullglob
trx_files=("$RESULTS_DIR"/**/*.trx)
counters=""
attr() { grep -oE " $1=\"[0-9]+\"" <<<"$counters" | grep -oE '[0-9]+' || echo 0; }
for trx in "${trx_files[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  passed=$((passed + $(attr passed)))
  # A test that errored, timed out or whose host aborted did not pass either.
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
done

status=0
if ((test_status != 0)); then
  echo "test.sh: dotnet test exited with $test_status" >&2
  status=1
fi
if ((passed + failed == 0)); then
  echo "test.sh: no test ran (${#trx_files[@]} result file(s) in $RESULTS_DIR)" >&2
  status=1
fi
((failed == 0)) || status=1
[[ -f "$EXTHOST_LEAK_REPORT" ]] && cat "$EXTHOST_LEAK_REPORT"
# The last line of output, always in this form: CI and the README rely on it.
echo "$passed passed, $failed failed"
exit "$status"
