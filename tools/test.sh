#!/usr/bin/env bash
# Runs every Strix test: installs what the tests need (tools/install-deps.sh), then builds and verifies the whole
# reactor. OpenCL tests run on every device found (PoCL's CPU device and rusticl's llvmpipe device).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
# rusticl exposes no device unless asked; llvmpipe is its software device with GPU-like limits.
export RUSTICL_ENABLE="${RUSTICL_ENABLE:-llvmpipe}"
mvn -B -ntp verify "$@"
