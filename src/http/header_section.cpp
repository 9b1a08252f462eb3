#include "http/header_section.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "core/ascii.hpp"

namespace fakeiam::internal {
namespace {

Error BadHeader(const std::string& why) {
  return Error::Make(ErrorCode::InvalidInput, "The request's header section is malformed: " + why);
}

}  // namespace

bool IsToken(std::string_view text) {
  // A table rather than a search of the symbols for each byte: every field of every request
  // comes through here.
  static const std::array<bool, 256> kTokenBytes = [] {
    std::array<bool, 256> table{};
    for (const unsigned char c : std::string_view("!#$%&'*+-.^_`|~")) table[c] = true;
    for (int c = 0; c < 256; ++c) {
      table[c] =
          table[c] || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return table;
  }();
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return kTokenBytes[static_cast<unsigned char>(c)];
  });
}

std::optional<Error> HeaderSectionSizeProblem(std::size_t fields, std::size_t bytes) {
  if (fields <= kMaxHeaderFields && bytes <= kMaxHeaderBytes) return std::nullopt;
  Error error = BadHeader("it has " + std::to_string(fields) + " fields, " + std::to_string(bytes) +
                          " bytes; the limit is " + std::to_string(kMaxHeaderFields) + " fields, " +
                          std::to_string(kMaxHeaderBytes) + " bytes.");
  error.http_status = 431;
  return error;
}

std::optional<Error> HeaderSectionProblem(const Headers& headers) {
  std::size_t fields = 0, bytes = 0;
  for (const auto& [name, value] : headers) {
    ++fields;
    bytes += FieldBytes(name, value);
  }
  if (std::optional<Error> too_large = HeaderSectionSizeProblem(fields, bytes)) return too_large;
  std::optional<std::string_view> length;
  for (const auto& [name, value] : headers) {
    // The name is not echoed: it may hold anything.
    if (!IsToken(name)) {
      return BadHeader("a field name is not a token.");
    }
    if (HasLineBreakOrNul(value)) {
      return BadHeader("the value of " + name + " holds a CR, LF or NUL.");
    }
    if (EqualsIgnoringCase(name, "Content-Length")) {
      if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos ||
          (length && *length != value)) {
        return BadHeader("Content-Length is not one whole number.");
      }
      length = value;
    }
  }
  const std::size_t codings = headers.Count("Transfer-Encoding");
  if (codings > 0) {
    if (length) return BadHeader("it has both Content-Length and Transfer-Encoding.");
    if (codings > 1 || !EqualsIgnoringCase(*headers.Get("Transfer-Encoding"), "chunked")) {
      return BadHeader("the only Transfer-Encoding served is chunked.");
    }
  }
  return std::nullopt;
}

}  // namespace fakeiam::internal
