#!/usr/bin/env bash
# Save-to-reload latency of the warm preview (mvn site:run) on the sample site.
# Usage: bash bench/reload-benchmark.sh [edits]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
cp=$(classpath plugin test)
cd "$BENCH_ROOT"
java -cp "$cp" be.socialeinnovatiefabriek.radicale.site.serve.PreviewReloadBenchmark . "${1:-20}"
