#include "fakeiam/store.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/ascii.hpp"
#include "core/error_catalog.hpp"
#include "core/inline_string.hpp"
#include "core/marker.hpp"
#include "core/validation.hpp"
#include "fakeiam/id_generator.hpp"

namespace fakeiam {
namespace {

using internal::InlineString;
using internal::Validation;

constexpr std::string_view kDefaultAwsAccount = "123456789012";
constexpr std::string_view kDefaultHuaweiAccount = "0123456789abcdef0123456789abcdef";
constexpr int kDefaultMaxItems = 100;

// Ids and secrets live inside the key's hash node: no allocation per key beyond the node.
using KeyId = InlineString<32>;
using Secret = InlineString<64>;

struct UserRecord;

struct KeyRecord {
  Secret secret;
  KeyStatus status = KeyStatus::Active;
  std::uint64_t sequence = 0;  // creation order across the store; the pagination position
  Timestamp created;
  UserRecord* owner = nullptr;
};

using KeyMap = std::unordered_map<KeyId, KeyRecord, internal::InlineStringHash>;
// Nodes of an unordered_map keep their address on rehash, so users can point at their keys.
using KeyEntry = KeyMap::value_type;

struct UserRecord {
  std::string name;  // empty for the account root
  std::string path = "/";
  std::string id;
  Timestamp created;
  std::vector<KeyEntry*> keys;  // ascending sequence
};

bool BySequence(const KeyEntry* entry, std::uint64_t sequence) {
  return entry->second.sequence < sequence;
}

// Orders user names as their lower-case forms, so that a name in any case finds its user without
// a lower-cased copy being made (the map's keys are stored in lower case).
struct IgnoringCaseLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return static_cast<unsigned char>(internal::ToLower(x)) <
             static_cast<unsigned char>(internal::ToLower(y));
    });
  }
};

// Everything Restore replaces at once.
struct Data {
  Data() : root(std::make_unique<UserRecord>()) {}

  // By lower-case name: IAM names ignore case.
  std::map<std::string, UserRecord, IgnoringCaseLess> users;
  std::unordered_map<std::string, UserRecord*> users_by_id;
  std::unique_ptr<UserRecord> root;  // on the heap, so that its keys' owner survives a swap
  KeyMap keys;
  std::unordered_map<const KeyEntry*, KeyUsage> last_used;  // only keys that were used
  std::uint64_t next_sequence = 1;

  UserRecord* FindUser(std::string_view name) {
    auto it = users.find(name);
    return it == users.end() ? nullptr : &it->second;
  }

  KeyEntry* FindKey(std::string_view id) {
    if (!KeyId::Fits(id)) return nullptr;
    auto it = keys.find(KeyId(id));
    return it == keys.end() ? nullptr : &*it;
  }

  bool HasUserId(const std::string& id) const { return users_by_id.count(id) || id == root->id; }

  UserRecord& InsertUser(std::string lower_name, UserRecord record) {
    UserRecord& stored = users.emplace(std::move(lower_name), std::move(record)).first->second;
    users_by_id[stored.id] = &stored;
    return stored;
  }

  KeyEntry& InsertKey(UserRecord& owner, std::string_view id, std::string_view secret,
                      KeyStatus status, Timestamp created) {
    KeyRecord record;
    record.secret = Secret(secret);
    record.status = status;
    record.sequence = next_sequence++;
    record.created = created;
    record.owner = &owner;
    KeyEntry& entry = *keys.emplace(KeyId(id), record).first;
    owner.keys.push_back(&entry);
    return entry;
  }

  void EraseKey(KeyEntry& entry) {
    std::vector<KeyEntry*>& owned = entry.second.owner->keys;
    owned.erase(std::lower_bound(owned.begin(), owned.end(), entry.second.sequence, BySequence));
    last_used.erase(&entry);
    keys.erase(entry.first);
  }
};

struct GeneratedKey {
  std::string id;
  std::string secret;
};

}  // namespace

Result<void> ValidateOptions(const StoreOptions& options) {
  const std::string& account = options.account_id;
  if (options.access_key_quota < 0) {
    return Error::Make(ErrorCode::InvalidInput, "access_key_quota must not be negative, not " +
                                                    std::to_string(options.access_key_quota));
  }
  if (account.empty()) return {};
  if (options.profile == Cloud::Aws &&
      (account.size() != 12 || account.find_first_not_of("0123456789") != std::string::npos)) {
    return Error::Make(ErrorCode::InvalidInput,
                       "an AWS account id is 12 digits, not '" + account + "'");
  }
  if (options.profile == Cloud::Huawei &&
      (account.size() != 32 ||
       account.find_first_not_of("0123456789abcdef") != std::string::npos)) {
    return Error::Make(
        ErrorCode::InvalidInput,
        "a Huawei account (domain) id is 32 lower-case hex digits, not '" + account + "'");
  }
  return {};
}

namespace {

// The options with the account id filled in; the clock stays empty when the store makes its own.
StoreOptions WithDefaults(StoreOptions options) {
  if (const Result<void> valid = ValidateOptions(options); !valid.ok()) {
    throw std::invalid_argument("fakeiam::Store: " + valid.error().message);
  }
  if (options.account_id.empty()) {
    options.account_id =
        std::string(options.profile == Cloud::Aws ? kDefaultAwsAccount : kDefaultHuaweiAccount);
  }
  return options;
}

}  // namespace

class Store::Impl {
 public:
  explicit Impl(StoreOptions options)
      : options_(WithDefaults(std::move(options))),
        ids_(options_.profile, options_.seed, options_.account_id),
        markers_(options_.seed, options_.account_id),
        faults_(options_.seed, options_.account_id, options_.access_key_quota),
        clock_(options_.clock ? options_.clock : std::make_shared<SteppingClock>()) {
    data_.root->id = options_.account_id;
  }

  void Reset() {
    std::unique_lock lock(mu_);
    data_ = Data();
    data_.root->id = options_.account_id;
    user_counter_ = 0;
    key_counter_ = 0;
    request_counter_ = 0;
    // A clock the store made restarts; one the caller gave is the caller's to move.
    if (!options_.clock) clock_ = std::make_shared<SteppingClock>();
    faults_.Reset();
  }

  const StoreOptions& options() const { return options_; }

  std::string RootArn() const { return internal::RootArn(options_.account_id, options_.profile); }

  std::string Arn(const UserRecord& u) const {
    if (u.name.empty()) return RootArn();
    return options_.profile == Cloud::Aws
               ? "arn:aws:iam::" + options_.account_id + ":user" + u.path + u.name
               : "iam::" + options_.account_id + ":user:" + u.name;
  }

  User ToUser(const UserRecord& u) const { return User{u.name, u.path, u.id, Arn(u), u.created}; }

  AccessKey ToAccessKey(const KeyEntry& e, bool with_secret) const {
    const KeyRecord& k = e.second;
    return AccessKey{std::string(e.first.view()),
                     with_secret ? std::string(k.secret.view()) : std::string(),
                     k.owner->name,
                     k.owner->id,
                     k.status,
                     k.created};
  }

  // --- Lookups (callers hold the lock) ---

  Result<UserRecord*> Holder(KeyHolder holder) {
    if (!holder) return data_.root.get();
    UserRecord* user = data_.FindUser(*holder);
    if (!user) return internal::NoSuchUser(*holder);
    return user;
  }

  // The holder's key with this id; another holder's key counts as missing, as in IAM.
  Result<KeyEntry*> HeldKey(KeyHolder holder, std::string_view id) {
    Result<UserRecord*> user = Holder(holder);
    if (!user.ok()) return user.error();
    KeyEntry* entry = data_.FindKey(id);
    if (!entry || entry->second.owner != *user) return internal::NoSuchAccessKey(id);
    return entry;
  }

  static std::string ListingScope(const UserRecord& u) { return u.name.empty() ? "root" : u.id; }

  // --- Operations ---

  Result<User> CreateUser(std::string_view name, std::string_view path,
                          const CallContext& context) {
    if (auto refused = Refused(Operation::CreateUser, name, "", context)) return *refused;
    Validation v;
    v.NewUserName(name);
    v.Path(path);
    if (auto error = v.ToError()) return *error;
    std::unique_lock lock(mu_);
    std::string lower = internal::ToLower(name);
    if (data_.users.count(lower)) return internal::UserAlreadyExists(name);
    UserRecord record;
    record.name = std::string(name);
    record.path = std::string(path);
    record.id = NewUserId(data_);
    record.created = clock_->Now();
    return ToUser(data_.InsertUser(std::move(lower), std::move(record)));
  }

  Result<User> GetUser(std::string_view name, const CallContext& context) {
    if (auto refused = Refused(Operation::GetUser, name, "", context)) return *refused;
    Validation v;
    v.ExistingUserName(name);
    if (auto error = v.ToError()) return *error;
    std::shared_lock lock(mu_);
    const UserRecord* user = data_.FindUser(name);
    if (!user) return internal::NoSuchUser(name);
    return ToUser(*user);
  }

  std::optional<User> FindUser(std::string_view name) {
    std::shared_lock lock(mu_);
    const UserRecord* user = data_.FindUser(name);
    if (!user) return std::nullopt;
    return ToUser(*user);
  }

  FaultPlan& faults() { return faults_; }

  std::optional<std::vector<AccessKey>> FindAccessKeys(KeyHolder holder) {
    std::shared_lock lock(mu_);
    const Result<UserRecord*> user = Holder(holder);
    if (!user.ok()) return std::nullopt;
    std::vector<AccessKey> keys;
    keys.reserve((*user)->keys.size());
    for (const KeyEntry* entry : (*user)->keys) keys.push_back(ToAccessKey(*entry, false));
    return keys;
  }

  Result<User> GetUserById(std::string_view id) {
    std::shared_lock lock(mu_);
    auto it = data_.users_by_id.find(std::string(id));
    if (it == data_.users_by_id.end()) return internal::NoSuchUserId(id);
    return ToUser(*it->second);
  }

  Result<void> DeleteUser(std::string_view name, const CallContext& context) {
    if (auto refused = Refused(Operation::DeleteUser, name, "", context)) return *refused;
    Validation v;
    v.ExistingUserName(name);
    if (auto error = v.ToError()) return *error;
    std::unique_lock lock(mu_);
    auto it = data_.users.find(internal::ToLower(name));
    if (it == data_.users.end()) return internal::NoSuchUser(name);
    if (!it->second.keys.empty()) return internal::UserStillHasAccessKeys(it->second.name);
    data_.users_by_id.erase(it->second.id);
    data_.users.erase(it);
    return {};
  }

  Result<Page<User>> ListUsers(std::string_view path_prefix, const PageRequest& page,
                               const CallContext& context) {
    if (auto refused = Refused(Operation::ListUsers, kAccountRoot, "", context)) {
      return *refused;
    }
    Validation v;
    v.PathPrefix(path_prefix);
    CheckPage(v, page);
    if (auto error = v.ToError()) return *error;
    std::shared_lock lock(mu_);
    auto it = data_.users.begin();
    if (page.marker) {
      const std::optional<std::string> after =
          markers_.Decode(internal::ListingKind::Users, path_prefix, *page.marker);
      if (!after) return internal::InvalidMarker();
      it = data_.users.upper_bound(*after);
    }
    Page<User> result;
    const std::size_t limit = static_cast<std::size_t>(page.max_items.value_or(kDefaultMaxItems));
    std::string last;
    for (; it != data_.users.end(); ++it) {
      if (!internal::StartsWith(it->second.path, path_prefix)) continue;
      if (result.items.size() == limit) {
        result.is_truncated = true;
        result.marker = markers_.Encode(internal::ListingKind::Users, path_prefix, last);
        break;
      }
      result.items.push_back(ToUser(it->second));
      last = it->first;
    }
    return result;
  }

  Result<AccessKey> CreateAccessKey(KeyHolder holder, const CallContext& context) {
    if (auto refused = Refused(Operation::CreateAccessKey, holder, "", context)) {
      return *refused;
    }
    Validation v;
    if (holder) v.ExistingUserName(*holder);
    if (auto error = v.ToError()) return *error;
    std::unique_lock lock(mu_);
    Result<UserRecord*> user = Holder(holder);
    if (!user.ok()) return user.error();
    if ((*user)->keys.size() >= static_cast<std::size_t>(options_.access_key_quota)) {
      return internal::AccessKeyQuotaExceeded(options_.access_key_quota);
    }
    const GeneratedKey key = NewKey(data_);
    return ToAccessKey(
        data_.InsertKey(**user, key.id, key.secret, KeyStatus::Active, clock_->Now()),
        /*with_secret=*/true);
  }

  Result<Page<AccessKey>> ListAccessKeys(KeyHolder holder, const PageRequest& page,
                                         const CallContext& context) {
    if (auto refused = Refused(Operation::ListAccessKeys, holder, "", context)) {
      return *refused;
    }
    Validation v;
    if (holder) v.ExistingUserName(*holder);
    CheckPage(v, page);
    if (auto error = v.ToError()) return *error;
    std::shared_lock lock(mu_);
    Result<UserRecord*> found = Holder(holder);
    if (!found.ok()) return found.error();
    const UserRecord& user = **found;
    auto it = user.keys.begin();
    if (page.marker) {
      const std::optional<std::uint64_t> after =
          markers_.DecodeSequence(ListingScope(user), *page.marker);
      if (!after) return internal::InvalidMarker();
      it = std::lower_bound(user.keys.begin(), user.keys.end(), *after + 1, BySequence);
    }
    const std::size_t limit = static_cast<std::size_t>(page.max_items.value_or(kDefaultMaxItems));
    const std::size_t count = std::min(limit, static_cast<std::size_t>(user.keys.end() - it));
    Page<AccessKey> result;
    result.items.reserve(count);
    for (std::size_t i = 0; i < count; ++i) result.items.push_back(ToAccessKey(*it[i], false));
    if (it + static_cast<std::ptrdiff_t>(count) != user.keys.end()) {
      result.is_truncated = true;
      result.marker = markers_.EncodeSequence(ListingScope(user), it[count - 1]->second.sequence);
    }
    return result;
  }

  Result<AccessKey> UpdateAccessKey(KeyHolder holder, std::string_view id, KeyStatus status,
                                    const CallContext& context) {
    if (auto refused = Refused(Operation::UpdateAccessKey, holder, id, context)) {
      return *refused;
    }
    Validation v;
    if (holder) v.ExistingUserName(*holder);
    v.AccessKeyId(id);
    if (auto error = v.ToError()) return *error;
    if (status == KeyStatus::Expired) return internal::StatusNotSettable(status);
    std::unique_lock lock(mu_);
    Result<KeyEntry*> entry = HeldKey(holder, id);
    if (!entry.ok()) return entry.error();
    (*entry)->second.status = status;
    return ToAccessKey(**entry, /*with_secret=*/false);
  }

  Result<void> DeleteAccessKey(KeyHolder holder, std::string_view id, const CallContext& context) {
    if (auto refused = Refused(Operation::DeleteAccessKey, holder, id, context)) {
      return *refused;
    }
    Validation v;
    if (holder) v.ExistingUserName(*holder);
    v.AccessKeyId(id);
    if (auto error = v.ToError()) return *error;
    std::unique_lock lock(mu_);
    Result<KeyEntry*> entry = HeldKey(holder, id);
    if (!entry.ok()) return entry.error();
    data_.EraseKey(**entry);
    return {};
  }

  // `holder` empty: any key, whose owner fault rules match on; else only that holder's key.
  Result<AccessKeyLastUsed> GetAccessKeyLastUsed(std::optional<KeyHolder> holder,
                                                 std::string_view id, const CallContext& context) {
    if (!faults_.empty() || Restricted(context)) {
      KeyHolder addressed = holder.value_or(kAccountRoot);
      // Outlives the block below: `addressed` may view its user name.
      std::optional<KeyOwner> owner;
      if (!holder) {
        owner = FindKeyOwner(id);
        if (owner && !owner->is_root) addressed = owner->user_name;
      }
      if (auto refused = Refused(Operation::GetAccessKeyLastUsed, addressed, id, context)) {
        return *refused;
      }
    }
    Validation v;
    if (holder && *holder) v.ExistingUserName(**holder);
    v.AccessKeyId(id);
    if (auto error = v.ToError()) return *error;
    std::shared_lock lock(mu_);
    const KeyEntry* entry = data_.FindKey(id);
    if (holder) {
      Result<KeyEntry*> held = HeldKey(*holder, id);
      if (!held.ok()) return held.error();
      entry = *held;
    }
    if (!entry) return internal::NoSuchAccessKey(id);
    AccessKeyLastUsed result{entry->second.owner->name, entry->second.owner->id, std::nullopt};
    if (auto it = data_.last_used.find(entry); it != data_.last_used.end()) {
      result.last_used = it->second;
    }
    return result;
  }

  std::optional<KeyOwner> FindKeyOwner(std::string_view id) {
    std::shared_lock lock(mu_);
    const KeyEntry* entry = data_.FindKey(id);
    if (!entry) return std::nullopt;
    const UserRecord& owner = *entry->second.owner;
    return KeyOwner{owner.name.empty(), owner.name, owner.id, Arn(owner)};
  }

  std::optional<AccessKey> FindAccessKey(std::string_view id) {
    std::shared_lock lock(mu_);
    const KeyEntry* entry = data_.FindKey(id);
    if (!entry) return std::nullopt;
    return ToAccessKey(*entry, /*with_secret=*/true);
  }

  Timestamp PeekClock() {
    std::shared_lock lock(mu_);  // Reset replaces the clock
    return clock_->Peek();
  }

  bool RecordKeyUse(std::string_view id, std::string_view service, std::string_view region) {
    std::unique_lock lock(mu_);
    const KeyEntry* entry = data_.FindKey(id);
    if (!entry || entry->second.status != KeyStatus::Active) return false;
    data_.last_used[entry] = KeyUsage{clock_->Now(), std::string(service), std::string(region)};
    return true;
  }

  Result<void> ExpireAccessKey(std::string_view id) {
    std::unique_lock lock(mu_);
    KeyEntry* entry = data_.FindKey(id);
    if (!entry) return internal::NoSuchAccessKey(id);
    entry->second.status = KeyStatus::Expired;
    return {};
  }

  std::string NextRequestId(Cloud dialect) {
    return ids_.RequestId(request_counter_.fetch_add(1, std::memory_order_relaxed), dialect);
  }

  StoreState Snapshot() {
    std::shared_lock lock(mu_);
    StoreState state;
    state.users.reserve(data_.users.size());
    for (const auto& [lower, user] : data_.users) {
      state.users.push_back(StoredUser{ToUser(user), StoredKeys(user)});
    }
    state.root_access_keys = StoredKeys(*data_.root);
    return state;
  }

  Result<void> Restore(const StoreState& state);

 private:
  // Whether the access policy limits this caller.
  bool Restricted(const CallContext& context) const {
    return options_.access_policy == AccessPolicy::OwnUserOnly && !context.caller_user_name.empty();
  }

  // AccessDenied when the access policy forbids the caller this call on `holder`.
  std::optional<Error> Denied(Operation operation, KeyHolder holder,
                              const CallContext& context) const {
    if (!Restricted(context)) return std::nullopt;
    const bool own =
        holder && internal::ToLower(*holder) == internal::ToLower(context.caller_user_name);
    switch (operation) {
      case Operation::GetUser:
      case Operation::CreateAccessKey:
      case Operation::ListAccessKeys:
      case Operation::UpdateAccessKey:
      case Operation::DeleteAccessKey:
      case Operation::GetAccessKeyLastUsed:
        if (own) return std::nullopt;
        break;
      default:  // the user calls: creating, deleting or listing users is the root's
        break;
    }
    return internal::AccessDenied(operation, context.caller_arn, holder.value_or(""),
                                  options_.account_id, context.dialect);
  }

  // Why this call is refused before it runs, if it is: the access policy, then a fault rule.
  std::optional<Error> Refused(Operation operation, KeyHolder holder, std::string_view key_id,
                               const CallContext& context) {
    if (auto denied = Denied(operation, holder, context)) return denied;
    return Injected(operation, holder, key_id, context);
  }

  // The error a fault rule injects into this call, if one fires (after its latency).
  std::optional<Error> Injected(Operation operation, KeyHolder holder, std::string_view key_id,
                                const CallContext& context) {
    if (faults_.empty()) return std::nullopt;
    FaultTarget target{operation, std::string(holder.value_or("")), "", std::string(key_id)};
    if (holder) {
      std::shared_lock lock(mu_);
      if (const UserRecord* user = data_.FindUser(*holder)) {
        target.user_name = user->name;
        target.user_id = user->id;
      }
    }
    return faults_.Decide(target, context);
  }

  static void CheckPage(Validation& v, const PageRequest& page) {
    if (page.max_items) v.MaxItems(*page.max_items);
    if (page.marker) v.Marker(*page.marker);
  }

  std::vector<StoredAccessKey> StoredKeys(const UserRecord& user) const {
    std::vector<StoredAccessKey> keys;
    keys.reserve(user.keys.size());
    for (const KeyEntry* entry : user.keys) {
      StoredAccessKey stored{ToAccessKey(*entry, /*with_secret=*/true), std::nullopt};
      if (auto it = data_.last_used.find(entry); it != data_.last_used.end()) {
        stored.last_used = it->second;
      }
      keys.push_back(std::move(stored));
    }
    return keys;
  }

  // Generated ids skip any that restored state already uses.
  std::string NewUserId(const Data& data) {
    std::string id;
    do {
      id = ids_.UserId(user_counter_++);
    } while (data.HasUserId(id));
    return id;
  }

  // The id and the secret of one key come from the same counter value.
  GeneratedKey NewKey(Data& data) {
    std::uint64_t n;
    std::string id;
    do {
      n = key_counter_++;
      id = ids_.AccessKeyId(n);
    } while (data.FindKey(id));
    return GeneratedKey{std::move(id), ids_.SecretAccessKey(n)};
  }

  const StoreOptions options_;
  const IdGenerator ids_;
  const internal::MarkerCodec markers_;
  FaultPlan faults_;
  std::shared_ptr<Clock> clock_;
  std::atomic<std::uint64_t> request_counter_{0};

  mutable std::shared_mutex mu_;
  Data data_;
  std::uint64_t user_counter_ = 0;
  std::uint64_t key_counter_ = 0;
};

Result<void> Store::Impl::Restore(const StoreState& state) {
  // Built aside and swapped in, so that a bad state leaves the store as it was.
  Data fresh;
  fresh.root->id = options_.account_id;
  std::unique_lock lock(mu_);
  const std::uint64_t user_counter = user_counter_;
  const std::uint64_t key_counter = key_counter_;
  const auto fail = [&](const std::string& path, const std::string& problem) -> Result<void> {
    user_counter_ = user_counter;
    key_counter_ = key_counter;
    return Error::Make(ErrorCode::InvalidInput, path + ": " + problem);
  };
  const auto restore_keys = [&](UserRecord& owner, const std::vector<StoredAccessKey>& keys,
                                const std::string& path) -> Result<void> {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const AccessKey& key = keys[i].key;
      const std::string at = path + "/" + std::to_string(i);
      if (!key.id.empty()) {
        if (!KeyId::Fits(key.id) ||
            key.id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                     "0123456789_") != std::string::npos) {
          return fail(at + "/id",
                      "an access key id is 1 to 32 characters of A-Z, a-z, 0-9 and _, not '" +
                          key.id + "'");
        }
        if (fresh.FindKey(key.id)) return fail(at + "/id", "duplicate access key id " + key.id);
      }
      if (!Secret::Fits(key.secret)) {
        return fail(at + "/secret", "a secret access key has at most 64 characters");
      }
      GeneratedKey generated{key.id, key.secret};
      if (key.id.empty() || key.secret.empty()) {
        const GeneratedKey made = NewKey(fresh);
        if (generated.id.empty()) generated.id = made.id;
        if (generated.secret.empty()) generated.secret = made.secret;
      }
      const Timestamp created = key.create_date == Timestamp{} ? clock_->Now() : key.create_date;
      KeyEntry& entry = fresh.InsertKey(owner, generated.id, generated.secret, key.status, created);
      if (keys[i].last_used) fresh.last_used[&entry] = *keys[i].last_used;
    }
    return {};
  };

  for (std::size_t i = 0; i < state.users.size(); ++i) {
    const User& user = state.users[i].user;
    const std::string at = "/users/" + std::to_string(i);
    Validation v;
    v.NewUserName(user.name);
    v.Path(user.path);
    if (auto error = v.ToError()) return fail(at, error->message);
    std::string lower = internal::ToLower(user.name);
    if (fresh.users.count(lower)) return fail(at + "/name", "duplicate user name " + user.name);
    if (!user.id.empty() && fresh.HasUserId(user.id)) {
      return fail(at + "/id", "duplicate user id " + user.id);
    }
    UserRecord record;
    record.name = user.name;
    record.path = user.path;
    record.id = user.id.empty() ? NewUserId(fresh) : user.id;
    record.created = user.create_date == Timestamp{} ? clock_->Now() : user.create_date;
    UserRecord& stored = fresh.InsertUser(std::move(lower), std::move(record));
    if (Result<void> r = restore_keys(stored, state.users[i].access_keys, at + "/access_keys");
        !r.ok()) {
      return r;
    }
  }
  if (Result<void> r = restore_keys(*fresh.root, state.root_access_keys, "/root_access_keys");
      !r.ok()) {
    return r;
  }
  std::swap(data_, fresh);
  return {};
}

Store::Store(StoreOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Store::~Store() = default;

Cloud Store::profile() const { return impl_->options().profile; }
const std::string& Store::account_id() const { return impl_->options().account_id; }
int Store::access_key_quota() const { return impl_->options().access_key_quota; }
std::uint64_t Store::seed() const { return impl_->options().seed; }
std::string Store::root_arn() const { return impl_->RootArn(); }

Result<User> Store::CreateUser(std::string_view name, std::string_view path,
                               const CallContext& context) {
  return impl_->CreateUser(name, path, context);
}
Result<User> Store::GetUser(std::string_view name, const CallContext& context) const {
  return impl_->GetUser(name, context);
}
Result<void> Store::DeleteUser(std::string_view name, const CallContext& context) {
  return impl_->DeleteUser(name, context);
}
Result<Page<User>> Store::ListUsers(std::string_view path_prefix, const PageRequest& page,
                                    const CallContext& context) const {
  return impl_->ListUsers(path_prefix, page, context);
}
Result<AccessKey> Store::CreateAccessKey(KeyHolder holder, const CallContext& context) {
  return impl_->CreateAccessKey(holder, context);
}
Result<Page<AccessKey>> Store::ListAccessKeys(KeyHolder holder, const PageRequest& page,
                                              const CallContext& context) const {
  return impl_->ListAccessKeys(holder, page, context);
}
Result<AccessKey> Store::UpdateAccessKey(KeyHolder holder, std::string_view access_key_id,
                                         KeyStatus status, const CallContext& context) {
  return impl_->UpdateAccessKey(holder, access_key_id, status, context);
}
Result<void> Store::DeleteAccessKey(KeyHolder holder, std::string_view access_key_id,
                                    const CallContext& context) {
  return impl_->DeleteAccessKey(holder, access_key_id, context);
}
Result<AccessKeyLastUsed> Store::GetAccessKeyLastUsed(std::string_view access_key_id,
                                                      const CallContext& context) const {
  return impl_->GetAccessKeyLastUsed(std::nullopt, access_key_id, context);
}
Result<AccessKeyLastUsed> Store::GetAccessKeyLastUsed(KeyHolder holder,
                                                      std::string_view access_key_id,
                                                      const CallContext& context) const {
  return impl_->GetAccessKeyLastUsed(holder, access_key_id, context);
}
FaultPlan& Store::faults() const { return impl_->faults(); }
std::optional<User> Store::FindUser(std::string_view name) const { return impl_->FindUser(name); }
std::optional<std::vector<AccessKey>> Store::FindAccessKeys(KeyHolder holder) const {
  return impl_->FindAccessKeys(holder);
}
Result<User> Store::GetUserById(std::string_view user_id) const {
  return impl_->GetUserById(user_id);
}
std::optional<KeyOwner> Store::FindKeyOwner(std::string_view access_key_id) const {
  return impl_->FindKeyOwner(access_key_id);
}
std::optional<AccessKey> Store::FindAccessKey(std::string_view access_key_id) const {
  return impl_->FindAccessKey(access_key_id);
}
Timestamp Store::PeekClock() const { return impl_->PeekClock(); }
bool Store::RecordKeyUse(std::string_view access_key_id, std::string_view service_name,
                         std::string_view region) {
  return impl_->RecordKeyUse(access_key_id, service_name, region);
}
Result<void> Store::ExpireAccessKey(std::string_view access_key_id) {
  return impl_->ExpireAccessKey(access_key_id);
}
std::string Store::NextRequestId(Cloud dialect) { return impl_->NextRequestId(dialect); }
StoreState Store::Snapshot() const { return impl_->Snapshot(); }
Result<void> Store::Restore(const StoreState& state) { return impl_->Restore(state); }
void Store::Reset() { impl_->Reset(); }

}  // namespace fakeiam
