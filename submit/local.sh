#!/usr/bin/env bash
# Runs `slda ARGS...` with Spark in local mode, on this machine, from the project's own
# dependencies: no Spark install is needed. Builds the application first when the jar is
# missing or older than the sources.
#
#   ./submit/local.sh demo
#   ./submit/local.sh run --data ROOT --scenario nc --run 0 --store STORE --out RUN_DIR
#
# Environment:
#   SLDA_MASTER       Spark master (default local[*])
#   SLDA_DRIVER_OPTS  JVM options of the driver (default -Xmx8g)
#   SLDA_SUBMIT_OPTS  more spark-submit options, split on spaces (e.g. "--conf k=v")
#
# The cluster launchers (standalone.sh, yarn.sh, kubernetes.sh) need a Spark install;
# docs/deployment.md compares them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/slda.jar"
classpath_file="$here/target/local-classpath.txt"

if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  echo "local.sh: needs java (17+) and mvn on the PATH" >&2
  exit 2
fi
if [[ ! -f "$jar" || ! -f "$classpath_file" ]] \
    || [[ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "local.sh: building the application (first run downloads dependencies)..." >&2
  (cd "$here" && mvn -q -B -DskipTests package) >&2
fi

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2086
exec java -Xss4m ${SLDA_DRIVER_OPTS:--Xmx8g} \
  -Dlog4j2.configurationFile="$here/conf/log4j2.properties" \
  -cp "$jar:$(cat "$classpath_file")" \
  org.apache.spark.deploy.SparkSubmit \
  --master "${SLDA_MASTER:-local[*]}" \
  --conf spark.driver.extraJavaOptions=-Xss4m \
  --conf spark.executor.extraJavaOptions=-Xss4m \
  ${SLDA_SUBMIT_OPTS:-} \
  --class org.deepslda.cli.Slda \
  "$jar" "$@"
