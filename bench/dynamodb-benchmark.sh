#!/usr/bin/env bash
# Many voters confirming at once for one nominee on DynamoDB Local (in process): every confirmation counted once,
# and the tally, summed over its shards, exact. Usage: bash bench/dynamodb-benchmark.sh [confirmations=20000] [threads=64]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
cp=$(classpath vote-counter test)
cd "$BENCH_ROOT"
export DDB_LOCAL_TELEMETRY=0
exec java ${JAVA_OPTS:-} -cp "$cp" be.socialeinnovatiefabriek.radicale.vote.store.DynamoDbTallyBenchmark "$@"
