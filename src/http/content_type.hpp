// What a message's Content-Type says its body is.
#ifndef FAKEIAM_SRC_HTTP_CONTENT_TYPE_HPP_
#define FAKEIAM_SRC_HTTP_CONTENT_TYPE_HPP_

#include "fakeiam/http.hpp"

namespace fakeiam::internal {

// application/x-www-form-urlencoded, whatever its parameters (charset=utf-8).
bool IsFormContent(const Headers& headers);
// application/json, or any +json type.
bool IsJsonContent(const Headers& headers);
// text/xml, application/xml, or any +xml type.
bool IsXmlContent(const Headers& headers);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HTTP_CONTENT_TYPE_HPP_
