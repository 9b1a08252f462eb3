#include "huawei/v5_errors.hpp"

#include <nlohmann/json.hpp>

#include "core/base64.hpp"
#include "core/utf8.hpp"

namespace fakeiam::internal {
namespace {

V5Error NotFound(const Error& error) {
  switch (error.subject) {
    case Subject::User:
      return {404, "IAM.0004", "Could not find user: " + error.subject_id};
    case Subject::AccessKey:
      return {404, "IAM.0004", "Could not find access key: " + error.subject_id};
    default:
      return {404, "IAM.0004", error.message};
  }
}

}  // namespace

V5Error ToV5Error(const Error& error) {
  // A fault rule's own code comes with its own status.
  if (!error.custom_code.empty()) return {error.http_status, error.custom_code, error.message};
  switch (error.code) {
    case ErrorCode::NoSuchEntity:
      return NotFound(error);
    case ErrorCode::InvalidInput:
      if (error.subject == Subject::Marker) return {400, "PAP5.0010", "invalid marker"};
      return {400, "IAM.0007", error.message};
    case ErrorCode::ValidationError:
    case ErrorCode::MalformedQueryString:
    case ErrorCode::MissingAction:
    case ErrorCode::InvalidAction:
      return {400, "IAM.0007", error.message};
    case ErrorCode::LimitExceeded:
      return {409, "PAP5.0003", "access keys per user limit exceeded"};
    case ErrorCode::EntityAlreadyExists:
    case ErrorCode::DeleteConflict:
      return {409, "PAP5.0409", error.message};
    case ErrorCode::AccessDenied:
      return {403, "PAP5.0001", "access denied: " + error.message};
    case ErrorCode::InvalidClientTokenId:
    case ErrorCode::SignatureDoesNotMatch:
    case ErrorCode::MissingAuthenticationToken:
    case ErrorCode::IncompleteSignature:
      return {401, "APIGW.0301", "Incorrect IAM authentication information: " + error.message};
    case ErrorCode::UnknownOperation:
      return {404, "APIGW.0101", error.message};
    case ErrorCode::MethodNotAllowed:
      return {405, "APIGW.0101", error.message};
    case ErrorCode::RequestEntityTooLarge:
      return {413, "APIGW.0201", "Request entity too large: " + error.message};
    case ErrorCode::Throttling:
      return {429, "APIGW.0308", "The throttling threshold has been reached"};
    case ErrorCode::ServiceFailure:
      return {500, "PAP5.0500", "internal server error"};
    case ErrorCode::ServiceUnavailable:
      return {503, "PAP5.0503", "service unavailable"};
  }
  return {500, "PAP5.0500", error.message};
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
