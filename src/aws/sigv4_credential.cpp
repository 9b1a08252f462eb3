#include "aws/sigv4_credential.hpp"

#include <array>

#include "http/authorization.hpp"

namespace fakeiam::internal {
namespace {

constexpr std::string_view kScheme = "AWS4-HMAC-SHA256";

Error Incomplete(const std::string& why) {
  return Error::Make(ErrorCode::IncompleteSignature,
                     "The request signature does not conform to AWS standards: " + why);
}

// The five parts of a credential scope, or nothing when it has another number of parts.
std::optional<std::array<std::string_view, 5>> ScopeParts(std::string_view scope) {
  std::array<std::string_view, 5> parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::size_t slash = scope.find('/');
    if ((slash == std::string_view::npos) != (i + 1 == parts.size())) return std::nullopt;
    parts[i] = scope.substr(0, slash);
    scope.remove_prefix(slash == std::string_view::npos ? scope.size() : slash + 1);
  }
  return parts;
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
  const std::optional<std::array<std::string_view, 5>> parts =
      ScopeParts(auth.params.find("Credential")->second);
  if (!parts || (*parts)[0].empty() || (*parts)[1].size() != 8 || (*parts)[2].empty() ||
      (*parts)[3].empty() || (*parts)[4] != "aws4_request") {
    return Incomplete(
        "the Credential is not <access key id>/<yyyymmdd>/<region>/<service>/aws4_request.");
  }
  const std::array<std::string_view, 5>& scope = *parts;
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
