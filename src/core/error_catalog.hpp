// The store's errors, each built in one place with AWS's wording.
#ifndef FAKEIAM_SRC_CORE_ERROR_CATALOG_HPP_
#define FAKEIAM_SRC_CORE_ERROR_CATALOG_HPP_

#include <string_view>

#include "fakeiam/cloud.hpp"
#include "fakeiam/error.hpp"
#include "fakeiam/operation.hpp"
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

// The account root as each cloud names it in messages: arn:aws:iam::<account>:root, or
// iam::<domain>:root.
std::string RootArn(std::string_view account_id, Cloud dialect);

// AWS's AccessDenied: `User: <caller> is not authorized to perform: iam:<Op> on resource: user
// <name>` (the root's ARN when `user_name` is empty), or the Huawei action and URN.
Error AccessDenied(Operation operation, std::string_view caller_arn, std::string_view user_name,
                   std::string_view account_id, Cloud dialect);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_ERROR_CATALOG_HPP_
