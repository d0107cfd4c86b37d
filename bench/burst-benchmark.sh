#!/usr/bin/env bash
# A radio call's minute on the local counter: distinct vote submissions at a steady rate (open loop, latency from
# each request's due time) with a real SMTP server on loopback, then the time until every mail has arrived.
# Usage: bash bench/burst-benchmark.sh [submissions=50000] [per second=834] [connections=800] [work dir]
# JAVA_OPTS reaches this JVM: -Dcounter.env.VOTE_MAIL_PER_SECOND=500 sets the counter's environment,
# -Dcounter.jvmOptions=... the counter's JVM options.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
cp=$(classpath vote-counter test)
cd "$BENCH_ROOT"
exec java ${JAVA_OPTS:-} -cp "$cp" be.socialeinnovatiefabriek.radicale.vote.local.BurstBenchmark "$@"
