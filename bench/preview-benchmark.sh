#!/usr/bin/env bash
# First start of the preview (mvn site:run) with an empty cache (a fresh clone), then a second start on what the first
# left (media, Markdown bodies and pages cached), for the baseline commit and this checkout in one run.
# Usage: bash bench/preview-benchmark.sh [runs]
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/classpath.sh"
source "$here/baseline.sh"
runs=${1:-3}
cd "$BENCH_ROOT"
work=target/bench/preview
mkdir -p "$work/harness"
javac -d "$work/harness" bench/PreviewStart.java

declare -A plugin_cp counter_cp
plugin_cp[now]=$(classpath plugin runtime)
counter_cp[now]=$(classpath vote-counter runtime)
plugin_cp[baseline]=$(baseline_classpath plugin runtime)
counter_cp[baseline]=$(baseline_classpath vote-counter runtime)
for label in baseline now; do
  echo "${counter_cp[$label]}" > "$work/counter-$label.classpath"
done

# Each side with the flags of its own .mvn/jvm.config, as mvn site:run would run it.
declare -A jvm_flags_of
jvm_flags_of[now]=$(jvm_flags "$BENCH_ROOT" | tr '\n' ' ')
jvm_flags_of[baseline]=$(jvm_flags "$(baseline_dir)" | tr '\n' ' ')
echo "JVM flags: baseline ${jvm_flags_of[baseline]:-none}; now ${jvm_flags_of[now]:-none}"
# One port for every run (each stops its server before the next starts), so that the sites they leave can be compared.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "baseline: $(git rev-parse --short=10 "$BASELINE"); now: $(git rev-parse --short=10 HEAD)$(git diff --quiet HEAD || echo ' + changes')"
declare -A page api media
for run in $(seq 1 "$runs"); do
  for label in baseline baseline-again now now-again; do
    side=${label%-again}
    dir="$work/$side"
    if [[ $label == "$side" ]]; then
      rm -rf "$dir"   # the site, its cache (.site-cache beside it) and the votes: a fresh clone
      mkdir -p "$dir"
    fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    flags=${jvm_flags_of[$side]}
    line=$(java $flags -cp "${plugin_cp[$side]}:$work/harness" PreviewStart . "$dir" "$work/counter-$side.classpath" "$port" 2>"$dir.log")
    read -r p a m < <(echo "$line" | sed -E 's/first page ([0-9]+) ms, \/api\/ ([0-9]+) ms, media ([0-9]+) ms/\1 \2 \3/')
    printf 'run %d %-14s  load %5s  first page %6d ms  /api/ %6d ms  all media %6d ms\n' "$run" "$label" "$load" "$p" "$a" "$m"
    page[$label]+="$p "; api[$label]+="$a "; media[$label]+="$m "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }
echo
echo "median of $runs runs, ms from the JVM's start (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-15s %11s %11s %11s\n' build "first page" "/api/" "all media"
for label in baseline now baseline-again now-again; do
  printf '%-15s %11s %11s %11s\n' "$label" "$(echo "${page[$label]}" | median)" "$(echo "${api[$label]}" | median)" "$(echo "${media[$label]}" | median)"
done

# What the visitor gets once every medium is drawn: the same site, byte for byte.
if diff -rq "$work/baseline/site-preview" "$work/now/site-preview" >/dev/null; then
  echo "the last runs' preview sites (pages, images, posters): identical"
else
  echo "the last runs' preview sites differ:"; diff -rq "$work/baseline/site-preview" "$work/now/site-preview" | head -20
fi
