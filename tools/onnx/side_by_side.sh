#!/usr/bin/env bash
# Strix vs ONNX Runtime, side by side, on one commit of this repository (BENCHMARKS.md, "Strix vs ONNX Runtime").
#
#   tools/onnx/side_by_side.sh [--commit REV] [--export] [--main CLASS] [-- ARGS...]
#
# Builds the modules the benchmark needs from REV (default HEAD) in a snapshot under $STRIX_BENCH_WORK
# (default /tmp/strix-bench), so that neither the working tree nor ~/.m2 is touched and the numbers belong to a
# known commit, then runs dev.strix.benchmarks.SideBySide (or --main CLASS, e.g.
# dev.strix.benchmarks.profile.NodeProfile) with ARGS. --export first writes the ONNX files, weights and samples
# for the issue's models with tools/onnx/export.py into $STRIX_BENCH_WORK/onnx (skipping models already there).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${STRIX_BENCH_WORK:-/tmp/strix-bench}
commit=HEAD
export_first=false
main=dev.strix.benchmarks.SideBySide
while [[ $# -gt 0 ]]; do
  case "$1" in
    --commit) commit=$2; shift 2 ;;
    --export) export_first=true; shift ;;
    --main) main=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

if $export_first; then
  for spec in resnet50:1,8 mobilenet_v2:1 convnext_tiny:1 vit_b_16:1; do
    model=${spec%%:*}
    batches=${spec#*:}
    if [[ ! -f "$work/onnx/$model/model.onnx" ]]; then
      /usr/bin/python3 "$repo/tools/onnx/export.py" --model "$model" --batches ${batches//,/ } --out "$work/onnx/$model"
    fi
  done
fi

sha=$(git -C "$repo" rev-parse --short "$commit")
snap="$work/snapshot-$sha"
modules=(api layers-plugins models-plugins opencl-backend aparapi-backend benchmarks)
if [[ ! -f "$snap/cp.txt" ]]; then
  rm -rf "$snap"
  mkdir -p "$snap"
  git -C "$repo" archive "$sha" pom.xml "${modules[@]}" | tar -x -C "$snap"
  # The snapshot holds only these modules; the reactor must not look for the others.
  /usr/bin/python3 - "$snap/pom.xml" "${modules[@]}" <<'EOF'
import re, sys
path, keep = sys.argv[1], set(sys.argv[2:])
pom = open(path).read()
pom = re.sub(r"\s*<module>([^<]+)</module>", lambda m: m.group(0) if m.group(1) in keep else "", pom)
open(path, "w").write(pom)
EOF
  (cd "$snap" && mvn -B -q -DskipTests package -pl "$(IFS=,; echo "${modules[*]}")" \
      && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$snap/deps.txt" -pl benchmarks)
  # Strix's own modules from the snapshot's classes, everything else from the resolved jars.
  classes=$(for m in "${modules[@]}"; do printf '%s:' "$snap/$m/target/classes"; done)
  echo "$classes$(tr ':' '\n' < "$snap/deps.txt" | grep -v '/dev/strix/' | paste -sd:)" > "$snap/cp.txt"
fi

echo "commit $sha ($(git -C "$repo" log -1 --format=%cd --date=iso "$sha"))"
# libjsig keeps the JVM's signal handlers ahead of LLVM's (PoCL); see opencl-backend/README.md, "Signal handlers".
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
export LD_PRELOAD="$java_home/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}"
exec java -Xmx8g -cp "$(cat "$snap/cp.txt")" "$main" --dir "$work/onnx" "$@"
