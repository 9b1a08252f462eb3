#include "fakeiam/error.hpp"

#include <utility>

namespace fakeiam {
namespace {

struct CodeInfo {
  std::string_view name;
  int aws_status;
  int huawei_status;
};

// One row per ErrorCode, in declaration order: the wire name and the HTTP status each cloud
// answers it with (Huawei's gateway answers authentication failures 401 and throttles with 429).
constexpr CodeInfo kCodes[] = {
    {"ValidationError", 400, 400},
    {"InvalidInput", 400, 400},
    {"MissingAction", 400, 400},
    {"InvalidAction", 400, 400},
    {"UnknownOperation", 404, 404},
    {"MethodNotAllowed", 405, 405},
    {"MalformedQueryString", 404, 400},  // sic: AWS's common errors list it as 404
    {"RequestEntityTooLarge", 413, 413},
    {"NoSuchEntity", 404, 404},
    {"EntityAlreadyExists", 409, 409},
    {"DeleteConflict", 409, 409},
    {"LimitExceeded", 409, 409},
    {"AccessDenied", 403, 403},
    {"InvalidClientTokenId", 403, 401},
    {"SignatureDoesNotMatch", 403, 401},
    {"MissingAuthenticationToken", 403, 401},
    {"IncompleteSignature", 400, 401},
    {"Throttling", 400, 429},
    {"ServiceFailure", 500, 500},
    {"ServiceUnavailable", 503, 503},
};
static_assert(std::size(kCodes) == static_cast<std::size_t>(ErrorCode::ServiceUnavailable) + 1,
              "kCodes must list every ErrorCode");

const CodeInfo& Info(ErrorCode code) { return kCodes[static_cast<std::size_t>(code)]; }

}  // namespace

std::string_view ToString(ErrorCode code) { return Info(code).name; }

std::optional<ErrorCode> ParseErrorCode(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kCodes); ++i) {
    if (kCodes[i].name == name) return static_cast<ErrorCode>(i);
  }
  return std::nullopt;
}

int DefaultHttpStatus(ErrorCode code, Cloud dialect) {
  return dialect == Cloud::Aws ? Info(code).aws_status : Info(code).huawei_status;
}

Error Error::Make(ErrorCode code, std::string message, Subject subject, std::string subject_id) {
  Error error;
  error.code = code;
  error.http_status = DefaultHttpStatus(code);
  error.message = std::move(message);
  error.subject = subject;
  error.subject_id = std::move(subject_id);
  return error;
}

std::string Error::wire_code() const {
  return custom_code.empty() ? std::string(ToString(code)) : custom_code;
}

bool operator==(const Error& a, const Error& b) {
  return a.code == b.code && a.http_status == b.http_status && a.message == b.message &&
         a.subject == b.subject && a.subject_id == b.subject_id && a.custom_code == b.custom_code &&
         a.fault_rule == b.fault_rule && a.drop_connection == b.drop_connection;
}

}  // namespace fakeiam
