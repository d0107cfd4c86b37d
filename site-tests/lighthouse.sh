#!/usr/bin/env bash
# Scores the sample site with Lighthouse (pinned in package.json) in the system Chromium, offline:
# the home page, a nominee's profile and the vote page, in every language, as a visitor gets them
# from `mvn site:run` with its local vote counter (the vote page asks the counter for its phase).
# Targets: 100 for accessibility, best practices and SEO, at least 95 for performance. Prints the
# scores per page and fails naming every audit that keeps a category under its target.
#
# Performance is Lighthouse's simulated (Lantern) mobile score; on a busy 2-core machine a single run
# can dip, so a page whose performance is under target is run again, up to RUNS times (default 3),
# and its best performance counts. The other three categories must hold on the first run.
#
# Needs: Node 20+ with npm, Chromium at $CHROME_PATH (default: $CHROME_BIN as the browser tests use it,
# else /usr/bin/chromium), and the plugin installed
# (`mvn install`). Usage: bash site-tests/lighthouse.sh [path ...]   (paths such as /nl/)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target/lighthouse"
now="${SITE_NOW:-2026-11-20T12:00+01:00}"
runs="${RUNS:-3}"
export CHROME_PATH="${CHROME_PATH:-${CHROME_BIN:-/usr/bin/chromium}}"
chrome_flags="--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
--disable-component-update --disable-sync --disable-default-apps"

if [ $# -gt 0 ]; then
  pages=("$@")
else
  pages=()
  for lang in nl fr en; do
    pages+=("/$lang/" "/$lang/innovators/papillon/" "/$lang/campaigns/2026/vote/")
  done
fi

# Lighthouse's launcher would quietly look elsewhere for a browser; say so instead.
[ -x "$CHROME_PATH" ] || { echo "No Chromium at $CHROME_PATH; install it (apt-get install chromium) or set CHROME_PATH" >&2; exit 1; }

command -v npm >/dev/null || { echo "No npm: Lighthouse needs Node 20+ with npm (apt-get install nodejs npm)" >&2; exit 1; }

start=$SECONDS
# `mvn install` installs axe-core alone (npm ci --omit=dev); install everything only when Lighthouse is
# missing or the lock file changed since the last install.
if [ ! -x "$here/node_modules/.bin/lighthouse" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
rm -rf "$out"
mkdir -p "$out"

port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
origin="http://localhost:$port"

# The preview in its own process group, so that the trap stops Maven and the counter it started.
cd "$root"
setsid mvn -B -q -o site:run -Dport="$port" -Dsite.now="$now" -Dsite.liveReload=false \
  -Dsite.votesDirectory="$out/votes" >"$out/preview.log" 2>&1 &
preview=$!
stop_preview() { kill -TERM -- "-$preview" 2>/dev/null || true; wait "$preview" 2>/dev/null || true; }
trap stop_preview EXIT
trap 'exit 130' INT TERM

# Up to 3 minutes: the preview builds the whole site (photos included) before it listens.
for _ in $(seq 1 360); do
  if curl -sf -o /dev/null "$origin/api/campaigns/2026"; then break; fi
  if ! kill -0 "$preview" 2>/dev/null; then
    echo "The preview stopped before it answered (is the plugin installed? run 'mvn install' first); its log:" >&2
    cat "$out/preview.log" >&2
    exit 1
  fi
  sleep 0.5
done
curl -sf -o /dev/null "$origin/api/campaigns/2026" || { echo "The preview's counter does not answer on $origin/api/" >&2; exit 1; }

# One Lighthouse run of page $1 into report $2.json, in a fresh Chromium profile.
lighthouse_run() {
  local profile
  profile="$(mktemp -d)"
  "$here/node_modules/.bin/lighthouse" "$origin$1" --quiet --output=json --output-path="$2.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="$chrome_flags --user-data-dir=$profile" --max-wait-for-load=30000 || true
  rm -rf "$profile"
}

# The categories of report $1 as "performance accessibility best-practices seo", 0-100 each.
scores() {
  node -e 'const r = require(process.argv[1]); const c = r.categories || {};
    console.log(["performance", "accessibility", "best-practices", "seo"]
      .map(id => c[id] && c[id].score !== null ? Math.round(c[id].score * 100) : 0).join(" "));' "$1"
}

failed=0
printf '%-32s %5s %5s %5s %5s  %s\n' page perf a11y bp seo "perf runs" | tee "$out/scores.txt"
for page in "${pages[@]}"; do
  name="$(echo "$page" | sed 's#^/##; s#/$##; s#/#-#g')"
  name="${name:-root}"
  best=""
  first=""
  perf_runs=()
  for run in $(seq 1 "$runs"); do
    lighthouse_run "$page" "$out/$name-$run"
    if [ ! -s "$out/$name-$run.json" ]; then
      echo "Lighthouse wrote no report for $page" >&2
      perf_runs+=(x)
      continue
    fi
    read -r perf a11y bp seo <<<"$(scores "$out/$name-$run.json")"
    perf_runs+=("$perf")
    if [ -z "$best" ]; then
      best="$name-$run"
      first="$name-$run"
      shown=("$perf" "$a11y" "$bp" "$seo")
    elif [ "$perf" -gt "${shown[0]}" ]; then
      best="$name-$run"
      shown[0]="$perf"
    fi
    if [ "${shown[0]}" -ge 95 ]; then break; fi
  done
  if [ -z "$best" ]; then
    printf '%-32s %5s %5s %5s %5s  %s\n' "$page" - - - - "no report" | tee -a "$out/scores.txt"
    failed=1
    continue
  fi
  printf '%-32s %5s %5s %5s %5s  %s\n' "$page" "${shown[@]}" "${perf_runs[*]}" | tee -a "$out/scores.txt"
  # Audits that keep a category under target: performance from the best run, the others from the first.
  if ! node -e '
    const [best, first] = process.argv.slice(1).map(f => require(f));
    const targets = { performance: 0.95, accessibility: 1, "best-practices": 1, seo: 1 };
    let ok = true;
    for (const report of new Set([first, best])) {
      if (report.runtimeError) console.log(`    ${report.runtimeError.code}: ${report.runtimeError.message}`);
    }
    for (const [id, target] of Object.entries(targets)) {
      const report = id === "performance" ? best : first;
      const category = report.categories[id];
      if (category && category.score !== null && category.score >= target) continue;
      ok = false;
      for (const ref of (category ? category.auditRefs : [])) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative") {
          console.log(`    ${id}: ${audit.id} (${audit.score}) ${audit.title}${audit.displayValue ? " - " + audit.displayValue : ""}`);
        }
      }
    }
    process.exit(ok ? 0 : 1);' "$out/$best.json" "$out/$first.json" | tee -a "$out/scores.txt"; then
    failed=1
  fi
done

echo "Reports in $out ($((SECONDS - start)) s; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
if [ "$failed" -ne 0 ]; then
  echo "Lighthouse: a page is under target (100 accessibility, best practices, SEO; 95 performance)" >&2
  exit 1
fi
echo "Lighthouse: every page meets its targets"
