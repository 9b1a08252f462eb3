#include "rotate.hpp"

#include <algorithm>

namespace example {

using fakeiam::AccessKey;
using fakeiam::KeyStatus;
using fakeiam::Result;

Result<AccessKey> RotateAccessKey(fakeiam::AccessKeyApi& iam, const std::string& user) {
  constexpr std::size_t kQuota = 2;
  Result<std::vector<AccessKey>> keys = iam.ListAccessKeys(user);
  if (!keys.ok()) return keys.error();
  if (keys->size() >= kQuota) {
    // Listings come oldest first.
    const auto inactive = std::find_if(keys->begin(), keys->end(), [](const AccessKey& key) {
      return key.status != KeyStatus::Active;
    });
    if (inactive == keys->end()) {
      return fakeiam::Error::Make(fakeiam::ErrorCode::LimitExceeded,
                                  "every key of " + user + " is active; deactivate one first");
    }
    if (Result<void> deleted = iam.DeleteAccessKey(user, inactive->id); !deleted.ok()) {
      return deleted.error();
    }
    keys->erase(inactive);
  }
  Result<AccessKey> created = iam.CreateAccessKey(user);
  if (!created.ok()) return created;
  for (const AccessKey& old : *keys) {
    if (old.status != KeyStatus::Active) continue;
    if (Result<void> updated = iam.UpdateAccessKey(user, old.id, KeyStatus::Inactive);
        !updated.ok()) {
      return updated.error();
    }
  }
  return created;
}

}  // namespace example
