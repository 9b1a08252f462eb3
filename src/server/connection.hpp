// One accepted connection as a state machine over its non-blocking socket: the bytes read are
// parsed into requests (RequestReader), answered by a Responder, and each answer goes out in a
// single write. An event loop drives many connections at once (server/event_loop.hpp); a
// connection whose request may block is handed to a thread of its own, which drives it to its
// end with ServeOnThisThread.
#ifndef FAKEIAM_SRC_SERVER_CONNECTION_HPP_
#define FAKEIAM_SRC_SERVER_CONNECTION_HPP_

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "fakeiam/error.hpp"
#include "fakeiam/http.hpp"
#include "server/request_reader.hpp"

namespace fakeiam::internal {

using SteadyClock = std::chrono::steady_clock;

// What the server does with each request a connection reads.
class Responder {
 public:
  virtual ~Responder() = default;
  virtual HttpResponse Answer(const HttpRequest& request, const std::string& peer) const = 0;
  // A request the transport refuses, answered in its dialect.
  virtual HttpResponse Refuse(const HttpRequest& request, const Error& error,
                              const std::string& peer) const = 0;
  // Whether answering `request` may block the thread (HttpService::MayBlock).
  virtual bool MayBlock(const HttpRequest& request) const = 0;
};

struct ConnectionSettings {
  RequestLimits limits;
  // How long a started request may take to arrive whole, and a response to be taken.
  std::chrono::milliseconds io_timeout{5000};
  // How long the connection may sit idle between requests.
  std::chrono::milliseconds keep_alive_timeout{5000};
};

// A connection ends when the client closes it, it sits idle too long, a request is refused or
// does not arrive in time, a response cannot be sent, or a fault rule drops it. The server
// shuts the socket down to end it early.
class Connection {
 public:
  // What the connection waits for next.
  enum class Next {
    kReadable,
    kWritable,
    kFlush,   // an answer is ready: send it with Flush once the other ready connections are served
    kThread,  // a request that may block: hand the connection to a thread of its own
    kEnd,     // done: destroy it
  };

  // Takes the socket, which must be non-blocking, and closes it when destroyed.
  Connection(int socket, std::string peer, const ConnectionSettings& settings,
             const Responder& responder);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  int socket() const { return socket_; }
  // When OnDeadline is due, if nothing happens before.
  SteadyClock::time_point deadline() const { return deadline_; }

  // Reads and answers, but leaves an answer for Flush to send (kFlush).
  Next OnReadable();
  Next OnWritable();
  // Sends the answer OnReadable left, and goes on.
  Next Flush() { return Advance(Sending::kNow); }
  Next OnDeadline();

  // Serves the connection to its end on the calling thread, answering requests that may block
  // as well: for a connection an event loop gave up with kThread.
  void ServeOnThisThread();

 private:
  enum class Sending { kNow, kLater };
  // Answers what has been read, sends what is due (or leaves a new answer for Flush), and says
  // what to wait for next.
  Next Advance(Sending sending = Sending::kNow);
  void Answer();
  void Refuse(const Error& error);
  // Puts `response` up for sending; the connection ends after it unless `keep_alive`.
  void Send(HttpResponse&& response, bool keep_alive, bool head_only);
  enum class Sent { kAll, kBlocked, kFailed };
  Sent Write();
  Next Drain();

  const int socket_;
  const std::string peer_;
  const ConnectionSettings& settings_;
  const Responder& responder_;
  RequestReader reader_;
  std::unique_ptr<char[]> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  // A request read and not yet answered, and whether the connection may carry another.
  std::optional<HttpRequest> pending_;
  bool pending_keep_alive_ = false;
  // The answer being sent: its head and body, and how much of the two has gone.
  std::string head_, body_;
  std::size_t sent_ = 0;
  bool sending_ = false;
  // What follows the answer being sent: the end, or a lingering close (a refusal).
  bool end_after_send_ = false, linger_after_send_ = false;
  bool lingering_ = false;
  std::size_t drained_ = 0;
  bool dropped_ = false;
  bool on_thread_ = false;
  SteadyClock::time_point deadline_;
  std::optional<SteadyClock::time_point> request_deadline_, send_deadline_;
};

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_SERVER_CONNECTION_HPP_
