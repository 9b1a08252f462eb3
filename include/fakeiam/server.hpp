// An embedded HTTP/1.1 server that serves an HttpService (the fake's Handler, or a
// recorder, replayer or upstream in front of it) on 127.0.0.1, for tests and for the
// fakeiam-server command.
//
// Start() binds (port 0 picks a free port) and listens before it returns, so a connection made
// once it has returned is served. Stop() is idempotent and prompt, and the destructor calls it.
// Many servers may run at once in one process, and a store may be shared with in-process calls
// while a server serves it.
#ifndef FAKEIAM_SERVER_HPP_
#define FAKEIAM_SERVER_HPP_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "fakeiam/handler.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/http_service.hpp"
#include "fakeiam/result.hpp"
#include "fakeiam/store.hpp"

namespace fakeiam {

// One answered request, for logs.
struct RequestLog {
  const HttpRequest& request;
  const HttpResponse& response;
  std::string remote_address;
  std::chrono::microseconds elapsed;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: an ephemeral port
  // Event loops serving connections, a thread each; 0: one per core. A loop serves many
  // connections at once, so idle keep-alive connections and slow clients hold no thread.
  int threads = 0;
  // A connection whose request may block (HttpService::MayBlock: a fault rule's latency, a
  // recorder's file, an upstream) moves off its loop to a thread of its own for the rest of its
  // life; at most this many such threads run at once, and past that such connections wait.
  int max_threads = 512;
  // How long a request may take to arrive whole once its first bytes came (the server then
  // answers 408 and closes), and a response to be taken, so that a slow client cannot hold a
  // thread for long.
  std::chrono::milliseconds io_timeout{5000};
  // How long an idle keep-alive connection stays open.
  std::chrono::seconds keep_alive_timeout{5};
  // Larger bodies are refused before the handler sees them.
  std::size_t max_request_bytes = 1024 * 1024;
  // Called after each request is answered, from the serving thread: an event loop serving other
  // connections too, so keep it short.
  std::function<void(const RequestLog&)> on_request;
};

class Server {
 public:
  Server(std::shared_ptr<const HttpService> service, ServerOptions options = {});
  // A server over a Handler with default options for `store`.
  explicit Server(std::shared_ptr<Store> store, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Errors: ServiceFailure when the address cannot be bound or the server does not come up.
  Result<void> Start();
  void Stop();

  bool running() const;
  // The bound port; 0 before Start.
  int port() const;
  // "http://HOST:PORT".
  std::string endpoint() const;
  const HttpService& service() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fakeiam

#endif  // FAKEIAM_SERVER_HPP_
