// The credential of an AWS Signature Version 4 request, read from its Authorization header.
#ifndef FAKEIAM_SRC_AWS_SIGV4_CREDENTIAL_HPP_
#define FAKEIAM_SRC_AWS_SIGV4_CREDENTIAL_HPP_

#include <optional>
#include <string_view>

#include "fakeiam/http.hpp"
#include "fakeiam/result.hpp"

namespace fakeiam::internal {

// Views into the request's Authorization header, which must outlive the credential.
struct SigV4Credential {
  std::string_view access_key_id;
  std::string_view date;     // yyyymmdd, from the credential scope
  std::string_view region;   // e.g. us-east-1
  std::string_view service;  // e.g. iam
  std::string_view signed_headers;
  std::string_view signature;
};

// `Authorization: AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request,
// SignedHeaders=<h1;h2>, Signature=<hex>`. Nothing when the request carries no SigV4 header;
// IncompleteSignature when it carries one that does not parse.
Result<std::optional<SigV4Credential>> ReadSigV4Credential(const HttpRequest& request);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_AWS_SIGV4_CREDENTIAL_HPP_
