#!/usr/bin/env bash
# Seconds per sweep point (issue 6) at CORe50 scale once the features are in memory: 120,000
# training + 45,000 test vectors of 512 floats, 50 classes, NC-like 9 batches. Runs 4 points
# alone and 2 at a time (as two Spark task slots do), then times a Parquet write and read of the
# same vectors. Bounded: a few minutes on 2 cores. Offline Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
export SPARK_LOCAL_IP=127.0.0.1
nproc; grep -m1 'model name' /proc/cpuinfo; date; uptime
java -Xss4m -Xmx6g -cp "$cp" -Dlog4j2.configurationFile=src/test/resources/log4j2-test.properties \
  org.deepslda.bench.SweepBench "${POINTS:-4}" "${THREADS:-2}" --parquet target/sweep-bench.parquet
uptime
