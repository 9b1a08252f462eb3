#include "huawei/sdk_hmac_signing.hpp"

#include <stdexcept>

#include "http/canonical_request.hpp"
#include "http/url_encoding.hpp"

namespace fakeiam::internal {
namespace {

constexpr std::string_view kAlgorithm = "SDK-HMAC-SHA256";

// Segments are decoded first, as the Go and Python SDKs and the gateway do, so that a segment
// signs the same however its client chose to escape it.
std::string CanonicalUri(std::string_view path) {
  const std::vector<std::string_view> segments = PathSegments(path);
  std::string uri;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::optional<std::string> decoded = PercentDecode(segments[i]);
    if (!decoded) {
      throw std::invalid_argument("cannot sign a path with a malformed escape: " +
                                  std::string(path));
    }
    if (i > 0) uri += '/';
    uri += PercentEncode(*decoded);
  }
  if (uri.empty() || uri.back() != '/') uri += '/';
  return uri;
}

bool IsSignedBySignSdkHmac(std::string_view lower_name) {
  for (const std::string_view name : {"host", "content-type", "x-sdk-date", "x-sdk-content-sha256",
                                      "x-project-id", "x-domain-id", "x-security-token"}) {
    if (lower_name == name) return true;
  }
  return false;
}

}  // namespace

std::string SdkHmacCanonicalRequest(const HttpRequest& request,
                                    const std::vector<std::string>& signed_headers) {
  return CanonicalRequest(
      request, CanonicalUri(request.path), signed_headers,
      {QueryOrder::kByDecodedText, HeaderValueSpaces::kTrim, "X-Sdk-Content-Sha256"});
}

std::string SdkHmacSignature(std::string_view secret, std::string_view sdk_date,
                             std::string_view canonical_request) {
  const std::string string_to_sign =
      std::string(kAlgorithm) + '\n' + std::string(sdk_date) + '\n' + HexSha256(canonical_request);
  return HexEncode(HmacSha256(secret, string_to_sign));
}

void SignSdkHmac(HttpRequest& request, const Credentials& credentials, std::string_view sdk_date) {
  const std::vector<std::string> signed_headers =
      PrepareToSign(request, "X-Sdk-Date", sdk_date, "X-Security-Token", credentials.session_token,
                    IsSignedBySignSdkHmac);
  const std::string signature = SdkHmacSignature(credentials.secret_access_key, sdk_date,
                                                 SdkHmacCanonicalRequest(request, signed_headers));
  request.headers.Set("Authorization", std::string(kAlgorithm) +
                                           " Access=" + credentials.access_key_id +
                                           ", SignedHeaders=" + JoinSignedHeaders(signed_headers) +
                                           ", Signature=" + signature);
}

}  // namespace fakeiam::internal
