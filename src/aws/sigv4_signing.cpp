#include "aws/sigv4_signing.hpp"

#include "core/ascii.hpp"
#include "http/canonical_request.hpp"
#include "http/url_encoding.hpp"

namespace fakeiam::internal {
namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

// RFC 3986 dot-segment removal, with the empty segments of doubled slashes dropped as AWS does for
// every service but S3. A trailing slash is kept.
std::string CanonicalUri(std::string_view path) {
  std::vector<std::string_view> kept;
  for (const std::string_view segment : PathSegments(path)) {
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!kept.empty()) kept.pop_back();
      continue;
    }
    kept.push_back(segment);
  }
  std::string uri;
  for (const std::string_view segment : kept) uri += '/' + PercentEncode(segment);
  if (uri.empty() || (!path.empty() && path.back() == '/')) uri += '/';
  return uri;
}

std::string CredentialScope(std::string_view amz_date, std::string_view region,
                            std::string_view service) {
  return std::string(amz_date.substr(0, 8)) + '/' + std::string(region) + '/' +
         std::string(service) + "/aws4_request";
}

bool IsSignedBySignSigV4(std::string_view lower_name) {
  return lower_name == "host" || lower_name == "content-type" || StartsWith(lower_name, "x-amz-");
}

}  // namespace

std::string SigV4CanonicalRequest(const HttpRequest& request,
                                  const std::vector<std::string>& signed_headers) {
  return CanonicalRequest(
      request, CanonicalUri(request.path), signed_headers,
      {QueryOrder::kByEncodedText, HeaderValueSpaces::kTrimAndCollapse, "X-Amz-Content-Sha256"});
}

std::string SigV4StringToSign(std::string_view amz_date, std::string_view scope,
                              std::string_view canonical_request) {
  return std::string(kAlgorithm) + '\n' + std::string(amz_date) + '\n' + std::string(scope) + '\n' +
         HexSha256(canonical_request);
}

std::string SigV4Signature(std::string_view secret, std::string_view amz_date,
                           std::string_view region, std::string_view service,
                           std::string_view canonical_request) {
  const std::string date_key = HmacSha256("AWS4" + std::string(secret), amz_date.substr(0, 8));
  const std::string region_key = HmacSha256(date_key, region);
  const std::string service_key = HmacSha256(region_key, service);
  const std::string signing_key = HmacSha256(service_key, "aws4_request");
  const std::string string_to_sign =
      SigV4StringToSign(amz_date, CredentialScope(amz_date, region, service), canonical_request);
  return HexEncode(HmacSha256(signing_key, string_to_sign));
}

void SignSigV4(HttpRequest& request, const Credentials& credentials, std::string_view amz_date,
               std::string_view region, std::string_view service) {
  const std::vector<std::string> signed_headers =
      PrepareToSign(request, "X-Amz-Date", amz_date, "X-Amz-Security-Token",
                    credentials.session_token, IsSignedBySignSigV4);
  const std::string signature =
      SigV4Signature(credentials.secret_access_key, amz_date, region, service,
                     SigV4CanonicalRequest(request, signed_headers));
  request.headers.Set("Authorization",
                      std::string(kAlgorithm) + " Credential=" + credentials.access_key_id + '/' +
                          CredentialScope(amz_date, region, service) + ", SignedHeaders=" +
                          JoinSignedHeaders(signed_headers) + ", Signature=" + signature);
}

}  // namespace fakeiam::internal
