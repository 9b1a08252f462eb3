// The Authorization header of signed requests: `<SCHEME> Name=value, Name=value, ...`, the shape
// both AWS SigV4 and Huawei's SDK-HMAC-SHA256 use.
#ifndef FAKEIAM_SRC_HTTP_AUTHORIZATION_HPP_
#define FAKEIAM_SRC_HTTP_AUTHORIZATION_HPP_

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace fakeiam::internal {

enum class AuthorizationParse {
  NotThisScheme,  // the header is absent or names another scheme
  Malformed,      // the scheme matches but its parameters do not parse
  Parsed,
};

struct AuthorizationParams {
  AuthorizationParse outcome = AuthorizationParse::NotThisScheme;
  // Names as sent; views into the header, which must outlive them.
  std::map<std::string_view, std::string_view> params;
};

// Splits `header` if it starts with `scheme` followed by white space. The scheme alone, a
// parameter given twice, an empty name or value, or a missing '=' is Malformed.
AuthorizationParams ParseAuthorization(std::optional<std::string_view> header,
                                       std::string_view scheme);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HTTP_AUTHORIZATION_HPP_
