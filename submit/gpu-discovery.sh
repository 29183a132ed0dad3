#!/usr/bin/env bash
# Spark resource discovery script for GPUs (spark.executor.resource.gpu.discoveryScript and
# spark.worker.resource.gpu.discoveryScript): prints the GPUs this executor or worker may use
# as Spark's resource JSON, e.g. {"name": "gpu", "addresses": ["0", "1"]}.
#
# The addresses are nvidia-smi's GPU indexes. Inside a container or a YARN/Kubernetes
# allocation, nvidia-smi lists only the GPUs given to it. With no nvidia-smi, or no GPU, it
# prints an empty address list and exits 0: Spark then reports that the executor has fewer
# GPUs than spark.executor.resource.gpu.amount asks for, which names the real problem.
set -uo pipefail

addresses=()
if command -v nvidia-smi >/dev/null 2>&1; then
  while IFS= read -r index; do
    index="${index//[[:space:]]/}"
    [[ "$index" =~ ^[0-9]+$ ]] && addresses+=("\"$index\"")
  done < <(nvidia-smi --query-gpu=index --format=csv,noheader 2>/dev/null)
fi

joined=""
for a in "${addresses[@]+"${addresses[@]}"}"; do
  joined+="${joined:+, }$a"
done
printf '{"name": "gpu", "addresses": [%s]}\n' "$joined"
