#include "http/content_type.hpp"

#include <string>

#include "core/ascii.hpp"

namespace fakeiam::internal {
namespace {

// The media type, lower case, without parameters or spaces.
std::string MediaType(const Headers& headers) {
  const std::optional<std::string_view> value = headers.Get("Content-Type");
  if (!value) return "";
  std::string type = ToLower(value->substr(0, value->find(';')));
  type.erase(0, type.find_first_not_of(" \t"));
  type.erase(type.find_last_not_of(" \t") + 1);
  return type;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool IsFormContent(const Headers& headers) {
  return MediaType(headers) == "application/x-www-form-urlencoded";
}

bool IsJsonContent(const Headers& headers) {
  const std::string type = MediaType(headers);
  return type == "application/json" || EndsWith(type, "+json");
}

bool IsXmlContent(const Headers& headers) {
  const std::string type = MediaType(headers);
  return type == "text/xml" || type == "application/xml" || EndsWith(type, "+xml");
}

}  // namespace fakeiam::internal
