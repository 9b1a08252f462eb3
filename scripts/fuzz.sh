#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang in build-fuzz and runs each for SECONDS
# (default 30) on a copy of its seed corpus (fixtures/fuzz/<target>/, never modified), with its
# dictionary when it has one, leak detection on and a 10-second limit per input.
#   fuzz.sh [SECONDS]
# Prints each target's executions; exits non-zero when any target finds a crash, a leak, a
# timeout or a sanitizer report, after printing its report, the input in hex and where it is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
bash scripts/install-deps.sh fuzz
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFAKEIAM_BUILD_FUZZERS=ON -DFAKEIAM_BUILD_TESTS=OFF \
  -DFAKEIAM_BUILD_EXAMPLES=OFF -DFAKEIAM_INSTALL=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fakeiam_fuzzers

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Crashing inputs outlive the run, beside the build rather than in the committed corpus.
findings=$PWD/build-fuzz/findings
mkdir -p "$findings"
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for source in tests/fuzz/*_fuzzer.cpp; do
  target=$(basename "$source" .cpp)
  cp -r "fixtures/fuzz/$target" "$work/$target"
  dictionary=()
  [ -f "fixtures/fuzz/$target.dict" ] && dictionary=("-dict=fixtures/fuzz/$target.dict")
  if "build-fuzz/tests/fuzz/$target" "$work/$target" "${dictionary[@]}" \
       -max_total_time="$seconds" -timeout=10 -detect_leaks=1 \
       -artifact_prefix="$findings/$target-" >"$work/$target.log" 2>&1; then
    echo "$target: $(grep '^Done ' "$work/$target.log")"
  else
    failed+=("$target")
    echo "$target: FAILED" >&2
    grep -v -E '^#[0-9]+\s' "$work/$target.log" | tail -n 80 >&2
    artifact=$(sed -n 's/.*Test unit written to //p' "$work/$target.log")
    [ -n "$artifact" ] && echo "input ($artifact):" >&2 && od -A x -t x1z "$artifact" | head -n 40 >&2
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
