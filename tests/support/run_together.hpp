// Starts threads at the same moment, so that what they do really overlaps.
#ifndef FAKEIAM_TESTS_SUPPORT_RUN_TOGETHER_HPP_
#define FAKEIAM_TESTS_SUPPORT_RUN_TOGETHER_HPP_

#include <atomic>
#include <thread>
#include <vector>

namespace fakeiam::testing_support {

// Starts `n` threads running `body(thread_index)` at the same moment and joins them.
template <typename Body>
void RunTogether(int n, Body body) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      ready.fetch_add(1);
      while (ready.load() < n) std::this_thread::yield();
      body(i);
    });
  }
  for (auto& t : threads) t.join();
}

}  // namespace fakeiam::testing_support

#endif  // FAKEIAM_TESTS_SUPPORT_RUN_TOGETHER_HPP_
