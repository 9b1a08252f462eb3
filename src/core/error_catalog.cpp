#include "core/error_catalog.hpp"

#include <string>

namespace fakeiam::internal {

Error NoSuchUser(std::string_view name) {
  return Error::Make(ErrorCode::NoSuchEntity,
                     "The user with name " + std::string(name) + " cannot be found.", Subject::User,
                     std::string(name));
}

Error NoSuchUserId(std::string_view user_id) {
  return Error::Make(ErrorCode::NoSuchEntity,
                     "The user with id " + std::string(user_id) + " cannot be found.",
                     Subject::User, std::string(user_id));
}

Error NoSuchAccessKey(std::string_view access_key_id) {
  return Error::Make(ErrorCode::NoSuchEntity,
                     "The Access Key with id " + std::string(access_key_id) + " cannot be found.",
                     Subject::AccessKey, std::string(access_key_id));
}

Error UserAlreadyExists(std::string_view name) {
  return Error::Make(ErrorCode::EntityAlreadyExists,
                     "User with name " + std::string(name) + " already exists.", Subject::User,
                     std::string(name));
}

Error UserStillHasAccessKeys(std::string_view name) {
  return Error::Make(ErrorCode::DeleteConflict,
                     "Cannot delete entity, must delete access keys first.", Subject::User,
                     std::string(name));
}

Error AccessKeyQuotaExceeded(int quota) {
  return Error::Make(ErrorCode::LimitExceeded,
                     "Cannot exceed quota for AccessKeysPerUser: " + std::to_string(quota));
}

Error InvalidMarker() {
  return Error::Make(ErrorCode::InvalidInput,
                     "Invalid Marker: it is malformed or was issued for another listing.",
                     Subject::Marker);
}

Error StatusNotSettable(KeyStatus status) {
  return Error::Make(ErrorCode::InvalidInput, "The status of an access key cannot be set to " +
                                                  std::string(ToString(status)) +
                                                  "; use Active or Inactive.");
}

std::string RootArn(std::string_view account_id, Cloud dialect) {
  return (dialect == Cloud::Aws ? "arn:aws:iam::" : "iam::") + std::string(account_id) + ":root";
}

Error AccessDenied(Operation operation, std::string_view caller_arn, std::string_view user_name,
                   std::string_view account_id, Cloud dialect) {
  std::string resource;
  if (user_name.empty()) {
    resource = RootArn(account_id, dialect);
  } else if (dialect == Cloud::Aws) {
    resource = "user " + std::string(user_name);
  } else {
    resource = "iam::" + std::string(account_id) + ":user:" + std::string(user_name);
  }
  return Error::Make(ErrorCode::AccessDenied,
                     "User: " + std::string(caller_arn) + " is not authorized to perform: " +
                         PolicyAction(operation, dialect) + " on resource: " + resource);
}

}  // namespace fakeiam::internal
