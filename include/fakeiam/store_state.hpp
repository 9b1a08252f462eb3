// The whole content of a store as plain values: what snapshots return, restores accept and
// fixture files hold.
#ifndef FAKEIAM_STORE_STATE_HPP_
#define FAKEIAM_STORE_STATE_HPP_

#include <optional>
#include <vector>

#include "fakeiam/types.hpp"

namespace fakeiam {

// An access key with its secret and its last use.
struct StoredAccessKey {
  AccessKey key;  // `key.secret` is set; `user_name`/`user_id` repeat the owner
  std::optional<KeyUsage> last_used;
};

struct StoredUser {
  User user;
  std::vector<StoredAccessKey> access_keys;  // in creation order
};

struct StoreState {
  std::vector<StoredUser> users;  // in name order
  std::vector<StoredAccessKey> root_access_keys;
};

}  // namespace fakeiam

#endif  // FAKEIAM_STORE_STATE_HPP_
