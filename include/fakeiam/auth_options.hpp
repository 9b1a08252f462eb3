// How strictly the wire dialects authenticate requests.
//
// By default fakeiam reads who signed a request but never checks the signature: any key works,
// and an unknown key or an unsigned request acts as the account root, which is what most tests
// want. Strict mode refuses exactly what the clouds refuse: a request that is not signed, signed
// by a key the store never issued (or one that is inactive or deleted), or whose signature does
// not verify with the secret the store issued.
#ifndef FAKEIAM_AUTH_OPTIONS_HPP_
#define FAKEIAM_AUTH_OPTIONS_HPP_

#include <chrono>
#include <vector>

#include "fakeiam/credentials.hpp"

namespace fakeiam {

struct AuthOptions {
  // Verify AWS SigV4 and Huawei SDK-HMAC-SHA256 signatures.
  bool strict = false;
  // Keys that sign as the account root although the store never issued them: what a test's
  // client starts with, before it has created any key. A session token, when given, must come
  // with every request signed by that key.
  std::vector<Credentials> root_credentials;
  // Strict mode: refuse a request signed longer ago, or further ahead, than this by the store's
  // clock (the clouds allow 15 minutes). Zero, the default, skips the check, since a test's store
  // clock is seldom the wall clock its clients sign with.
  std::chrono::seconds max_clock_skew{0};
};

}  // namespace fakeiam

#endif  // FAKEIAM_AUTH_OPTIONS_HPP_
