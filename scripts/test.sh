#!/usr/bin/env bash
# Builds everything (library, tests, examples, benchmarks) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
# The AWS SDK for JavaScript and the Huawei Cloud SDK, at the versions their lockfiles pin.
npm ci --prefix tests/clients/js --no-audit --no-fund --loglevel=error
npm ci --prefix tests/clients/huawei --no-audit --no-fund --loglevel=error
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFAKEIAM_BUILD_TESTS=ON \
  -DFAKEIAM_BUILD_EXAMPLES=ON -DFAKEIAM_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build -j"$(nproc)" --output-on-failure
