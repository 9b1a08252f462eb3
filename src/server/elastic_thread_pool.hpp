// Threads for the connections whose requests may block: one each, started on demand up to a limit.
#ifndef FAKEIAM_SRC_SERVER_ELASTIC_THREAD_POOL_HPP_
#define FAKEIAM_SRC_SERVER_ELASTIC_THREAD_POOL_HPP_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace fakeiam::internal {

// A connection holds its worker for as long as it is open (keep-alive) or slow, so a fixed pool
// lets a few idle or stalled clients starve every other one. This pool starts `initial` workers
// and adds one whenever a job arrives with no worker free, up to `limit`; past that, jobs wait.
// Workers last until Shutdown, which runs the jobs already queued and joins every worker.
class ElasticThreadPool {
 public:
  ElasticThreadPool(std::size_t initial, std::size_t limit);
  ~ElasticThreadPool();
  ElasticThreadPool(const ElasticThreadPool&) = delete;
  ElasticThreadPool& operator=(const ElasticThreadPool&) = delete;

  void Enqueue(std::function<void()> job);
  void Shutdown();

  // Workers running: those started and not yet joined by Shutdown.
  std::size_t size() const;

 private:
  void StartWorkerLocked();
  void Work();

  const std::size_t limit_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
  std::size_t idle_ = 0;
  bool shutting_down_ = false;
};

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_SERVER_ELASTIC_THREAD_POOL_HPP_
