#include "http/content_type.hpp"

#include <string_view>

#include "core/ascii.hpp"

namespace fakeiam::internal {
namespace {

// The media type as sent, without parameters or spaces; compared without regard to case.
std::string_view MediaType(const Headers& headers) {
  const std::optional<std::string_view> value = headers.Get("Content-Type");
  if (!value) return {};
  return TrimSpacesAndTabs(value->substr(0, value->find(';')));
}

bool EndsWithIgnoringCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         EqualsIgnoringCase(s.substr(s.size() - suffix.size()), suffix);
}

}  // namespace

bool IsFormContent(const Headers& headers) {
  return EqualsIgnoringCase(MediaType(headers), "application/x-www-form-urlencoded");
}

bool IsJsonContent(const Headers& headers) {
  const std::string_view type = MediaType(headers);
  return EqualsIgnoringCase(type, "application/json") || EndsWithIgnoringCase(type, "+json");
}

bool IsXmlContent(const Headers& headers) {
  const std::string_view type = MediaType(headers);
  return EqualsIgnoringCase(type, "text/xml") || EqualsIgnoringCase(type, "application/xml") ||
         EndsWithIgnoringCase(type, "+xml");
}

}  // namespace fakeiam::internal
