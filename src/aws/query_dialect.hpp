// The AWS IAM Query API on the wire: form-encoded `Action=...&Version=2010-05-08` requests in, XML
// out, with AWS's ErrorResponse for every failure.
#ifndef FAKEIAM_SRC_AWS_QUERY_DIALECT_HPP_
#define FAKEIAM_SRC_AWS_QUERY_DIALECT_HPP_

#include "fakeiam/auth_options.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/store.hpp"

namespace fakeiam::internal {

HttpResponse HandleAwsQuery(Store& store, const HttpRequest& request, const AuthOptions& auth);

// An AWS ErrorResponse for `error`, with a new request id from the store.
HttpResponse AwsErrorResponse(Store& store, const Error& error);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_AWS_QUERY_DIALECT_HPP_
