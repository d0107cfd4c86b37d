#!/usr/bin/env bash
# The vote counter's load benchmark: durable submissions and confirmations per second over HTTP on
# loopback, with the counter as a child JVM, then kill -9 under load and a check that no acknowledged
# vote was lost; the same load on the baseline's counter (bench/baseline.sh) and on this checkout's, in one run.
# Usage: bash bench/load-benchmark.sh [clients=64] [seconds a phase=10] [work dir]
#   BASELINE=<commit>  the build to compare with (default in bench/baseline.sh); NO_BASELINE=1 runs this build only
#   JDK_CLIENT=1       also runs the phases with the JDK HttpClient as the load generator
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
source "$(dirname "${BASH_SOURCE[0]}")/baseline.sh"
cp=$(classpath vote-counter test)
options=()
if [[ -z ${NO_BASELINE:-} ]]; then
  options+=("-Dcounter.baseline.classpath=$(baseline_classpath vote-counter runtime)"
    "-Dcounter.baseline.name=$(git -C "$BENCH_ROOT" rev-parse --short=7 "$BASELINE")")
fi
[[ -n ${JDK_CLIENT:-} ]] && options+=("-Dload.jdkClient=true")
cd "$BENCH_ROOT"
exec java ${JAVA_OPTS:-} "${options[@]}" -cp "$cp" be.socialeinnovatiefabriek.radicale.vote.local.LoadBenchmark "$@"
