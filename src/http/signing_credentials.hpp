// The credentials a request is signed with, by either cloud's signer.
#ifndef FAKEIAM_SRC_HTTP_SIGNING_CREDENTIALS_HPP_
#define FAKEIAM_SRC_HTTP_SIGNING_CREDENTIALS_HPP_

#include <string>

namespace fakeiam::internal {

struct SigningCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty: none
};

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HTTP_SIGNING_CREDENTIALS_HPP_
