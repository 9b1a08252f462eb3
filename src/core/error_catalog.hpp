// The store's errors, each built in one place with AWS's wording.
#ifndef FAKEIAM_SRC_CORE_ERROR_CATALOG_HPP_
#define FAKEIAM_SRC_CORE_ERROR_CATALOG_HPP_

#include <string_view>

#include "fakeiam/error.hpp"
#include "fakeiam/types.hpp"

namespace fakeiam::internal {

Error NoSuchUser(std::string_view name);
Error NoSuchUserId(std::string_view user_id);
Error NoSuchAccessKey(std::string_view access_key_id);
Error UserAlreadyExists(std::string_view name);
Error UserStillHasAccessKeys(std::string_view name);
Error AccessKeyQuotaExceeded(int quota);
Error InvalidMarker();
Error StatusNotSettable(KeyStatus status);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_ERROR_CATALOG_HPP_
