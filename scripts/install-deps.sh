#!/usr/bin/env bash
# Installs, from Debian's archive, whatever of fakeiam's build and test dependencies is missing.
#   install-deps.sh build   what building the library, its examples and benchmarks needs
#   install-deps.sh test    that, plus what the test suite needs
set -euo pipefail

build_packages=(cmake g++ make pkg-config python3 libssl-dev nlohmann-json3-dev
                libgtest-dev libgmock-dev libbenchmark-dev)
test_packages=()

case "${1:-build}" in
  build) wanted=("${build_packages[@]}") ;;
  test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q >&2
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
