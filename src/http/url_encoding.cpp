#include "http/url_encoding.hpp"

#include <uriparser/Uri.h>

#include <algorithm>
#include <cctype>

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

// `text` with its escapes decoded by uriparser; the caller has checked them.
std::string Decoded(std::string_view text, bool plus_is_space) {
  std::string out(text);
  if (out.find('%') == std::string::npos &&
      !(plus_is_space && out.find('+') != std::string::npos)) {
    return out;
  }
  const char* end =
      uriUnescapeInPlaceExA(out.data(), plus_is_space ? URI_TRUE : URI_FALSE, URI_BR_DONT_TOUCH);
  out.resize(static_cast<std::size_t>(end - out.data()));
  return out;
}

}  // namespace

std::optional<FormFields> ParseForm(std::string_view text, bool plus_is_space) {
  if (!EscapesAreWellFormed(text)) return std::nullopt;
  FormFields fields;
  if (text.empty()) return fields;
  fields.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '&')) + 1);
  // Split here and decode each piece in place: uriparser's own splitting allocates a list node
  // and two C strings for every pair. Empty pieces ("a=1&&b=2") are skipped, as uriparser does.
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view piece = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (piece.empty()) continue;
    const std::size_t eq = piece.find('=');
    fields.emplace_back(Decoded(piece.substr(0, eq), plus_is_space),
                        eq == std::string_view::npos
                            ? std::string()
                            : Decoded(piece.substr(eq + 1), plus_is_space));
  }
  return fields;
}

std::optional<std::string> PercentDecode(std::string_view text) {
  if (!EscapesAreWellFormed(text)) return std::nullopt;
  return Decoded(text, false);
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
