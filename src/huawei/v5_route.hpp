// The routes of Huawei Cloud IAM v5's access-key API, parsed from a request's raw path.
#ifndef FAKEIAM_SRC_HUAWEI_V5_ROUTE_HPP_
#define FAKEIAM_SRC_HUAWEI_V5_ROUTE_HPP_

#include <string>
#include <string_view>

#include "fakeiam/result.hpp"

namespace fakeiam::internal {

enum class V5Operation {
  ListAccessKeys,         // GET    /v5/users/{user_id}/access-keys
  CreateAccessKey,        // POST   /v5/users/{user_id}/access-keys
  UpdateAccessKey,        // PUT    /v5/users/{user_id}/access-keys/{access_key_id}
  DeleteAccessKey,        // DELETE /v5/users/{user_id}/access-keys/{access_key_id}
  ShowAccessKeyLastUsed,  // GET    /v5/users/{user_id}/access-keys/{access_key_id}/last-used
};

// The SDK's name of the operation, e.g. "ListAccessKeysV5".
std::string_view ToString(V5Operation operation);

struct V5Route {
  V5Operation operation;
  std::string user_id;
  std::string access_key_id;  // empty for the collection routes
};

// Matches method and raw (still percent-encoded) path. Errors: UnknownOperation (404) for a path
// that is no route, MethodNotAllowed (405; `subject_id` holds the allowed methods, "GET, POST")
// for a route asked with another method, ValidationError (400) for an id that is not one, or a path
// with dot segments or an encoded '/'.
Result<V5Route> MatchV5Route(std::string_view method, std::string_view raw_path);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HUAWEI_V5_ROUTE_HPP_
