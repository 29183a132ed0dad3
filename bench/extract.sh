#!/usr/bin/env bash
# Feature extraction throughput (issue 10): end-to-end `slda extract` vs the forward pass alone,
# for a TorchScript ResNet-18 (random weights, exported by /usr/bin/python3 + torchvision) and for
# the offline random-resnet18 backbone. Bounded: N images (default 640), a few minutes on 2 cores.
# Usage: bench/extract.sh [N] [MASTER]     e.g. bench/extract.sh 640 'local[2]'
set -euo pipefail
N=${1:-640}
MASTER=${2:-local[2]}
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$HERE/target/bench-extract}
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
cd "$HERE"
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAVA=(java -Xss4m -Xmx4g -cp "$CP")
rm -rf "$WORK" && mkdir -p "$WORK"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
"${JAVA[@]}" org.deepslda.features.ExtractBench images "$WORK/data" "$N"

run_extract() { # SPEC STORE
  local t0 t1
  t0=$(date +%s.%N)
  "${JAVA[@]}" org.deepslda.cli.Slda extract --data "$WORK/data" --backbone "$1" \
    --store "$2" --master "$MASTER" 2>"$2.log" | grep 'slda extract'
  t1=$(date +%s.%N)
  echo "  wall incl. JVM and Spark start: $(echo "$t1 - $t0" | bc) s"
}

BATCHES=$(( N / 32 < 4 ? 4 : N / 32 ))
if /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
  /usr/bin/python3 - "$WORK/r18.pt" <<'PY'
import sys, torch, torchvision
torch.manual_seed(0)
m = torchvision.models.resnet18()
m.fc = torch.nn.Identity()
torch.jit.trace(m.eval(), torch.zeros(1, 3, 224, 224)).save(sys.argv[1])
PY
  "${JAVA[@]}" org.deepslda.features.ExtractBench forward "$WORK/r18.pt" "$BATCHES" 32 2>/dev/null
  run_extract "$WORK/r18.pt" "$WORK/store-ts"
else
  echo "torch/torchvision missing under /usr/bin/python3: TorchScript runs skipped"
fi
"${JAVA[@]}" org.deepslda.features.ExtractBench forward random-resnet18:0 "$BATCHES" 32 2>/dev/null
run_extract random-resnet18:0 "$WORK/store-random"
