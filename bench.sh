#!/usr/bin/env bash
# One command that measures everything (issue 11): builds the test guests when they are missing or
# stale, builds the benchmarks, and runs their `all` command, which prints one table (measure,
# target, figure, ratio, met) and writes it to BenchmarkResults/bench.json and bench.md.
# What each row measures, and how: docs/performance.md, "One command".
#
#   ./bench.sh            # full run: about 4-6 minutes on a 2-core machine
#   ./bench.sh --quick    # fewer samples and shorter rounds: about a minute, noisier
#
# Measure on an otherwise idle machine: the figures share its cores with whatever else runs.
source "$(dirname "${BASH_SOURCE[0]}")/tests/tools/environment.sh"

[[ $# -eq 0 || ($# -eq 1 && "$1" == "--quick") ]] || die "usage: ./bench.sh [--quick]"
command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet not on PATH)"
command -v node >/dev/null || die "Node.js 20 is required (node not on PATH)"

# --- guests --------------------------------------------------------------------------------
# tests/guests/build.sh rebuilds only guests whose sources changed. When one the benchmarks load
# is missing, first the toolchains test.sh installs for them: Debian's Rust and wasi-libc, Go 1.24.
missing=()
for guest in rust-std-event-handler go-event-handler js-event-handler; do
  [[ -f "$EXTHOST_GUESTS_DIR/$guest.wasm" ]] || missing+=("$guest")
done
if ((${#missing[@]} > 0)); then
  echo "==> guests missing (${missing[*]}): installing their toolchains"
  tests/tools/install-apt-packages.sh rustc-web cargo-web rust-web-src lld-22 lld-19 wasi-libc \
    || die "installing the Rust toolchain failed"
  EXTHOST_GOROOT="$(tests/tools/install-go.sh | tail -n 1)" || die "installing Go failed"
  export EXTHOST_GOROOT
fi
echo "==> test guests (tests/guests/build.sh)"
tests/guests/build.sh || die "building the test guests failed"

# --- benchmarks ----------------------------------------------------------------------------
echo "==> dotnet build -c Release tests/Host.Benchmarks"
dotnet build -c Release tests/Host.Benchmarks -nologo -v quiet || die "dotnet build failed"

# The commit measured, in the report; "-dirty" when the work tree has uncommitted changes.
EXTHOST_BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git diff --quiet HEAD 2>/dev/null; then EXTHOST_BENCH_COMMIT+="-dirty"; fi
export EXTHOST_BENCH_COMMIT

echo "==> benchmarks: all $*"
exec dotnet run -c Release --no-build --project tests/Host.Benchmarks -- all "$@"
