#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless (a fresh python3 kernel each) into
# target/notebooks/, then checks that each executed notebook shows at least one plot (an
# image/png output). Fails if any notebook fails, times out or shows no plot.
#
#   ./scripts/run-notebooks.sh                 all notebooks
#   ./scripts/run-notebooks.sh notebooks/results.ipynb
#
# Inputs, as the notebooks read them: SLDA_RUN_DIR, SLDA_SWEEP_DIR, SLDA_DATA_ROOT (and
# SLDA_EXPORT_DIR for the export). Each one not set points at what the Maven suite leaves
# (target/e2e/run, target/e2e/sweep, target/e2e/data); if that is missing too, at generated
# stand-ins (scripts/notebook_fixtures.py into target/notebook-fixtures), with a note.
# SLDA_NOTEBOOKS_STRICT=1 turns that fallback into an error.
#
# Needs Debian's jupyter-nbconvert, python3-nbclient, python3-ipykernel, python3-matplotlib,
# python3-numpy, python3-pil, python3-torch and python3-torchvision (scripts/test.sh installs
# them). SLDA_NOTEBOOK_TIMEOUT bounds each cell, in seconds (default 600).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/target/notebooks"
fixtures="$root/target/notebook-fixtures"
cell_timeout="${SLDA_NOTEBOOK_TIMEOUT:-600}"

# The Python that runs Jupyter (and so the kernel); Debian's, where the packages are.
python="/usr/bin/python3"
[[ -x "$python" ]] || python="$(command -v python3)"
if ! "$python" -c "import nbconvert, nbclient, ipykernel" 2>/dev/null; then
  echo "run-notebooks.sh: $python lacks nbconvert/nbclient/ipykernel;" \
    "install jupyter-nbconvert python3-nbclient python3-ipykernel (scripts/test.sh does)" >&2
  exit 2
fi

# Points variable $1 at $2 unless it is set; falls back to the fixture folder $3.
choose_input() {
  local var="$1" default="$2" fixture="$3"
  if [[ -n "${!var:-}" ]]; then
    return
  fi
  if [[ -e "$default" ]]; then
    export "$var=$default"
    return
  fi
  if [[ "${SLDA_NOTEBOOKS_STRICT:-}" == 1 ]]; then
    echo "run-notebooks.sh: $var is not set and $default does not exist" >&2
    exit 1
  fi
  if [[ ! -d "$fixtures/run" ]]; then
    "$python" "$root/scripts/notebook_fixtures.py" "$fixtures"
  fi
  echo "run-notebooks.sh: no $default; $var uses generated stand-ins: $fixture"
  export "$var=$fixture"
}

choose_input SLDA_RUN_DIR "$root/target/e2e/run/_SUCCESS" "$fixtures/run"
choose_input SLDA_DATA_ROOT "$root/target/e2e/data" "$fixtures/data"
choose_input SLDA_SWEEP_DIR "$root/target/e2e/sweep/summary.json" "$fixtures/sweep"
# A run folder is chosen by its _SUCCESS file and a sweep by its summary: use their folders.
[[ "$SLDA_RUN_DIR" == */_SUCCESS ]] && SLDA_RUN_DIR="$(dirname "$SLDA_RUN_DIR")"
[[ "$SLDA_SWEEP_DIR" == */summary.json ]] && SLDA_SWEEP_DIR="$(dirname "$SLDA_SWEEP_DIR")"
export SLDA_EXPORT_DIR="${SLDA_EXPORT_DIR:-$out/export}"
# The inline backend must draw the plots; a non-interactive MPLBACKEND would swallow them.
unset MPLBACKEND
echo "run-notebooks.sh: run $SLDA_RUN_DIR, data $SLDA_DATA_ROOT, sweep $SLDA_SWEEP_DIR"

notebooks=("$@")
if [[ ${#notebooks[@]} -eq 0 ]]; then
  notebooks=(notebooks/*.ipynb)
fi
mkdir -p "$out"
failed=()
for nb in "${notebooks[@]}"; do
  start=$SECONDS
  if timeout $((cell_timeout * 3)) "$python" -m nbconvert --to notebook --execute \
      --ExecutePreprocessor.timeout="$cell_timeout" \
      --ExecutePreprocessor.kernel_name=python3 \
      --output-dir "$out" "$nb" >"$out/$(basename "$nb" .ipynb).log" 2>&1; then
    echo "run-notebooks.sh: executed $nb in $((SECONDS - start)) s"
  else
    echo "run-notebooks.sh: FAILED $nb (log below)" >&2
    tail -40 "$out/$(basename "$nb" .ipynb).log" >&2
    failed+=("$nb")
  fi
done

# Every executed notebook must hold at least one PNG among its outputs.
for nb in "${notebooks[@]}"; do
  executed="$out/$(basename "$nb")"
  [[ -f "$executed" ]] || continue
  if ! "$python" - "$executed" <<'EOF'
import json
import sys

path = sys.argv[1]
with open(path) as f:
    cells = json.load(f)["cells"]
pngs = sum(1 for cell in cells if cell["cell_type"] == "code"
           for output in cell.get("outputs", []) if "image/png" in output.get("data", {}))
errors = [output.get("ename") for cell in cells if cell["cell_type"] == "code"
          for output in cell.get("outputs", []) if output.get("output_type") == "error"]
print(f"run-notebooks.sh: {path}: {pngs} plots")
sys.exit(0 if pngs > 0 and not errors else 1)
EOF
  then
    echo "run-notebooks.sh: $executed shows no plot or holds an error" >&2
    failed+=("$nb")
  fi
done

# A notebook that failed both to run and to show a plot is listed twice; count it once.
failed_unique=$(printf '%s\n' "${failed[@]+"${failed[@]}"}" | sort -u | grep -c . || true)
echo "notebooks: $((${#notebooks[@]} - failed_unique)) passed, $failed_unique failed"
if [[ $failed_unique -gt 0 ]]; then
  echo "run-notebooks.sh: failed: $(printf '%s ' "${failed[@]}")" >&2
  exit 1
fi
