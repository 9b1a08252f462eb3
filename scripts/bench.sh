#!/usr/bin/env bash
# Reruns every benchmark and writes the results to build/bench-results/<UTC time>/: each Google
# Benchmark program (medians and spread over 5 repetitions, as JSON and text), the store's
# memory per key, and the load driver against fakeiam-server and the do-nothing ceiling server
# (3 interleaved repeats of 5 s per scenario at 1 and 8 connections). Takes about 15 minutes;
# run it on a quiet machine (the load driver reports how busy other processes kept the cores).
#   bench.sh [--quick]   --quick: 1 repetition each and 2-second load phases, to see it work
set -euo pipefail
cd "$(dirname "$0")/.."
repetitions=5 load_repeats=3 load_seconds=5
if [ "${1:-}" = --quick ]; then repetitions=1 load_repeats=1 load_seconds=2; fi
bash scripts/install-deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFAKEIAM_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build -j"$(nproc)"
out=build/bench-results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/machine.txt"
for program in build/bench/fakeiam_*_bench; do
  name=$(basename "$program")
  echo "== $name"
  "$program" --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true \
    --benchmark_out="$out/$name.json" --benchmark_out_format=json | tee "$out/$name.txt"
done
echo "== fakeiam_store_memory"
build/bench/fakeiam_store_memory | tee "$out/fakeiam_store_memory.txt"
echo "== fakeiam_load"
build/bench/fakeiam_load --fakeiam-server build/src/fakeiam-server \
  --null-server build/bench/fakeiam_null_server --baseline null --connections 1,8 \
  --repeat "$load_repeats" --duration "$load_seconds" --json "$out/fakeiam_load.jsonl" |
  tee "$out/fakeiam_load.txt"
echo "results in $out"
