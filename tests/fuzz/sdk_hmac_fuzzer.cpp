// SDK-HMAC-SHA256 Authorization headers (ReadSdkHmacCredential) and the SDK-HMAC canonical request
// of a whole request, then what a signer writes read back and verified.
#include <stdexcept>

#include "fuzz_support.hpp"
#include "http/canonical_request.hpp"
#include "huawei/sdk_hmac_credential.hpp"
#include "huawei/sdk_hmac_signing.hpp"

namespace {

using namespace fakeiam::internal;
using fakeiam::fuzz::Require;

constexpr std::string_view kDate = "20250101T000000Z";
constexpr std::string_view kSecret = "vRNwGMd92PlityIO3daDseoS9hciL9xKSKkBiJ44";

// Whatever a client signs, with any AK a credential can name, a verifier must read back and
// recompute.
void SignAndVerify(fakeiam::HttpRequest request, const std::string& access_key_id) {
  try {
    SignSdkHmac(request, {access_key_id, std::string(kSecret), ""}, kDate);
  } catch (const std::invalid_argument&) {
    return;  // no Host header, or a malformed path or query: nothing to sign
  }
  const auto read = ReadSdkHmacCredential(request);
  Require(read.ok() && read->has_value(), "a signed request has an SDK-HMAC credential");
  const SdkHmacCredential& credential = **read;
  Require(credential.access_key_id == access_key_id, "the credential names the signing AK");
  const std::string canonical =
      SdkHmacCanonicalRequest(request, SplitSignedHeaders(credential.signed_headers));
  Require(SdkHmacSignature(kSecret, kDate, canonical) == credential.signature,
          "an SDK-HMAC signature verifies");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fakeiam::HttpRequest request =
      fakeiam::fuzz::ReadRequest(fakeiam::fuzz::AsText(data, size));
  const auto credential = ReadSdkHmacCredential(request);
  std::string signer = "QTWAOYTTINDUT2QVKYUC";
  if (credential.ok() && credential->has_value()) {
    signer = (*credential)->access_key_id;
    try {
      const std::string canonical =
          SdkHmacCanonicalRequest(request, SplitSignedHeaders((*credential)->signed_headers));
      SdkHmacSignature(kSecret, kDate, canonical);
    } catch (const std::invalid_argument&) {
      // a malformed path or query: refused, as documented
    }
  }
  SignAndVerify(request, signer);
  return 0;
}
