#include "core/json_reader.hpp"

#include <algorithm>

namespace fakeiam::internal {

std::string Describe(const Json& value) {
  const std::string text = value.dump();
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

Result<void> ParseJson(std::string_view text, std::string_view source, Json& root) {
  try {
    root = Json::parse(text);
    return {};
  } catch (const Json::exception& e) {
    // nlohmann's messages read "[json.exception.parse_error.101] parse error at line L, column
    // C: ..." or, for a number too large for a double, "[json.exception.out_of_range.406] number
    // overflow parsing '...'"; keep what follows "parse error " or the bracketed name.
    std::string what = e.what();
    const std::size_t at = what.find(" at line ");
    const std::size_t bracket = what.find("] ");
    if (at != std::string::npos) {
      what = what.substr(at + 4);
    } else if (bracket != std::string::npos) {
      what = what.substr(bracket + 2);
    }
    return Error::Make(ErrorCode::InvalidInput, std::string(source) + ": " + what);
  }
}

JsonObjectReader::JsonObjectReader(const Json& value, std::string pointer)
    : value_(value), pointer_(std::move(pointer)) {
  if (!value_.is_object()) Fail("", "expected an object, got " + Describe(value_));
}

const Json* JsonObjectReader::Field(const std::string& name, bool required) {
  read_.push_back(name);
  auto it = value_.find(name);
  if (it == value_.end()) {
    if (required) Fail("", "missing required field \"" + name + "\"");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonObjectReader::String(const std::string& name, bool required) {
  const Json* v = Field(name, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) Fail("/" + name, "expected a string, got " + Describe(*v));
  return v->get<std::string>();
}

std::optional<Timestamp> JsonObjectReader::Date(const std::string& name, bool required) {
  const std::optional<std::string> text = String(name, required);
  if (!text) return std::nullopt;
  const std::optional<Timestamp> t = ParseIso8601(*text);
  if (!t) {
    Fail("/" + name,
         "expected an ISO 8601 UTC time like 2025-01-01T00:00:00Z, got \"" + *text + "\"");
  }
  return t;
}

std::optional<std::int64_t> JsonObjectReader::Integer(const std::string& name, std::int64_t min,
                                                      std::int64_t max) {
  const Json* v = Field(name);
  if (!v) return std::nullopt;
  if (!v->is_number_integer() || v->get<std::int64_t>() < min || v->get<std::int64_t>() > max) {
    Fail("/" + name, "expected a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", got " + Describe(*v));
  }
  return v->get<std::int64_t>();
}

std::optional<double> JsonObjectReader::Number(const std::string& name) {
  const Json* v = Field(name);
  if (!v) return std::nullopt;
  if (!v->is_number()) Fail("/" + name, "expected a number, got " + Describe(*v));
  return v->get<double>();
}

std::optional<bool> JsonObjectReader::Bool(const std::string& name) {
  const Json* v = Field(name);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) Fail("/" + name, "expected true or false, got " + Describe(*v));
  return v->get<bool>();
}

const Json* JsonObjectReader::Array(const std::string& name) {
  const Json* v = Field(name);
  if (v && !v->is_array()) Fail("/" + name, "expected an array, got " + Describe(*v));
  return v;
}

void JsonObjectReader::Finish() const {
  for (const auto& item : value_.items()) {
    if (std::find(read_.begin(), read_.end(), item.key()) == read_.end()) {
      Fail("/" + item.key(), "unknown field");
    }
  }
}

void JsonObjectReader::Fail(const std::string& suffix, const std::string& problem) const {
  throw JsonProblem{pointer_ + suffix, problem};
}

}  // namespace fakeiam::internal
