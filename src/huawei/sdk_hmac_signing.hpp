// Huawei Cloud's SDK-HMAC-SHA256 request signing, as its SDKs and API gateway implement it: the
// canonical request, the signature, and the signing of a request with given credentials.
#ifndef FAKEIAM_SRC_HUAWEI_SDK_HMAC_SIGNING_HPP_
#define FAKEIAM_SRC_HUAWEI_SDK_HMAC_SIGNING_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/credentials.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam::internal {

// `signed_headers` are lower-case and sorted. Each path segment is decoded and re-encoded, and
// the URI ends with '/' (added when the path has none); the query is sorted by decoded names;
// header values are trimmed; the payload hash is X-Sdk-Content-Sha256 when present. Throws
// std::invalid_argument when the path or query holds a malformed escape.
std::string SdkHmacCanonicalRequest(const HttpRequest& request,
                                    const std::vector<std::string>& signed_headers);

// Lower-case hex HMAC-SHA256, keyed by the secret itself, of
// "SDK-HMAC-SHA256\n<sdk_date>\n<hex SHA-256 of the canonical request>".
std::string SdkHmacSignature(std::string_view secret, std::string_view sdk_date,
                             std::string_view canonical_request);

// Sets X-Sdk-Date (yyyymmddThhmmssZ), X-Security-Token (removed when `credentials` have no session
// token) and Authorization, replacing earlier ones, signing host, content-type, x-sdk-date and,
// when present, x-sdk-content-sha256, x-project-id, x-domain-id and x-security-token. Throws
// std::invalid_argument when the request has no Host header or a malformed path or query.
void SignSdkHmac(HttpRequest& request, const Credentials& credentials, std::string_view sdk_date);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HUAWEI_SDK_HMAC_SIGNING_HPP_
