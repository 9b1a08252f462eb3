#!/usr/bin/env bash
# Proves that another CMake project can use fakeiam both ways: find_package after
# `cmake --install`, and add_subdirectory of a source checkout.
#   consumer_test.sh <fakeiam source dir> <fakeiam build dir>
set -euo pipefail
src=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$src/examples/consumer" -B "$work/installed" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/installed" -j2 >/dev/null
"$work/installed/consumer"
"$work/installed/consumer_test" --gtest_brief=1

cmake -S "$src/examples/consumer" -B "$work/vendored" -DFAKEIAM_SOURCE="$src" >/dev/null
cmake --build "$work/vendored" -j2 >/dev/null
"$work/vendored/consumer"
"$work/vendored/consumer_test" --gtest_brief=1
