#!/usr/bin/env bash
# What the proof of work of an edition without e-mail costs a visitor: votes in headless Chromium, from the
# press of the button to the counter's answer. Needs chromium and chromium-driver.
# Usage: bash bench/challenge-benchmark.sh [votes=20]   (VOTE_CHALLENGE_MAX_NUMBER=n to try another difficulty)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
# The counter runs from its jar and lib/ (as the site tests run it): package it, without the tests.
cp=$(classpath site-tests test package)
counter=$(ls "$BENCH_ROOT"/vote-counter/target/vote-counter-*.jar | grep -v -e '-lambda.jar$' -e '^original-' | head -n 1)
cd "$BENCH_ROOT"
exec java -Dsitetests.projectDir="$BENCH_ROOT" -Dsitetests.output="$BENCH_ROOT/site-tests/target" -Dsitetests.counterJar="$counter" \
  -Dorg.freemarker.loggerLibrary=JUL -cp "$cp" be.socialeinnovatiefabriek.radicale.sitetests.ChallengeBenchmark "$@"
