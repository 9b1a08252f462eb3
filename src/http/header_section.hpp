// What a server must refuse in a request's header section (RFC 9110 and 9112), checked on the
// request value so that any transport can apply it.
#ifndef FAKEIAM_SRC_HTTP_HEADER_SECTION_HPP_
#define FAKEIAM_SRC_HTTP_HEADER_SECTION_HPP_

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "fakeiam/error.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam::internal {

// A header section past these is refused (431), as the front ends of real clouds refuse one;
// IAM's clients send about a dozen fields.
constexpr std::size_t kMaxHeaderFields = 100;
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

// What a field costs against kMaxHeaderBytes: its name, value, ": " and CRLF.
constexpr std::size_t FieldBytes(std::string_view name, std::string_view value) {
  return name.size() + value.size() + 4;
}

// Whether a field value holds CR, LF or NUL, which would split or end it on the wire. Three
// memchr scans, which read the value a vector register at a time, rather than one loop testing
// each byte three times: every value of every request comes through here, and an Authorization
// header is 200 bytes. (std::string::find_first_of would call memchr on the set once per byte.)
inline bool HasLineBreakOrNul(std::string_view value) {
  for (const char c : {'\r', '\n', '\0'}) {
    if (value.find(c) != std::string_view::npos) return true;
  }
  return false;
}

// The 431 for a section of `fields` fields and `bytes` bytes, if that is past the limits above.
std::optional<Error> HeaderSectionSizeProblem(std::size_t fields, std::size_t bytes);

// Whether `text` is an RFC 9110 token, as a field name must be.
bool IsToken(std::string_view text);

// The problem with `headers`, if any: too many fields or bytes (431); a name that is not a token
// (a space before the colon, an obs-fold continuation line); CR, LF or NUL inside a value; or
// framing that a proxy could read otherwise than the server (a Content-Length that is not a
// number or disagrees with another, a Transfer-Encoding beside one, or other than chunked).
// Each is InvalidInput with a message that never echoes a field name.
std::optional<Error> HeaderSectionProblem(const Headers& headers);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HTTP_HEADER_SECTION_HPP_
