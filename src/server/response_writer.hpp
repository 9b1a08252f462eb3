// An HttpResponse as HTTP/1.1 bytes: the status line and header section the server sends before
// the body.
#ifndef FAKEIAM_SRC_SERVER_RESPONSE_WRITER_HPP_
#define FAKEIAM_SRC_SERVER_RESPONSE_WRITER_HPP_

#include <string>

#include "fakeiam/http.hpp"

namespace fakeiam::internal {

// Whether a response with this status carries a body (RFC 9110: not 1xx, 204 or 304).
bool StatusHasBody(int status);

// Appends `response`'s status line and header section to `out`. The transport owns the framing:
// Content-Length and Connection are its own, and fields a service set that would break it (a
// framing field, a name that is not a token, a value holding CR, LF or NUL) are left out. A body
// with no Content-Type is sent as text/plain.
void AppendResponseHead(const HttpResponse& response, bool keep_alive, std::string& out);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_SERVER_RESPONSE_WRITER_HPP_
