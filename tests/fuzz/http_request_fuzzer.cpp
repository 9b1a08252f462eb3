// The server's request reader on any bytes a connection may carry: the first input byte picks the
// size of the reads the rest arrives in. Whatever the split, the reader takes no more than it is
// offered, reads the same requests and refuses at the same point as when the bytes come whole,
// and refuses only with a 4xx.
#include <algorithm>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "server/request_reader.hpp"

namespace {

using fakeiam::fuzz::Require;
using fakeiam::internal::RequestLimits;
using fakeiam::internal::RequestReader;

// What reading a stream gives: each request as text, then the refusal's status, if any.
std::vector<std::string> ReadStream(std::string_view stream, std::size_t piece) {
  RequestLimits limits;
  limits.max_body_bytes = 4096;
  RequestReader reader(limits);
  std::vector<std::string> read;
  std::size_t at = 0;
  while (at < stream.size()) {
    const std::string_view offered = stream.substr(at, std::min(piece, stream.size() - at));
    const std::size_t taken = reader.Feed(offered);
    Require(taken <= offered.size(), "Feed takes no more than it is offered");
    at += taken;
    if (reader.failure()) {
      const int status = reader.failure()->http_status;
      Require(status >= 400 && status < 500, "a refusal is a 4xx");
      read.push_back("refused " + std::to_string(status));
      return read;
    }
    if (reader.complete()) {
      bool keep_alive = false;
      const fakeiam::HttpRequest request = reader.TakeRequest(keep_alive);
      std::string text = request.method + " " + request.path + "?" + request.query + "\n";
      for (const auto& [name, value] : request.headers) text += name + ": " + value + "\n";
      read.push_back(text + "\n" + request.body + (keep_alive ? "" : "\nclose"));
      if (!keep_alive) return read;
    } else {
      Require(taken == offered.size(), "an unfinished request takes all it is offered");
    }
  }
  return read;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t piece = data[0] % 64 + 1;
  const std::string_view stream = fakeiam::fuzz::AsText(data + 1, size - 1);
  Require(ReadStream(stream, piece) == ReadStream(stream, stream.size() + 1),
          "the reads a stream arrives in change nothing");
  return 0;
}
