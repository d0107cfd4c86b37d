#!/usr/bin/env bash
# The one way the benchmarks get a class path. Source it, then:
#   dependencies <module> <scope>   the module's dependencies of that scope (runtime or test), as Maven resolves them
#   classpath <module> <scope>      its classes (and test classes for test) with those dependencies
# <module> is a folder of the project (plugin, vote-counter); both compile the module first.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

dependencies() {
  local module=$1 scope=$2
  local file="$BENCH_ROOT/$module/target/bench-$scope.classpath"
  local goal=compile
  [[ $scope == test ]] && goal=test-compile
  mvn -q -B -ntp -f "$BENCH_ROOT/pom.xml" -pl "$module" "$goal" >&2
  mvn -q -B -ntp -f "$BENCH_ROOT/pom.xml" -pl "$module" dependency:build-classpath -DincludeScope="$scope" \
    -Dmdep.outputFile="$file" >/dev/null
  cat "$file"
}

classpath() {
  local module=$1 scope=$2
  local deps classes="$BENCH_ROOT/$module/target/classes"
  deps=$(dependencies "$module" "$scope")
  [[ $scope == test ]] && classes="$BENCH_ROOT/$module/target/test-classes:$classes"
  echo "$classes:$deps"
}
