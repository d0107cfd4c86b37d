#!/usr/bin/env bash
# Build benchmark: N flat pages (one language, ~1.7 KB of Markdown each) built in a fresh JVM, R times,
# wall time measured outside the JVM; the same with the baseline's classes (bench/baseline.sh), with AppCDS,
# flexmark alone on the same bodies (bench/MarkdownOnly.java), then Hugo on the same corpus if it is on the PATH;
# with JAVA_AOT=<the java of a JDK 24 or later>, also on that JVM with an AOT cache.
# Usage (from anywhere): bash bench/build-benchmark.sh [N=4000] [runs=5]
set -euo pipefail

N=${1:-4000}
RUNS=${2:-5}
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
source "$(dirname "${BASH_SOURCE[0]}")/baseline.sh"
ROOT=$BENCH_ROOT
WORK="$ROOT/target/bench"
DIR="$WORK/corpus-$N"
PLUGIN="$ROOT/plugin"
CLASSES="$PLUGIN/target/classes"
# The plugin's jar, whatever the project's version (not its sources or javadoc jar).
PLUGIN_JAR=$(ls -t "$PLUGIN"/target/campaign-site-maven-plugin-*.jar 2>/dev/null | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' | head -1 || true)
MAIN=be.socialeinnovatiefabriek.radicale.site.build.BuildCommand
NOW=$BENCH_NOW
JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC)

mkdir -p "$WORK"

# --- classpath ---------------------------------------------------------------------------------
# Runtime scope: what the generator needs without Maven (no Maven API, no JUnit); compiles the plugin first.
DEPS=$(dependencies plugin runtime)
DEPS_FILE="$WORK/dependencies.classpath"
echo "$DEPS" > "$DEPS_FILE"
# The baseline: the project as of an earlier commit, compiled beside this checkout (BASELINE overrides it).
BASE_CP=$(baseline_classpath plugin runtime)

# Others may rebuild plugin/target while this runs: take a snapshot of the classes (and of the jar)
# under target/bench, so that every run of both variants executes the same code.
SNAP_CLASSES="$WORK/classes"
rm -rf "$SNAP_CLASSES"
cp -r "$CLASSES" "$SNAP_CLASSES"
[[ -f "$SNAP_CLASSES/be/socialeinnovatiefabriek/radicale/site/build/BuildCommand.class" ]] \
  || { echo "plugin/target/classes has no BuildCommand.class (a build in progress?); run again"; exit 1; }

# AppCDS archives classes from jars only (a non-empty directory on the classpath disables it).
# Use the plugin JAR when it holds the current classes; otherwise pack target/classes into a jar here,
# so that both variants run the same code.
CDS_JAR="$WORK/plugin.jar"
rm -f "$CDS_JAR"
if [[ -n "$PLUGIN_JAR" && -f "$PLUGIN_JAR" && -z "$(find "$CLASSES" -type f -newer "$PLUGIN_JAR" -print -quit)" ]]; then
  cp "$PLUGIN_JAR" "$CDS_JAR"
  echo "AppCDS runs from a copy of $(basename "$PLUGIN_JAR")"
else
  jar --create --file "$CDS_JAR" -C "$SNAP_CLASSES" .
  echo "note: the plugin's jar is missing or older than target/classes; AppCDS runs from target/classes packed into $CDS_JAR"
fi

# --- corpus ------------------------------------------------------------------------------------
# The last build's files are moved aside, not deleted, and deleted when the benchmark ends: on a file system without a
# journal (as here), ext4 does not reuse an inode freed in the last minute and scans past each one when it makes a
# file, so a build right after deleting 8,000 files and folders paid for them in kernel time (a second and more,
# for either side) and measured the disk's reaction to this script's own deletion rather than the build. The last
# corpus goes aside the same way before the new one is written.
TRASH="$WORK/trash-$N"
rm -rf "$TRASH"
mkdir -p "$TRASH"
trap 'rm -rf "$TRASH"' EXIT
TRASHED=0
empty_output() {
  local old
  for old in "$1" "$(dirname "$1")/.site-cache"; do
    if [[ -e "$old" ]]; then
      TRASHED=$((TRASHED + 1))
      mv "$old" "$TRASH/$TRASHED"
    fi
  done
}

[[ -e "$DIR" ]] && mv "$DIR" "$TRASH/corpus"
echo "== corpus: $N pages in $DIR"
java "$ROOT/bench/GenerateCorpus.java" "$DIR" "$N" "$ROOT/site-template"

# --- helpers -----------------------------------------------------------------------------------
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

median() { # numbers on stdin, one a line
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Percentage of CPU time idle over the next second, from /proc/stat.
idle_pct() {
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $(( total > 0 ? 100 * ((b[4] - a[4]) + (b[5] - a[5])) / total : 100 ))
}

# With QUIET=1 (for a shared machine): before each timed run, wait up to 120 s for the CPUs to be
# at least 85% idle over one second, so that other jobs do not end up in the figures.
wait_quiet() {
  [[ "${QUIET:-0}" == 1 ]] || return 0
  local waited=0
  while (( $(idle_pct) < 85 && waited < 120 )); do waited=$((waited + 1)); done
  (( waited < 120 )) || echo "  (the machine did not become idle; measuring anyway)"
}

# Variants are measured in rounds: each round runs every variant once, in turn, so that a change in the load of a
# shared machine hits all of them alike. variant <label> <output dir> <command...> registers one.
LABELS=()
declare -A OUT CMD TIMES CPUS USERS
variant() {
  local label=$1 out=$2
  shift 2
  LABELS+=("$label")
  OUT[$label]=$out
  CMD[$label]=$(printf '%q ' "$@")
}

# run_once <label> <round>: one build into an emptied output folder (the emptying is not timed).
# Every build starts without the last one's cache (.site-cache beside the output: Markdown bodies and pages), as
# Hugo keeps none between builds: these figures are for rendering every page.

run_once() {
  local label=$1 round=$2 log="$WORK/last-run.log" cpu_file="$WORK/last-run.cpu" start end cpu=""
  empty_output "${OUT[$label]}"
  sync
  wait_quiet
  start=$(now_ms)
  if [[ -x /usr/bin/time ]]; then
    eval "/usr/bin/time -o \"\$cpu_file\" -f '%U %S' ${CMD[$label]}" >"$log" 2>&1 || { cat "$log"; echo "$label: run $round failed"; exit 1; }
    end=$(now_ms)
    cpu=$(awk 'END { printf "%d", ($1 + $2) * 1000 }' "$cpu_file")
    CPUS[$label]+="$cpu "
    USERS[$label]+="$(awk 'END { printf "%d", $1 * 1000 }' "$cpu_file") "
  else
    eval "${CMD[$label]}" >"$log" 2>&1 || { cat "$log"; echo "$label: run $round failed"; exit 1; }
    end=$(now_ms)
  fi
  TIMES[$label]+="$((end - start)) "
  printf '  %-10s run %d: %6d ms wall %8s   %s\n' "$label" "$round" "$((end - start))" "${cpu:+${cpu} ms cpu}" \
    "$(grep -E '^(Built|pages/s|Markdown only)' "$log" | tr '\n' ' ' || true)"
}

# measure: one untimed round (page cache, archives), then RUNS timed rounds.
measure() {
  local label round
  echo "== warm-up round (not timed)"
  for label in "${LABELS[@]}"; do
    empty_output "${OUT[$label]}"
    eval "${CMD[$label]}" >"$WORK/last-run.log" 2>&1 || { cat "$WORK/last-run.log"; echo "$label: warm-up run failed"; exit 1; }
  done
  for ((round = 1; round <= RUNS; round++)); do
    echo "== round $round (load average $(cut -d' ' -f1 /proc/loadavg))"
    for label in "${LABELS[@]}"; do
      run_once "$label" "$round"
    done
  done
}

wall_of() { tr ' ' '\n' <<<"${TIMES[$1]}" | grep . | median; }
cpu_of() { if [[ -n "${CPUS[$1]:-}" ]]; then tr ' ' '\n' <<<"${CPUS[$1]}" | grep . | median; else echo "-"; fi; }
user_of() { if [[ -n "${USERS[$1]:-}" ]]; then tr ' ' '\n' <<<"${USERS[$1]}" | grep . | median; else echo "-"; fi; }
pages_of() { { find "${OUT[$1]}" -name '*.html' 2>/dev/null || true; } | wc -l; }

pages_per_s() { awk -v p="$1" -v ms="$2" 'BEGIN { printf "%.0f", p / (ms / 1000) }'; }

echo "== machine: $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), java $(java -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }')"

# --- the variants ------------------------------------------------------------------------------
echo "== java: java ${JVM_FLAGS[*]} -cp target/classes(snapshot):<deps> BuildCommand $DIR nl $DIR/out"
variant java "$DIR/out" java "${JVM_FLAGS[@]}" -cp "$SNAP_CLASSES:$DEPS" "$MAIN" "$DIR" nl "$DIR/out" "$NOW"

echo "== baseline $(git -C "$ROOT" rev-parse --short "$BASELINE"): java ${JVM_FLAGS[*]} -cp <baseline classes>:<its deps> BuildCommand $DIR nl $DIR/out-baseline"
variant baseline "$DIR/out-baseline" java "${JVM_FLAGS[@]}" -cp "$BASE_CP" "$MAIN" "$DIR" nl "$DIR/out-baseline" "$NOW"

JSA="$DIR/app.jsa"
rm -f "$JSA"
echo "== java+cds: archiving the classes of one build (-XX:ArchiveClassesAtExit) from $(basename "$CDS_JAR")"
java "${JVM_FLAGS[@]}" -XX:ArchiveClassesAtExit="$JSA" -cp "$CDS_JAR:$DEPS" "$MAIN" "$DIR" nl "$DIR/out-cds" "$NOW" >"$WORK/cds-dump.log" 2>&1 \
  || { cat "$WORK/cds-dump.log"; echo "archive run failed"; exit 1; }
echo "   archive: $(du -h "$JSA" | cut -f1); java ${JVM_FLAGS[*]} -XX:SharedArchiveFile=app.jsa -cp $(basename "$CDS_JAR"):<deps> BuildCommand ..."
variant java+cds "$DIR/out-cds" java "${JVM_FLAGS[@]}" -XX:SharedArchiveFile="$JSA" -Xshare:auto -cp "$CDS_JAR:$DEPS" "$MAIN" "$DIR" nl "$DIR/out-cds" "$NOW"

# On a newer JVM with an AOT cache (JDK 24 and later), when JAVA_AOT names that java.
if [[ -n "${JAVA_AOT:-}" ]]; then
  AOT="$DIR/app.aot"
  AOT_VERSION=$("$JAVA_AOT" -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }')
  rm -f "$AOT"
  echo "== java+aot: one build with -XX:AOTCacheOutput on java $AOT_VERSION"
  "$JAVA_AOT" "${JVM_FLAGS[@]}" -XX:AOTCacheOutput="$AOT" -cp "$CDS_JAR:$DEPS" "$MAIN" "$DIR" nl "$DIR/out-aot" "$NOW" >"$WORK/aot-dump.log" 2>&1 \
    || { cat "$WORK/aot-dump.log"; echo "AOT training run failed"; exit 1; }
  echo "   cache: $(du -h "$AOT" | cut -f1); \$JAVA_AOT ${JVM_FLAGS[*]} -XX:AOTCache=app.aot -cp $(basename "$CDS_JAR"):<deps> BuildCommand ..."
  variant java+aot "$DIR/out-aot" "$JAVA_AOT" "${JVM_FLAGS[@]}" -XX:AOTCache="$AOT" -cp "$CDS_JAR:$DEPS" "$MAIN" "$DIR" nl "$DIR/out-aot" "$NOW"
fi

# The floor: flexmark-java alone, as the build configures it, on every body of the corpus (bench/MarkdownOnly.java),
# nothing else done and nothing written: what the Markdown library itself costs a fresh JVM.
FLOOR_CLASSES="$WORK/markdown-only"
rm -rf "$FLOOR_CLASSES"
javac -d "$FLOOR_CLASSES" -cp "$SNAP_CLASSES:$DEPS" "$ROOT/bench/MarkdownOnly.java"
echo "== markdown: java ${JVM_FLAGS[*]} -cp <MarkdownOnly>:target/classes(snapshot):<deps> MarkdownOnly $DIR (flexmark alone, nothing written)"
variant markdown "$DIR/out-markdown" java "${JVM_FLAGS[@]}" -cp "$FLOOR_CLASSES:$SNAP_CLASSES:$DEPS" MarkdownOnly "$DIR"

HUGO=0
if command -v hugo >/dev/null 2>&1; then
  HUGO=1
  echo "== hugo: $(hugo version | cut -d' ' -f1-2) --quiet -s $DIR/hugo -d $DIR/hugo-out"
  variant hugo "$DIR/hugo-out" hugo --quiet -s "$DIR/hugo" -d "$DIR/hugo-out"
else
  echo "== hugo is not on the PATH: no side-by-side"
fi

measure

# --- summary -------------------------------------------------------------------------------------
BASE_MS=$(wall_of baseline)
HUGO_MS=""
(( HUGO )) && HUGO_MS=$(wall_of hugo)
echo
echo "== $N pages, median of $RUNS rounds, wall time measured outside the process ($(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-26s %8s %8s %8s %7s %9s %8s %8s\n' variant "wall ms" "cpu ms" "user ms" pages "pages/s" "vs base" "vs hugo"
row() { # label variant
  local wall ratio="-" base pages
  wall=$(wall_of "$2")
  pages=$(pages_of "$2")
  [[ -n "$HUGO_MS" ]] && ratio=$(awk -v a="$wall" -v b="$HUGO_MS" 'BEGIN { printf "%.2fx", a / b }')
  base=$(awk -v a="$wall" -v b="$BASE_MS" 'BEGIN { printf "%.2fx", a / b }')
  local rate
  rate=$(pages_per_s "$pages" "$wall")
  (( pages > 0 )) || { pages="-"; rate="-"; }
  printf '%-26s %8s %8s %8s %7s %9s %8s %8s\n' "$1" "$wall" "$(cpu_of "$2")" "$(user_of "$2")" "$pages" "$rate" "$base" "$ratio"
}
row "baseline (C1, ParallelGC)" baseline
row "java (C1, ParallelGC)" java
row "java + AppCDS" java+cds
row "flexmark alone, no output" markdown
[[ -n "${JAVA_AOT:-}" ]] && row "java ${AOT_VERSION%%.*} + AOT cache" java+aot
(( HUGO )) && row "hugo" hugo
line="side by side (median wall):"
for label in "${LABELS[@]}"; do line+=" $label $(wall_of "$label") ms |"; done
echo "${line% |}"
