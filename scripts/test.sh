#!/usr/bin/env bash
# Runs every test: installs what the tests need on a fresh Debian machine (python3 with torch,
# torchvision, numpy, matplotlib and Jupyter's nbconvert, from Debian's packages), then runs the
# Maven suite (unit, Spark local, multi-process cluster and end-to-end tests), then executes the
# notebooks headless against the outputs the suite produced.
#
#   ./scripts/test.sh            everything
#   SLDA_SKIP_INSTALL=1 ./scripts/test.sh   skip the apt step (packages already there)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

packages=(python3-numpy python3-torch python3-torchvision python3-matplotlib python3-pil
  python3-nbconvert python3-nbclient python3-ipykernel jupyter-nbconvert)

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    return
  fi
  echo "test.sh: installing Debian packages: ${missing[*]}"
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

if [[ -z "${SLDA_SKIP_INSTALL:-}" ]] && command -v apt-get >/dev/null; then
  install_packages
fi

export SPARK_LOCAL_IP=127.0.0.1
mvn -B -ntp verify

if [[ -d notebooks ]] && compgen -G "notebooks/*.ipynb" >/dev/null; then
  ./scripts/run-notebooks.sh
fi
