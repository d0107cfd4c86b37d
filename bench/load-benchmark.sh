#!/usr/bin/env bash
# The vote counter's load benchmark: durable submissions and confirmations per second over HTTP on
# loopback, with the counter as a child JVM, then kill -9 under load and a check that no acknowledged
# vote was lost. Usage: bash bench/load-benchmark.sh [clients=64] [seconds a phase=10] [work dir]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
cp=$(classpath vote-counter test)
cd "$BENCH_ROOT"
exec java ${JAVA_OPTS:-} -cp "$cp" be.socialeinnovatiefabriek.radicale.vote.local.LoadBenchmark "$@"
