#!/bin/sh
# Many voters confirming at once for one nominee on DynamoDB Local: an exact total over the tally shards.
# Usage: vote-counter/bench/dynamodb-benchmark.sh [confirmations=20000] [threads=64]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
mvn -q -B -ntp -o -pl vote-counter test-compile
mvn -q -B -ntp -o -pl vote-counter dependency:build-classpath -Dmdep.outputFile="$here/target/bench.classpath" >/dev/null
cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/bench.classpath")"
export DDB_LOCAL_TELEMETRY=0
exec java -cp "$cp" be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbTallyBenchmark "$@"
