#!/bin/sh
# A radio call's minute on the local counter: distinct vote submissions at a steady rate (open loop, latency
# from each request's due time) with real SMTP on loopback, then the time until every mail has arrived.
# Usage: vote-counter/bench/burst-benchmark.sh [submissions=50000] [per second=834] [connections=1000] [work dir]
# JAVA_OPTS may set the counter's environment: -Dcounter.env.VOTE_MAIL_PER_SECOND=500
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
mvn -q -B -ntp -o -pl vote-counter test-compile
mvn -q -B -ntp -o -pl vote-counter dependency:build-classpath -Dmdep.outputFile="$here/target/bench.classpath" >/dev/null
cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/bench.classpath")"
exec java ${JAVA_OPTS:-} -cp "$cp" be.socialeinnovatiefabriek.radicale.vote.local.BurstBenchmark "$@"
