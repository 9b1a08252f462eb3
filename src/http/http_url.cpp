#include "http/http_url.hpp"

#include <uriparser/Uri.h>

#include <memory>

#include "core/ascii.hpp"

namespace fakeiam::internal {
namespace {

std::string Text(const UriTextRangeA& range) {
  return range.first ? std::string(range.first, range.afterLast) : std::string();
}

Error Invalid(std::string_view url, const std::string& why) {
  return Error::Make(ErrorCode::InvalidInput,
                     "\"" + std::string(url) + "\" is not an endpoint URL: " + why);
}

int DefaultPort(const std::string& scheme) { return scheme == "https" ? 443 : 80; }

}  // namespace

std::string HttpUrl::HostHeader() const {
  const std::string name = host.find(':') == std::string::npos ? host : "[" + host + "]";
  return port == DefaultPort(scheme) ? name : name + ":" + std::to_string(port);
}

std::string HttpUrl::Origin() const {
  const std::string name = host.find(':') == std::string::npos ? host : "[" + host + "]";
  return scheme + "://" + name + ":" + std::to_string(port);
}

Result<HttpUrl> ParseHttpUrl(std::string_view text) {
  UriUriA uri;
  const char* error_at = nullptr;
  const std::string copy(text);
  if (uriParseSingleUriA(&uri, copy.c_str(), &error_at) != URI_SUCCESS) {
    return Invalid(text, "it does not parse (at character " +
                             std::to_string(error_at ? error_at - copy.c_str() + 1 : 0) + ")");
  }
  const std::unique_ptr<UriUriA, void (*)(UriUriA*)> owner(&uri, uriFreeUriMembersA);
  HttpUrl url;
  url.scheme = ToLower(Text(uri.scheme));
  if (url.scheme != "http" && url.scheme != "https") {
    return Invalid(text, "the scheme must be http or https");
  }
  url.host = Text(uri.hostText);
  if (url.host.empty()) return Invalid(text, "it names no host");
  if (uri.userInfo.first) return Invalid(text, "credentials do not belong in the URL");
  const std::string port = Text(uri.portText);
  url.port = DefaultPort(url.scheme);
  if (!port.empty()) {
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port) < 1 || std::stoi(port) > 65535) {
      return Invalid(text, "the port must be a number from 1 to 65535");
    }
    url.port = std::stoi(port);
  }
  const bool has_path =
      uri.pathHead && !(uri.pathHead == uri.pathTail && Text(uri.pathHead->text).empty());
  if (has_path || uri.query.first || uri.fragment.first) {
    return Invalid(text, "it must have no path, query or fragment");
  }
  return url;
}

}  // namespace fakeiam::internal
