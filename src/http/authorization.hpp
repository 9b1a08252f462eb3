// The Authorization header of signed requests: `<SCHEME> Name=value, Name=value, ...`, the shape
// both AWS SigV4 and Huawei's SDK-HMAC-SHA256 use.
#ifndef FAKEIAM_SRC_HTTP_AUTHORIZATION_HPP_
#define FAKEIAM_SRC_HTTP_AUTHORIZATION_HPP_

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace fakeiam::internal {

enum class AuthorizationParse {
  NotThisScheme,  // the header is absent or names another scheme
  Malformed,      // the scheme matches but its parameters do not parse
  Parsed,
};

// Both schemes carry three parameters; room for a few more that a client might add, held in
// place because every signed request is parsed.
inline constexpr std::size_t kMaxAuthorizationParams = 12;

struct AuthorizationParams {
  AuthorizationParse outcome = AuthorizationParse::NotThisScheme;
  // Names as sent; views into the header, which must outlive them.
  std::array<std::pair<std::string_view, std::string_view>, kMaxAuthorizationParams> params;
  std::size_t count = 0;

  // The value of the parameter with this name, if it was given.
  std::optional<std::string_view> Get(std::string_view name) const;
};

// Splits `header` if it starts with `scheme` followed by white space. The scheme alone, a
// parameter given twice, an empty name or value, a missing '=', or more than
// kMaxAuthorizationParams parameters is Malformed.
AuthorizationParams ParseAuthorization(std::optional<std::string_view> header,
                                       std::string_view scheme);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HTTP_AUTHORIZATION_HPP_
