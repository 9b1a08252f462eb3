#include "protocol/routing.hpp"

#include "core/ascii.hpp"

namespace fakeiam::internal {

bool IsControlPath(std::string_view path) { return StartsWith(path, kControlPrefix); }

Cloud DialectOf(std::string_view path) {
  if (!StartsWith(path, "/v") || path.size() < 3) return Cloud::Aws;
  std::size_t i = 2;
  while (i < path.size() && path[i] >= '0' && path[i] <= '9') ++i;
  return i > 2 && (i == path.size() || path[i] == '/') ? Cloud::Huawei : Cloud::Aws;
}

}  // namespace fakeiam::internal
