// The credential of a Huawei Cloud SDK-HMAC-SHA256 request, read from its Authorization header.
#ifndef FAKEIAM_SRC_HUAWEI_SDK_HMAC_CREDENTIAL_HPP_
#define FAKEIAM_SRC_HUAWEI_SDK_HMAC_CREDENTIAL_HPP_

#include <optional>
#include <string_view>

#include "fakeiam/http.hpp"
#include "fakeiam/result.hpp"

namespace fakeiam::internal {

// Views into the request's Authorization header, which must outlive the credential.
struct SdkHmacCredential {
  std::string_view access_key_id;
  std::string_view signed_headers;
  std::string_view signature;
};

// `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>`. Nothing when
// the request carries no such header; IncompleteSignature when it carries one that does not
// parse.
Result<std::optional<SdkHmacCredential>> ReadSdkHmacCredential(const HttpRequest& request);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HUAWEI_SDK_HMAC_CREDENTIAL_HPP_
