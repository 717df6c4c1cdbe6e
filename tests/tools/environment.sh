# Sourced by the repository's entry scripts (test.sh, bench.sh): strict mode, the repository root
# as the working directory, a quiet .NET CLI, and where the tests and benchmarks find the guests
# tests/guests/build.sh builds. Defines `die` with the calling script's name.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Tests and benchmarks load the components built by tests/guests/build.sh from here (they fall
# back to walking up to tests/guests/out).
export EXTHOST_GUESTS_DIR="$REPO_ROOT/tests/guests/out"

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}
