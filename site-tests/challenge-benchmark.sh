#!/bin/sh
# What the proof of work of an edition without e-mail costs a visitor: votes in headless Chromium, from the
# press of the button to the counter's answer. Needs chromium and chromium-driver.
# Usage: site-tests/challenge-benchmark.sh [votes=20]   (VOTE_CHALLENGE_MAX_NUMBER=n to try another difficulty)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
# One reactor run, so that the plugin and the counter come from this checkout, not from an older install.
# The counter runs from its jar and lib/ (as the site tests run it): package it, without the tests.
mvn -q -B -ntp ${MAVEN_OPTS_OFFLINE:-} -pl site-tests -am package dependency:build-classpath -DskipTests -DskipITs \
  -Dmdep.outputFile="$here/target/bench.classpath" >/dev/null
cp="$here/target/test-classes:$(cat "$here/target/bench.classpath")"
counter=$(ls "$root"/vote-counter/target/vote-counter-*.jar | grep -v -e '-lambda.jar$' -e '^original-' | head -n 1)
exec java -Dsitetests.projectDir="$root" -Dsitetests.output="$here/target" -Dsitetests.counterJar="$counter" \
  -Dorg.freemarker.loggerLibrary=JUL -cp "$cp" be.socialeinnovatiefabriek.radicale.sitetests.ChallengeBenchmark "$@"
