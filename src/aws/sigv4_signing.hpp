// AWS Signature Version 4 (header-based, services other than S3): the canonical request, the
// string to sign, the signature, and the signing of a request with given credentials.
#ifndef FAKEIAM_SRC_AWS_SIGV4_SIGNING_HPP_
#define FAKEIAM_SRC_AWS_SIGV4_SIGNING_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/credentials.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam::internal {

// `signed_headers` are lower-case and sorted. The path is normalized (dot segments removed, empty
// segments dropped) and each segment percent-encoded as sent, so an escape already in it is
// encoded again. The payload hash is X-Amz-Content-Sha256 when present. Throws
// std::invalid_argument when the query holds a malformed escape.
std::string SigV4CanonicalRequest(const HttpRequest& request,
                                  const std::vector<std::string>& signed_headers);

// `amz_date` is yyyymmddThhmmssZ; `scope` is <yyyymmdd>/<region>/<service>/aws4_request.
std::string SigV4StringToSign(std::string_view amz_date, std::string_view scope,
                              std::string_view canonical_request);

// Lower-case hex, with the key derived from `secret` for the date, region and service.
std::string SigV4Signature(std::string_view secret, std::string_view amz_date,
                           std::string_view region, std::string_view service,
                           std::string_view canonical_request);

// Sets X-Amz-Date, X-Amz-Security-Token (removed when `credentials` have no session token) and
// Authorization, replacing earlier ones, signing host, content-type and every x-amz-* header.
// Throws std::invalid_argument when the request has no Host header or a malformed query.
void SignSigV4(HttpRequest& request, const Credentials& credentials, std::string_view amz_date,
               std::string_view region, std::string_view service);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_AWS_SIGV4_SIGNING_HPP_
