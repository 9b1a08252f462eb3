#include "http/url_encoding.hpp"

#include <uriparser/Uri.h>

#include <cctype>
#include <memory>

namespace fakeiam::internal {
namespace {

// uriparser keeps a malformed escape as literal text, and its C strings would end at an encoded
// NUL; a request with either is refused instead.
bool EscapesAreWellFormed(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\0') return false;
    if (text[i] != '%') continue;
    if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(text[i + 2])) ||
        (text[i + 1] == '0' && text[i + 2] == '0')) {
      return false;
    }
    i += 2;
  }
  return true;
}

}  // namespace

std::optional<FormFields> ParseForm(std::string_view text, bool plus_is_space) {
  if (!EscapesAreWellFormed(text)) return std::nullopt;
  FormFields fields;
  if (text.empty()) return fields;
  UriQueryListA* list = nullptr;
  int count = 0;
  if (uriDissectQueryMallocExA(&list, &count, text.data(), text.data() + text.size(),
                               plus_is_space ? URI_TRUE : URI_FALSE,
                               URI_BR_DONT_TOUCH) != URI_SUCCESS) {
    return std::nullopt;
  }
  const std::unique_ptr<UriQueryListA, void (*)(UriQueryListA*)> owner(list, uriFreeQueryListA);
  fields.reserve(static_cast<std::size_t>(count));
  for (const UriQueryListA* item = list; item; item = item->next) {
    fields.emplace_back(item->key ? item->key : "", item->value ? item->value : "");
  }
  return fields;
}

std::optional<std::string> PercentDecode(std::string_view text) {
  if (!EscapesAreWellFormed(text)) return std::nullopt;
  std::string out(text);
  out.push_back('\0');
  const char* end = uriUnescapeInPlaceExA(out.data(), URI_FALSE, URI_BR_DONT_TOUCH);
  out.resize(static_cast<std::size_t>(end - out.data()));
  return out;
}

std::string PercentEncode(std::string_view text) {
  // uriEscapeExA writes at most 3 characters per input byte plus the terminator.
  std::string out(text.size() * 3 + 1, '\0');
  const char* end =
      uriEscapeExA(text.data(), text.data() + text.size(), out.data(), URI_FALSE, URI_FALSE);
  out.resize(static_cast<std::size_t>(end - out.data()));
  return out;
}

}  // namespace fakeiam::internal
