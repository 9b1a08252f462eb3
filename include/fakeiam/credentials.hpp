// An access key pair, as a client signs requests with it: what fakeiam signs upstream requests
// with when it records from a real cloud.
#ifndef FAKEIAM_CREDENTIALS_HPP_
#define FAKEIAM_CREDENTIALS_HPP_

#include <string>

namespace fakeiam {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // temporary credentials only; empty: none

  bool empty() const { return access_key_id.empty(); }
};

}  // namespace fakeiam

#endif  // FAKEIAM_CREDENTIALS_HPP_
