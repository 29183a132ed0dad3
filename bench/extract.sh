#!/usr/bin/env bash
# Feature extraction throughput (issue 10) on this machine, bounded to a few minutes on 2 cores:
#   1. forward pass alone vs FeatureStore.ensure (end to end: describe the backbone, list what is
#      missing, Spark job reading/decoding/resizing PNGs, inference, Parquet commit), alternated
#      in one JVM for ROUNDS rounds so that both see the same machine load; TorchScript ResNet-18
#      (random weights, exported by /usr/bin/python3 + torchvision) and random-resnet18:0;
#   2. the offline backbone's forward pass vs the TorchScript one, alternated;
#   3. one `slda extract` per backbone from a fresh JVM (wall time includes JVM and Spark start).
# Usage: bench/extract.sh [N images, default 640] [ROUNDS, default 3] [MASTER, default local[2]]
set -euo pipefail
N=${1:-640}
ROUNDS=${2:-3}
MASTER=${3:-local[2]}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$HERE/target/bench-extract}
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
cd "$HERE"
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAVA=(java -Xss4m -Xmx4g -cp "$CP")
BENCH=("${JAVA[@]}" org.deepslda.features.ExtractBench)
rm -rf "$WORK" && mkdir -p "$WORK"
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"${BENCH[@]}" images "$WORK/data" "$N"

quiet() { grep --line-buffered -E '^(forward|ensure|slda extract)' || true; }

cli_extract() { # SPEC STORE
  local t0 t1
  t0=$(date +%s.%N)
  "${JAVA[@]}" org.deepslda.cli.Slda extract --data "$WORK/data" --backbone "$1" \
    --store "$2" --master "$MASTER" 2>"$2.log" | quiet
  t1=$(date +%s.%N)
  echo "  (wall incl. JVM and Spark start: $(echo "$t1 - $t0" | bc) s)"
}

SPECS=(random-resnet18:0)
if /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
  /usr/bin/python3 - "$WORK/r18.pt" <<'PY'
import sys, torch, torchvision
torch.manual_seed(0)
m = torchvision.models.resnet18()
m.fc = torch.nn.Identity()
torch.jit.trace(m.eval(), torch.zeros(1, 3, 224, 224)).save(sys.argv[1])
PY
  SPECS=("$WORK/r18.pt" random-resnet18:0)
  echo "## offline backbone vs TorchScript, forward pass only, alternated"
  "${BENCH[@]}" compare "$WORK/r18.pt" random-resnet18:0 "$ROUNDS" $((N / 32)) 2>/dev/null | quiet
else
  echo "torch/torchvision missing under /usr/bin/python3: TorchScript runs skipped"
fi
for spec in "${SPECS[@]}"; do
  echo "## $spec: forward pass alone vs ensure, alternated, $MASTER"
  "${BENCH[@]}" endtoend "$spec" "$WORK/data" "$ROUNDS" "$MASTER" 2>/dev/null | quiet
  echo "## $spec: slda extract from a fresh JVM"
  cli_extract "$spec" "$WORK/store-cli-$(basename "$spec")"
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
