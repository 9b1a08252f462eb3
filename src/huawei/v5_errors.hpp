// Huawei Cloud IAM v5's error model: every failure as `{"error_code", "error_msg", "request_id"}`
// (plus `encoded_authorization_message` on 403), with the `X-Request-Id` header.
//
// fakeiam's Errors are mapped here, once. Where Huawei documents a code it is used (PAP5.0010
// invalid marker, PAP5.0001 access denied, APIGW.0301 authentication, IAM.0007 invalid parameter,
// IAM.0004 not found, PAP5.0003 limit exceeded); elsewhere fakeiam uses PAP5.0<HTTP status>.
// docs/huawei-v5.md has the table and the sources.
#ifndef FAKEIAM_SRC_HUAWEI_V5_ERRORS_HPP_
#define FAKEIAM_SRC_HUAWEI_V5_ERRORS_HPP_

#include <string>

#include "fakeiam/error.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam::internal {

struct V5Error {
  int status;
  std::string code;
  std::string message;
};

V5Error ToV5Error(const Error& error);

// A JSON error response (content type, X-Request-Id header, body) for `error`.
HttpResponse V5ErrorResponse(const Error& error, const std::string& request_id);

// A JSON response with the X-Request-Id header.
HttpResponse V5JsonResponse(int status, std::string body, const std::string& request_id);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HUAWEI_V5_ERRORS_HPP_
