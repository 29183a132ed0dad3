#!/usr/bin/env bash
# Submits `slda ARGS...` to YARN.
#
#   SLDA_YARN_QUEUE=research ./submit/yarn.sh run --config conf/nc.yaml \
#       --data hdfs:///data/core50 --store hdfs:///slda/store --out hdfs:///slda/runs/nc-0
#
# spark-submit finds the ResourceManager through HADOOP_CONF_DIR (or YARN_CONF_DIR). The
# application jar and target/lib/*.jar are uploaded to the application's staging folder on
# HDFS once per submission (about 250 MB, most of it PyTorch's native library). To upload
# them once for all runs, put them on HDFS and pass that folder instead:
#   hdfs dfs -put target/lib /apps/slda/lib
#   SLDA_SHIP_LIBS=0 SLDA_SUBMIT_OPTS="--jars hdfs:///apps/slda/lib/<each jar>,..."
#
# Environment (see submit/common.sh for memory, cores, GPUs and the PyTorch native library):
#   SLDA_YARN_QUEUE     queue (default: default)
#   SLDA_NUM_EXECUTORS  executors (default 2; or dynamic allocation via SLDA_SUBMIT_OPTS)
#   SLDA_DEPLOY_MODE    client (default: the driver runs here, logs on this terminal) or
#                       cluster (the driver runs in the application master; --out and --store
#                       must then be HDFS or another shared file system)
#   SLDA_SHIP_LIBS      1 (default): --jars target/lib/*.jar; 0: supplied otherwise
#   SLDA_GPU_DISCOVERY  default ./gpu-discovery.sh: the script is shipped with --files into each
#                       container's working folder
#
# GPUs: YARN must schedule them (yarn.io/gpu resource type, GPU isolation on the NodeManagers);
# Spark asks YARN for spark.executor.resource.gpu.amount of yarn.io/gpu per executor.
set -euo pipefail
# shellcheck source=submit/common.sh source-path=SCRIPTDIR/..
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[[ $# -gt 0 ]] || slda_die "usage: $slda_script SUBCOMMAND [ARGS...]  (e.g. run --help)"
if [[ -z "${HADOOP_CONF_DIR:-}" && -z "${YARN_CONF_DIR:-}" ]]; then
  slda_die "set HADOOP_CONF_DIR (or YARN_CONF_DIR) to the cluster's Hadoop configuration folder"
fi
slda_find_spark_submit
slda_ensure_built

opts=(--master yarn
  --deploy-mode "${SLDA_DEPLOY_MODE:-client}"
  --queue "${SLDA_YARN_QUEUE:-default}"
  --num-executors "${SLDA_NUM_EXECUTORS:-2}"
  --name "slda $1"
  --class org.deepslda.cli.Slda
  --files "$slda_root/submit/gpu-discovery.sh")
if [[ "${SLDA_SHIP_LIBS:-1}" == 1 ]]; then
  lib_jars="$(slda_lib_jars)" || exit 2
  opts+=(--jars "$lib_jars")
fi
slda_common_opts opts ./gpu-discovery.sh

slda_exec "$SPARK_SUBMIT" "${opts[@]}" "$slda_jar" "$@"
