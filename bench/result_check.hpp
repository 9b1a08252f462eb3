// What the benchmarks do with a store or fixture call that fails.
#ifndef FAKEIAM_BENCH_RESULT_CHECK_HPP_
#define FAKEIAM_BENCH_RESULT_CHECK_HPP_

#include <benchmark/benchmark.h>

namespace fakeiam::bench {

// A failed call would time its error path; report the error instead of a misleading figure.
template <typename R>
bool Failed(benchmark::State& state, const R& result) {
  if (result.ok()) return false;
  state.SkipWithError(result.error().message.c_str());
  return true;
}

}  // namespace fakeiam::bench

#endif  // FAKEIAM_BENCH_RESULT_CHECK_HPP_
