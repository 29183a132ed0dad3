#!/usr/bin/env bash
# Issue 8: the product side by side with the reference (seed) pipeline, on this machine and the
# same data, and where the time goes. Prints one markdown table that BENCHMARKS.md quotes:
#   1. SLDA fit at d = 512, C = 50: block fit over a 120,000-sample stream vs the per-sample
#      reference loop (Java, fused and seed-literal forms; torch as the seed writes it) and vs a
#      plain GEMM X^T X of the same batches (the floor), in samples/s and GFLOP/s;
#   2. extraction of the same PNGs with the same TorchScript ResNet-18: ours end to end (Spark
#      job: decode, resize, normalise, forward, Parquet) vs our forward pass alone, and the seed's
#      way (bench/seed_pipeline.py: PIL + torchvision + torch forward, batch 32, 2 threads);
#   3. a whole NC run on a generated data set: `slda run` wall time by stage vs
#      `bench/seed_pipeline.py --full` (re-extracts the test set after every batch, as the seed);
#   4. memory: the driver's peak heap (GC log) and max RSS, the seed script's max RSS, and the
#      SLDA state size.
# Builds what it needs with Maven; exports the TorchScript model with /usr/bin/python3 when torch
# and torchvision are there, otherwise our side runs on random-resnet18:0 and every comparison
# with the seed is skipped with the reason printed. Every loop is bounded by the sizes below;
# on the 2-core reference machine the whole bench took the minutes noted in BENCHMARKS.md.
#
# Usage: bench/run-all.sh   (environment, all optional:)
#   BENCH_DIR    work folder, wiped first (default target/bench-all)
#   MVN_FLAGS    Maven flags (default "-o -q -B": offline, as this project builds here)
#   SLDA_MASTER  Spark master of our side (default local[2], the seed script's 2 threads)
#   FIT_N        samples of the block-fit stream (default 120000)
#   SYNTH        `slda synth` sizes: categories objects-per-category frames (default "10 2 2":
#                440 images, 20 classes, 9 NC batches, 120 test images)
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$HERE/target/bench-all}
MASTER=${SLDA_MASTER:-local[2]}
FIT_N=${FIT_N:-120000}
read -r CATS OBJS FRAMES <<<"${SYNTH:-10 2 2}"
read -r -a MVN <<<"${MVN_FLAGS:--o -q -B}"
PY=/usr/bin/python3
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
cd "$HERE"

note() { echo "[run-all $(date -u +%H:%M:%S)] $*" >&2; }
# calc FORMAT EXPR: awk arithmetic for the table (bash has integers only).
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
# field NAME FILE: the value of a "name<TAB>value" line written by FitBench or seed_pipeline.py.
field() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$2"; }
# wall CMD...: runs CMD, its stdout to the file in $OUT_FILE; sets WALL (s) and RSS_MB (max
# resident set of CMD's process, from GNU time when installed, else empty).
wall() {
  local t0 t1
  t0=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%M' -o "$OUT_FILE.rss" "$@" >"$OUT_FILE"
    RSS_MB=$(calc '%.0f' "$(tail -1 "$OUT_FILE.rss") / 1024")
  else
    "$@" >"$OUT_FILE"
    RSS_MB=""
  fi
  t1=$(date +%s.%N)
  WALL=$(calc '%.1f' "$t1 - $t0")
}

rm -rf "$WORK" && mkdir -p "$WORK"
START=$(date +%s)
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
note "$(date -u), $(nproc) cores, $CPU, load $LOAD_BEFORE"

# --- build: the application jar and its lib/ (for submit/local.sh), the test classes (the
# bench mains), and the test class path.
note "building (mvn ${MVN[*]} -DskipTests package)"
mvn "${MVN[@]}" -DskipTests package >&2
mvn "${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
JAVA=(java -Xss4m -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)")

# --- the model: one traced ResNet-18 (random weights, fc removed: N x 512 features) that both
# sides load, so that only the pipelines differ.
SEED_OK=""
SKIP_WHY=""
if ! [[ -x $PY ]]; then
  SKIP_WHY="no $PY"
elif ! $PY -c 'import torch, torchvision, PIL, numpy' 2>/dev/null; then
  SKIP_WHY="$PY lacks torch, torchvision, PIL or numpy (Debian: python3-torch python3-torchvision)"
else
  SEED_OK=1
fi
if [[ -n $SEED_OK ]]; then
  $PY - "$WORK/r18.pt" <<'PY'
import sys, torch, torchvision
torch.manual_seed(0)
net = torchvision.models.resnet18()
net.fc = torch.nn.Identity()
torch.jit.trace(net.eval(), torch.zeros(1, 3, 224, 224)).save(sys.argv[1])
PY
  SPEC=$WORK/r18.pt
else
  SPEC=random-resnet18:0
  note "seed comparisons skipped: $SKIP_WHY; our side runs on $SPEC"
fi

# --- the data: a generated CORe50-shaped set, NC scenario, run 0.
note "slda synth: $CATS categories x $OBJS objects x $FRAMES frames"
./submit/local.sh synth --out "$WORK/data" --categories "$CATS" --objects-per-category "$OBJS" \
  --frames "$FRAMES" --runs 1 >/dev/null 2>"$WORK/synth.log"
LISTS=$WORK/data/batches_filelists/NC_inc/run0
IMAGES=$(find "$WORK/data/core50_128x128" -name '*.png' | wc -l)
TRAIN_N=$(cat "$LISTS"/train_batch_*_filelist.txt | wc -l)
TEST_N=$(wc -l <"$LISTS/test_filelist.txt")
BATCHES=$(find "$LISTS" -name 'train_batch_*' | wc -l)

# --- 1. SLDA fit. The per-sample loops run over the stream's first samples only (bounded).
note "fit: $FIT_N samples, block fit vs per-sample loops vs GEMM"
"${JAVA[@]}" org.deepslda.bench.FitBench "$FIT_N" 4000 400 2 >"$WORK/fit.tsv" 2>"$WORK/fit.log"
fit_rate() { awk -F'\t' -v k="$1" '$1 == k { printf "%.0f", $2 / $3 }' "$WORK/fit.tsv"; }
fit_n() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$WORK/fit.tsv"; }
BLOCK=$(fit_rate block_fit)
GEMM=$(fit_rate gemm_floor)
FUSED=$(fit_rate per_sample_fused)
LITERAL=$(fit_rate per_sample_seed_literal)
SEED_FIT_N=2000
if [[ -n $SEED_OK ]]; then
  $PY bench/seed_pipeline.py --fit "$SEED_FIT_N" --fit-threads 1 >"$WORK/seed-fit.tsv"
  SEED_FIT=$(calc '%.0f' "$SEED_FIT_N / $(field fit_seconds "$WORK/seed-fit.tsv")")
fi
gflops() { calc '%.1f' "$1 * 2 * 512 * 512 / 1e9"; }

# --- 2. extraction of every image of the data set, same model. Ours: the forward pass alone
# and FeatureStore.ensure (end to end) alternated in one JVM, one round.
note "extraction: ours ($IMAGES images, $MASTER)"
"${JAVA[@]}" org.deepslda.features.ExtractBench endtoend "$SPEC" "$WORK/data" 1 "$MASTER" \
  >"$WORK/extract.txt" 2>"$WORK/extract.log"
OUR_FWD=$(grep -m1 '^forward' "$WORK/extract.txt" | grep -o '[0-9.]* img/s' | cut -d' ' -f1)
OUR_E2E=$(grep -m1 '^ensure' "$WORK/extract.txt" | grep -o '([0-9.]* img/s' | tr -d '(' \
  | cut -d' ' -f1)
if [[ -n $SEED_OK ]]; then
  note "extraction: seed script ($IMAGES images, 2 torch threads)"
  $PY bench/seed_pipeline.py --extract --data "$WORK/data" --model "$SPEC" --out "$WORK/seed-x" \
    --threads 2 >"$WORK/seed-extract.tsv"
  X=$WORK/seed-extract.tsv
  SEED_E2E=$(calc '%.1f' "$(field extract_images "$X") / $(field extract_seconds "$X")")
  SEED_FWD=$(calc '%.1f' "$(field forward_images "$X") / $(field forward_seconds "$X")")
fi

# --- 3. the whole NC run. Ours from a fresh JVM via the local launcher, a fresh store, the GC
# log for the peak heap; wall time includes JVM and Spark start.
note "NC run: ours ($TRAIN_N train + $TEST_N test images, $BATCHES batches)"
RUN=$WORK/run && mkdir -p "$RUN"
(
  cd "$RUN"
  OUT_FILE=$RUN/stdout.txt
  export SLDA_MASTER=$MASTER SLDA_DRIVER_OPTS="-Xmx4g -Xlog:gc:file=gc.log"
  wall "$HERE/submit/local.sh" run --data "$WORK/data" --scenario nc --run 0 --backbone "$SPEC" \
    --store "$RUN/store" --out "$RUN/out" 2>"$RUN/stderr.txt"
  echo "$WALL $RSS_MB" >"$RUN/wall.txt"
)
read -r OUR_WALL OUR_RSS <"$RUN/wall.txt"
META=$RUN/out/experimental_meta_data.json
# meta KEY: a number from the run's experimental_meta_data.json (Jackson's pretty printer writes
# "key" : value, one per line); stage KEY: the same to 0.1 s, 0 when the stage is absent.
meta() { grep -o "\"$1\" : [0-9.eE-]*" "$META" | awk '{ print $3 }'; }
stage() { calc '%.1f' "0$(meta "$1")"; }
S_SPARK=$(stage spark_start)
S_EXTRACT=$(stage extract)
S_LOAD=$(calc '%.1f' "$(stage load_test) + $(stage load_train) + $(stage read_batch)")
S_FIT=$(stage fit)
S_SCORE=$(stage score)
JOB=$(calc '%.1f' "$(meta time_minutes) * 60")
S_REST=$(calc '%.1f' "$JOB - $S_SPARK - $S_EXTRACT - $S_LOAD - $S_FIT - $S_SCORE")
S_JVM=$(calc '%.1f' "$OUR_WALL - $JOB")
OUR_ACC=$(grep -o '"test_accuracies" : \[[^]]*' "$META" | grep -o '[0-9][0-9.]*' | tail -1)
OUR_ACC=$(calc '%.4f' "$OUR_ACC")
# Peak heap in use: the largest "before" occupancy of any collection in -Xlog:gc lines such as
# "Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M)"; a lower bound of the true peak.
PEAK_HEAP=$(grep -o '[0-9]*M->[0-9]*M' "$RUN/gc.log" | cut -dM -f1 | sort -n | tail -1)
MAX_RAM=$(calc '%.0f' "$(meta max_ram_mb)")

if [[ -n $SEED_OK ]]; then
  note "NC run: seed script (per-batch train extraction + test re-extraction)"
  OUT_FILE=$WORK/seed-full.tsv
  wall $PY bench/seed_pipeline.py --full --data "$WORK/data" --model "$SPEC" \
    --out "$WORK/seed-full" --threads 2 --fit-threads 1 2>"$WORK/seed-full.log"
  SEED_WALL=$WALL
  SEED_RSS=$RSS_MB
  F=$WORK/seed-full.tsv
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
ELAPSED=$(( $(date +%s) - START ))

# --- 4. the table.
STATE50=$((50 * 512 + 50 + 512 * 512))
CLASSES=$(awk '{ print $2 }' "$LISTS"/*.txt | sort -n | tail -1)
CLASSES=$((CLASSES + 1))
STATE_RUN=$((CLASSES * 512 + CLASSES + 512 * 512))
skip="skipped: $SKIP_WHY"
echo
echo "Measured $(date -u '+%F %H:%M UTC'); $(nproc) cores, $CPU; load average before" \
  "$LOAD_BEFORE, after $LOAD_AFTER; bench wall time ${ELAPSED} s; model $(basename "$SPEC")."
echo
echo "| # | measurement | result | ratio |"
echo "|---|---|---:|---|"
echo "| 1 | block fit (\`StreamingLda.fit\`), $FIT_N samples in batches of 12,000, d=512, C=50" \
  "| $BLOCK samples/s ($(gflops "$BLOCK") GFLOP/s eq.) | - |"
echo "| 1 | GEMM floor: \`sgemm\` X^T X of the same batches | $GEMM samples/s" \
  "($(gflops "$GEMM") GFLOP/s) | fit time / GEMM time $(calc '%.2f' "$GEMM / $BLOCK")x |"
echo "| 1 | per-sample loop, fused rank-1 (Java), first $(fit_n per_sample_fused) samples" \
  "| $FUSED samples/s ($(gflops "$FUSED") GFLOP/s)" \
  "| block fit $(calc '%.1f' "$BLOCK / $FUSED")x faster |"
echo "| 1 | per-sample loop, seed's whole-matrix steps (Java), first" \
  "$(fit_n per_sample_seed_literal) | $LITERAL samples/s ($(gflops "$LITERAL") GFLOP/s)" \
  "| block fit $(calc '%.1f' "$BLOCK / $LITERAL")x faster |"
if [[ -n $SEED_OK ]]; then
  echo "| 1 | seed's fit in torch float32, per sample, 1 thread, $SEED_FIT_N samples" \
    "| $SEED_FIT samples/s ($(gflops "$SEED_FIT") GFLOP/s) | block fit" \
    "$(calc '%.1f' "$BLOCK / $SEED_FIT")x faster |"
fi
echo "| 2 | ours end to end: \`FeatureStore.ensure\`, $IMAGES PNGs -> Parquet, $MASTER" \
  "| $OUR_E2E img/s | $(calc '%.0f' "100 * $OUR_E2E / $OUR_FWD")% of our forward pass |"
echo "| 2 | ours forward pass alone (DJL, TorchScript, batch 32, in memory) | $OUR_FWD img/s | - |"
if [[ -n $SEED_OK ]]; then
  echo "| 2 | seed script end to end: PIL, Resize+ToTensor+Normalize, forward, .npy" \
    "| $SEED_E2E img/s | ours $(calc '%.2f' "$OUR_E2E / $SEED_E2E")x; seed at" \
    "$(calc '%.0f' "100 * $SEED_E2E / $SEED_FWD")% of its forward pass |"
  TORCH=$($PY -c 'import torch; print(torch.__version__)')
  echo "| 2 | seed script forward pass alone (torch $TORCH, 2 threads)" \
    "| $SEED_FWD img/s | our forward $(calc '%.2f' "$OUR_FWD / $SEED_FWD")x |"
else
  echo "| 2 | seed script | $skip | - |"
fi
echo "| 3 | ours: \`slda run\` NC run 0, $IMAGES images extracted once" \
  "($TRAIN_N train, $TEST_N test)," \
  "$BATCHES batches, wall incl. JVM | $OUR_WALL s | final accuracy $OUR_ACC |"
echo "| 3 | ours by stage: Spark start $S_SPARK, extract $S_EXTRACT, load/collect features" \
  "$S_LOAD, fit $S_FIT, score $S_SCORE, checkpoints + write + other $S_REST, JVM/launcher" \
  "$S_JVM | s | extract = $(calc '%.0f' "100 * $S_EXTRACT / $OUR_WALL")% of wall; wall =" \
  "$(calc '%.2f' "$OUR_WALL * $OUR_FWD / $IMAGES")x the floor ($IMAGES forward passes at our" \
  "forward-only rate) |"
if [[ -n $SEED_OK ]]; then
  SEED_X=$(calc '%.1f' "$(field stage_extract_train "$F") + $(field stage_extract_test "$F")")
  echo "| 3 | seed script \`--full\`: $((TRAIN_N + BATCHES * TEST_N)) forward passes" \
    "($TRAIN_N train + $BATCHES x $TEST_N test), wall incl. Python start | $SEED_WALL s" \
    "| **ours / seed = $(calc '%.2f' "$OUR_WALL / $SEED_WALL")** (goal <= 0.5); final accuracy" \
    "$(field final_accuracy "$F") |"
  echo "| 3 | seed by stage: extract train $(field stage_extract_train "$F"), extract test" \
    "$(field stage_extract_test "$F"), fit $(field stage_fit "$F"), predict" \
    "$(field stage_predict "$F"), save $(field stage_save "$F") | s |" \
    "extract = $(calc '%.0f' "100 * $SEED_X / $SEED_WALL")% of wall; wall =" \
    "$(calc '%.2f' "$SEED_WALL * $SEED_FWD / ($TRAIN_N + $BATCHES * $TEST_N)")x its floor |"
else
  echo "| 3 | seed script \`--full\` | $skip | - |"
fi
echo "| 4 | driver peak heap in use (largest pre-GC occupancy, -Xlog:gc) | ${PEAK_HEAP:-?} MB" \
  "| -Xmx4g |"
echo "| 4 | driver max RSS (GNU time; run's own max_ram_mb sample: $MAX_RAM MB)" \
  "| ${OUR_RSS:-?} MB | seed script max RSS ${SEED_RSS:-n/a} MB |"
echo "| 4 | SLDA state C*d + C + d*d floats: d=512, C=50 / C=$CLASSES (this run)" \
  "| $((STATE50 * 4)) / $((STATE_RUN * 4)) bytes | - |"
