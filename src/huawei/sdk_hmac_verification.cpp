#include "huawei/sdk_hmac_verification.hpp"

#include <stdexcept>

#include "http/canonical_request.hpp"
#include "http/signing_time.hpp"
#include "huawei/sdk_hmac_signing.hpp"

namespace fakeiam::internal {

std::optional<Error> VerifySdkHmac(const HttpRequest& request, const SdkHmacCredential& credential,
                                   std::string_view secret, Timestamp now,
                                   std::chrono::seconds max_skew) {
  const std::optional<std::string_view> sdk_date = request.headers.Get("X-Sdk-Date");
  if (!sdk_date) {
    return Error::Make(ErrorCode::IncompleteSignature,
                       "verify aksk signature fail, the request has no X-Sdk-Date");
  }
  const std::optional<Timestamp> signed_at = ParseSigningTime(*sdk_date);
  if (!signed_at) {
    return Error::Make(ErrorCode::IncompleteSignature,
                       "verify aksk signature fail, X-Sdk-Date is not a yyyyMMdd'T'HHmmss'Z' time");
  }
  if (max_skew.count() != 0 && (*signed_at < now - max_skew || *signed_at > now + max_skew)) {
    return Error::Make(ErrorCode::SignatureDoesNotMatch,
                       "verify aksk signature fail, X-Sdk-Date " + std::string(*sdk_date) +
                           " is more than " + std::to_string(max_skew.count()) +
                           " seconds from the server time " + FormatSigningTime(now));
  }
  std::string expected;
  try {
    expected = SdkHmacSignature(
        secret, *sdk_date,
        SdkHmacCanonicalRequest(request, SplitSignedHeaders(credential.signed_headers)));
  } catch (const std::invalid_argument&) {
    expected.clear();  // a request that cannot be put in canonical form matches no signature
  }
  if (!SignaturesEqual(expected, credential.signature)) {
    return Error::Make(ErrorCode::SignatureDoesNotMatch, "verify aksk signature fail");
  }
  return std::nullopt;
}

}  // namespace fakeiam::internal
