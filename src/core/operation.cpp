#include "fakeiam/operation.hpp"

namespace fakeiam {
namespace {

struct OperationNames {
  Operation operation;
  std::string_view aws;
  std::string_view huawei_sdk;     // "" when v5 has no such route
  std::string_view huawei_action;  // the v5 policy action
};

constexpr OperationNames kNames[] = {
    {Operation::CreateAccessKey, "CreateAccessKey", "CreateAccessKeyV5",
     "iam:credentials:createCredentialV5"},
    {Operation::ListAccessKeys, "ListAccessKeys", "ListAccessKeysV5",
     "iam:credentials:listCredentialsV5"},
    {Operation::UpdateAccessKey, "UpdateAccessKey", "UpdateAccessKeyV5",
     "iam:credentials:updateCredentialV5"},
    {Operation::DeleteAccessKey, "DeleteAccessKey", "DeleteAccessKeyV5",
     "iam:credentials:deleteCredentialV5"},
    {Operation::GetAccessKeyLastUsed, "GetAccessKeyLastUsed", "ShowAccessKeyLastUsedV5",
     "iam:credentials:showAccessKeyLastUsedV5"},
    {Operation::CreateUser, "CreateUser", "", "iam:users:createUserV5"},
    {Operation::GetUser, "GetUser", "", "iam:users:getUserV5"},
    {Operation::DeleteUser, "DeleteUser", "", "iam:users:deleteUserV5"},
    {Operation::ListUsers, "ListUsers", "", "iam:users:listUsersV5"},
};

const OperationNames& NamesOf(Operation operation) {
  return kNames[static_cast<std::size_t>(operation)];
}

}  // namespace

std::string_view ToString(Operation operation) { return NamesOf(operation).aws; }

std::optional<Operation> ParseOperation(std::string_view name) {
  for (const OperationNames& n : kNames) {
    if (name == n.aws || (!n.huawei_sdk.empty() && name == n.huawei_sdk)) return n.operation;
  }
  return std::nullopt;
}

std::string PolicyAction(Operation operation, Cloud dialect) {
  return dialect == Cloud::Aws ? "iam:" + std::string(NamesOf(operation).aws)
                               : std::string(NamesOf(operation).huawei_action);
}

}  // namespace fakeiam
