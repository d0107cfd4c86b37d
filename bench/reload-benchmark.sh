#!/usr/bin/env bash
# Save-to-reload latency of the warm preview (mvn site:run) on the sample site.
# Usage: bash bench/reload-benchmark.sh [edits]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -f plugin/pom.xml test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -ntp -f plugin/pom.xml dependency:build-classpath -Dmdep.outputFile="$cp_file" -DincludeScope=test
java -cp "plugin/target/test-classes:plugin/target/classes:$(cat "$cp_file")" \
  be.socialeinnovatiefabriek.radicale.site.serve.PreviewReloadBenchmark . "${1:-20}"
