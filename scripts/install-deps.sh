#!/usr/bin/env bash
# Installs, from Debian's archive, whatever of fakeiam's build and test dependencies is missing.
#   install-deps.sh build   what building the library, its examples and benchmarks needs
#   install-deps.sh demo    that, plus the AWS CLI the demo drives
#   install-deps.sh test    that, plus the real clients the test suite drives
#   install-deps.sh fuzz    what building needs, plus clang and its libFuzzer and sanitizer runtimes
set -euo pipefail

build_packages=(cmake g++ make pkg-config python3 libssl-dev nlohmann-json3-dev libpugixml-dev
                liburiparser-dev libcpp-httplib-dev node-llhttp libgtest-dev libgmock-dev
                libbenchmark-dev)
demo_packages=(awscli)
test_packages=(awscli python3-boto3 nodejs npm)
fuzz_packages=(clang libclang-rt-14-dev)

case "${1:-build}" in
  build) wanted=("${build_packages[@]}") ;;
  demo) wanted=("${build_packages[@]}" "${demo_packages[@]}") ;;
  test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  fuzz) wanted=("${build_packages[@]}" "${fuzz_packages[@]}") ;;
  *) echo "usage: $0 build|demo|test|fuzz" >&2; exit 2 ;;
esac

# Node.js may come from elsewhere than Debian (with npm inside its own package): the commands
# are what count.
have() {
  case "$1" in
    nodejs) command -v node >/dev/null ;;
    npm) command -v npm >/dev/null ;;
    *) dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" ;;
  esac
}

missing=()
for pkg in "${wanted[@]}"; do
  have "$pkg" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q >&2
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
