// IAM's parameter constraints, checked with AWS's own wording so that every dialect reports a
// broken constraint the same way: `1 validation error detected: Value 'x y' at 'userName' failed
// to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+`.
#ifndef FAKEIAM_SRC_CORE_VALIDATION_HPP_
#define FAKEIAM_SRC_CORE_VALIDATION_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/error.hpp"

namespace fakeiam::internal {

// Collects the violations of one request, in the order they are checked.
class Validation {
 public:
  // Checks of one named member; each adds at most one violation.
  void Required(std::string_view member, bool present);
  void Length(std::string_view member, std::string_view value, std::size_t min, std::size_t max);
  void Range(std::string_view member, long long value, long long min, long long max);

  // IAM's named parameter types (length and pattern).
  void NewUserName(std::string_view value);       // userName of CreateUser: 1..64
  void ExistingUserName(std::string_view value);  // userName elsewhere: 1..128
  void Path(std::string_view value);
  void PathPrefix(std::string_view value);
  void AccessKeyId(std::string_view value);
  void Marker(std::string_view value);
  void MaxItems(long long value);

  bool ok() const { return violations_.empty(); }
  // A ValidationError listing every violation, or nothing when all checks passed.
  std::optional<Error> ToError() const;

 private:
  void UserName(std::string_view value, std::size_t max);
  // Adds a violation of `pattern` unless the value `matches` it.
  void Pattern(std::string_view member, std::string_view value, std::string_view pattern,
               bool matches);
  void Add(std::string_view member, std::string_view shown_value, std::string_view constraint);

  std::vector<std::string> violations_;
};

// The number of Unicode code points in UTF-8 `s`, or nothing when `s` is not valid UTF-8.
std::optional<std::size_t> CodePointCount(std::string_view s);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_VALIDATION_HPP_
