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
  const std::optional<std::string_view> scope_text = auth.Get("Credential");
  const std::optional<std::string_view> signed_headers = auth.Get("SignedHeaders");
  const std::optional<std::string_view> signature = auth.Get("Signature");
  for (const auto& [name, value] :
       {std::pair{"Credential", scope_text}, std::pair{"SignedHeaders", signed_headers},
        std::pair{"Signature", signature}}) {
    if (!value) {
      return Incomplete(std::string("the Authorization header has no '") + name + "' parameter.");
    }
  }
  const std::optional<std::array<std::string_view, 5>> parts = ScopeParts(*scope_text);
  if (!parts || (*parts)[0].empty() || (*parts)[1].size() != 8 || (*parts)[2].empty() ||
      (*parts)[3].empty() || (*parts)[4] != "aws4_request") {
    return Incomplete(
        "the Credential is not <access key id>/<yyyymmdd>/<region>/<service>/aws4_request.");
  }
  const std::array<std::string_view, 5>& scope = *parts;
  return std::optional<SigV4Credential>(
      SigV4Credential{scope[0], scope[1], scope[2], scope[3], *signed_headers, *signature});
}

}  // namespace fakeiam::internal
