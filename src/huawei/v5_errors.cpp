#include "huawei/v5_errors.hpp"

#include <nlohmann/json.hpp>

#include "core/base64.hpp"
#include "core/utf8.hpp"

namespace fakeiam::internal {
namespace {

// Huawei's code and message for an error; the status comes with it.
std::pair<std::string, std::string> CodeAndMessage(const Error& error) {
  switch (error.code) {
    case ErrorCode::NoSuchEntity:
      if (error.subject == Subject::User)
        return {"IAM.0004", "Could not find user: " + error.subject_id};
      if (error.subject == Subject::AccessKey) {
        return {"IAM.0004", "Could not find access key: " + error.subject_id};
      }
      return {"IAM.0004", error.message};
    case ErrorCode::InvalidInput:
      if (error.subject == Subject::Marker) return {"PAP5.0010", "invalid marker"};
      return {"IAM.0007", error.message};
    case ErrorCode::ValidationError:
    case ErrorCode::MalformedQueryString:
    case ErrorCode::MissingAction:
    case ErrorCode::InvalidAction:
      return {"IAM.0007", error.message};
    case ErrorCode::LimitExceeded:
      return {"PAP5.0003", "access keys per user limit exceeded"};
    case ErrorCode::EntityAlreadyExists:
    case ErrorCode::DeleteConflict:
      return {"PAP5.0409", error.message};
    case ErrorCode::AccessDenied:
      return {"PAP5.0001", "access denied: " + error.message};
    case ErrorCode::InvalidClientTokenId:
    case ErrorCode::SignatureDoesNotMatch:
    case ErrorCode::MissingAuthenticationToken:
    case ErrorCode::IncompleteSignature:
      return {"APIGW.0301", "Incorrect IAM authentication information: " + error.message};
    case ErrorCode::UnknownOperation:
    case ErrorCode::MethodNotAllowed:
      return {"APIGW.0101", error.message};
    case ErrorCode::RequestEntityTooLarge:
      return {"APIGW.0201", "Request entity too large: " + error.message};
    case ErrorCode::Throttling:
      return {"APIGW.0308", "The throttling threshold has been reached"};
    case ErrorCode::ServiceFailure:
      return {"PAP5.0500", "internal server error"};
    case ErrorCode::ServiceUnavailable:
      return {"PAP5.0503", "service unavailable"};
  }
  return {"PAP5.0500", error.message};
}

}  // namespace

V5Error ToV5Error(const Error& error) {
  // An injected error already has this dialect's status (or its rule's), and an error with a code
  // of its own (an unmatched replay, an upstream that did not answer) has the status it names.
  const int status = error.fault_rule.empty() && error.custom_code.empty()
                         ? DefaultHttpStatus(error.code, Cloud::Huawei)
                         : error.http_status;
  if (!error.custom_code.empty()) return {status, error.custom_code, error.message};
  auto [code, message] = CodeAndMessage(error);
  return {status, std::move(code), std::move(message)};
}

HttpResponse V5JsonResponse(int status, std::string body, const std::string& request_id) {
  HttpResponse response;
  response.status = status;
  response.headers.Add("Content-Type", "application/json");
  response.headers.Add("X-Request-Id", request_id);
  response.body = std::move(body);
  return response;
}

HttpResponse V5ErrorResponse(const Error& error, const std::string& request_id) {
  const V5Error v5 = ToV5Error(error);
  nlohmann::ordered_json body;
  body["error_code"] = v5.code;
  // Echoed input may not be UTF-8; JSON text must be.
  body["error_msg"] = ValidUtf8(v5.message);
  body["request_id"] = request_id;
  if (v5.status == 403) {
    // Huawei encrypts the denial's details for its STS5 decoder; fakeiam only encodes them, so
    // a test can read them back.
    body["encoded_authorization_message"] = Base64Encode(ValidUtf8(error.message));
  }
  HttpResponse response = V5JsonResponse(v5.status, body.dump(), request_id);
  response.drop_connection = error.drop_connection;
  return response;
}

}  // namespace fakeiam::internal
