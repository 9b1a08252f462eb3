#include "protocol/routing.hpp"

#include "core/ascii.hpp"
#include "http/url_encoding.hpp"
#include "huawei/v5_route.hpp"

namespace fakeiam::internal {

bool IsControlPath(std::string_view path) { return StartsWith(path, kControlPrefix); }

Cloud DialectOf(std::string_view path) {
  if (!StartsWith(path, "/v") || path.size() < 3) return Cloud::Aws;
  std::size_t i = 2;
  while (i < path.size() && path[i] >= '0' && path[i] <= '9') ++i;
  return i > 2 && (i == path.size() || path[i] == '/') ? Cloud::Huawei : Cloud::Aws;
}

std::string OperationName(const HttpRequest& request) {
  if (DialectOf(request.path) == Cloud::Huawei) {
    const Result<V5Route> route = MatchV5Route(request.method, request.path);
    return route.ok() ? std::string(ToString(route->operation)) : std::string();
  }
  for (std::string_view text : {std::string_view(request.body), std::string_view(request.query)}) {
    for (const auto& [name, value] : ParseForm(text).value_or(FormFields{})) {
      if (name == "Action") return value;
    }
  }
  return "";
}

}  // namespace fakeiam::internal
