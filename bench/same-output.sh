#!/usr/bin/env bash
# Checks that this checkout builds exactly the files the baseline builds (bench/baseline.sh): the sample site
# (content/ + site-template/) in three variants and the build benchmark's corpus, each built with both class
# paths as of one fixed moment, and with this checkout's once more from the cache its first build left, then compared
# with `diff -r`. Prints one line a variant and side; exits 1 on any difference.
# Usage (from anywhere): bash bench/same-output.sh [corpus pages=4000]
set -euo pipefail

N=${1:-4000}
source "$(dirname "${BASH_SOURCE[0]}")/classpath.sh"
source "$(dirname "${BASH_SOURCE[0]}")/baseline.sh"
ROOT=$BENCH_ROOT
WORK="$ROOT/target/bench/same-output"
NOW=$BENCH_NOW
CORPUS="$ROOT/target/bench/corpus-$N"

NOW_CP=$(classpath plugin runtime)
BASE_CP=$(baseline_classpath plugin runtime)
[[ -d "$CORPUS/content" ]] || java "$ROOT/bench/GenerateCorpus.java" "$CORPUS" "$N" "$ROOT/site-template" >/dev/null

# A copy of the sample project, so that the builds' media cache (beside the output) never lands in the checkout.
SAMPLE="$WORK/sample"
rm -rf "$WORK"
mkdir -p "$SAMPLE"
cp -r "$ROOT/content" "$ROOT/site-template" "$SAMPLE/"

# variant name | project | languages | preview | base URL | vote endpoint
VARIANTS=(
  "published|$SAMPLE|nl,fr,en|false|https://radicalevernieuwers.be|"
  "preview|$SAMPLE|nl,fr,en|true|https://radicalevernieuwers.be|"
  "sub-path|$SAMPLE|nl,fr,en|false|https://example.org/campagne/radicaal|https://stem.example.org/api"
  "corpus-$N|$CORPUS|nl|false|https://radicalevernieuwers.be|"
)

status=0
for variant in "${VARIANTS[@]}"; do
  IFS='|' read -r name project languages preview base endpoint <<<"$variant"
  # "now" twice: rendered, then again from the cache the first run left (its Markdown bodies and pages).
  for side in baseline now now-cached; do
    cp_var=NOW_CP
    [[ $side == baseline ]] && cp_var=BASE_CP
    # Each side's outputs are siblings, so that its variants share one cache (.site-cache beside them).
    suffix=""
    [[ $side == now-cached ]] && suffix=-cached
    out="$WORK/${side%-cached}/site-$name$suffix"
    java -cp "${!cp_var}" "$ROOT/bench/BuildSite.java" "$project" "$out" "$languages" "$NOW" "$preview" "$base" $endpoint \
      >"$WORK/$name-$side.log" 2>&1 || { cat "$WORK/$name-$side.log"; echo "$name: the $side build failed"; exit 1; }
  done
  files=$(find "$WORK/now/site-$name" -type f | wc -l)
  for now in "site-$name" "site-$name-cached"; do
    if diff -r "$WORK/baseline/site-$name" "$WORK/now/$now" >"$WORK/$now.diff"; then
      printf '%-20s same: %5d files, byte for byte\n' "${now#site-}" "$files"
    else
      printf '%-20s DIFFERENT (%d lines of diff in %s)\n' "${now#site-}" "$(wc -l <"$WORK/$now.diff")" "$WORK/$now.diff"
      head -20 "$WORK/$now.diff"
      status=1
    fi
  done
done
exit $status
