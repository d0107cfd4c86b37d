#!/usr/bin/env bash
# Save-to-reload latency of the warm preview (mvn site:run) on the sample site, the baseline commit and this checkout in
# one run: this checkout's PreviewReloadBenchmark (a text edit and a front matter edit, `edits` times each) on each one's
# classes, so that both are measured with the same edits.
# Usage: bash bench/reload-benchmark.sh [edits]
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/classpath.sh"
source "$here/baseline.sh"
edits=${1:-20}
cp_now=$(classpath plugin test)
cp_baseline=$(baseline_classpath plugin test)
cd "$BENCH_ROOT"
# The harness alone (not this checkout's other test classes), put before either build's classes.
harness=target/bench/reload-harness
rm -rf "$harness"
mkdir -p "$harness/be/socialeinnovatiefabriek/radicale/site/serve"
cp plugin/target/test-classes/be/socialeinnovatiefabriek/radicale/site/serve/PreviewReloadBenchmark*.class \
  "$harness/be/socialeinnovatiefabriek/radicale/site/serve/"
echo "baseline: $(git rev-parse --short=10 "$BASELINE"); now: $(git rev-parse --short=10 HEAD)$(git diff --quiet HEAD || echo ' + changes')"
for label in baseline now; do
  cp=cp_$label
  # Only the build's main classes and dependencies: its test classes would bring its own copy of the harness.
  classes=$(echo "${!cp}" | tr ':' '\n' | grep -v '/test-classes$' | paste -sd: -)
  # Each with the flags of its own .mvn/jvm.config, as mvn site:run would run it.
  dir=$BENCH_ROOT
  [[ $label == baseline ]] && dir=$(baseline_dir)
  mapfile -t flags < <(jvm_flags "$dir")
  echo "== $label (JVM flags: ${flags[*]:-none}; load average before $(cut -d' ' -f1-3 /proc/loadavg))"
  java "${flags[@]}" -cp "$harness:$classes" be.socialeinnovatiefabriek.radicale.site.serve.PreviewReloadBenchmark . "$edits" 2> >(grep -v '^SLF4J' >&2)
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
