#include "aws/sigv4_verification.hpp"

#include <algorithm>
#include <stdexcept>

#include "aws/sigv4_signing.hpp"
#include "http/canonical_request.hpp"
#include "http/signing_time.hpp"

namespace fakeiam::internal {
namespace {

Error Mismatch(std::string message) {
  return Error::Make(ErrorCode::SignatureDoesNotMatch, std::move(message));
}

// "15 min." as IAM writes a skew window.
std::string Window(std::chrono::seconds skew) {
  return skew.count() % 60 == 0 ? std::to_string(skew.count() / 60) + " min."
                                : std::to_string(skew.count()) + " sec.";
}

std::optional<Error> CheckSkew(const std::string& amz_date, Timestamp signed_at, Timestamp now,
                               std::chrono::seconds max_skew) {
  if (max_skew.count() == 0) return std::nullopt;
  if (signed_at < now - max_skew) {
    return Mismatch("Signature expired: " + amz_date + " is now earlier than " +
                    FormatSigningTime(now - max_skew) + " (" + FormatSigningTime(now) + " - " +
                    Window(max_skew) + ")");
  }
  if (signed_at > now + max_skew) {
    return Mismatch("Signature not yet current: " + amz_date + " is still later than " +
                    FormatSigningTime(now + max_skew) + " (" + FormatSigningTime(now) + " + " +
                    Window(max_skew) + ")");
  }
  return std::nullopt;
}

}  // namespace

bool SigV4SignatureMatches(const HttpRequest& request, const SigV4Credential& credential,
                           std::string_view amz_date, std::string_view secret) {
  std::string expected;
  try {
    expected = SigV4Signature(
        secret, amz_date, credential.region, credential.service,
        SigV4CanonicalRequest(request, SplitSignedHeaders(credential.signed_headers)));
  } catch (const std::invalid_argument&) {
    return false;  // a request that cannot be put in canonical form matches no signature
  }
  return SignaturesEqual(expected, credential.signature);
}

std::optional<Error> VerifySigV4(const HttpRequest& request, const SigV4Credential& credential,
                                 std::string_view secret, Timestamp now,
                                 std::chrono::seconds max_skew) {
  std::string amz_date;
  std::optional<Timestamp> signed_at;
  if (const auto header = request.headers.Get("X-Amz-Date")) {
    amz_date = std::string(*header);
    signed_at = ParseSigningTime(amz_date);
  } else if (const auto date = request.headers.Get("Date")) {
    signed_at = ParseHttpDate(*date);
    if (signed_at) amz_date = FormatSigningTime(*signed_at);
  } else {
    return Error::Make(ErrorCode::IncompleteSignature,
                       "Authorization header requires existence of either a 'X-Amz-Date' or a "
                       "'Date' header.");
  }
  if (!signed_at) {
    return Mismatch("The signing date is not a date: expected X-Amz-Date as yyyyMMdd'T'HHmmss'Z'.");
  }
  if (credential.date != amz_date.substr(0, 8)) {
    return Mismatch(
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
        "date from HTTP: '" +
        std::string(credential.date) + "' != '" + amz_date.substr(0, 8) + "', from '" + amz_date +
        "'.");
  }
  if (credential.service != "iam") {
    return Mismatch("Credential should be scoped to correct service: 'iam'. ");
  }
  if (credential.region != kIamSigningRegion) {
    return Mismatch("Credential should be scoped to a valid region. ");
  }
  const std::vector<std::string> signed_headers = SplitSignedHeaders(credential.signed_headers);
  if (std::find(signed_headers.begin(), signed_headers.end(), "host") == signed_headers.end()) {
    return Mismatch("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (auto skewed = CheckSkew(amz_date, *signed_at, now, max_skew)) return skewed;
  if (!SigV4SignatureMatches(request, credential, amz_date, secret)) {
    return Mismatch(
        "The request signature we calculated does not match the signature you provided. Check "
        "your AWS Secret Access Key and signing method. Consult the service documentation for "
        "details.");
  }
  return std::nullopt;
}

}  // namespace fakeiam::internal
