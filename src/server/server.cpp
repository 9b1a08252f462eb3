// The embedded server: a listening socket, a thread that accepts connections and deals them out
// to event loops (server/event_loop.hpp), and an elastic pool of threads for the connections
// whose requests may block, each of which then has a thread of its own.
#include "fakeiam/server.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <vector>

#include "http/header_section.hpp"
#include "server/connection.hpp"
#include "server/elastic_thread_pool.hpp"
#include "server/event_loop.hpp"

namespace fakeiam {
namespace {

using SteadyClock = std::chrono::steady_clock;

// The numeric address of a socket address, for logs.
std::string AddressOf(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(address).sin_addr, text, sizeof text);
  } else if (address.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(address).sin6_addr, text,
              sizeof text);
  }
  return text;
}

int PortOf(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  }
  return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
}

// A listening socket on `host`:`port`, or the errno of the last address that failed.
Result<int> Listen(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const int lookup = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
  if (lookup != 0) return Error::Make(ErrorCode::ServiceFailure, gai_strerror(lookup));
  int error = EADDRNOTAVAIL;
  int listener = -1;
  for (const addrinfo* address = found; address && listener < 0; address = address->ai_next) {
    const int sock = socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, 0);
    if (sock < 0) {
      error = errno;
      continue;
    }
    // Not SO_REUSEPORT, which would let a second server bind a port in use and silently take
    // half of its connections.
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (bind(sock, address->ai_addr, address->ai_addrlen) == 0 && listen(sock, SOMAXCONN) == 0) {
      listener = sock;
    } else {
      error = errno;
      close(sock);
    }
  }
  freeaddrinfo(found);
  if (listener < 0) return Error::Make(ErrorCode::ServiceFailure, std::strerror(error));
  return listener;
}

}  // namespace

class Server::Impl : private internal::Responder {
 public:
  Impl(std::shared_ptr<const HttpService> service, ServerOptions options)
      : service_(std::move(service)), options_(std::move(options)) {
    if (!service_) throw std::invalid_argument("fakeiam::Server needs a service");
    settings_.limits.max_body_bytes = options_.max_request_bytes;
    settings_.io_timeout = options_.io_timeout;
    settings_.keep_alive_timeout = options_.keep_alive_timeout;
  }

  ~Impl() { Stop(); }

  Result<void> Start() {
    if (accepting_.joinable()) return {};
    Result<int> listener = Listen(options_.host, options_.port);
    if (!listener) {
      return Error::Make(ErrorCode::ServiceFailure, "cannot listen on " + options_.host + ":" +
                                                        std::to_string(options_.port) + ": " +
                                                        listener.error().message);
    }
    listener_ = *listener;
    sockaddr_storage bound{};
    socklen_t size = sizeof bound;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&bound), &size);
    port_ = PortOf(bound);
    stopping_ = false;
    workers_.emplace(0, static_cast<std::size_t>(std::max(options_.max_threads, 1)));
    const int loops = options_.threads > 0
                          ? options_.threads
                          : static_cast<int>(std::max(std::thread::hardware_concurrency(), 1u));
    try {
      for (int i = 0; i < loops; ++i) {
        loops_.push_back(std::make_unique<internal::EventLoop>(
            [this](std::unique_ptr<internal::Connection> connection) {
              MoveToThread(std::move(connection));
            }));
      }
    } catch (const std::system_error& failure) {
      loops_.clear();
      workers_.reset();
      close(listener_);
      listener_ = -1;
      return Error::Make(ErrorCode::ServiceFailure,
                         std::string("cannot start the server: ") + failure.what());
    }
    // The socket listens already, so connections made from here on wait in its backlog until
    // the accepting thread takes them: the server answers as soon as Start returns.
    accepting_ = std::thread([this] { Accept(); });
    return {};
  }

  void Stop() {
    if (!accepting_.joinable()) return;
    {
      const std::lock_guard<std::mutex> lock(connections_mutex_);
      stopping_ = true;
      // Wakes the accepting thread, and every connection served on a thread of its own, so that
      // each ends; the event loops close theirs as they stop.
      shutdown(listener_, SHUT_RDWR);
      for (const int connection : connections_) shutdown(connection, SHUT_RDWR);
    }
    accepting_.join();
    close(listener_);
    listener_ = -1;
    loops_.clear();
    workers_.reset();
  }

  bool running() const { return accepting_.joinable(); }
  int port() const { return port_; }
  std::string endpoint() const { return "http://" + options_.host + ":" + std::to_string(port_); }
  const HttpService& service() const { return *service_; }

 private:
  void Accept() {
    for (;;) {
      sockaddr_storage peer{};
      socklen_t size = sizeof peer;
      const int connection = accept4(listener_, reinterpret_cast<sockaddr*>(&peer), &size,
                                     SOCK_CLOEXEC | SOCK_NONBLOCK);
      if (connection < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          // Out of descriptors or memory: let connections end before taking more.
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
          continue;
        }
        return;  // the listener was shut down by Stop
      }
      const int yes = 1;
      setsockopt(connection, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      const internal::Responder& responder = *this;
      loops_[next_loop_]->Adopt(std::make_unique<internal::Connection>(connection, AddressOf(peer),
                                                                       settings_, responder));
      next_loop_ = (next_loop_ + 1) % loops_.size();
    }
  }

  // A connection whose request may block gets a thread of its own for the rest of its life;
  // the server keeps it in `connections_` so that Stop can end it.
  void MoveToThread(std::unique_ptr<internal::Connection> connection) {
    const int socket = connection->socket();
    {
      const std::lock_guard<std::mutex> lock(connections_mutex_);
      if (stopping_) return;
      connections_.insert(socket);
    }
    auto moving = std::make_shared<std::unique_ptr<internal::Connection>>(std::move(connection));
    workers_->Enqueue([this, moving, socket] {
      (*moving)->ServeOnThisThread();
      // Closed under the lock, so that Stop never shuts down a number reused meanwhile.
      const std::lock_guard<std::mutex> lock(connections_mutex_);
      connections_.erase(socket);
      moving->reset();
    });
  }

  HttpResponse Answer(const HttpRequest& request, const std::string& peer) const override {
    if (const std::optional<Error> problem = internal::HeaderSectionProblem(request.headers)) {
      return Refuse(request, *problem, peer);
    }
    const auto start = LogStart();
    HttpResponse response = service_->Handle(request);
    Log(request, response, peer, start);
    return response;
  }

  bool MayBlock(const HttpRequest& request) const override { return service_->MayBlock(request); }

  HttpResponse Refuse(const HttpRequest& request, const Error& error,
                      const std::string& peer) const override {
    const auto start = LogStart();
    HttpResponse response = service_->Reject(request, error);
    Log(request, response, peer, start);
    return response;
  }

  // When answering began, for the log; the clock is not read when nothing logs.
  SteadyClock::time_point LogStart() const {
    return options_.on_request ? SteadyClock::now() : SteadyClock::time_point();
  }

  void Log(const HttpRequest& request, const HttpResponse& response, const std::string& peer,
           SteadyClock::time_point start) const {
    if (!options_.on_request) return;
    options_.on_request(RequestLog{
        request, response, peer,
        std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - start)});
  }

  std::shared_ptr<const HttpService> service_;
  ServerOptions options_;
  internal::ConnectionSettings settings_;
  std::optional<internal::ElasticThreadPool> workers_;
  std::vector<std::unique_ptr<internal::EventLoop>> loops_;
  std::size_t next_loop_ = 0;  // the accepting thread's
  std::thread accepting_;
  int listener_ = -1;
  int port_ = 0;
  std::mutex connections_mutex_;
  std::unordered_set<int> connections_;
  bool stopping_ = false;
};

Server::Server(std::shared_ptr<const HttpService> service, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(service), std::move(options))) {}
Server::Server(std::shared_ptr<Store> store, ServerOptions options)
    : Server(std::make_shared<Handler>(std::move(store)), std::move(options)) {}
Server::~Server() = default;

Result<void> Server::Start() { return impl_->Start(); }
void Server::Stop() { impl_->Stop(); }
bool Server::running() const { return impl_->running(); }
int Server::port() const { return impl_->port(); }
std::string Server::endpoint() const { return impl_->endpoint(); }
const HttpService& Server::service() const { return impl_->service(); }

}  // namespace fakeiam
