#include "core/validation.hpp"

#include "core/utf8.hpp"

namespace fakeiam::internal {
namespace {

bool IsWordChar(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsUserNameChar(char32_t c) {
  return IsWordChar(c) || c == '+' || c == '=' || c == ',' || c == '.' || c == '@' || c == '-';
}

// Whether `s` is valid UTF-8 and every code point satisfies `allowed`.
template <typename Predicate>
bool AllCodePoints(std::string_view s, Predicate allowed) {
  bool all = true;
  return ForEachCodePoint(s, [&](char32_t c) { all = all && allowed(c); }) && all;
}

bool IsVisibleAscii(char32_t c) { return c >= 0x21 && c <= 0x7E; }

}  // namespace

std::optional<std::size_t> CodePointCount(std::string_view s) {
  std::size_t n = 0;
  if (!ForEachCodePoint(s, [&n](char32_t) { ++n; })) return std::nullopt;
  return n;
}

void Validation::Add(std::string_view member, std::string_view shown_value,
                     std::string_view constraint) {
  std::string v = "Value ";
  v += shown_value;
  v += " at '";
  v += member;
  v += "' failed to satisfy constraint: Member must ";
  v += constraint;
  violations_.push_back(std::move(v));
}

void Validation::Required(std::string_view member, bool present) {
  if (!present) Add(member, "null", "not be null");
}

void Validation::Length(std::string_view member, std::string_view value, std::size_t min,
                        std::size_t max) {
  // Malformed UTF-8 is reported by the pattern check, so count bytes then.
  const std::size_t length = CodePointCount(value).value_or(value.size());
  if (length >= min && length <= max) return;  // the common case builds no message
  const std::string shown = "'" + std::string(value) + "'";
  if (length < min) {
    Add(member, shown, "have length greater than or equal to " + std::to_string(min));
  } else {
    Add(member, shown, "have length less than or equal to " + std::to_string(max));
  }
}

void Validation::Range(std::string_view member, long long value, long long min, long long max) {
  const std::string shown = "'" + std::to_string(value) + "'";
  if (value < min) {
    Add(member, shown, "have value greater than or equal to " + std::to_string(min));
  } else if (value > max) {
    Add(member, shown, "have value less than or equal to " + std::to_string(max));
  }
}

void Validation::Pattern(std::string_view member, std::string_view value, std::string_view pattern,
                         bool matches) {
  if (!matches) {
    Add(member, "'" + std::string(value) + "'",
        "satisfy regular expression pattern: " + std::string(pattern));
  }
}

void Validation::UserName(std::string_view value, std::size_t max) {
  Length("userName", value, 1, max);
  if (!value.empty()) {
    Pattern("userName", value, "[\\w+=,.@-]+", AllCodePoints(value, IsUserNameChar));
  }
}

void Validation::NewUserName(std::string_view value) { UserName(value, 64); }

void Validation::ExistingUserName(std::string_view value) { UserName(value, 128); }

void Validation::Path(std::string_view value) {
  Length("path", value, 1, 512);
  if (value.empty()) return;
  const bool matches =
      value == "/" || (value.size() >= 3 && value.front() == '/' && value.back() == '/' &&
                       AllCodePoints(value.substr(1, value.size() - 2), IsVisibleAscii));
  Pattern("path", value, "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)", matches);
}

void Validation::PathPrefix(std::string_view value) {
  Length("pathPrefix", value, 1, 512);
  if (value.empty()) return;
  const bool matches = value.front() == '/' &&
                       AllCodePoints(value, [](char32_t c) { return c >= 0x21 && c <= 0x7F; });
  Pattern("pathPrefix", value, "\\u002F[\\u0021-\\u007F]*", matches);
}

void Validation::AccessKeyId(std::string_view value) {
  Length("accessKeyId", value, 16, 128);
  if (!value.empty()) {
    Pattern("accessKeyId", value, "[\\w]+", AllCodePoints(value, IsWordChar));
  }
}

void Validation::Marker(std::string_view value) {
  Length("marker", value, 1, 320);
  if (!value.empty()) {
    Pattern("marker", value, "[\\u0020-\\u00FF]+",
            AllCodePoints(value, [](char32_t c) { return c >= 0x20 && c <= 0xFF; }));
  }
}

void Validation::MaxItems(long long value) { Range("maxItems", value, 1, 1000); }

std::optional<Error> Validation::ToError() const {
  if (violations_.empty()) return std::nullopt;
  std::string message =
      std::to_string(violations_.size()) +
      (violations_.size() == 1 ? " validation error detected: " : " validation errors detected: ");
  for (std::size_t i = 0; i < violations_.size(); ++i) {
    if (i > 0) message += "; ";
    message += violations_[i];
  }
  return Error::Make(ErrorCode::ValidationError, std::move(message));
}

}  // namespace fakeiam::internal
