#include "fakeiam/replayer.hpp"

#include "fakeiam/handler.hpp"
#include "record/cassette_control.hpp"
#include "record/playback.hpp"

namespace fakeiam {

Replayer::Replayer(Cassette cassette, PlaybackOptions options,
                   std::shared_ptr<const HttpService> local)
    : playback_(std::make_unique<internal::Playback>(std::move(cassette), options)),
      local_(local ? std::move(local) : std::make_shared<Handler>(std::make_shared<Store>())) {}

Replayer::~Replayer() = default;

HttpResponse Replayer::Handle(const HttpRequest& request) const {
  if (internal::IsControlPath(request.path)) {
    return internal::HandleCassetteControl(
        request, [this] { return internal::PlaybackStatus("replay", *playback_); },
        [this] { playback_->Rewind(); }, *local_);
  }
  const internal::Playback::Match match = playback_->Play(request);
  if (!match.interaction) {
    Error error = Error::Make(ErrorCode::NoSuchEntity, match.miss);
    error.custom_code = "UnmatchedRequest";
    HttpResponse response = local_->Reject(request, error);
    response.operation = internal::OperationName(request);
    response.recordable = false;
    return response;
  }
  HttpResponse response = match.interaction->response;
  response.operation = match.interaction->operation;
  return response;
}

HttpResponse Replayer::Reject(const HttpRequest& request, const Error& error) const {
  return local_->Reject(request, error);
}

std::vector<int> Replayer::Unused() const { return playback_->Unused(); }
std::vector<UnmatchedRequest> Replayer::Misses() const { return playback_->Misses(); }
Result<void> Replayer::Verify() const { return playback_->Verify(); }
void Replayer::Rewind() { playback_->Rewind(); }
const Cassette& Replayer::cassette() const { return playback_->cassette(); }

}  // namespace fakeiam
