#include "protocol/authentication.hpp"

#include "aws/sigv4_credential.hpp"
#include "aws/sigv4_verification.hpp"
#include "huawei/sdk_hmac_credential.hpp"
#include "huawei/sdk_hmac_verification.hpp"

namespace fakeiam::internal {
namespace {

// What a key signs with.
struct SigningKey {
  std::string secret;
  std::string session_token;  // temporary credentials: the token every request must carry
};

// The signing key of `access_key_id`, if that key may sign at all: a bootstrap root credential,
// or an Active key the store issued.
std::optional<SigningKey> SigningKeyOf(const Store& store, const AuthOptions& auth,
                                       std::string_view access_key_id) {
  for (const Credentials& root : auth.root_credentials) {
    if (root.access_key_id == access_key_id) {
      return SigningKey{root.secret_access_key, root.session_token};
    }
  }
  std::optional<AccessKey> key = store.FindAccessKey(access_key_id);
  if (!key || key->status != KeyStatus::Active) return std::nullopt;
  return SigningKey{std::move(key->secret), ""};
}

Error Unsigned(Cloud dialect) {
  return Error::Make(ErrorCode::MissingAuthenticationToken,
                     dialect == Cloud::Aws
                         ? "Request is missing Authentication Token"
                         : "the request is not signed (no SDK-HMAC-SHA256 Authorization header)");
}

// A key that may not sign: unknown, deleted, not Active, or presented with the wrong token.
Error InvalidKey(Cloud dialect) {
  return Error::Make(ErrorCode::InvalidClientTokenId,
                     dialect == Cloud::Aws
                         ? "The security token included in the request is invalid."
                         : "Get secretKey failed,ak:******,err:ak not exist");
}

}  // namespace

Result<Caller> Authenticate(Store& store, const HttpRequest& request, const AuthOptions& auth,
                            Cloud dialect) {
  std::optional<SigV4Credential> aws;
  std::optional<SdkHmacCredential> huawei;
  if (dialect == Cloud::Aws) {
    Result<std::optional<SigV4Credential>> credential = ReadSigV4Credential(request);
    if (!credential.ok()) return credential.error();
    aws = *credential;
  } else {
    Result<std::optional<SdkHmacCredential>> credential = ReadSdkHmacCredential(request);
    if (!credential.ok()) return credential.error();
    huawei = *credential;
  }
  if (!aws && !huawei) return auth.strict ? Result<Caller>(Unsigned(dialect)) : Caller{};
  const std::string_view key_id = aws ? aws->access_key_id : huawei->access_key_id;

  if (auth.strict) {
    const std::optional<SigningKey> key = SigningKeyOf(store, auth, key_id);
    if (!key) return InvalidKey(dialect);
    const std::string_view token =
        request.headers.Get(aws ? "X-Amz-Security-Token" : "X-Security-Token").value_or("");
    if (token != key->session_token) return InvalidKey(dialect);
    const Timestamp now = auth.max_clock_skew.count() ? store.PeekClock() : Timestamp{};
    const std::optional<Error> refused =
        aws ? VerifySigV4(request, *aws, key->secret, now, auth.max_clock_skew)
            : VerifySdkHmac(request, *huawei, key->secret, now, auth.max_clock_skew);
    if (refused) return *refused;
  }
  return IdentifyCaller(store, std::string(key_id), "iam", aws ? aws->region : "");
}

}  // namespace fakeiam::internal
