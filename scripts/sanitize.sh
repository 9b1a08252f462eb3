#!/usr/bin/env bash
# Builds the whole test suite with sanitizers in build-<mode> and runs every test, as
# scripts/test.sh does:
#   sanitize.sh address   AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer
#   sanitize.sh thread    ThreadSanitizer
# Every report fails the run, including those of fakeiam-server processes that the client suites
# start and whose exit status they do not read: reports go to files, which are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: sanitize.sh address|thread}
case "$mode" in
  address) sanitizers=address,undefined ;;
  thread) sanitizers=thread ;;
  *) echo "usage: $0 address|thread" >&2; exit 2 ;;
esac
bash scripts/install-deps.sh test
npm ci --prefix tests/clients/js --no-audit --no-fund --loglevel=error
npm ci --prefix tests/clients/huawei --no-audit --no-fund --loglevel=error

build=build-$mode
reports=$PWD/$build/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
# In the cache and in the environment too, so that the projects the packaging test builds against
# fakeiam get the same instrumentation. GCC's -Wmaybe-uninitialized misfires on
# instrumented code (in std::regex and std::function), and warnings are errors here.
export CXXFLAGS="-fsanitize=$sanitizers -fno-sanitize-recover=all -fno-omit-frame-pointer"
CXXFLAGS+=" -Wno-maybe-uninitialized"
export CFLAGS="$CXXFLAGS"  # llhttp is C
export LDFLAGS="-fsanitize=$sanitizers"
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:log_path=$reports/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:log_path=$reports/tsan"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFAKEIAM_BUILD_TESTS=ON \
  -DFAKEIAM_BUILD_EXAMPLES=ON -DCMAKE_CXX_FLAGS="$CXXFLAGS" -DCMAKE_C_FLAGS="$CFLAGS" \
  -DCMAKE_EXE_LINKER_FLAGS="$LDFLAGS" -DCMAKE_SHARED_LINKER_FLAGS="$LDFLAGS" >/dev/null
cmake --build "$build" -j"$(nproc)"
status=0
ctest --test-dir "$build" -j"$(nproc)" --output-on-failure || status=$?
if compgen -G "$reports/*" >/dev/null; then
  echo "$mode sanitizer reports:" >&2
  for report in "$reports"/*; do
    echo "== $report" >&2
    cat "$report" >&2
  done
  exit 1
fi
exit "$status"
