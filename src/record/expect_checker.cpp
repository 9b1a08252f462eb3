#include "fakeiam/expect_checker.hpp"

#include <mutex>
#include <stdexcept>

#include "record/cassette_control.hpp"
#include "record/playback.hpp"
#include "record/response_comparison.hpp"

namespace fakeiam {

std::string ToString(const ResponseDifference& d) {
  std::string text = "#" + std::to_string(d.interaction);
  if (!d.operation.empty()) text += " " + d.operation;
  return text + ": " + d.where + ": recorded \"" + d.recorded + "\", live \"" + d.live + "\"";
}

struct ExpectChecker::State {
  State(Cassette cassette, PlaybackOptions options) : playback(std::move(cassette), options) {}

  void Rewind() {
    playback.Rewind();
    std::lock_guard<std::mutex> lock(mutex);
    differences.clear();
  }

  internal::Playback playback;
  mutable std::mutex mutex;
  std::vector<ResponseDifference> differences;
};

ExpectChecker::ExpectChecker(Cassette cassette, std::shared_ptr<const HttpService> live,
                             ExpectOptions options)
    : live_(std::move(live)),
      options_(std::move(options)),
      state_(std::make_unique<State>(std::move(cassette), options_.playback)) {
  if (!live_) throw std::invalid_argument("fakeiam::ExpectChecker needs a live service");
}

ExpectChecker::~ExpectChecker() = default;

HttpResponse ExpectChecker::Handle(const HttpRequest& request) const {
  if (internal::IsControlPath(request.path)) {
    return internal::HandleCassetteControl(
        request,
        [this] {
          internal::Json status = internal::PlaybackStatus("expect", state_->playback);
          internal::Json differences = internal::Json::array();
          for (const ResponseDifference& d : Differences()) {
            differences.push_back({{"interaction", d.interaction},
                                   {"operation", d.operation},
                                   {"where", d.where},
                                   {"recorded", d.recorded},
                                   {"live", d.live}});
          }
          status["differences"] = std::move(differences);
          return status;
        },
        [this] { state_->Rewind(); }, *live_);
  }
  const internal::Playback::Match match = state_->playback.Play(request);
  HttpResponse response = live_->Handle(request);
  if (match.interaction) {
    std::vector<ResponseDifference> found =
        internal::CompareResponses(*match.interaction, response, options_.ignore);
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->differences.insert(state_->differences.end(), found.begin(), found.end());
  }
  return response;
}

HttpResponse ExpectChecker::Reject(const HttpRequest& request, const Error& error) const {
  return live_->Reject(request, error);
}

std::vector<ResponseDifference> ExpectChecker::Differences() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->differences;
}

std::vector<UnmatchedRequest> ExpectChecker::Misses() const { return state_->playback.Misses(); }
std::vector<int> ExpectChecker::Unused() const { return state_->playback.Unused(); }

Result<void> ExpectChecker::Verify() const {
  std::vector<std::string> problems;
  for (const ResponseDifference& d : Differences()) problems.push_back(ToString(d));
  return state_->playback.Verify(std::move(problems));
}

void ExpectChecker::Rewind() { state_->Rewind(); }

std::vector<ResponseDifference> CompareWithCassette(const Cassette& cassette,
                                                    const HttpService& live,
                                                    const std::vector<std::string>& ignore) {
  std::vector<ResponseDifference> differences;
  for (const Interaction& interaction : cassette.interactions) {
    std::vector<ResponseDifference> found =
        internal::CompareResponses(interaction, live.Handle(interaction.request), ignore);
    differences.insert(differences.end(), found.begin(), found.end());
  }
  return differences;
}

}  // namespace fakeiam
