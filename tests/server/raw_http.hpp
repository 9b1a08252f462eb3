// Raw HTTP over a loopback socket, for tests that must send exactly the bytes they mean (malformed
// requests no HTTP client would send) and see exactly what comes back.
#ifndef FAKEIAM_TESTS_SERVER_RAW_HTTP_HPP_
#define FAKEIAM_TESTS_SERVER_RAW_HTTP_HPP_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakeiam::testing_support {

// A connected TCP socket to 127.0.0.1:`port`, or -1. Reads on it give up after `receive_timeout`,
// so that a server that never answers fails a test instead of hanging it.
int ConnectLoopback(int port, std::chrono::milliseconds receive_timeout = std::chrono::seconds(10));

// Sends all of `bytes` on `fd`; false when the connection fails first.
bool SendAll(int fd, std::string_view bytes);

// Sends `bytes` on a fresh connection and returns what comes back: everything up to the end of the
// first response, or whatever arrived before the server closed the connection or the receive
// timeout passed. The connection stays open for writing while it waits, as an ordinary client's
// does: a half-closed connection is a case of its own for a server.
std::string RawExchange(int port, std::string_view bytes);

// What `RawExchange` returns, read from a connection already sent on.
std::string ReadResponse(int fd);

struct RawResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // The first header of this name (case-insensitive).
  std::optional<std::string> Header(std::string_view name) const;
};

// The first response in `bytes`, with a body as long as its Content-Length; nullopt when `bytes`
// does not start with a complete status line and header block.
std::optional<RawResponse> ParseRawResponse(std::string_view bytes);

}  // namespace fakeiam::testing_support

#endif  // FAKEIAM_TESTS_SERVER_RAW_HTTP_HPP_
