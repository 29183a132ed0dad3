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
# The JDK packages Spark's own launcher opens (org.apache.spark.launcher.JavaModuleOptions).
spark_jvm_options=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true
  -Dio.netty.allocator.type=pooled
  -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE
  --sun-misc-unsafe-memory-access=allow
  --enable-native-access=ALL-UNNAMED
)
# shellcheck disable=SC2086
exec java -Xss4m ${SLDA_DRIVER_OPTS:--Xmx8g} "${spark_jvm_options[@]}" \
  -Dlog4j2.configurationFile="$here/conf/log4j2.properties" \
  -cp "$jar:$(cat "$classpath_file")" \
  org.apache.spark.deploy.SparkSubmit \
  --master "${SLDA_MASTER:-local[*]}" \
  --conf spark.driver.extraJavaOptions=-Xss4m \
  --conf spark.executor.extraJavaOptions=-Xss4m \
  ${SLDA_SUBMIT_OPTS:-} \
  --class org.deepslda.cli.Slda \
  "$jar" "$@"
