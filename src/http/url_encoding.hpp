// Percent-encoding: application/x-www-form-urlencoded text (form bodies, query strings) as
// name/value pairs, and single path segments.
#ifndef FAKEIAM_SRC_HTTP_URL_ENCODING_HPP_
#define FAKEIAM_SRC_HTTP_URL_ENCODING_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakeiam::internal {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Decodes `text` (%XX is a byte; '+' is a space when `plus_is_space`, as in forms). A field without
// '=' has an empty value. Returns nothing when a '%' is not followed by two hex digits, or when the
// text holds a NUL byte.
std::optional<FormFields> ParseForm(std::string_view text, bool plus_is_space = true);

// Decodes the %XX escapes of a path segment ('+' stays '+'). Returns nothing on the same
// malformed input as ParseForm.
std::optional<std::string> PercentDecode(std::string_view text);

// Percent-encodes everything but RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string PercentEncode(std::string_view text);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HTTP_URL_ENCODING_HPP_
