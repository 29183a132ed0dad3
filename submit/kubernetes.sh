#!/usr/bin/env bash
# Submits `slda ARGS...` to Kubernetes (cluster mode: driver and executors are pods).
#
#   SLDA_K8S_MASTER=k8s://https://k8s-api.example:6443 SLDA_K8S_IMAGE=registry/slda:0.1 \
#   SLDA_EXECUTOR_GPUS=1 ./submit/kubernetes.sh run --config conf/nc.yaml \
#       --data s3a://bucket/core50 --store s3a://bucket/slda/store --out s3a://bucket/runs/nc-0
#
# The image holds the application, so nothing is uploaded: a Spark 4.x / Scala 2.13 / Java 17
# image with this build copied in at SLDA_IMAGE_APP_DIR (default /opt/slda):
#   /opt/slda/slda.jar, /opt/slda/lib/*.jar (target/lib), /opt/slda/submit/gpu-discovery.sh
# (docs/deployment.md has a Dockerfile). Pods are ephemeral: --out and --store must be shared
# storage (s3a://, hdfs://, gs://, or a mounted volume).
#
# Environment (see submit/common.sh for memory, cores, GPUs and the PyTorch native library;
# SLDA_TORCH_NATIVE does not apply: the image's lib/ decides, so build a GPU image with the CUDA
# native jar in place of pytorch-native-cpu):
#   SLDA_K8S_MASTER           k8s://https://HOST:PORT of the API server (required)
#   SLDA_K8S_IMAGE            container image for driver and executors (required)
#   SLDA_K8S_NAMESPACE        namespace (default: default)
#   SLDA_K8S_SERVICE_ACCOUNT  service account allowed to create executor pods (default: spark)
#   SLDA_K8S_PULL_POLICY      image pull policy (default: IfNotPresent)
#   SLDA_K8S_GPU_VENDOR       device plugin resource vendor (default: nvidia.com)
#   SLDA_NUM_EXECUTORS        executors (default 2)
#   SLDA_IMAGE_APP_DIR        where the image holds the application (default /opt/slda)
set -euo pipefail
# shellcheck source=submit/common.sh source-path=SCRIPTDIR/..
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[[ $# -gt 0 ]] || slda_die "usage: $slda_script SUBCOMMAND [ARGS...]  (e.g. run --help)"
[[ -n "${SLDA_K8S_MASTER:-}" ]] || slda_die "set SLDA_K8S_MASTER=k8s://https://API_HOST:PORT"
[[ -n "${SLDA_K8S_IMAGE:-}" ]] || slda_die "set SLDA_K8S_IMAGE to an image holding the app" \
  "(see docs/deployment.md)"
slda_find_spark_submit

app="${SLDA_IMAGE_APP_DIR:-/opt/slda}"
opts=(--master "$SLDA_K8S_MASTER"
  --deploy-mode cluster
  --name "slda-$1"
  --class org.deepslda.cli.Slda
  --num-executors "${SLDA_NUM_EXECUTORS:-2}"
  --conf "spark.kubernetes.namespace=${SLDA_K8S_NAMESPACE:-default}"
  --conf "spark.kubernetes.container.image=$SLDA_K8S_IMAGE"
  --conf "spark.kubernetes.container.image.pullPolicy=${SLDA_K8S_PULL_POLICY:-IfNotPresent}"
  --conf "spark.kubernetes.authenticate.driver.serviceAccountName=${SLDA_K8S_SERVICE_ACCOUNT:-spark}"
  --conf "spark.driver.extraClassPath=$app/lib/*"
  --conf "spark.executor.extraClassPath=$app/lib/*")
if [[ "${SLDA_EXECUTOR_GPUS:-0}" != 0 ]]; then
  opts+=(--conf "spark.executor.resource.gpu.vendor=${SLDA_K8S_GPU_VENDOR:-nvidia.com}")
fi
slda_common_opts opts "$app/submit/gpu-discovery.sh"

slda_exec "$SPARK_SUBMIT" "${opts[@]}" "local://$app/slda.jar" "$@"
