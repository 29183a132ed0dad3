#!/usr/bin/env bash
# SLDA fit throughput (issue 4): block fit vs the per-sample loop, and the covariance update
# vs a plain GEMM of the same block, at d = 512, C = 50. Bounded: one fork, 2 warm-up and 3
# measured iterations of 2 s per benchmark (about 1.5 minutes). Offline Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
out=target/lda-bench.csv

java -Xss4m -cp "$cp" org.openjdk.jmh.Main 'org.deepslda.bench.LdaFitBenchmark' \
  -f 1 -wi 2 -i 3 -w 2s -r 2s -rf csv -rff "$out" >target/lda-bench.log

# Scores are samples (rows) per second; GFLOP/s counts 2 d^2 flops per row, the flops of the
# GEMM X^T X of the same block.
awk -F, -v d=512 '
  NR > 1 {
    gsub(/"/, "");
    split($1, parts, ".");
    name = parts[length(parts)];
    score[name] = $5; err[name] = $6;
    order[++n] = name;
  }
  END {
    printf "%-22s %16s %12s %12s\n", "benchmark", "samples/s", "+-(99.9%)", "GFLOP/s";
    for (i = 1; i <= n; i++) {
      b = order[i];
      if (b == "weightsSolve") continue;
      printf "%-22s %16.0f %12.0f %12.1f\n", b, score[b], err[b], score[b] * 2 * d * d / 1e9;
    }
    fused = score["blockFit"] / score["perSampleFused"];
    literal = score["blockFit"] / score["perSampleSeedLiteral"];
    fit = 1 / score["blockFit"];
    fixed = 1 / score["blockFitFixedCov"];
    gemm = 1 / score["gemmFloor"];
    printf "\nblock fit / per-sample fused loop:            %8.1f x\n", fused;
    printf "block fit / per-sample seed-literal loop:     %8.1f x\n", literal;
    printf "whole block fit time / GEMM floor time:       %8.2f x\n", fit / gemm;
    printf "covariance update (fit - fixed-cov fit) / GEMM: %6.2f x\n", (fit - fixed) / gemm;
    printf "weights() recomputation (d=512, C=50):        %8.1f ms\n", 1000 / score["weightsSolve"];
  }' "$out"
