#include "aws/sigv4_credential.hpp"

#include <vector>

#include "http/authorization.hpp"

namespace fakeiam::internal {
namespace {

constexpr std::string_view kScheme = "AWS4-HMAC-SHA256";

Error Incomplete(const std::string& why) {
  return Error::Make(ErrorCode::IncompleteSignature,
                     "The request signature does not conform to AWS standards: " + why);
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (;;) {
    const std::size_t at = s.find(sep);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

}  // namespace

Result<std::optional<SigV4Credential>> ReadSigV4Credential(const HttpRequest& request) {
  const AuthorizationParams auth =
      ParseAuthorization(request.headers.Get("Authorization"), kScheme);
  if (auth.outcome == AuthorizationParse::NotThisScheme) {
    return std::optional<SigV4Credential>();
  }
  if (auth.outcome == AuthorizationParse::Malformed) {
    return Incomplete("the Authorization header is not a list of Name=value parameters.");
  }
  for (const char* name : {"Credential", "SignedHeaders", "Signature"}) {
    if (!auth.params.count(name)) {
      return Incomplete(std::string("the Authorization header has no '") + name + "' parameter.");
    }
  }
  const std::vector<std::string_view> scope = Split(auth.params.find("Credential")->second, '/');
  if (scope.size() != 5 || scope[0].empty() || scope[1].size() != 8 || scope[2].empty() ||
      scope[3].empty() || scope[4] != "aws4_request") {
    return Incomplete(
        "the Credential is not <access key id>/<yyyymmdd>/<region>/<service>/aws4_request.");
  }
  SigV4Credential credential;
  credential.access_key_id = std::string(scope[0]);
  credential.date = std::string(scope[1]);
  credential.region = std::string(scope[2]);
  credential.service = std::string(scope[3]);
  credential.signed_headers = std::string(auth.params.find("SignedHeaders")->second);
  credential.signature = std::string(auth.params.find("Signature")->second);
  return std::optional<SigV4Credential>(std::move(credential));
}

}  // namespace fakeiam::internal
