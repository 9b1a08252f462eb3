// Standard base64 (RFC 4648, with padding), through OpenSSL.
#ifndef FAKEIAM_SRC_CORE_BASE64_HPP_
#define FAKEIAM_SRC_CORE_BASE64_HPP_

#include <optional>
#include <string>
#include <string_view>

namespace fakeiam::internal {

std::string Base64Encode(std::string_view bytes);

// The bytes of canonical base64 `text` (the spelling Base64Encode gives), or nothing.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_BASE64_HPP_
