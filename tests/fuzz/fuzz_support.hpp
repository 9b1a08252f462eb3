// What the fuzz targets share: reading a request from a fuzz input, checking a property, and
// serving a request through a whole Handler.
#ifndef FAKEIAM_TESTS_FUZZ_FUZZ_SUPPORT_HPP_
#define FAKEIAM_TESTS_FUZZ_FUZZ_SUPPORT_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fakeiam/cloud.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam::fuzz {

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Reads a request written as HTTP/1.1 text, so that seeds are readable and realistic:
//
//   POST /?Action=ListUsers HTTP/1.1     method, target (path and query), anything else ignored
//   Host: iam.amazonaws.com              header fields, up to an empty line
//
//   Action=CreateUser&UserName=Bob       the body: every byte after the empty line
//
// Lines end in "\n" or "\r\n". A header line without ':' or whose name is not an RFC 9110 token
// is skipped, as an HTTP server would refuse it; values lose surrounding spaces and tabs.
HttpRequest ReadRequest(std::string_view text);

// Aborts, which libFuzzer reports as a crash with the input that caused it, when a property that
// fakeiam promises does not hold.
void Require(bool holds, const char* property);

// Serves `request` in `dialect` through a fakeiam::Handler over a fresh store holding the
// dialect's example fixture (fixtures/aws/bob-two-keys.json or fixtures/huawei/two-users.json),
// and checks that the response is well formed in that dialect and never a 5xx.
void ServeInDialect(Cloud dialect, HttpRequest request);

}  // namespace fakeiam::fuzz

#endif  // FAKEIAM_TESTS_FUZZ_FUZZ_SUPPORT_HPP_
