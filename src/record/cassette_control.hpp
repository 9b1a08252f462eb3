// /_fakeiam/cassette: the control route of a server that records, replays or compares with a
// cassette, so that a test in any language can ask what happened.
#ifndef FAKEIAM_SRC_RECORD_CASSETTE_CONTROL_HPP_
#define FAKEIAM_SRC_RECORD_CASSETTE_CONTROL_HPP_

#include <functional>

#include "core/json_reader.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/http_service.hpp"
#include "protocol/routing.hpp"
#include "record/playback.hpp"

namespace fakeiam::internal {

inline constexpr std::string_view kCassetteControlPath = "/_fakeiam/cassette";

// A control request (IsControlPath) to a cassette service: on /_fakeiam/cassette, GET answers
// `status()` and DELETE calls `rewind` (405 when there is none); every other control route is
// `inner`'s.
HttpResponse HandleCassetteControl(const HttpRequest& request, const std::function<Json()>& status,
                                   const std::function<void()>& rewind, const HttpService& inner);

// {"mode": mode, "interactions": N, "unused": [ids], "unmatched": [{"request", "message"}]}
Json PlaybackStatus(std::string_view mode, const Playback& playback);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_RECORD_CASSETTE_CONTROL_HPP_
