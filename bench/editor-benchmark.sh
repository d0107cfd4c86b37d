#!/usr/bin/env bash
# The browser editor's save: answered (merge, check, write) and save-to-reload, in a warm preview of the sample site.
# Usage: bash bench/editor-benchmark.sh [saves]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
cp=$(classpath plugin test)
cd "$BENCH_ROOT"
java -cp "$cp" be.socialeinnovatiefabriek.radicale.site.editor.EditorSaveBenchmark . "${1:-20}"
