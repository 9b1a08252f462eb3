#include "server/connection.hpp"

#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>

#include "server/response_writer.hpp"

namespace fakeiam::internal {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr std::size_t kReadBufferBytes = 16 * 1024;
// After a refusal, how long and how much of what the client still sends is read and dropped.
constexpr std::chrono::milliseconds kLingering{500};
constexpr std::size_t kMaxLingeringBytes = 4 * 1024 * 1024;

timeval Timeval(std::chrono::milliseconds span) {
  return {static_cast<time_t>(span.count() / 1000),
          static_cast<suseconds_t>(span.count() % 1000 * 1000)};
}

class Connection {
 public:
  Connection(int socket, const std::string& peer, const ConnectionSettings& settings,
             const Responder& responder)
      : socket_(socket),
        peer_(peer),
        settings_(settings),
        responder_(responder),
        reader_(settings.limits),
        buffer_(new char[kReadBufferBytes]) {}

  void Serve() {
    const timeval send_limit = Timeval(settings_.io_timeout);
    setsockopt(socket_, SOL_SOCKET, SO_SNDTIMEO, &send_limit, sizeof send_limit);
    for (;;) {
      while (begin_ < end_) {
        begin_ += reader_.Feed({buffer_.get() + begin_, end_ - begin_});
        if (reader_.failure()) {
          Refuse(*reader_.failure());
          return;
        }
        if (!reader_.complete()) break;
        if (!AnswerRequest()) return;
      }
      begin_ = end_ = 0;
      if (reader_.awaits_continue()) {
        reader_.ContinueSent();
        if (!SendAll("HTTP/1.1 100 Continue\r\n\r\n", {})) return;
      }
      if (!Receive()) return;
    }
  }

 private:
  // Answers the request just read; false when the connection ends with it.
  bool AnswerRequest() {
    bool keep_alive = false;
    const HttpRequest request = reader_.TakeRequest(keep_alive);
    deadline_.reset();
    const HttpResponse response = responder_.Answer(request, peer_);
    // A fault rule's dropped connection: the client gets no response at all.
    if (response.drop_connection) return false;
    return Send(response, keep_alive, request.method == "HEAD") && keep_alive;
  }

  // Reads more of the stream into the empty buffer; false when the connection is done.
  bool Receive() {
    if (!WaitingTimeout()) {
      RefuseLate();
      return false;
    }
    for (;;) {
      const ssize_t got = recv(socket_, buffer_.get(), kReadBufferBytes, 0);
      if (got > 0) {
        end_ = static_cast<std::size_t>(got);
        return true;
      }
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && reader_.started()) RefuseLate();
      return false;
    }
  }

  // Sets the receive timeout for the wait ahead: the keep-alive timeout between requests, what
  // is left of the I/O timeout within one. False when that is already spent.
  bool WaitingTimeout() {
    std::chrono::milliseconds wait = settings_.keep_alive_timeout;
    if (reader_.started()) {
      const auto now = SteadyClock::now();
      if (!deadline_) deadline_ = now + settings_.io_timeout;
      wait = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline_ - now);
      if (wait.count() <= 0) return false;
    }
    if (wait == receive_timeout_) return true;
    SetReceiveTimeout(wait);
    return true;
  }

  void SetReceiveTimeout(std::chrono::milliseconds wait) {
    receive_timeout_ = wait;
    const timeval limit = Timeval(wait);
    setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  }

  void RefuseLate() {
    Refuse(TransportRefusal(408, "The request did not arrive whole within " +
                                     std::to_string(settings_.io_timeout.count()) + " ms."));
  }

  // Answers a request the transport refuses, then closes the connection gracefully: a client
  // still sending (a body over the limit) would otherwise get a reset instead of the answer.
  void Refuse(const Error& error) {
    if (!Send(responder_.Refuse(reader_.partial(), error, peer_), false, false)) return;
    shutdown(socket_, SHUT_WR);
    SetReceiveTimeout(kLingering);
    std::size_t drained = 0;
    while (drained < kMaxLingeringBytes) {
      const ssize_t got = recv(socket_, buffer_.get(), kReadBufferBytes, 0);
      if (got <= 0 && !(got < 0 && errno == EINTR)) return;
      drained += static_cast<std::size_t>(std::max<ssize_t>(got, 0));
    }
  }

  bool Send(const HttpResponse& response, bool keep_alive, bool head_only) {
    head_.clear();
    AppendResponseHead(response, keep_alive, head_);
    const bool with_body = !head_only && StatusHasBody(response.status);
    return SendAll(head_, with_body ? std::string_view(response.body) : std::string_view());
  }

  // Head and body in one system call (two only when the socket takes part of them).
  bool SendAll(std::string_view head, std::string_view body) {
    iovec parts[2] = {{const_cast<char*>(head.data()), head.size()},
                      {const_cast<char*>(body.data()), body.size()}};
    msghdr message{};
    message.msg_iov = parts;
    message.msg_iovlen = 2;
    while (message.msg_iovlen > 0) {
      const ssize_t sent = sendmsg(socket_, &message, MSG_NOSIGNAL);
      if (sent < 0 && errno == EINTR) continue;
      if (sent < 0) return false;
      auto left = static_cast<std::size_t>(sent);
      while (message.msg_iovlen > 0 && left >= message.msg_iov->iov_len) {
        left -= message.msg_iov->iov_len;
        ++message.msg_iov;
        --message.msg_iovlen;
      }
      if (message.msg_iovlen > 0) {
        message.msg_iov->iov_base = static_cast<char*>(message.msg_iov->iov_base) + left;
        message.msg_iov->iov_len -= left;
      }
    }
    return true;
  }

  const int socket_;
  const std::string& peer_;
  const ConnectionSettings& settings_;
  const Responder& responder_;
  RequestReader reader_;
  std::unique_ptr<char[]> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  std::string head_;
  std::optional<SteadyClock::time_point> deadline_;
  // What the socket's receive timeout is set to; none yet.
  std::chrono::milliseconds receive_timeout_{-1};
};

}  // namespace

void ServeConnection(int socket, const std::string& peer, const ConnectionSettings& settings,
                     const Responder& responder) {
  Connection(socket, peer, settings, responder).Serve();
}

}  // namespace fakeiam::internal
