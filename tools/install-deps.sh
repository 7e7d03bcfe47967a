#!/usr/bin/env bash
# Installs what Strix's build and tests need on Debian or Ubuntu: a JDK 17 and Maven, the OpenCL ICD loader with
# two CPU OpenCL implementations (PoCL, and Mesa's rusticl exposing llvmpipe), clinfo, and Debian's PyTorch for the
# golden checks. Installs only what is missing, through apt, when root or sudo is available; otherwise it prints
# exactly what is missing and how to install it, and the tests that need it report a visible skip.
set -euo pipefail

PACKAGES=(openjdk-17-jdk-headless maven ocl-icd-libopencl1 ocl-icd-opencl-dev pocl-opencl-icd mesa-opencl-icd
          clinfo python3-torch python3-torchvision python3-numpy python3-onnx)

# True when the javac on PATH is 17 or newer ("javac 17.0.9", "javac 21"; an old one says "javac 1.8.0_392").
javac_17_or_newer() {
  command -v javac >/dev/null 2>&1 || return 1
  local version
  version="$(javac -version 2>&1 | awk '{print $2}')"
  [ "${version%%.*}" -ge 17 ] 2>/dev/null
}

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    # A JDK 17+ or Maven installed another way counts as present; an older JDK (Ubuntu's default-jdk 11) does not,
    # as the build needs release 17.
    case "$p" in
      openjdk-17-jdk-headless) javac_17_or_newer && continue ;;
      maven) command -v mvn >/dev/null 2>&1 && continue ;;
    esac
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "strix: all system packages present" >&2
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "strix: missing packages (${missing[*]}) and no apt-get here; install their equivalents by hand" >&2
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "strix: missing packages: ${missing[*]}" >&2
    echo "strix: run as root: apt-get install -y ${missing[*]}" >&2
    exit 0
  fi
fi

echo "strix: installing ${missing[*]}" >&2
$SUDO apt-get update -q >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
