// Checking a Huawei Cloud SDK-HMAC-SHA256 request against the secret of the key that signed it,
// as Huawei's API gateway does. Messages follow the gateway's "verify aksk signature fail"; the
// v5 dialect answers them as 401 APIGW.0301 "Incorrect IAM authentication information: ...".
#ifndef FAKEIAM_SRC_HUAWEI_SDK_HMAC_VERIFICATION_HPP_
#define FAKEIAM_SRC_HUAWEI_SDK_HMAC_VERIFICATION_HPP_

#include <chrono>
#include <optional>
#include <string_view>

#include "fakeiam/clock.hpp"
#include "fakeiam/error.hpp"
#include "fakeiam/http.hpp"
#include "huawei/sdk_hmac_credential.hpp"

namespace fakeiam::internal {

// Nothing when `credential`'s signature of `request` verifies with `secret`; otherwise why not:
// IncompleteSignature (no X-Sdk-Date, or not a date), SignatureDoesNotMatch (a signing time
// further than `max_skew` from `now` when it is not zero, or a signature that differs).
// Signatures are compared in constant time.
std::optional<Error> VerifySdkHmac(const HttpRequest& request, const SdkHmacCredential& credential,
                                   std::string_view secret, Timestamp now,
                                   std::chrono::seconds max_skew);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HUAWEI_SDK_HMAC_VERIFICATION_HPP_
