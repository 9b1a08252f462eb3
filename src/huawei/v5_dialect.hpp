// Huawei Cloud IAM v5's access-key API on the wire: the five REST routes under
// /v5/users/{user_id}/access-keys, JSON in and out, with the v5 error model.
#ifndef FAKEIAM_SRC_HUAWEI_V5_DIALECT_HPP_
#define FAKEIAM_SRC_HUAWEI_V5_DIALECT_HPP_

#include "fakeiam/auth_options.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/store.hpp"

namespace fakeiam::internal {

HttpResponse HandleHuaweiV5(Store& store, const HttpRequest& request, const AuthOptions& auth);

// A v5 error response for `error`, with a new request id from the store.
HttpResponse HuaweiErrorResponse(Store& store, const Error& error);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HUAWEI_V5_DIALECT_HPP_
