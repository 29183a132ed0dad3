#!/usr/bin/env bash
# Submits `slda ARGS...` to a Spark standalone cluster (spark://HOST:7077).
#
#   SLDA_MASTER=spark://master.example:7077 ./submit/standalone.sh run --config conf/nc.yaml
#   SLDA_EXECUTOR_GPUS=1 ./submit/standalone.sh extract --data hdfs:///core50 \
#       --backbone /shared/resnet18.pt --store hdfs:///slda/store
#
# The driver runs here (client mode) and writes the run folder: give --out and --store paths
# that the driver and the executors both reach (a shared mount, HDFS, S3 via s3a://). The
# application jar and target/lib/*.jar (DJL, PyTorch's native library, ND4J, ...) go to the
# executors with --jars. If the workers already hold target/lib at the same path, ship nothing:
#   SLDA_SHIP_LIBS=0 SLDA_SUBMIT_OPTS="--conf spark.executor.extraClassPath=/opt/slda/lib/*"
#
# Environment (see submit/common.sh for memory, cores, GPUs and the PyTorch native library):
#   SLDA_MASTER        master URL (default spark://localhost:7077)
#   SLDA_DEPLOY_MODE   client (default) or cluster (the driver then runs on a worker, and
#                      target/slda.jar and target/lib must be readable there at this path)
#   SLDA_TOTAL_CORES   spark.cores.max, the application's cores over all workers (default: all)
#   SLDA_SHIP_LIBS     1 (default): --jars target/lib/*.jar; 0: the workers have them
#   SLDA_GPU_DISCOVERY default: this checkout's submit/gpu-discovery.sh, so the workers need
#                      the same path (or set it to where the script is installed on them)
#
# GPUs on standalone also need the workers to offer them, when each worker starts
# (conf/spark-env.sh on the worker host):
#   SPARK_WORKER_OPTS="-Dspark.worker.resource.gpu.amount=4
#     -Dspark.worker.resource.gpu.discoveryScript=/opt/slda/submit/gpu-discovery.sh"
set -euo pipefail
# shellcheck source=submit/common.sh source-path=SCRIPTDIR/..
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[[ $# -gt 0 ]] || slda_die "usage: $slda_script SUBCOMMAND [ARGS...]  (e.g. run --help)"
slda_find_spark_submit
slda_ensure_built

opts=(--master "${SLDA_MASTER:-spark://localhost:7077}"
  --deploy-mode "${SLDA_DEPLOY_MODE:-client}"
  --name "slda $1"
  --class org.deepslda.cli.Slda)
if [[ "${SLDA_SHIP_LIBS:-1}" == 1 ]]; then
  lib_jars="$(slda_lib_jars)" || exit 2
  opts+=(--jars "$lib_jars")
fi
if [[ -n "${SLDA_TOTAL_CORES:-}" ]]; then
  opts+=(--conf "spark.cores.max=$SLDA_TOTAL_CORES")
fi
slda_common_opts opts "$slda_root/submit/gpu-discovery.sh"

slda_exec "$SPARK_SUBMIT" "${opts[@]}" "$slda_jar" "$@"
