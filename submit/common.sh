# shellcheck shell=bash
# Shared by submit/standalone.sh, yarn.sh and kubernetes.sh (sourced, never run). It finds
# spark-submit and the built application, and assembles the Spark settings every cluster
# launcher needs: memory and cores, -Xss4m, the GPU resources and DJL's PyTorch native library.
#
# Environment (every launcher):
#   SPARK_SUBMIT            spark-submit to run (default: spark-submit on the PATH, else
#                           $SPARK_HOME/bin/spark-submit). Spark 4.x built for Scala 2.13.
#   SLDA_PROPERTIES_FILE    --properties-file (default conf/spark-defaults.conf; empty: none)
#   SLDA_DRIVER_MEMORY      driver heap (default 8g): the driver holds Sigma (d x d), the class
#                           means and one training batch's features at a time
#   SLDA_EXECUTOR_MEMORY    executor heap (default 8g)
#   SLDA_EXECUTOR_OVERHEAD  executor off-heap allowance (default 3g): PyTorch's native memory
#                           for ResNet-18 batches lives outside the Java heap
#   SLDA_EXECUTOR_CORES     cores (= concurrent tasks) per executor (default 4)
#   SLDA_EXECUTOR_GPUS      GPUs per executor (default 0: no GPU settings at all)
#   SLDA_TASK_GPUS          GPUs per task (default 1). 1 runs one extraction task per GPU;
#                           a fraction such as 0.25 lets 4 tasks share one GPU (each task still
#                           holds its own batch on the device). Spark runs at most
#                           min(cores, GPUs / SLDA_TASK_GPUS) tasks per executor at once.
#   SLDA_GPU_DISCOVERY      the discovery script as the executors see it (per launcher default)
#   SLDA_TORCH_NATIVE       which PyTorch native library DJL loads on the executors:
#                             cpu   ship target/lib's pytorch-native-cpu jar (default)
#                             FILE  ship this jar instead, e.g. a CUDA build
#                                   pytorch-native-cu1XX-2.7.1-linux-x86_64.jar (see below)
#                             none  ship no native jar: DJL then uses PYTORCH_LIBRARY_PATH or
#                                   downloads the flavour SLDA_PYTORCH_FLAVOR (needs internet)
#   SLDA_PYTORCH_FLAVOR     DJL's PYTORCH_FLAVOR on the executors, e.g. cu128 (default unset)
#   SLDA_SUBMIT_OPTS        more spark-submit options, split on spaces (e.g. "--conf k=v")
#   SLDA_DRY_RUN            1: print the spark-submit command instead of running it
#   SLDA_SKIP_BUILD         1: never run mvn; target/slda.jar and target/lib must exist
#
# GPUs and DJL. target/lib holds DJL's CPU build of PyTorch (pytorch-native-cpu, inside the
# jar, so it runs offline). With that jar on the class path DJL never uses a GPU, even when
# Spark hands the task one. For GPU executors, give DJL a CUDA build of the same PyTorch
# version (2.7.1, matching pytorch-jni-2.7.1-0.36.0 in target/lib), one of:
#   1. Swap the jar: fetch the CUDA native jar and point SLDA_TORCH_NATIVE at it, e.g.
#        mvn dependency:copy -Dartifact=ai.djl.pytorch:pytorch-native-cu128:2.7.1:jar:linux-x86_64 \
#            -DoutputDirectory=target/gpu
#        SLDA_TORCH_NATIVE=target/gpu/pytorch-native-cu128-2.7.1-linux-x86_64.jar
#      (the CUDA flavours DJL publishes change with each release: check which cu1XX exists
#      for 2.7.1 and that it matches the nodes' driver). The launcher ships it with --jars
#      in place of the CPU jar; nothing else changes.
#   2. Let DJL download: SLDA_TORCH_NATIVE=none SLDA_PYTORCH_FLAVOR=cu128 (executors need
#      internet access, or a DJL cache already filled at $HOME/.djl.ai or DJL_CACHE_DIR).
#   3. Use a libtorch installed on the nodes: SLDA_TORCH_NATIVE=none and
#      SLDA_SUBMIT_OPTS="--conf spark.executorEnv.PYTORCH_LIBRARY_PATH=/opt/libtorch/lib".

slda_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
slda_jar="$slda_root/target/slda.jar"
slda_lib="$slda_root/target/lib"
slda_script="$(basename "$0")"

slda_die() {
  echo "$slda_script: $*" >&2
  exit 2
}

# Sets SPARK_SUBMIT to an executable spark-submit, or stops with what to install or set.
slda_find_spark_submit() {
  if [[ -n "${SPARK_SUBMIT:-}" ]]; then
    [[ -x "$SPARK_SUBMIT" ]] || slda_die "SPARK_SUBMIT=$SPARK_SUBMIT is not executable"
  elif command -v spark-submit >/dev/null; then
    SPARK_SUBMIT="$(command -v spark-submit)"
  elif [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
    SPARK_SUBMIT="$SPARK_HOME/bin/spark-submit"
  else
    slda_die "no spark-submit: put Spark 4.x (Scala 2.13) bin/ on the PATH, set SPARK_HOME," \
      "or set SPARK_SUBMIT. Without a Spark install, use submit/local.sh (local mode)."
  fi
}

# Builds target/slda.jar and target/lib when missing or older than the sources (needs mvn);
# with SLDA_SKIP_BUILD=1 only checks that they exist.
slda_ensure_built() {
  if [[ "${SLDA_SKIP_BUILD:-}" == 1 ]]; then
    [[ -f "$slda_jar" && -d "$slda_lib" ]] \
      || slda_die "SLDA_SKIP_BUILD=1 but $slda_jar or $slda_lib is missing"
    return
  fi
  if [[ -f "$slda_jar" && -d "$slda_lib" ]] \
      && [[ -z "$(find "$slda_root/src/main" "$slda_root/pom.xml" -newer "$slda_jar" \
        -print -quit)" ]]; then
    return
  fi
  command -v mvn >/dev/null \
    || slda_die "target/slda.jar is missing or stale and mvn is not on the PATH to build it"
  echo "$slda_script: building the application (mvn package)..." >&2
  (cd "$slda_root" && mvn -q -B -DskipTests package) >&2
}

# Prints target/lib's jars as one comma-separated list for --jars, with the PyTorch native
# jar chosen by SLDA_TORCH_NATIVE.
slda_lib_jars() {
  local choice="${SLDA_TORCH_NATIVE:-cpu}" jars=() jar
  for jar in "$slda_lib"/*.jar; do
    [[ -e "$jar" ]] || continue
    if [[ "$(basename "$jar")" == pytorch-native-* && "$choice" != cpu ]]; then
      continue
    fi
    jars+=("$jar")
  done
  if [[ "$choice" != cpu && "$choice" != none ]]; then
    [[ -f "$choice" ]] || slda_die "SLDA_TORCH_NATIVE=$choice: no such jar"
    jars+=("$(cd "$(dirname "$choice")" && pwd)/$(basename "$choice")")
  fi
  [[ ${#jars[@]} -gt 0 ]] || slda_die "no jars in $slda_lib; run mvn -DskipTests package"
  local IFS=,
  echo "${jars[*]}"
}

# Appends to the array named $1 the options every cluster launcher passes: properties file,
# memory, cores, -Xss4m (LAPACK in the LDA fit needs more than the default 1 MB thread stack,
# on the driver and the executors alike), GPUs, DJL's PyTorch flavour, then SLDA_SUBMIT_OPTS.
# $2 is the default discovery script path for this launcher.
slda_common_opts() {
  local -n slda_opts_ref="$1"
  local discovery="${SLDA_GPU_DISCOVERY:-$2}"
  local props="${SLDA_PROPERTIES_FILE-$slda_root/conf/spark-defaults.conf}"
  if [[ -n "$props" ]]; then
    [[ -f "$props" ]] || slda_die "SLDA_PROPERTIES_FILE=$props: no such file"
    slda_opts_ref+=(--properties-file "$props")
  fi
  slda_opts_ref+=(--driver-memory "${SLDA_DRIVER_MEMORY:-8g}"
    --executor-memory "${SLDA_EXECUTOR_MEMORY:-8g}"
    --executor-cores "${SLDA_EXECUTOR_CORES:-4}"
    --conf "spark.executor.memoryOverhead=${SLDA_EXECUTOR_OVERHEAD:-3g}"
    --conf "spark.driver.extraJavaOptions=-Xss4m"
    --conf "spark.executor.extraJavaOptions=-Xss4m")
  if [[ "${SLDA_EXECUTOR_GPUS:-0}" != 0 ]]; then
    slda_opts_ref+=(--conf "spark.executor.resource.gpu.amount=$SLDA_EXECUTOR_GPUS"
      --conf "spark.task.resource.gpu.amount=${SLDA_TASK_GPUS:-1}"
      --conf "spark.executor.resource.gpu.discoveryScript=$discovery")
  fi
  if [[ -n "${SLDA_PYTORCH_FLAVOR:-}" ]]; then
    slda_opts_ref+=(--conf "spark.executorEnv.PYTORCH_FLAVOR=$SLDA_PYTORCH_FLAVOR")
  fi
  if [[ -n "${SLDA_SUBMIT_OPTS:-}" ]]; then
    local extra
    read -r -a extra <<<"$SLDA_SUBMIT_OPTS"
    slda_opts_ref+=("${extra[@]}")
  fi
}

# Runs (or, with SLDA_DRY_RUN=1, prints) the command given as arguments.
slda_exec() {
  if [[ "${SLDA_DRY_RUN:-}" == 1 ]]; then
    printf '%q ' "$@"
    echo
    exit 0
  fi
  exec "$@"
}
