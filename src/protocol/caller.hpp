// Who sent a request, as far as its signature tells: the signing access key and, when the store
// knows that key, its owner. Both dialects resolve implicit users and record key use through it.
// The use is recorded as the request is authenticated, before its operation runs, so it counts
// even when the operation then fails (an injected fault included), as in the cloud.
#ifndef FAKEIAM_SRC_PROTOCOL_CALLER_HPP_
#define FAKEIAM_SRC_PROTOCOL_CALLER_HPP_

#include <optional>
#include <string>

#include "fakeiam/store.hpp"

namespace fakeiam::internal {

struct Caller {
  std::string access_key_id;      // empty when the request is not signed
  std::optional<KeyOwner> owner;  // set when the store knows the key

  // The holder an operation means when it names no user: the key's owner, or the account root
  // (for root keys, unknown keys and unsigned requests alike).
  KeyHolder ImplicitHolder() const;
  // The ARN that AWS messages name the caller by.
  std::string Arn(const Store& store) const;
  // The context a store call of this caller's request carries.
  CallContext Context(Cloud dialect, std::string request_id) const;
};

// Resolves the signing key and, when the store knows it, records that it signed a request now.
Caller IdentifyCaller(Store& store, std::string access_key_id, std::string_view service,
                      std::string_view region);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_PROTOCOL_CALLER_HPP_
