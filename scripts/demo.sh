#!/usr/bin/env bash
# The main job: build fakeiam and run the demo of the seed scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target fakeiam_store_demo >/dev/null
./build/examples/fakeiam_store_demo
