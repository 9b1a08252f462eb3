// What AWS SigV4 and Huawei's SDK-HMAC-SHA256 share: both sign a six-line canonical request
// (method, URI, query, headers, signed header names, payload hash) with HMAC-SHA256. They differ
// in the URI, in how the query is ordered and header values are cleaned, and in what is signed.
#ifndef FAKEIAM_SRC_HTTP_CANONICAL_REQUEST_HPP_
#define FAKEIAM_SRC_HTTP_CANONICAL_REQUEST_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/http.hpp"

namespace fakeiam::internal {

// Lower-case hex of `bytes`.
std::string HexEncode(std::string_view bytes);
// Lower-case hex SHA-256 of `data`.
std::string HexSha256(std::string_view data);
// HMAC-SHA256 of `data` under `key`, as 32 raw bytes (AWS chains them into its signing key).
std::string HmacSha256(std::string_view key, std::string_view data);

// The '/'-separated segments of a path, empty ones included: "/a//b" is "", "a", "", "b".
std::vector<std::string_view> PathSegments(std::string_view path);

// Query parameters are decoded ('+' is a space, as in forms) and re-encoded before sorting.
enum class QueryOrder {
  kByEncodedText,  // AWS: by encoded name, then encoded value
  kByDecodedText,  // Huawei's SDKs: by decoded name, then decoded value
};

enum class HeaderValueSpaces {
  kTrim,             // Huawei: leading and trailing spaces and tabs removed
  kTrimAndCollapse,  // AWS: each inner run of them also becomes one space
};

struct CanonicalRequestRules {
  QueryOrder query_order;
  HeaderValueSpaces header_value_spaces;
  // The header whose value, when present, stands in for the hex SHA-256 of the body.
  std::string_view payload_hash_header;
};

// `signed_headers` are lower-case and sorted; the values of repeated fields are joined by ',' in
// arrival order. Throws std::invalid_argument when the query holds a malformed escape.
std::string CanonicalRequest(const HttpRequest& request, std::string_view canonical_uri,
                             const std::vector<std::string>& signed_headers,
                             const CanonicalRequestRules& rules);

// "a;b;c", as the SignedHeaders of both schemes' Authorization headers.
std::string JoinSignedHeaders(const std::vector<std::string>& signed_headers);
// The names of a SignedHeaders list, "host;x-amz-date" -> {"host", "x-amz-date"}.
std::vector<std::string> SplitSignedHeaders(std::string_view list);

// Whether two hex signatures are equal, in time that does not depend on where they differ.
bool SignaturesEqual(std::string_view expected, std::string_view given);

// What both signers do before they sign: check that the request has a Host header (else throw
// std::invalid_argument), set `date_header`, set `token_header` to `session_token` or remove it
// when that is empty (a re-signed request must not carry a token of other credentials). Returns
// the lower-case names, sorted and distinct, of the fields `is_signed` accepts.
std::vector<std::string> PrepareToSign(HttpRequest& request, std::string_view date_header,
                                       std::string_view date, std::string_view token_header,
                                       const std::string& session_token,
                                       bool (*is_signed)(std::string_view lower_name));

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HTTP_CANONICAL_REQUEST_HPP_
