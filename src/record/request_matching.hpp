// What a request asks for, as fields that can be compared with a recorded request's: the method,
// the decoded path, and each operation parameter (query and form fields by name, JSON body values
// by JSON pointer). Signatures, dates, request ids, header fields, parameter order and percent-
// encoding are left out, as they vary between runs of the same test.
#ifndef FAKEIAM_SRC_RECORD_REQUEST_MATCHING_HPP_
#define FAKEIAM_SRC_RECORD_REQUEST_MATCHING_HPP_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakeiam/http.hpp"

namespace fakeiam::internal {

// Field name -> its values (a parameter may repeat).
using RequestFields = std::map<std::string, std::vector<std::string>>;

RequestFields FieldsOf(const HttpRequest& request);

struct FieldDifference {
  std::string field;
  std::optional<std::string> actual;    // nothing: the request lacks the field
  std::optional<std::string> recorded;  // nothing: the recording lacks it
};

// The method's and the path's differences first, then the parameters' by name.
std::vector<FieldDifference> Differences(const RequestFields& actual,
                                         const RequestFields& recorded);

// `UserName is "Alice" here, "Bob" in the recording; MaxItems is missing here, "1" in the
// recording`.
std::string Describe(const std::vector<FieldDifference>& differences);

// "POST / CreateAccessKey UserName=Bob", "PUT /v5/users/U/access-keys/K /status=\"inactive\"".
std::string Summary(const RequestFields& fields);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_RECORD_REQUEST_MATCHING_HPP_
