#include "server/connection.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>

#include "server/response_writer.hpp"

namespace fakeiam::internal {
namespace {

constexpr std::size_t kReadBufferBytes = 16 * 1024;
// After a refusal, how long and how much of what the client still sends is read and dropped.
constexpr std::chrono::milliseconds kLingering{500};
constexpr std::size_t kMaxLingeringBytes = 4 * 1024 * 1024;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// recv, retried when a signal interrupts it.
ssize_t Receive(int socket, char* buffer, std::size_t size) {
  for (;;) {
    const ssize_t got = recv(socket, buffer, size, 0);
    if (got >= 0 || errno != EINTR) return got;
  }
}

bool WouldBlock() { return errno == EAGAIN || errno == EWOULDBLOCK; }

}  // namespace

Connection::Connection(int socket, std::string peer, const ConnectionSettings& settings,
                       const Responder& responder)
    : socket_(socket),
      peer_(std::move(peer)),
      settings_(settings),
      responder_(responder),
      reader_(settings.limits),
      buffer_(new char[kReadBufferBytes]),
      deadline_(SteadyClock::now() + settings.keep_alive_timeout) {}

Connection::~Connection() { close(socket_); }

Connection::Next Connection::OnReadable() {
  if (lingering_) return Drain();
  const ssize_t got = Receive(socket_, buffer_.get(), kReadBufferBytes);
  if (got < 0 && WouldBlock()) return Next::kReadable;
  // The client closed (mid-request, it gets no answer), or the socket failed.
  if (got <= 0) return Next::kEnd;
  begin_ = 0;
  end_ = static_cast<std::size_t>(got);
  return Advance(on_thread_ ? Sending::kNow : Sending::kLater);
}

Connection::Next Connection::OnWritable() { return Advance(); }

Connection::Next Connection::OnDeadline() {
  if (lingering_ || sending_ || !reader_.started()) return Next::kEnd;
  Refuse(TransportRefusal(408, "The request did not arrive whole within " +
                                   std::to_string(settings_.io_timeout.count()) + " ms."));
  return Advance();
}

void Connection::ServeOnThisThread() {
  on_thread_ = true;
  Next next = Advance();
  while (next == Next::kReadable || next == Next::kWritable) {
    const auto now = SteadyClock::now();
    if (now >= deadline_) {
      next = OnDeadline();
      continue;
    }
    pollfd wait{socket_, static_cast<short>(next == Next::kReadable ? POLLIN : POLLOUT), 0};
    // Rounded up, so that the wait ends at the deadline, not just before it.
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline_ - now).count();
    const int ready = poll(&wait, 1, static_cast<int>(left));
    if (ready < 0 && errno != EINTR) return;
    if (ready <= 0) continue;
    next = next == Next::kReadable ? OnReadable() : OnWritable();
  }
}

Connection::Next Connection::Advance(Sending sending) {
  for (;;) {
    if (sending_) {
      if (sending == Sending::kLater && sent_ == 0) return Next::kFlush;
      const Sent sent = Write();
      if (sent == Sent::kFailed) return Next::kEnd;
      if (sent == Sent::kBlocked) {
        if (!send_deadline_) send_deadline_ = SteadyClock::now() + settings_.io_timeout;
        deadline_ = *send_deadline_;
        return Next::kWritable;
      }
      send_deadline_.reset();
      if (end_after_send_) return Next::kEnd;
      if (linger_after_send_) {
        shutdown(socket_, SHUT_WR);
        lingering_ = true;
        deadline_ = SteadyClock::now() + kLingering;
        return Next::kReadable;
      }
    }
    if (dropped_) return Next::kEnd;
    if (pending_) {
      if (!on_thread_ && responder_.MayBlock(*pending_)) return Next::kThread;
      Answer();
      continue;
    }
    if (begin_ < end_) {
      begin_ += reader_.Feed({buffer_.get() + begin_, end_ - begin_});
      if (reader_.failure()) {
        Refuse(*reader_.failure());
      } else if (reader_.complete()) {
        pending_ = reader_.TakeRequest(pending_keep_alive_);
        request_deadline_.reset();
      }
      continue;
    }
    if (reader_.awaits_continue()) {
      reader_.ContinueSent();
      head_.assign(kContinue);
      body_.clear();
      sent_ = 0;
      sending_ = true;
      continue;
    }
    // Everything read is taken: wait for more, within the request's time once it has started.
    const auto now = SteadyClock::now();
    if (!reader_.started()) {
      deadline_ = now + settings_.keep_alive_timeout;
    } else {
      if (!request_deadline_) request_deadline_ = now + settings_.io_timeout;
      deadline_ = *request_deadline_;
    }
    return Next::kReadable;
  }
}

void Connection::Answer() {
  const HttpRequest request = std::move(*pending_);
  pending_.reset();
  HttpResponse response = responder_.Answer(request, peer_);
  // A fault rule's dropped connection: the client gets no response at all.
  if (response.drop_connection) {
    dropped_ = true;
    return;
  }
  Send(std::move(response), pending_keep_alive_, request.method == "HEAD");
}

// Answers a request the transport refuses, then closes the connection gracefully: a client
// still sending (a body over the limit) would otherwise get a reset instead of the answer.
void Connection::Refuse(const Error& error) {
  Send(responder_.Refuse(reader_.partial(), error, peer_), false, false);
  end_after_send_ = false;
  linger_after_send_ = true;
}

void Connection::Send(HttpResponse&& response, bool keep_alive, bool head_only) {
  head_.clear();
  AppendResponseHead(response, keep_alive, head_);
  if (!head_only && StatusHasBody(response.status)) {
    body_ = std::move(response.body);
  } else {
    body_.clear();
  }
  sent_ = 0;
  sending_ = true;
  end_after_send_ = !keep_alive;
}

// Head and body in one system call (more only when the socket takes part of them).
Connection::Sent Connection::Write() {
  for (;;) {
    if (sent_ == head_.size() + body_.size()) {
      sending_ = false;
      return Sent::kAll;
    }
    iovec parts[2];
    std::size_t count = 0;
    if (sent_ < head_.size()) parts[count++] = {head_.data() + sent_, head_.size() - sent_};
    const std::size_t body_sent = sent_ > head_.size() ? sent_ - head_.size() : 0;
    if (body_sent < body_.size()) {
      parts[count++] = {body_.data() + body_sent, body_.size() - body_sent};
    }
    msghdr message{};
    message.msg_iov = parts;
    message.msg_iovlen = count;
    const ssize_t sent = sendmsg(socket_, &message, MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent < 0) return WouldBlock() ? Sent::kBlocked : Sent::kFailed;
    sent_ += static_cast<std::size_t>(sent);
  }
}

// Reads and drops what a refused client still sends, until it closes or has sent too much.
Connection::Next Connection::Drain() {
  const ssize_t got = Receive(socket_, buffer_.get(), kReadBufferBytes);
  if (got < 0 && WouldBlock()) return Next::kReadable;
  if (got <= 0) return Next::kEnd;
  drained_ += static_cast<std::size_t>(got);
  return drained_ < kMaxLingeringBytes ? Next::kReadable : Next::kEnd;
}

}  // namespace fakeiam::internal
