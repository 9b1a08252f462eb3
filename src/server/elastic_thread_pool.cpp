#include "server/elastic_thread_pool.hpp"

#include <algorithm>

namespace fakeiam::internal {

ElasticThreadPool::ElasticThreadPool(std::size_t initial, std::size_t limit)
    : limit_(std::max<std::size_t>(limit, 1)) {
  const std::lock_guard<std::mutex> lock(mutex_);
  while (workers_.size() < std::min(initial, limit_)) StartWorkerLocked();
}

ElasticThreadPool::~ElasticThreadPool() { Shutdown(); }

void ElasticThreadPool::Enqueue(std::function<void()> job) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (shutting_down_) {
      // No worker is left to run it, and a connection's job must still run to close its socket.
      lock.unlock();
      job();
      return;
    }
    jobs_.push_back(std::move(job));
    // Idle workers already woken for earlier jobs do not count as free for this one.
    if (idle_ < jobs_.size() && workers_.size() < limit_) StartWorkerLocked();
  }
  wake_.notify_one();
}

void ElasticThreadPool::Shutdown() {
  std::vector<std::thread> workers;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    shutting_down_ = true;
    workers.swap(workers_);
  }
  wake_.notify_all();
  for (std::thread& worker : workers) worker.join();
}

std::size_t ElasticThreadPool::size() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return workers_.size();
}

void ElasticThreadPool::StartWorkerLocked() {
  // Free from the moment it exists, so that the next job does not start another.
  ++idle_;
  workers_.emplace_back([this] { Work(); });
}

void ElasticThreadPool::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return !jobs_.empty() || shutting_down_; });
    if (jobs_.empty()) return;  // shutting down with nothing left to run
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    --idle_;
    lock.unlock();
    job();
    lock.lock();
    ++idle_;
  }
}

}  // namespace fakeiam::internal
