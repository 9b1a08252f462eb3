#include "huawei/sdk_hmac_credential.hpp"

#include "http/authorization.hpp"

namespace fakeiam::internal {

Result<std::optional<SdkHmacCredential>> ReadSdkHmacCredential(const HttpRequest& request) {
  const AuthorizationParams auth =
      ParseAuthorization(request.headers.Get("Authorization"), "SDK-HMAC-SHA256");
  if (auth.outcome == AuthorizationParse::NotThisScheme) {
    return std::optional<SdkHmacCredential>();
  }
  const auto param = [&](const char* name) -> const std::string_view* {
    const auto it = auth.params.find(name);
    return it == auth.params.end() ? nullptr : &it->second;
  };
  const std::string_view* access = param("Access");
  const std::string_view* signed_headers = param("SignedHeaders");
  const std::string_view* signature = param("Signature");
  if (auth.outcome == AuthorizationParse::Malformed || !access || !signed_headers || !signature) {
    return Error::Make(ErrorCode::IncompleteSignature,
                       "the Authorization header is not SDK-HMAC-SHA256 Access=<AK>, "
                       "SignedHeaders=<headers>, Signature=<signature>");
  }
  return std::optional<SdkHmacCredential>(SdkHmacCredential{
      std::string(*access), std::string(*signed_headers), std::string(*signature)});
}

}  // namespace fakeiam::internal
