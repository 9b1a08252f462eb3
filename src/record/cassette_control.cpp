#include "record/cassette_control.hpp"

#include "protocol/control_plane.hpp"

namespace fakeiam::internal {

HttpResponse HandleCassetteControl(const HttpRequest& request, const std::function<Json()>& status,
                                   const std::function<void()>& rewind, const HttpService& inner) {
  if (request.path != kCassetteControlPath) return inner.Handle(request);
  const std::string_view allowed = rewind ? "GET, DELETE" : "GET";
  if (request.method == "GET") return JsonResponse(200, status(), "CassetteStatus");
  if (request.method == "DELETE" && rewind) {
    rewind();
    return JsonResponse(200, Json{{"rewound", true}}, "RewindCassette");
  }
  return NotAllowed(request, allowed);
}

Json PlaybackStatus(std::string_view mode, const Playback& playback) {
  Json unmatched = Json::array();
  for (const UnmatchedRequest& miss : playback.Misses()) {
    unmatched.push_back({{"request", miss.request}, {"message", miss.message}});
  }
  return Json{{"mode", mode},
              {"interactions", playback.cassette().interactions.size()},
              {"unused", playback.Unused()},
              {"unmatched", std::move(unmatched)}};
}

}  // namespace fakeiam::internal
