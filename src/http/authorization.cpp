#include "http/authorization.hpp"

#include "core/ascii.hpp"

namespace fakeiam::internal {

std::optional<std::string_view> AuthorizationParams::Get(std::string_view name) const {
  for (std::size_t i = 0; i < count; ++i) {
    if (params[i].first == name) return params[i].second;
  }
  return std::nullopt;
}

AuthorizationParams ParseAuthorization(std::optional<std::string_view> header,
                                       std::string_view scheme) {
  AuthorizationParams result;
  if (!header || header->substr(0, scheme.size()) != scheme) return result;
  std::string_view rest = header->substr(scheme.size());
  // The scheme alone names it but carries nothing: malformed, not another scheme.
  if (TrimSpacesAndTabs(rest).empty()) {
    result.outcome = AuthorizationParse::Malformed;
    return result;
  }
  if (rest.front() != ' ' && rest.front() != '\t') return result;
  result.outcome = AuthorizationParse::Malformed;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = TrimSpacesAndTabs(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == item.size()) return result;
    const std::string_view name = item.substr(0, eq);
    if (result.count == kMaxAuthorizationParams || result.Get(name)) return result;
    result.params[result.count++] = {name, item.substr(eq + 1)};
  }
  if (result.count == 0) return result;
  result.outcome = AuthorizationParse::Parsed;
  return result;
}

}  // namespace fakeiam::internal
