// The reason phrase of an HTTP status line (RFC 9110 section 15).
#ifndef FAKEIAM_SRC_SERVER_REASON_PHRASE_HPP_
#define FAKEIAM_SRC_SERVER_REASON_PHRASE_HPP_

#include <string_view>

namespace fakeiam::internal {

// The phrase RFC 9110 (or RFC 6585, for 428, 429, 431 and 511) gives `status`; empty for a status
// it does not define, which RFC 9112 allows a status line to carry.
std::string_view ReasonPhrase(int status);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_SERVER_REASON_PHRASE_HPP_
