// The operations fakeiam serves, named the same whichever dialect asks for them.
#ifndef FAKEIAM_OPERATION_HPP_
#define FAKEIAM_OPERATION_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "fakeiam/cloud.hpp"

namespace fakeiam {

enum class Operation {
  CreateAccessKey,
  ListAccessKeys,
  UpdateAccessKey,
  DeleteAccessKey,
  GetAccessKeyLastUsed,
  CreateUser,
  GetUser,
  DeleteUser,
  ListUsers,
};

inline constexpr Operation kAllOperations[] = {
    Operation::CreateAccessKey, Operation::ListAccessKeys,       Operation::UpdateAccessKey,
    Operation::DeleteAccessKey, Operation::GetAccessKeyLastUsed, Operation::CreateUser,
    Operation::GetUser,         Operation::DeleteUser,           Operation::ListUsers,
};

// AWS's action name, e.g. "ListAccessKeys".
std::string_view ToString(Operation operation);

// An operation by its AWS action name or its Huawei SDK name ("ListAccessKeysV5",
// "ShowAccessKeyLastUsedV5", ...).
std::optional<Operation> ParseOperation(std::string_view name);

// The action a policy names for it: "iam:ListAccessKeys" (AWS) or
// "iam:credentials:listCredentialsV5" (Huawei).
std::string PolicyAction(Operation operation, Cloud dialect);

// Who calls an operation and how; fault rules match on it and the fault log records it.
// In-process calls leave it as it is.
struct CallContext {
  Cloud dialect = Cloud::Aws;
  std::string request_id;
  std::string caller_access_key_id;  // the key that signed the request, if any
  std::string caller_arn;            // empty: the account root
  std::string caller_user_name;      // empty: the account root
};

}  // namespace fakeiam

#endif  // FAKEIAM_OPERATION_HPP_
