// A thread serving many connections at once with epoll: it reads, answers and writes for
// whichever connections are ready, several per wakeup under load, and ends those idle or slow
// past their deadlines. No thread per connection means no wakeup and context switch per request,
// and idle or stalled clients cost no thread.
#ifndef FAKEIAM_SRC_SERVER_EVENT_LOOP_HPP_
#define FAKEIAM_SRC_SERVER_EVENT_LOOP_HPP_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/connection.hpp"

namespace fakeiam::internal {

class EventLoop {
 public:
  // Takes a connection whose request may block, which the loop gives up.
  using Handoff = std::function<void(std::unique_ptr<Connection>)>;

  // Starts the loop's thread.
  explicit EventLoop(Handoff move_to_thread);
  // Stops the thread; the connections it still serves are closed.
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Serves `connection` from now on. Thread-safe.
  void Adopt(std::unique_ptr<Connection> connection);

 private:
  struct Served {
    std::unique_ptr<Connection> connection;
    std::uint32_t events;  // what epoll watches for it
  };
  using ServedMap = std::unordered_map<Connection*, Served>;

  void Run();
  // Takes the connections adopted since the last call; false when the loop is to stop.
  bool TakeAdopted();
  // Acts on what `served` waits for next; returns the position after it, erasing it if it ended.
  ServedMap::iterator Follow(ServedMap::iterator served, Connection::Next next);
  // Gives every connection past its deadline its OnDeadline, and finds the next deadline.
  void Sweep();

  const Handoff move_to_thread_;
  const int epoll_;
  const int wake_;  // an eventfd: Adopt and the destructor write it
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> adopted_;
  bool stopping_ = false;
  ServedMap served_;                  // the loop thread's own
  std::vector<Connection*> flushes_;  // answers to send at the end of this wakeup
  // No connection's deadline comes before it.
  SteadyClock::time_point next_sweep_ = SteadyClock::time_point::max();
  std::thread thread_;
};

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_SERVER_EVENT_LOOP_HPP_
