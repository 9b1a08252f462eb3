// The only file that includes httplib: it adapts httplib's requests to fakeiam's HttpRequest and
// back, and manages the server's thread.
#include "fakeiam/server.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <thread>

#include "http/header_section.hpp"
#include "server/elastic_thread_pool.hpp"

namespace fakeiam {
namespace {

using SteadyClock = std::chrono::steady_clock;

// httplib's view of the server's workers.
class ElasticTaskQueue : public httplib::TaskQueue {
 public:
  ElasticTaskQueue(std::size_t initial, std::size_t limit) : pool_(initial, limit) {}
  void enqueue(std::function<void()> job) override { pool_.Enqueue(std::move(job)); }
  void shutdown() override { pool_.Shutdown(); }

 private:
  internal::ElasticThreadPool pool_;
};

// Start's own readiness request, which the request log leaves out.
constexpr char kProbeAgent[] = "fakeiam-readiness-probe";

HttpRequest ToRequest(const httplib::Request& in) {
  HttpRequest out;
  out.method = in.method;
  // `target` is the request target as sent; httplib's `path` is already percent-decoded.
  const std::size_t question = in.target.find('?');
  out.path = in.target.substr(0, question);
  if (question != std::string::npos) out.query = in.target.substr(question + 1);
  for (const auto& [name, value] : in.headers) out.headers.Add(name, value);
  out.body = in.body;
  return out;
}

void ToResponse(const HttpResponse& in, httplib::Response& out) {
  out.status = in.status;
  std::string content_type;
  for (const auto& [name, value] : in.headers) {
    if (strcasecmp(name.c_str(), "Content-Type") == 0) {
      content_type = value;
    } else {
      out.set_header(name, value);
    }
  }
  // A response without a body (204) carries no content type either.
  if (!content_type.empty() || !in.body.empty()) {
    out.set_content(in.body, content_type.empty() ? "text/plain" : content_type);
  }
}

// The port of an IP socket address, or -1.
int PortOf(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  }
  if (address.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  }
  return -1;
}

// Whether `fd` is a connected (not listening) socket whose local port is `port` and, when
// `peer_port` is not -1, whose peer's port is that one.
bool IsConnectionOn(int fd, int port, int peer_port) {
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) return false;
  int listening = 0;
  socklen_t size = sizeof listening;
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || listening) return false;
  sockaddr_storage local{}, peer{};
  socklen_t local_size = sizeof local, peer_size = sizeof peer;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0 ||
      PortOf(local) != port) {
    return false;
  }
  return peer_port == -1 || (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) == 0 &&
                             PortOf(peer) == peer_port);
}

// httplib 0.11 gives its handlers no socket. To end connections on its behalf, find the sockets
// this server accepted (see IsConnectionOn) and shut each down, so that httplib's next read or
// write fails and it closes the connection. Other threads open and close descriptors meanwhile,
// and a number closed under us may name another server's socket by the time we act: so each
// descriptor is first duplicated, which holds its socket, and only the duplicate is examined and
// shut down.
void ShutDownAcceptedConnections(int port, int peer_port = -1) {
  DIR* dir = opendir("/proc/self/fd");
  if (!dir) return;
  const int listing = dirfd(dir);
  while (const dirent* entry = readdir(dir)) {
    const int fd = std::atoi(entry->d_name);
    if (fd <= 2 || fd == listing) continue;
    const int held = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (held < 0) continue;
    if (IsConnectionOn(held, port, peer_port)) shutdown(held, SHUT_RDWR);
    close(held);
  }
  closedir(dir);
}

}  // namespace

class Server::Impl {
 public:
  Impl(std::shared_ptr<const HttpService> service, ServerOptions options)
      : service_(std::move(service)), options_(std::move(options)) {
    if (!service_) throw std::invalid_argument("fakeiam::Server needs a service");
  }

  ~Impl() { Stop(); }

  Result<void> Start() {
    if (thread_.joinable()) return {};
    // A fresh httplib::Server per start: httplib 0.11 cannot restart a stopped one.
    http_ = std::make_unique<httplib::Server>();
    Configure(*http_);
    port_ = options_.port == 0
                ? http_->bind_to_any_port(options_.host)
                : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
    if (port_ < 0) {
      const std::string why = std::strerror(errno);
      http_.reset();
      port_ = 0;
      return Error::Make(ErrorCode::ServiceFailure, "cannot listen on " + options_.host + ":" +
                                                        std::to_string(options_.port) + ": " + why);
    }
    loop_done_ = false;
    // Debian's httplib listens with a backlog of 5: a burst of connections (eight clients
    // starting at once) overflows it and the kernel drops SYNs, which clients resend after a
    // second. Listening again on the bound socket raises the backlog.
    ::listen(listener_, SOMAXCONN);
    thread_ = std::thread([this] {
      http_->listen_after_bind();
      loop_done_ = true;
    });
    // httplib 0.11's stop() does nothing until the accept loop runs, so wait for it; then make
    // one real request so that Start returns only once the server answers.
    const auto deadline = SteadyClock::now() + std::chrono::seconds(5);
    while (!http_->is_running() && SteadyClock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
    if (!http_->is_running() || !Probe()) {
      Stop();
      return Error::Make(ErrorCode::ServiceFailure,
                         "the server on " + options_.host + " did not come up");
    }
    return {};
  }

  void Stop() {
    if (!thread_.joinable()) return;
    http_->stop();
    // httplib 0.11 keeps an idle keep-alive connection until its timeout, even after stop(), so
    // end the accepted connections; some may still be queued for a worker, so repeat until every
    // worker has finished.
    while (!loop_done_) {
      ShutDownAcceptedConnections(port_);
      for (int i = 0; i < 20 && !loop_done_; ++i) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
      }
    }
    thread_.join();
    http_.reset();
  }

  bool running() const { return thread_.joinable(); }
  int port() const { return port_; }
  std::string endpoint() const { return "http://" + options_.host + ":" + std::to_string(port_); }
  const HttpService& service() const { return *service_; }

 private:
  void Configure(httplib::Server& http) {
    const auto initial = static_cast<std::size_t>(std::max(options_.threads, 0));
    const auto limit = static_cast<std::size_t>(std::max(options_.max_threads, 1));
    http.new_task_queue = [initial, limit] { return new ElasticTaskQueue(initial, limit); };
    // Requests one connection may carry before httplib closes it; clients reconnect after.
    http.set_keep_alive_max_count(1000000);
    http.set_keep_alive_timeout(options_.keep_alive_timeout.count());
    http.set_read_timeout(options_.io_timeout);
    http.set_write_timeout(options_.io_timeout);
    http.set_payload_max_length(options_.max_request_bytes);
    http.set_tcp_nodelay(true);
    // httplib's default also sets SO_REUSEPORT, which would let a second server bind a port that
    // is in use and silently take half of its connections.
    http.set_socket_options([this](socket_t sock) {
      const int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listener_ = sock;
    });
    const auto serve = [this](const httplib::Request& in, httplib::Response& out) {
      const auto start = SteadyClock::now();
      const HttpRequest request = ToRequest(in);
      if (const std::optional<Error> problem = internal::HeaderSectionProblem(request.headers)) {
        const HttpResponse response = service_->Reject(request, *problem);
        ToResponse(response, out);
        Log(in, request, response, start);
        return;
      }
      const HttpResponse response = service_->Handle(request);
      // A fault rule's dropped connection: the client gets no response at all.
      if (response.drop_connection) ShutDownAcceptedConnections(port_, in.remote_port);
      ToResponse(response, out);
      Log(in, request, response, start);
    };
    // httplib 0.11 refuses a POST or PUT with neither Content-Length nor chunked encoding (what
    // `curl -X POST` sends), though such a request simply has an empty body; serve those before
    // httplib tries to read a body.
    http.set_pre_routing_handler([serve](const httplib::Request& in, httplib::Response& out) {
      if (in.method == "GET" || in.method == "HEAD" || in.has_header("Content-Length") ||
          in.has_header("Transfer-Encoding")) {
        return httplib::Server::HandlerResponse::Unhandled;
      }
      serve(in, out);
      return httplib::Server::HandlerResponse::Handled;
    });
    for (auto add :
         {&httplib::Server::Get, &httplib::Server::Post, &httplib::Server::Put,
          &httplib::Server::Patch, &httplib::Server::Delete, &httplib::Server::Options}) {
      (http.*add)(".*", serve);
    }
    // Failures httplib finds itself (a body over the limit, an unparsable request) are answered
    // in the request's dialect, like any other error.
    http.set_error_handler([this](const httplib::Request& in, httplib::Response& out) {
      if (!out.body.empty()) return;
      const auto start = SteadyClock::now();
      const HttpRequest request = ToRequest(in);
      const HttpResponse response = service_->Reject(request, TransportError(out.status));
      ToResponse(response, out);
      Log(in, request, response, start);
    });
    http.set_exception_handler(
        [this](const httplib::Request& in, httplib::Response& out, std::exception_ptr) {
          ToResponse(service_->Reject(ToRequest(in),
                                      Error::Make(ErrorCode::ServiceFailure,
                                                  "The request processing has failed because of "
                                                  "an unknown error, exception or failure.")),
                     out);
        });
  }

  static Error TransportError(int status) {
    if (status == 413) {
      return Error::Make(ErrorCode::RequestEntityTooLarge,
                         "The request is larger than the server accepts.");
    }
    Error error = Error::Make(ErrorCode::InvalidInput,
                              "The request is not a well-formed HTTP request (HTTP status " +
                                  std::to_string(status) + ").");
    error.http_status = status;
    return error;
  }

  void Log(const httplib::Request& in, const HttpRequest& request, const HttpResponse& response,
           SteadyClock::time_point start) const {
    if (!options_.on_request || in.get_header_value("User-Agent") == kProbeAgent) return;
    options_.on_request(RequestLog{
        request, response, in.remote_addr,
        std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - start)});
  }

  bool Probe() const {
    httplib::Client client(options_.host, port_);
    client.set_default_headers({{"User-Agent", kProbeAgent}});
    client.set_connection_timeout(std::chrono::seconds(1));
    client.set_read_timeout(std::chrono::seconds(2));
    const httplib::Result result = client.Get("/_fakeiam/health");
    return result && result->status == 200;
  }

  std::shared_ptr<const HttpService> service_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  std::atomic<bool> loop_done_{false};
  int port_ = 0;
  int listener_ = -1;
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
