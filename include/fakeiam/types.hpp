// The values the key store hands out: users, access keys, their use, and pages of them.
#ifndef FAKEIAM_TYPES_HPP_
#define FAKEIAM_TYPES_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/clock.hpp"

namespace fakeiam {

enum class KeyStatus : unsigned char { Active, Inactive, Expired };

// "Active", "Inactive" or "Expired".
std::string_view ToString(KeyStatus status);
// Parses the AWS spelling exactly ("Active"), as the API requires.
std::optional<KeyStatus> ParseKeyStatus(std::string_view text);

struct User {
  std::string name;
  std::string path = "/";
  std::string id;
  std::string arn;
  Timestamp create_date;
};

// An access key. The account root's keys have an empty `user_name`.
struct AccessKey {
  std::string id;
  std::string secret;  // only filled by CreateAccessKey and by snapshots, never by listings
  std::string user_name;
  std::string user_id;
  KeyStatus status = KeyStatus::Active;
  Timestamp create_date;
};

// The last time a key signed a request, and where.
struct KeyUsage {
  Timestamp date;
  std::string service_name;
  std::string region;
};

struct AccessKeyLastUsed {
  std::string user_name;  // empty for a root key
  std::string user_id;
  std::optional<KeyUsage> last_used;  // empty when the key never signed a request
};

// Who owns an access key: a user, or the account root.
struct KeyOwner {
  bool is_root = false;
  std::string user_name;  // empty for the root
  std::string user_id;
  std::string arn;
};

// One page of a listing. When `is_truncated`, `marker` asks for the next page.
template <typename T>
struct Page {
  std::vector<T> items;
  bool is_truncated = false;
  std::string marker;
};

// Pagination input common to all listings: MaxItems 1..1000 (default 100) and the marker of the
// previous page.
struct PageRequest {
  std::optional<int> max_items;
  std::optional<std::string> marker;
};

}  // namespace fakeiam

#endif  // FAKEIAM_TYPES_HPP_
