// The in-memory IAM key store: users, access keys, quotas and pagination, for one account.
//
// A Store is the model every fakeiam layer sits on (wire dialects, embedded server, gtest
// helpers). It is a plain C++ object: no sockets, no files unless asked, no exceptions for
// expected failures (every fallible call returns a Result), and safe to call from many threads.
//
// Determinism: ids, secrets and request ids come from an IdGenerator driven by the seed, and every
// timestamp from the injected Clock. The same options and the same sequence of calls give
// byte-identical results on every run and machine. Calls racing from several threads interleave
// in whatever order they take the store's lock.
#ifndef FAKEIAM_STORE_HPP_
#define FAKEIAM_STORE_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fakeiam/clock.hpp"
#include "fakeiam/cloud.hpp"
#include "fakeiam/faults.hpp"
#include "fakeiam/operation.hpp"
#include "fakeiam/result.hpp"
#include "fakeiam/store_state.hpp"
#include "fakeiam/types.hpp"

namespace fakeiam {

// Who may do what. IAM decides by the policies attached to the caller; fakeiam offers the two
// rules tests most often need.
enum class AccessPolicy {
  Unrestricted,  // every caller may do everything, as with an administrator's key
  // A user's key may manage only that user's access keys and read only that user; other calls
  // are AccessDenied, in AWS's wording. The account root (and a call with no caller) may do
  // everything.
  OwnUserOnly,
};

struct StoreOptions {
  // Which cloud's formats the store issues (ids, keys, secrets, ARNs).
  Cloud profile = Cloud::Aws;
  std::uint64_t seed = 0;
  // AWS: 12 digits, default "123456789012". Huawei: the 32-hex domain id, default
  // "0123456789abcdef0123456789abcdef".
  std::string account_id;
  // The most access keys one user (or the root) may hold; AWS and Huawei both allow 2.
  int access_key_quota = 2;
  // Empty: a SteppingClock with its defaults.
  std::shared_ptr<Clock> clock;
  // Checked against CallContext's caller on every call.
  AccessPolicy access_policy = AccessPolicy::Unrestricted;
};

// Whether `options` can make a store; the error says which option is wrong.
Result<void> ValidateOptions(const StoreOptions& options);

// Names the holder of access keys in the key calls: a user name, or the account root.
using KeyHolder = std::optional<std::string_view>;
inline constexpr std::nullopt_t kAccountRoot = std::nullopt;

class Store {
 public:
  // REQUIRES: ValidateOptions(options) succeeds; otherwise throws std::invalid_argument.
  explicit Store(StoreOptions options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Cloud profile() const;
  const std::string& account_id() const;
  int access_key_quota() const;
  std::uint64_t seed() const;
  // "arn:aws:iam::<account>:root" (Huawei: "iam::<domain>:root").
  std::string root_arn() const;

  // --- Users -------------------------------------------------------------------------------
  // The operations take an optional CallContext saying who calls and how; fault rules match on
  // it. Any operation may also fail with an error a fault rule injects (see faults()).
  //
  // User names are unique regardless of case, as in IAM; lookups ignore case too.
  // Errors: ValidationError, EntityAlreadyExists.
  Result<User> CreateUser(std::string_view name, std::string_view path = "/",
                          const CallContext& context = {});
  // Errors: ValidationError, NoSuchEntity.
  Result<User> GetUser(std::string_view name, const CallContext& context = {}) const;
  // Errors: ValidationError, NoSuchEntity, DeleteConflict (the user still has access keys).
  Result<void> DeleteUser(std::string_view name, const CallContext& context = {});
  // Users whose path starts with `path_prefix`, in name order.
  // Errors: ValidationError, InvalidInput (a marker not issued for this listing).
  Result<Page<User>> ListUsers(std::string_view path_prefix = "/", const PageRequest& page = {},
                               const CallContext& context = {}) const;

  // --- Access keys -------------------------------------------------------------------------
  // A new Active key with its secret. Errors: ValidationError, NoSuchEntity, LimitExceeded.
  Result<AccessKey> CreateAccessKey(KeyHolder holder, const CallContext& context = {});
  // The holder's keys in creation order, without secrets. The marker names the last key
  // returned, so keys created or deleted between pages are neither skipped nor repeated.
  // Errors: ValidationError, NoSuchEntity, InvalidInput (a marker not issued for this listing).
  Result<Page<AccessKey>> ListAccessKeys(KeyHolder holder, const PageRequest& page = {},
                                         const CallContext& context = {}) const;
  // Sets Active or Inactive and returns the key as listings show it. Errors: ValidationError,
  // NoSuchEntity (no such holder, or the holder has no key with this id), InvalidInput (Expired
  // cannot be set).
  Result<AccessKey> UpdateAccessKey(KeyHolder holder, std::string_view access_key_id,
                                    KeyStatus status, const CallContext& context = {});
  // Errors: ValidationError, NoSuchEntity.
  Result<void> DeleteAccessKey(KeyHolder holder, std::string_view access_key_id,
                               const CallContext& context = {});
  // The last use of any key of the account (as AWS's GetAccessKeyLastUsed, which names no user).
  // Errors: ValidationError, NoSuchEntity.
  Result<AccessKeyLastUsed> GetAccessKeyLastUsed(std::string_view access_key_id,
                                                 const CallContext& context = {}) const;
  // The same for a key of this holder only; another holder's key counts as missing (as on
  // Huawei's route, which names the user). Errors: ValidationError, NoSuchEntity.
  Result<AccessKeyLastUsed> GetAccessKeyLastUsed(KeyHolder holder, std::string_view access_key_id,
                                                 const CallContext& context = {}) const;

  // The rules that make chosen calls fail, and the log of what they did.
  FaultPlan& faults() const;

  // --- Lookups: no validation, no faults (for fakeiam's own layers and for assertions) -----
  std::optional<User> FindUser(std::string_view name) const;
  // All keys of the holder, in creation order, without secrets; nothing when there is no such
  // user.
  std::optional<std::vector<AccessKey>> FindAccessKeys(KeyHolder holder) const;
  // The user with this user id (how the Huawei routes address users). Errors: NoSuchEntity.
  Result<User> GetUserById(std::string_view user_id) const;

  // --- Callers -----------------------------------------------------------------------------
  // Who owns the key with this id, if the store knows it.
  std::optional<KeyOwner> FindKeyOwner(std::string_view access_key_id) const;
  // The key with this id, secret included (what a signature is verified with), if the store
  // knows it.
  std::optional<AccessKey> FindAccessKey(std::string_view access_key_id) const;
  // The store clock's time now, without counting an event (see Clock::Peek).
  Timestamp PeekClock() const;
  // Notes that the key signed a request now (for GetAccessKeyLastUsed). Returns false and
  // changes nothing when the key is unknown or not Active: only an Active key can sign a request
  // the cloud accepts.
  bool RecordKeyUse(std::string_view access_key_id, std::string_view service_name,
                    std::string_view region);
  // Marks a key Expired (the API cannot; AWS expires keys itself). Errors: NoSuchEntity.
  Result<void> ExpireAccessKey(std::string_view access_key_id);

  // The id of the next request answered in `dialect` (the n-th call returns request id n).
  std::string NextRequestId(Cloud dialect);

  // --- Whole state -------------------------------------------------------------------------
  StoreState Snapshot() const;
  // Replaces the whole content with `state`; on error the store is unchanged. Missing ids,
  // secrets and dates are generated. Errors: InvalidInput naming the offending entry.
  Result<void> Restore(const StoreState& state);
  // Back to as it was constructed: no users or keys, no fault rules or log, id and request
  // counters from 0 and, unless the options gave a clock, the default clock from its start.
  // Markers issued before stay invalid for new listings' positions.
  void Reset();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fakeiam

#endif  // FAKEIAM_STORE_HPP_
