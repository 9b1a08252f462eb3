// Errors as values: every expected failure of fakeiam is an `Error`, never an exception.
#ifndef FAKEIAM_ERROR_HPP_
#define FAKEIAM_ERROR_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "fakeiam/cloud.hpp"

namespace fakeiam {

// The failure kinds fakeiam reports. The names are AWS IAM's wire error codes; the Huawei dialect
// maps each one to its own `error_code` when it renders an error.
enum class ErrorCode {
  ValidationError,             // a parameter breaks its length, pattern, range or enum constraint
  InvalidInput,                // semantically invalid input, e.g. a malformed pagination marker
  MissingAction,               // a query request without Action
  InvalidAction,               // an Action the service does not have
  UnknownOperation,            // a REST route the service does not have
  MethodNotAllowed,            // a REST route asked with a method it does not take
  MalformedQueryString,        // a form body or query string that cannot be decoded
  RequestEntityTooLarge,       // a request body over the size limit
  NoSuchEntity,                // the user or access key does not exist
  EntityAlreadyExists,         // a user with that name already exists
  DeleteConflict,              // the user still owns access keys
  LimitExceeded,               // the per-user access key quota is full
  AccessDenied,                // the caller may not do this
  InvalidClientTokenId,        // the signing access key is unknown
  SignatureDoesNotMatch,       // the signature does not verify
  MissingAuthenticationToken,  // the request is not signed at all
  IncompleteSignature,         // an Authorization header that does not parse
  Throttling,                  // rate exceeded (IAM answers 400, not 429)
  ServiceFailure,              // the service failed (a server fault)
  ServiceUnavailable,          // the service is temporarily unavailable
};

// The wire name of `code`, e.g. "NoSuchEntity".
std::string_view ToString(ErrorCode code);

// The code of this wire name, e.g. ErrorCode::NoSuchEntity for "NoSuchEntity".
std::optional<ErrorCode> ParseErrorCode(std::string_view name);

// The HTTP status a cloud answers `code` with, e.g. 404 for NoSuchEntity; AWS's unless `dialect`
// says otherwise.
int DefaultHttpStatus(ErrorCode code, Cloud dialect = Cloud::Aws);

// What an error is about, so that each dialect can name it in its own words.
enum class Subject { None, User, AccessKey, Marker };

// One failure: a code, the HTTP status to answer it with and a message in AWS's wording. The
// Huawei dialect answers a store's error with Huawei's status for its code; an injected error
// already carries the status of the dialect it was injected into.
struct Error {
  ErrorCode code = ErrorCode::ServiceFailure;
  int http_status = 500;
  std::string message;
  Subject subject = Subject::None;
  std::string subject_id;  // the user name or access key id the error is about, when there is one

  // Set when a fault rule injected the error (see faults.hpp).
  std::string custom_code;       // the wire code a rule gave instead of `code`'s
  std::string fault_rule;        // the id of the rule
  bool drop_connection = false;  // a server closes the connection instead of answering

  // An error with the default HTTP status of `code`.
  static Error Make(ErrorCode code, std::string message, Subject subject = Subject::None,
                    std::string subject_id = {});

  // The code on the wire: `custom_code` when set, else the name of `code`.
  std::string wire_code() const;
};

bool operator==(const Error& a, const Error& b);
inline bool operator!=(const Error& a, const Error& b) { return !(a == b); }

}  // namespace fakeiam

#endif  // FAKEIAM_ERROR_HPP_
