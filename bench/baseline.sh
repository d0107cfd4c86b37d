#!/usr/bin/env bash
# The baseline a benchmark compares against in the same run: the project as of an earlier commit,
# unpacked and compiled beside this checkout. Source it, then:
#   baseline_checkout [goal]   unpacks $BASELINE (default below) into target/bench/baseline-<commit>/ once,
#                              runs <goal> there (default: test-compile) and prints that folder
#   baseline_classpath <module> <scope>
#                              like classpath (bench/classpath.sh), for the baseline's module
#   baseline_version           the version the baseline is installed under by `baseline_checkout install`:
#                              the project's own with "-baseline" before "-SNAPSHOT", so that it never
#                              replaces this checkout's artifacts in the local repository
# BASELINE may be any commit of this repository. The default is the last commit before the speed work
# (the figures in its issue were measured on it).
BASELINE=${BASELINE:-d2de16443f035d3b7993343ee2250f348b2d801f}
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

baseline_dir() {
  echo "$BENCH_ROOT/target/bench/baseline-$(git -C "$BENCH_ROOT" rev-parse --short=10 "$BASELINE")"
}

baseline_version() {
  local dir
  dir=$(baseline_dir)
  sed -n 's:.*<version>\(.*-baseline-SNAPSHOT\)</version>.*:\1:p' "$dir/versions/pom.xml" | head -1
}

baseline_checkout() {
  local goal=${1:-test-compile} dir
  dir=$(baseline_dir)
  if [[ ! -f "$dir/.unpacked" ]]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    git -C "$BENCH_ROOT" archive "$BASELINE" | tar -x -C "$dir" || { echo "cannot unpack commit $BASELINE" >&2; return 1; }
    # Its own version, so that installing it never replaces this checkout's artifacts.
    local version
    version=$(sed -n 's:.*<version>\(.*\)-SNAPSHOT</version>.*:\1:p' "$dir/versions/pom.xml" | head -1)
    find "$dir" -name pom.xml -not -path '*/src/it/*' -print0 \
      | xargs -0 sed -i "s:<version>$version-SNAPSHOT</version>:<version>$version-baseline-SNAPSHOT</version>:"
    touch "$dir/.unpacked"
  fi
  if [[ ! -f "$dir/.done-$goal" ]]; then
    mvn -q -B -ntp -Dstyle.color=never -f "$dir/pom.xml" "$goal" -DskipTests -DskipITs -Dinvoker.skip=true >&2
    touch "$dir/.done-$goal"
  fi
  echo "$dir"
}

baseline_classpath() {
  local module=$1 scope=$2 dir file goal=compile
  [[ $scope == test ]] && goal=test-compile
  dir=$(baseline_checkout "$goal") || return 1
  file="$dir/$module/target/bench-$scope.classpath"
  if [[ ! -f "$file" ]]; then
    mvn -q -B -ntp -Dstyle.color=never -f "$dir/pom.xml" -pl "$module" -am "$goal" dependency:build-classpath -DskipTests -DskipITs \
      -DincludeScope="$scope" -Dmdep.outputFile="$file" >&2
  fi
  local classes="$dir/$module/target/classes"
  [[ $scope == test ]] && classes="$dir/$module/target/test-classes:$classes"
  echo "$classes:$(cat "$file")"
}
