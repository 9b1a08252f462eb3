// The server's worker pool: it grows while every worker is busy, stops growing at its limit, and
// runs every job it was given before Shutdown returns.
#include "server/elastic_thread_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace fakeiam::internal {
namespace {

// Jobs that hold their worker until released, as a keep-alive connection does.
class Gate {
 public:
  void Hold() {
    std::unique_lock<std::mutex> lock(mutex_);
    ++holding_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
    --holding_;
  }
  void Open() {
    const std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }
  // Waits until `n` jobs hold a worker; false if they do not within a few seconds.
  bool AwaitHolding(int n) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(5), [&] { return holding_ == n; });
  }
  int holding() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return holding_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int holding_ = 0;
  bool open_ = false;
};

TEST(ElasticThreadPoolTest, StartsItsInitialWorkers) {
  ElasticThreadPool pool(3, 10);
  EXPECT_EQ(pool.size(), 3u);
}

TEST(ElasticThreadPoolTest, AddsAWorkerForEachJobThatFindsEveryWorkerBusy) {
  ElasticThreadPool pool(1, 8);
  Gate gate;
  for (int i = 0; i < 5; ++i) pool.Enqueue([&] { gate.Hold(); });
  EXPECT_TRUE(gate.AwaitHolding(5));
  EXPECT_EQ(pool.size(), 5u);
  gate.Open();
  pool.Shutdown();
}

TEST(ElasticThreadPoolTest, JobsPastTheLimitWaitForAFreeWorker) {
  ElasticThreadPool pool(0, 2);
  Gate gate;
  std::atomic<int> ran{0};
  for (int i = 0; i < 2; ++i) pool.Enqueue([&] { gate.Hold(); });
  ASSERT_TRUE(gate.AwaitHolding(2));
  pool.Enqueue([&] { ran.fetch_add(1); });
  EXPECT_EQ(pool.size(), 2u);
  EXPECT_EQ(ran.load(), 0);
  gate.Open();
  pool.Shutdown();
  EXPECT_EQ(ran.load(), 1);
}

TEST(ElasticThreadPoolTest, ReusesIdleWorkersRatherThanStartingMore) {
  ElasticThreadPool pool(2, 8);
  std::atomic<int> ran{0};
  for (int i = 0; i < 100; ++i) {
    pool.Enqueue([&] { ran.fetch_add(1); });
    while (ran.load() <= i) std::this_thread::yield();
  }
  EXPECT_EQ(pool.size(), 2u);
}

TEST(ElasticThreadPoolTest, ShutdownRunsQueuedJobsAndJoinsEveryWorker) {
  std::atomic<int> ran{0};
  ElasticThreadPool pool(1, 1);
  for (int i = 0; i < 50; ++i) pool.Enqueue([&] { ran.fetch_add(1); });
  pool.Shutdown();
  EXPECT_EQ(ran.load(), 50);
  EXPECT_EQ(pool.size(), 0u);
  // A job that arrives after Shutdown still runs, on the caller's thread.
  pool.Enqueue([&] { ran.fetch_add(1); });
  EXPECT_EQ(ran.load(), 51);
}

}  // namespace
}  // namespace fakeiam::internal
