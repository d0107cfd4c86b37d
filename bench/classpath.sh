#!/usr/bin/env bash
# The one way the benchmarks get a class path. Source it, then:
#   dependencies <module> <scope> [goal]   the module's dependencies of that scope (runtime or test), as Maven resolves them
#   classpath <module> <scope> [goal]      its classes (and test classes for test) with those dependencies
# <module> is a folder of the project (plugin, vote-counter, site-tests). Both first run <goal> (compile, or test-compile
# for test; package where a benchmark needs a jar) on the module and the modules it needs, all from this checkout.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The moment every benchmark builds the site as of, so that each run builds the same site whatever the day.
BENCH_NOW=2026-11-20T12:00+01:00

dependencies() {
  local module=$1 scope=$2 goal=${3:-}
  local file="$BENCH_ROOT/$module/target/bench-$scope.classpath"
  if [[ -z $goal ]]; then
    goal=compile
    [[ $scope == test ]] && goal=test-compile
  fi
  # One reactor run over the module and what it needs, so that nothing comes from an older install; the
  # module is the last one built, so its class path is the one left in the file.
  mvn -q -B -ntp -f "$BENCH_ROOT/pom.xml" -pl "$module" -am "$goal" dependency:build-classpath -DskipTests -DskipITs \
    -DincludeScope="$scope" -Dmdep.outputFile="$file" >&2
  cat "$file"
}

classpath() {
  local module=$1 scope=$2 goal=${3:-}
  local deps classes="$BENCH_ROOT/$module/target/classes"
  deps=$(dependencies "$module" "$scope" "$goal")
  [[ $scope == test ]] && classes="$BENCH_ROOT/$module/target/test-classes:$classes"
  echo "$classes:$deps"
}

# The flags Maven's own JVM gets from a project's .mvn/jvm.config (none without one), one a line: the plugin runs
# inside that JVM (mvn site, mvn site:run), so a benchmark of the plugin runs with them. Usage: jvm_flags <project dir>
jvm_flags() {
  [[ -f "$1/.mvn/jvm.config" ]] && tr -s ' \n' '\n\n' <"$1/.mvn/jvm.config" | grep -v '^$' || true
}
