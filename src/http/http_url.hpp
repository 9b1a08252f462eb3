// An http:// or https:// endpoint URL, such as a recording's upstream.
#ifndef FAKEIAM_SRC_HTTP_HTTP_URL_HPP_
#define FAKEIAM_SRC_HTTP_HTTP_URL_HPP_

#include <string>
#include <string_view>

#include "fakeiam/result.hpp"

namespace fakeiam::internal {

struct HttpUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // as written; IPv6 literals without brackets
  int port = 0;        // the scheme's default when the URL names none

  // "host" or "host:port" as a client sends (and signs) it: the port only when not the default.
  std::string HostHeader() const;
  // "scheme://host:port".
  std::string Origin() const;
};

// Errors (InvalidInput) say what is wrong: another scheme, no host, a bad port, or a path, query
// or fragment (an endpoint is an origin; requests bring their own paths).
Result<HttpUrl> ParseHttpUrl(std::string_view text);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HTTP_HTTP_URL_HPP_
