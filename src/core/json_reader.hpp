// Reading JSON documents field by field, with errors that name the JSON pointer of the value at
// fault, for fakeiam's JSON inputs (fixtures, fault rules).
#ifndef FAKEIAM_SRC_CORE_JSON_READER_HPP_
#define FAKEIAM_SRC_CORE_JSON_READER_HPP_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/clock.hpp"
#include "fakeiam/result.hpp"

namespace fakeiam::internal {

using Json = nlohmann::ordered_json;

// What a reader throws at the first bad value; ReadJson turns it into an Error.
struct JsonProblem {
  std::string pointer;
  std::string problem;
};

// Walks one JSON object, reading its fields by name and refusing any it does not know.
class JsonObjectReader {
 public:
  JsonObjectReader(const Json& value, std::string pointer);

  // REQUIRES: each field read once, then Finish().
  const Json* Field(const std::string& name, bool required = false);
  std::optional<std::string> String(const std::string& name, bool required = false);
  std::optional<Timestamp> Date(const std::string& name, bool required = false);
  std::optional<std::int64_t> Integer(const std::string& name, std::int64_t min, std::int64_t max);
  std::optional<double> Number(const std::string& name);
  std::optional<bool> Bool(const std::string& name);
  const Json* Array(const std::string& name);
  // Throws for the first field that was not read.
  void Finish() const;

  const std::string& pointer() const { return pointer_; }
  [[noreturn]] void Fail(const std::string& suffix, const std::string& problem) const;

 private:
  const Json& value_;
  std::string pointer_;
  std::vector<std::string> read_;
};

// A short rendering of a value for messages.
std::string Describe(const Json& value);

// Parses `text` into `root`; the error names the line and column.
Result<void> ParseJson(std::string_view text, std::string_view source, Json& root);

// Parses `text` and runs `read` on it. Errors (InvalidInput) read
// `<source>: <JSON pointer>: <problem>` or `<source>: line L, column C: <problem>`.
template <typename T, typename Read>
Result<T> ReadJson(std::string_view text, std::string_view source, Read read) {
  Json root;
  if (Result<void> parsed = ParseJson(text, source, root); !parsed.ok()) return parsed.error();
  try {
    return read(root);
  } catch (const JsonProblem& p) {
    return Error::Make(
        ErrorCode::InvalidInput,
        std::string(source) + ": " + (p.pointer.empty() ? "/" : p.pointer) + ": " + p.problem);
  }
}

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_JSON_READER_HPP_
