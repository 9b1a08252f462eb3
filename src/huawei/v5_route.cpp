#include "huawei/v5_route.hpp"

#include <array>
#include <optional>

#include "http/url_encoding.hpp"

namespace fakeiam::internal {
namespace {

constexpr std::size_t kMaxUserIdLength = 64;
constexpr std::size_t kMaxAccessKeyIdLength = 40;
// /v5/users/{user_id}/access-keys/{access_key_id}/last-used
constexpr std::size_t kMaxRouteSegments = 6;

Error InvalidParameter(std::string_view name) {
  return Error::Make(ErrorCode::ValidationError,
                     "Request parameter " + std::string(name) + " is invalid.");
}

Error NoSuchRoute() {
  return Error::Make(ErrorCode::UnknownOperation,
                     "The API does not exist or has not been published in the environment.");
}

bool IsIdChar(char c, bool underscore) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (underscore && c == '_');
}

// An id in a path: 1 to `max` letters and digits (and '_' for access key ids, which fixtures may
// have).
bool IsId(std::string_view id, std::size_t max, bool underscore) {
  if (id.empty() || id.size() > max) return false;
  for (char c : id) {
    if (!IsIdChar(c, underscore)) return false;
  }
  return true;
}

struct RouteEntry {
  std::size_t segments;  // of the path, e.g. 4 for /v5/users/{user_id}/access-keys
  std::string_view method;
  V5Operation operation;
};

constexpr RouteEntry kRoutes[] = {
    {4, "GET", V5Operation::ListAccessKeys},        {4, "POST", V5Operation::CreateAccessKey},
    {5, "PUT", V5Operation::UpdateAccessKey},       {5, "DELETE", V5Operation::DeleteAccessKey},
    {6, "GET", V5Operation::ShowAccessKeyLastUsed},
};

// "GET, POST": the methods a path of this many segments takes.
std::string AllowedMethods(std::size_t segment_count) {
  std::string allowed;
  for (const RouteEntry& e : kRoutes) {
    if (e.segments != segment_count) continue;
    allowed += allowed.empty() ? "" : ", ";
    allowed += e.method;
  }
  return allowed;
}

Result<V5Operation> OperationFor(std::string_view method, std::size_t segment_count) {
  for (const RouteEntry& e : kRoutes) {
    if (e.segments == segment_count && e.method == method) return e.operation;
  }
  // The allowed methods travel as the error's subject, for the Allow header.
  return Error::Make(ErrorCode::MethodNotAllowed,
                     "The method " + std::string(method) + " is not allowed here; use " +
                         AllowedMethods(segment_count) + ".",
                     Subject::None, AllowedMethods(segment_count));
}

}  // namespace

std::string_view ToString(V5Operation operation) {
  switch (operation) {
    case V5Operation::ListAccessKeys:
      return "ListAccessKeysV5";
    case V5Operation::CreateAccessKey:
      return "CreateAccessKeyV5";
    case V5Operation::UpdateAccessKey:
      return "UpdateAccessKeyV5";
    case V5Operation::DeleteAccessKey:
      return "DeleteAccessKeyV5";
    case V5Operation::ShowAccessKeyLastUsed:
      return "ShowAccessKeyLastUsedV5";
  }
  return "";
}

Result<V5Route> MatchV5Route(std::string_view method, std::string_view raw_path) {
  if (raw_path.empty() || raw_path.front() != '/') return NoSuchRoute();
  // Every segment is checked, but only a route's six are kept: a longer path is no route.
  std::array<std::string, kMaxRouteSegments> segments;
  std::size_t n = 0;
  bool has_empty = false;
  for (std::string_view rest = raw_path.substr(1);;) {
    const std::size_t slash = rest.find('/');
    const std::string_view raw = rest.substr(0, slash);
    std::optional<std::string> decoded = PercentDecode(raw);
    if (!decoded) return InvalidParameter("path");
    if (*decoded == "." || *decoded == "..") {
      return Error::Make(ErrorCode::ValidationError,
                         "Request path is invalid: dot segments are not allowed.");
    }
    has_empty = has_empty || decoded->empty();
    if (n < segments.size()) segments[n] = std::move(*decoded);
    ++n;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  // Empty segments ("//", a trailing '/') make a path no route names.
  if (has_empty || n < 4 || n > kMaxRouteSegments || segments[0] != "v5" ||
      segments[1] != "users" || segments[3] != "access-keys" ||
      (n == 6 && segments[5] != "last-used")) {
    return NoSuchRoute();
  }
  const Result<V5Operation> operation = OperationFor(method, n);
  if (!operation.ok()) return operation.error();
  V5Route route{*operation, std::move(segments[2]), std::move(segments[4])};
  // An encoded '/' decodes into an id, where it can never belong.
  if (!IsId(route.user_id, kMaxUserIdLength, /*underscore=*/false)) {
    return InvalidParameter("user_id");
  }
  if (n >= 5 && !IsId(route.access_key_id, kMaxAccessKeyIdLength, /*underscore=*/true)) {
    return InvalidParameter("access_key_id");
  }
  return route;
}

}  // namespace fakeiam::internal
