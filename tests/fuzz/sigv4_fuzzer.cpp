// SigV4 Authorization headers (ReadSigV4Credential) and the SigV4 canonical request of a whole
// request, then what a signer writes read back and verified.
#include <stdexcept>

#include "aws/sigv4_credential.hpp"
#include "aws/sigv4_signing.hpp"
#include "fuzz_support.hpp"
#include "http/canonical_request.hpp"

namespace {

using namespace fakeiam::internal;
using fakeiam::fuzz::Require;

constexpr std::string_view kDate = "20250101T000000Z";
constexpr std::string_view kSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

// Whatever a client signs, with any key, region and service a credential can name, a verifier
// must read back and recompute.
void SignAndVerify(fakeiam::HttpRequest request, const SigV4Credential& as) {
  try {
    SignSigV4(request, {std::string(as.access_key_id), std::string(kSecret), ""}, kDate, as.region,
              as.service);
  } catch (const std::invalid_argument&) {
    return;  // no Host header, or a malformed query: nothing to sign
  }
  const auto read = ReadSigV4Credential(request);
  Require(read.ok() && read->has_value(), "a signed request has a SigV4 credential");
  const SigV4Credential& credential = **read;
  Require(credential.access_key_id == as.access_key_id && credential.region == as.region &&
              credential.service == as.service,
          "the credential names the key, region and service it was signed with");
  const std::string canonical =
      SigV4CanonicalRequest(request, SplitSignedHeaders(credential.signed_headers));
  Require(SigV4Signature(kSecret, kDate, credential.region, credential.service, canonical) ==
              credential.signature,
          "a SigV4 signature verifies");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fakeiam::HttpRequest request =
      fakeiam::fuzz::ReadRequest(fakeiam::fuzz::AsText(data, size));
  const auto credential = ReadSigV4Credential(request);
  SigV4Credential signer{"AKIAIOSFODNN7EXAMPLE", "20250101", "us-east-1", "iam", "", ""};
  if (credential.ok() && credential->has_value()) {
    signer = **credential;
    try {
      const std::string canonical =
          SigV4CanonicalRequest(request, SplitSignedHeaders(signer.signed_headers));
      SigV4Signature(kSecret, kDate, signer.region, signer.service, canonical);
    } catch (const std::invalid_argument&) {
      // a malformed query: refused, as documented
    }
  }
  SignAndVerify(request, signer);
  return 0;
}
