#include "huawei/sdk_hmac_credential.hpp"

#include "http/authorization.hpp"

namespace fakeiam::internal {

Result<std::optional<SdkHmacCredential>> ReadSdkHmacCredential(const HttpRequest& request) {
  const AuthorizationParams auth =
      ParseAuthorization(request.headers.Get("Authorization"), "SDK-HMAC-SHA256");
  if (auth.outcome == AuthorizationParse::NotThisScheme) {
    return std::optional<SdkHmacCredential>();
  }
  const std::optional<std::string_view> access = auth.Get("Access");
  const std::optional<std::string_view> signed_headers = auth.Get("SignedHeaders");
  const std::optional<std::string_view> signature = auth.Get("Signature");
  if (auth.outcome == AuthorizationParse::Malformed || !access || !signed_headers || !signature) {
    return Error::Make(ErrorCode::IncompleteSignature,
                       "the Authorization header is not SDK-HMAC-SHA256 Access=<AK>, "
                       "SignedHeaders=<headers>, Signature=<signature>");
  }
  return std::optional<SdkHmacCredential>(SdkHmacCredential{*access, *signed_headers, *signature});
}

}  // namespace fakeiam::internal
