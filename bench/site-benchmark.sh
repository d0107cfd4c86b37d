#!/usr/bin/env bash
# Site benchmark: the plugin's part of `mvn site` on the sample site (content/ + site-template/, three languages)
# with a warm media cache, for the baseline (bench/baseline.sh) and this checkout in the same run; then the wall
# time of a real `mvn -o site` with the plugin installed in the local repository.
# Usage (from anywhere): bash bench/site-benchmark.sh [runs=5]; MVN_SITE=0 skips the real `mvn site`.
set -euo pipefail

RUNS=${1:-5}
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
source "$(dirname "${BASH_SOURCE[0]}")/baseline.sh"
ROOT=$BENCH_ROOT
WORK="$ROOT/target/bench/site"
MAIN=be.socialeinnovatiefabriek.radicale.site.build.BuildCommand
NOW=$BENCH_NOW
NOW_CP=$(classpath plugin runtime)
BASE_CP=$(baseline_classpath plugin runtime)
# The flags Maven's own JVM gets from each side's project (.mvn/jvm.config), as the plugin runs inside it.
mapfile -t NOW_FLAGS < <(jvm_flags "$ROOT")
mapfile -t BASE_FLAGS < <(jvm_flags "$(baseline_dir)")
# Snapshots, so that a rebuild of plugin/target during the run does not change the code under test.
rm -rf "$WORK"
mkdir -p "$WORK/project"
cp -r "$ROOT/plugin/target/classes" "$WORK/classes"
NOW_CP="$WORK/classes:${NOW_CP#*:}"
cp -r "$ROOT/content" "$ROOT/site-template" "$WORK/project/"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# build <side>: one build of the sample site in a fresh JVM into $WORK/<side>/site (its cache beside it: media,
# Markdown bodies, pages); side "rendering" is this checkout without the last run's bodies and pages (media cached):
# what a build costs when every page must be rendered. Prints "<wall ms> <in-JVM ms>".
build() {
  local side=$1 cp_var=NOW_CP start end log="$WORK/$1.log" flags=()
  if [[ $side == baseline ]]; then
    cp_var=BASE_CP
    flags=(${BASE_FLAGS[@]+"${BASE_FLAGS[@]}"})
  else
    flags=(${NOW_FLAGS[@]+"${NOW_FLAGS[@]}"})
  fi
  [[ $side == rendering ]] && rm -f "$WORK/$side/.site-cache/pages.pack" "$WORK/$side/.site-cache/markdown.pack"
  start=$(now_ms)
  java ${flags[@]+"${flags[@]}"} -cp "${!cp_var}" "$MAIN" "$WORK/project" nl,fr,en "$WORK/$side/site" "$NOW" >"$log" 2>&1 \
    || { cat "$log" >&2; echo "$side: build failed" >&2; exit 1; }
  end=$(now_ms)
  echo "$((end - start)) $(sed -n 's/^Built .* in \([0-9]*\) ms;.*/\1/p' "$log")"
}

echo "== machine: $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg), java $(java -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }')"
echo "   JVM flags (each side's .mvn/jvm.config): baseline ${BASE_FLAGS[*]:-(none)}; now ${NOW_FLAGS[*]:-(none)}"
echo "== warm-up: one build each, which fills its media cache (not timed)"
for side in baseline now rendering; do
  build "$side" >/dev/null
  echo "   $side: $(grep '^Built' "$WORK/$side.log")"
done

declare -A WALL BUILT
for ((i = 1; i <= RUNS; i++)); do
  for side in baseline now rendering; do # alternated, so that a change of load hits them all
    read -r wall built < <(build "$side")
    WALL[$side]+="$wall "
    BUILT[$side]+="$built "
    printf '  %-8s run %d: %6d ms wall (fresh JVM), plugin says "Built ... in %s ms"\n' "$side" "$i" "$wall" "$built"
  done
done

MVN_MS="" MVN_BUILT=""
if [[ "${MVN_SITE:-1}" == 1 ]]; then
  echo "== mvn -o site with the installed plugin (the local repository's, not necessarily this checkout's), $RUNS runs after one warm-up"
  mvn -o -B -q -f "$ROOT/pom.xml" site >/dev/null 2>&1 || true
  times=() builts=()
  for ((i = 1; i <= RUNS; i++)); do
    start=$(now_ms)
    mvn -o -B -f "$ROOT/pom.xml" site >"$WORK/mvn.log" 2>&1 || { tail -30 "$WORK/mvn.log"; echo "mvn site failed"; exit 1; }
    end=$(now_ms)
    built=$(sed -n 's/.*Built .* in \([0-9]*\) ms;.*/\1/p' "$WORK/mvn.log")
    times+=($((end - start))); builts+=("$built")
    printf '  mvn site run %d: %6d ms wall, plugin says "Built ... in %s ms"\n' "$i" "$((end - start))" "$built"
  done
  MVN_MS=$(printf '%s\n' "${times[@]}" | median)
  MVN_BUILT=$(printf '%s\n' "${builts[@]}" | median)
fi

echo
echo "== sample site, warm cache (rendering: media only, every page rendered), median of $RUNS runs ($(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-34s %12s %12s\n' variant "built ms" "wall ms"
for side in baseline now rendering; do
  printf '%-34s %12s %12s\n' "$side (BuildCommand, fresh JVM)" "$(tr ' ' '\n' <<<"${BUILT[$side]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${WALL[$side]}" | grep . | median)"
done
[[ -n "$MVN_MS" ]] && printf '%-34s %12s %12s\n' "mvn -o site (installed plugin)" "$MVN_BUILT" "$MVN_MS"
exit 0
