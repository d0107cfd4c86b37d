#!/bin/sh
# The vote counter's load benchmark: durable submissions and confirmations per second over HTTP on
# loopback, with the counter as a child JVM, then kill -9 under load and a check that no acknowledged
# vote was lost. Usage: vote-counter/bench/load-benchmark.sh [clients=64] [seconds a phase=10] [work dir]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
mvn -q -B -ntp -pl vote-counter test-compile
mvn -q -B -ntp -pl vote-counter dependency:build-classpath -Dmdep.outputFile="$here/target/bench.classpath" >/dev/null
cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/bench.classpath")"
exec java ${JAVA_OPTS:-} -cp "$cp" be.socialeinnovatiefabriek.radicale.vote.local.LoadBenchmark "$@"
