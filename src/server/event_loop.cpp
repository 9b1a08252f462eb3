#include "server/event_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace fakeiam::internal {
namespace {

constexpr int kEventsPerWait = 64;

int Checked(int descriptor, const char* what) {
  if (descriptor < 0) throw std::system_error(errno, std::generic_category(), what);
  return descriptor;
}

std::uint32_t EventsFor(Connection::Next next) {
  return next == Connection::Next::kWritable ? EPOLLOUT : EPOLLIN;
}

}  // namespace

EventLoop::EventLoop(Handoff move_to_thread)
    : move_to_thread_(std::move(move_to_thread)),
      epoll_(Checked(epoll_create1(EPOLL_CLOEXEC), "epoll_create1")),
      wake_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (wake_ < 0) {
    const int error = errno;
    close(epoll_);
    throw std::system_error(error, std::generic_category(), "eventfd");
  }
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.ptr = nullptr;
  epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &wake);
  thread_ = std::thread([this] { Run(); });
}

EventLoop::~EventLoop() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  const std::uint64_t one = 1;
  static_cast<void>(write(wake_, &one, sizeof one));
  thread_.join();
  served_.clear();
  adopted_.clear();
  close(wake_);
  close(epoll_);
}

void EventLoop::Adopt(std::unique_ptr<Connection> connection) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    adopted_.push_back(std::move(connection));
  }
  const std::uint64_t one = 1;
  static_cast<void>(write(wake_, &one, sizeof one));
}

void EventLoop::Run() {
  epoll_event events[kEventsPerWait];
  for (;;) {
    int timeout = -1;
    if (next_sweep_ != SteadyClock::time_point::max()) {
      const auto left = next_sweep_ - SteadyClock::now();
      // Rounded up, so that the wait ends at the deadline, not just before it.
      timeout = static_cast<int>(
          std::max<std::int64_t>(std::chrono::ceil<std::chrono::milliseconds>(left).count(), 0));
    }
    const int ready = epoll_wait(epoll_, events, kEventsPerWait, timeout);
    if (ready < 0 && errno != EINTR) return;
    for (int i = 0; i < ready; ++i) {
      auto* connection = static_cast<Connection*>(events[i].data.ptr);
      if (!connection) {
        if (!TakeAdopted()) return;
        continue;
      }
      const auto served = served_.find(connection);
      if (served == served_.end()) continue;
      Follow(served, served->second.events == EPOLLOUT ? connection->OnWritable()
                                                       : connection->OnReadable());
    }
    // The answers go out together after all ready requests are answered: a client woken by the
    // first then finds the others waiting too, instead of being woken once per answer.
    for (Connection* const connection : flushes_) {
      const auto served = served_.find(connection);
      if (served != served_.end()) Follow(served, connection->Flush());
    }
    flushes_.clear();
    if (SteadyClock::now() >= next_sweep_) Sweep();
  }
}

bool EventLoop::TakeAdopted() {
  std::uint64_t count = 0;
  static_cast<void>(read(wake_, &count, sizeof count));
  std::vector<std::unique_ptr<Connection>> adopted;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return false;
    adopted.swap(adopted_);
  }
  for (std::unique_ptr<Connection>& connection : adopted) {
    Connection* const key = connection.get();
    epoll_event watch{};
    watch.events = EPOLLIN;
    watch.data.ptr = key;
    // A connection epoll cannot watch is closed; the client sees it end unanswered.
    if (epoll_ctl(epoll_, EPOLL_CTL_ADD, key->socket(), &watch) != 0) continue;
    next_sweep_ = std::min(next_sweep_, key->deadline());
    served_.emplace(key, Served{std::move(connection), EPOLLIN});
  }
  return true;
}

EventLoop::ServedMap::iterator EventLoop::Follow(ServedMap::iterator served,
                                                 Connection::Next next) {
  Connection& connection = *served->second.connection;
  if (next == Connection::Next::kEnd) return served_.erase(served);
  if (next == Connection::Next::kThread) {
    epoll_ctl(epoll_, EPOLL_CTL_DEL, connection.socket(), nullptr);
    std::unique_ptr<Connection> moving = std::move(served->second.connection);
    const auto after = served_.erase(served);
    move_to_thread_(std::move(moving));
    return after;
  }
  const std::uint32_t events = EventsFor(next);
  if (events != served->second.events) {
    epoll_event watch{};
    watch.events = events;
    watch.data.ptr = &connection;
    if (epoll_ctl(epoll_, EPOLL_CTL_MOD, connection.socket(), &watch) != 0) {
      return served_.erase(served);
    }
    served->second.events = events;
  }
  if (next == Connection::Next::kFlush) flushes_.push_back(&connection);
  next_sweep_ = std::min(next_sweep_, connection.deadline());
  return std::next(served);
}

void EventLoop::Sweep() {
  const auto now = SteadyClock::now();
  next_sweep_ = SteadyClock::time_point::max();
  for (auto served = served_.begin(); served != served_.end();) {
    Connection& connection = *served->second.connection;
    if (connection.deadline() <= now) {
      served = Follow(served, connection.OnDeadline());
    } else {
      next_sweep_ = std::min(next_sweep_, connection.deadline());
      ++served;
    }
  }
}

}  // namespace fakeiam::internal
