// Who sent a request: the caller its signature names and, in strict mode, proves. Both dialects
// authenticate through here before they run an operation.
#ifndef FAKEIAM_SRC_PROTOCOL_AUTHENTICATION_HPP_
#define FAKEIAM_SRC_PROTOCOL_AUTHENTICATION_HPP_

#include "fakeiam/auth_options.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/result.hpp"
#include "fakeiam/store.hpp"
#include "protocol/caller.hpp"

namespace fakeiam::internal {

// The caller of `request`, which speaks `dialect`; its key's use is recorded once it is
// authenticated. Errors, worded as the dialect's cloud words them: IncompleteSignature for an
// Authorization header that does not parse; in strict mode also MissingAuthenticationToken (not
// signed), InvalidClientTokenId (a key the store did not issue, or not Active, or a security token
// that is not the key's) and SignatureDoesNotMatch.
Result<Caller> Authenticate(Store& store, const HttpRequest& request, const AuthOptions& auth,
                            Cloud dialect);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_PROTOCOL_AUTHENTICATION_HPP_
