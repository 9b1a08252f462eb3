// fakeiam_null_server: an HTTP/1.1 keep-alive server that does no work, the ceiling any HTTP fake
// can reach on this machine. It reads each request (header section and Content-Length body) and
// answers with one fixed 200 response shaped and sized like a ListAccessKeys answer for a user with
// two keys, so that fakeiam_load's list scenario compares like with like.
//
//   fakeiam_null_server [--port PORT] [--threads N]
//
// Each of the N threads (default 1) runs its own epoll loop over the listening socket (accepting
// with EPOLLEXCLUSIVE) and the connections it accepted: one thread leaves the other core of a
// 2-core machine to the client, and no connection ever moves between threads. Prints
// "null listening on http://127.0.0.1:PORT" and stops on SIGINT or SIGTERM.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "load_http.hpp"

namespace {

// The same bytes as fakeiam's answer, but for its ids and dates.
constexpr char kBody[] =
    "<ListAccessKeysResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\n"
    "  <ListAccessKeysResult>\n"
    "    <UserName>Bob</UserName>\n"
    "    <AccessKeyMetadata>\n"
    "      <member>\n"
    "        <UserName>Bob</UserName>\n"
    "        <AccessKeyId>AKIA2E3WOZVQ7AAAAAAA</AccessKeyId>\n"
    "        <Status>Active</Status>\n"
    "        <CreateDate>2025-01-01T00:00:00Z</CreateDate>\n"
    "      </member>\n"
    "      <member>\n"
    "        <UserName>Bob</UserName>\n"
    "        <AccessKeyId>AKIA2E3WOZVQ7AAAAAAB</AccessKeyId>\n"
    "        <Status>Active</Status>\n"
    "        <CreateDate>2025-01-01T00:00:01Z</CreateDate>\n"
    "      </member>\n"
    "    </AccessKeyMetadata>\n"
    "    <IsTruncated>false</IsTruncated>\n"
    "  </ListAccessKeysResult>\n"
    "  <ResponseMetadata>\n"
    "    <RequestId>00000000-0000-4000-8000-000000000000</RequestId>\n"
    "  </ResponseMetadata>\n"
    "</ListAccessKeysResponse>\n";

std::string FixedResponse() {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
         "Keep-Alive: timeout=5, max=1000000\r\n"
         "x-amzn-RequestId: 00000000-0000-4000-8000-000000000000\r\nContent-Length: " +
         std::to_string(sizeof kBody - 1) + "\r\n\r\n" + kBody;
}

const std::string& Response() {
  static const std::string response = FixedResponse();
  return response;
}

constexpr char kBadRequest[] =
    "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

struct Connection {
  int fd;
  std::string in;
};

// What a request at the start of `in` takes: its size, 0 when incomplete, -1 when it is not one
// this server reads (no chunked bodies: the driver never sends them).
long RequestSize(std::string_view in, bool& close) {
  const std::size_t head_end = in.find("\r\n\r\n");
  if (head_end == std::string_view::npos) return in.size() > 64 * 1024 ? -1 : 0;
  long long length = 0;
  std::size_t line_end = in.find("\r\n");
  while (line_end < head_end) {
    const std::size_t start = line_end + 2;
    line_end = in.find("\r\n", start);
    const std::string_view line = in.substr(start, line_end - start);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return -1;
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = fakeiam::load::detail::Trim(line.substr(colon + 1));
    if (fakeiam::load::detail::EqualsIgnoreCase(name, "content-length")) {
      length = fakeiam::load::detail::ParseNumber(value, 10);
      if (length < 0) return -1;
    } else if (fakeiam::load::detail::EqualsIgnoreCase(name, "transfer-encoding")) {
      return -1;
    } else if (fakeiam::load::detail::EqualsIgnoreCase(name, "connection")) {
      close = fakeiam::load::detail::EqualsIgnoreCase(value, "close");
    }
  }
  const std::size_t size = head_end + 4 + static_cast<std::size_t>(length);
  return in.size() < size ? 0 : static_cast<long>(size);
}

bool SendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;  // a client that does not read is not waited for
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

// Reads what `c` has sent and answers every complete request; false when it is to be closed.
bool Serve(Connection& c) {
  char chunk[16 * 1024];
  for (;;) {
    const ssize_t got = recv(c.fd, chunk, sizeof chunk, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return errno == EAGAIN || errno == EWOULDBLOCK;
    if (got == 0) return false;
    c.in.append(chunk, static_cast<std::size_t>(got));
    if (static_cast<std::size_t>(got) < sizeof chunk) break;  // spares a recv that would block
  }
  bool close = false;
  std::size_t used = 0;
  std::size_t requests = 0;
  while (!close) {
    const long size = RequestSize(std::string_view(c.in).substr(used), close);
    if (size < 0) {
      SendAll(c.fd, kBadRequest);
      return false;
    }
    if (size == 0) break;
    used += static_cast<std::size_t>(size);
    ++requests;
  }
  c.in.erase(0, used);
  // A closed-loop client has one request in flight: answer it without building anything.
  if (requests == 1) return SendAll(c.fd, Response()) && !close;
  std::string out;
  for (std::size_t i = 0; i < requests; ++i) out += Response();
  return SendAll(c.fd, out) && !close;
}

void Worker(int listener, int stop) {
  const int epoll = epoll_create1(EPOLL_CLOEXEC);
  epoll_event event{};
  event.events = EPOLLIN | EPOLLEXCLUSIVE;
  event.data.ptr = nullptr;
  epoll_ctl(epoll, EPOLL_CTL_ADD, listener, &event);
  event.events = EPOLLIN;
  event.data.ptr = &stop;
  epoll_ctl(epoll, EPOLL_CTL_ADD, stop, &event);
  std::vector<Connection*> open;
  epoll_event ready[64];
  for (bool running = true; running;) {
    const int n = epoll_wait(epoll, ready, 64, -1);
    for (int i = 0; i < n; ++i) {
      if (ready[i].data.ptr == &stop) {
        running = false;
      } else if (ready[i].data.ptr == nullptr) {
        const int fd = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) continue;  // another thread took it
        const int yes = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        auto* c = new Connection{fd, {}};
        open.push_back(c);
        event.events = EPOLLIN | EPOLLRDHUP;
        event.data.ptr = c;
        epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
      } else {
        auto* c = static_cast<Connection*>(ready[i].data.ptr);
        if (c->fd >= 0 && !Serve(*c)) {
          close(c->fd);  // also takes it out of the epoll set
          c->fd = -1;
        }
      }
    }
    // Closed connections are freed only between batches: a batch may still name one.
    for (std::size_t i = 0; i < open.size();) {
      if (open[i]->fd < 0) {
        delete open[i];
        open[i] = open.back();
        open.pop_back();
      } else {
        ++i;
      }
    }
  }
  for (Connection* c : open) {
    close(c->fd);
    delete c;
  }
  close(epoll);
}

int Usage() {
  std::fprintf(stderr, "usage: fakeiam_null_server [--port PORT] [--threads N]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  int threads = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if ((arg == "--port" || arg == "--threads") && i + 1 < argc) {
      char* end = nullptr;
      const long value = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || value < 0 || value > 65535) return Usage();
      (arg == "--port" ? port : threads) = static_cast<int>(value);
    } else {
      return Usage();
    }
  }
  if (threads < 1) return Usage();

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  const int yes = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  socklen_t size = sizeof address;
  if (bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      listen(listener, SOMAXCONN) != 0 ||
      getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    std::fprintf(stderr, "fakeiam_null_server: cannot listen: %s\n", std::strerror(errno));
    return 1;
  }
  const int stop = eventfd(0, EFD_CLOEXEC);
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) workers.emplace_back(Worker, listener, stop);
  std::printf("null listening on http://127.0.0.1:%d\n", ntohs(address.sin_port));
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  const std::uint64_t one = 1;
  if (write(stop, &one, sizeof one) != sizeof one) std::abort();
  for (std::thread& worker : workers) worker.join();
  close(listener);
  close(stop);
  return 0;
}
