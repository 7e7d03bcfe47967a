#!/usr/bin/env bash
# The main job, end to end on a fresh Debian or Ubuntu machine: installs what is missing (tools/install-deps.sh),
# builds Strix, then runs a real model through the strix command — the devices found, the model's summary, seeded
# random weights, an input tensor written by Strix itself, the run, and the top-5 classes of its output.
# No image or weights are downloaded; with random weights the classes are arbitrary but the computation is real.
#
#   STRIX_DEMO_MODEL    model variant to run (default resnet18; `./strix models` lists them)
#   STRIX_DEMO_BACKEND  backend to run on (default: the best available, reported on stderr)
#   STRIX_DEMO_DIR      where the weights, input and output go (default: a new temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."

model="${STRIX_DEMO_MODEL:-resnet18}"
work="${STRIX_DEMO_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/strix-demo.XXXXXX")}"
mkdir -p "$work"
backend=()
if [ -n "${STRIX_DEMO_BACKEND:-}" ]; then
  backend=(--backend "$STRIX_DEMO_BACKEND")
fi

step() {
  printf '\n== %s\n' "$*"
}

step "installing what is missing"
bash tools/install-deps.sh
for tool in java mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "strix: '$tool' is not installed and could not be installed here (see above); install a JDK 17 and Maven" >&2
    exit 1
  fi
done

step "building Strix (mvn -B -q -ntp -DskipTests install)"
mvn -B -q -ntp -DskipTests install

step "strix devices"
./strix devices

step "strix summary $model"
./strix summary "$model"

step "strix init $model: seeded random weights"
./strix init "$model" --seed 1 --output "$work/$model.safetensors"

step "strix input $model: a seeded input tensor"
./strix input "$model" --seed 2 --output "$work/input.npy"

step "strix run $model, top-5 classes of the output"
time ./strix run "$model" "${backend[@]}" --weights "$work/$model.safetensors" --input "$work/input.npy" \
  --output "$work/output.npy" --top 5

printf '\nstrix: done; weights, input and output are in %s\n' "$work"
