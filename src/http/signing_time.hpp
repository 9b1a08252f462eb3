// The time a signature carries: the ISO 8601 basic form both clouds sign with
// (20250101T000000Z, in X-Amz-Date and X-Sdk-Date), and the HTTP date AWS also accepts.
#ifndef FAKEIAM_SRC_HTTP_SIGNING_TIME_HPP_
#define FAKEIAM_SRC_HTTP_SIGNING_TIME_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "fakeiam/clock.hpp"

namespace fakeiam::internal {

// "20250101T000000Z".
std::string FormatSigningTime(Timestamp t);
// "20250101T000000Z", strictly; nothing for anything else.
std::optional<Timestamp> ParseSigningTime(std::string_view text);
// An HTTP date, "Wed, 01 Jan 2025 00:00:00 GMT" (RFC 9110's preferred form).
std::optional<Timestamp> ParseHttpDate(std::string_view text);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_HTTP_SIGNING_TIME_HPP_
