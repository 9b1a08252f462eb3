#include "raw_http.hpp"

#include <arpa/inet.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace fakeiam::testing_support {
namespace {

// The response at the start of `bytes`, and whether all of its body is there.
std::optional<std::pair<RawResponse, bool>> ParseOne(std::string_view bytes) {
  const std::size_t head_end = bytes.find("\r\n\r\n");
  if (head_end == std::string_view::npos || bytes.substr(0, 9) != "HTTP/1.1 ") return std::nullopt;
  RawResponse response;
  response.status = std::atoi(std::string(bytes.substr(9, 3)).c_str());
  std::size_t line = bytes.find("\r\n") + 2;
  while (line < head_end + 2) {
    const std::size_t end = bytes.find("\r\n", line);
    const std::string_view text = bytes.substr(line, end - line);
    const std::size_t colon = text.find(':');
    if (colon != std::string_view::npos) {
      std::string_view value = text.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      response.headers.emplace_back(std::string(text.substr(0, colon)), std::string(value));
    }
    line = end + 2;
  }
  const std::string_view rest = bytes.substr(head_end + 4);
  std::size_t length = rest.size();
  bool complete = response.status == 204 || response.status == 304;
  if (const std::optional<std::string> declared = response.Header("Content-Length")) {
    length = std::min<std::size_t>(length, std::strtoul(declared->c_str(), nullptr, 10));
    complete = length == std::strtoul(declared->c_str(), nullptr, 10);
  }
  response.body = std::string(rest.substr(0, length));
  return std::make_pair(std::move(response), complete);
}

}  // namespace

int ConnectLoopback(int port, std::chrono::milliseconds receive_timeout) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval timeout{};
  timeout.tv_sec = static_cast<time_t>(receive_timeout.count() / 1000);
  timeout.tv_usec = static_cast<suseconds_t>((receive_timeout.count() % 1000) * 1000);
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, std::string_view bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

std::string RawExchange(int port, std::string_view bytes) {
  const int fd = ConnectLoopback(port);
  if (fd < 0) return "";
  SendAll(fd, bytes);
  std::string reply = ReadResponse(fd);
  close(fd);
  return reply;
}

std::string ReadResponse(int fd) {
  std::string reply;
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    reply.append(buffer, static_cast<std::size_t>(n));
    const auto parsed = ParseOne(reply);
    if (parsed && parsed->second) break;
  }
  return reply;
}

std::optional<std::string> RawResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), name.size()) == 0) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<RawResponse> ParseRawResponse(std::string_view bytes) {
  std::optional<std::pair<RawResponse, std::size_t>> parsed = ParseOne(bytes);
  if (!parsed) return std::nullopt;
  return std::move(parsed->first);
}

}  // namespace fakeiam::testing_support
