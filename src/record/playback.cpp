#include "record/playback.hpp"

#include <limits>

namespace fakeiam::internal {
namespace {

std::vector<RequestFields> FieldsOfAll(const Cassette& cassette) {
  std::vector<RequestFields> fields;
  fields.reserve(cassette.interactions.size());
  for (const Interaction& interaction : cassette.interactions) {
    fields.push_back(FieldsOf(interaction.request));
  }
  return fields;
}

}  // namespace

Playback::Playback(Cassette cassette, PlaybackOptions options)
    : cassette_(std::move(cassette)),
      options_(options),
      recorded_(FieldsOfAll(cassette_)),
      plays_(cassette_.interactions.size()),
      last_played_(cassette_.interactions.size()) {}

std::string Playback::Label(std::size_t index) const {
  const Interaction& interaction = cassette_.interactions[index];
  std::string label = "#" + std::to_string(interaction.id);
  if (!interaction.operation.empty()) label += " " + interaction.operation;
  return label;
}

bool Playback::Matches(std::size_t index, const RequestFields& fields) const {
  return recorded_[index] == fields;
}

// The recorded interaction that differs from the request in the fewest fields (the first of
// those, in recorded order), and how it differs.
std::string Playback::Closest(const RequestFields& fields) const {
  std::size_t best = 0;
  std::size_t fewest = std::numeric_limits<std::size_t>::max();
  std::vector<FieldDifference> best_differences;
  for (std::size_t i = 0; i < recorded_.size(); ++i) {
    std::vector<FieldDifference> differences = Differences(fields, recorded_[i]);
    if (differences.size() < fewest) {
      best = i;
      fewest = differences.size();
      best_differences = std::move(differences);
    }
  }
  if (fewest == std::numeric_limits<std::size_t>::max()) return "The cassette is empty.";
  return "The closest is " + Label(best) + ": " + Describe(best_differences) + ".";
}

Playback::Match Playback::Miss(const RequestFields& fields, std::string why) {
  misses_.push_back({Summary(fields), why});
  return {nullptr, std::move(why)};
}

Playback::Match Playback::Played(std::size_t index) {
  ++plays_[index];
  last_played_[index] = ++play_count_;
  return {&cassette_.interactions[index], ""};
}

Playback::Match Playback::PlayAnyOrder(const RequestFields& fields) {
  std::size_t repeat = recorded_.size();
  std::size_t already_played = recorded_.size();
  for (std::size_t i = 0; i < recorded_.size(); ++i) {
    if (!Matches(i, fields)) continue;
    if (plays_[i] == 0) return Played(i);
    if (already_played == recorded_.size()) already_played = i;
    if (repeat == recorded_.size() || last_played_[i] > last_played_[repeat]) repeat = i;
  }
  if (options_.allow_repeats && repeat < recorded_.size()) return Played(repeat);
  if (already_played < recorded_.size()) {
    return Miss(fields, Summary(fields) + " matches " + Label(already_played) +
                            ", which was already played, and repeats are not allowed.");
  }
  return Miss(fields,
              "No recorded interaction matches " + Summary(fields) + ". " + Closest(fields));
}

Playback::Match Playback::PlayInOrder(const RequestFields& fields) {
  if (next_ < recorded_.size() && Matches(next_, fields)) {
    ++next_;
    return Played(next_ - 1);
  }
  if (options_.allow_repeats && next_ > 0 && Matches(next_ - 1, fields)) return Played(next_ - 1);
  std::string elsewhere;
  for (std::size_t i = 0; i < recorded_.size(); ++i) {
    if (Matches(i, fields)) {
      elsewhere =
          " It matches " + Label(i) + ", recorded " + (i < next_ ? "earlier" : "later") + ".";
      break;
    }
  }
  if (next_ == recorded_.size()) {
    return Miss(fields, Summary(fields) + " comes after every recorded interaction was played (" +
                            std::to_string(recorded_.size()) + " of " +
                            std::to_string(recorded_.size()) + ")." + elsewhere);
  }
  return Miss(fields, Summary(fields) + " is out of order: the next recorded interaction is " +
                          Label(next_) + ", and the request differs from it: " +
                          Describe(Differences(fields, recorded_[next_])) + "." + elsewhere);
}

Playback::Match Playback::Play(const HttpRequest& request) {
  const RequestFields fields = FieldsOf(request);
  std::lock_guard<std::mutex> lock(mutex_);
  return options_.order == MatchOrder::Strict ? PlayInOrder(fields) : PlayAnyOrder(fields);
}

std::vector<int> Playback::Unused() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<int> ids;
  for (std::size_t i = 0; i < plays_.size(); ++i) {
    if (plays_[i] == 0) ids.push_back(cassette_.interactions[i].id);
  }
  return ids;
}

std::vector<UnmatchedRequest> Playback::Misses() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return misses_;
}

Result<void> Playback::Verify(std::vector<std::string> problems) const {
  for (const UnmatchedRequest& miss : Misses()) {
    problems.push_back("unmatched request: " + miss.message);
  }
  if (!options_.allow_unused) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; i < plays_.size(); ++i) {
      if (plays_[i] == 0) problems.push_back("interaction " + Label(i) + " was never played");
    }
  }
  if (problems.empty()) return {};
  std::string message = std::to_string(problems.size()) +
                        (problems.size() == 1 ? " problem" : " problems") + " with the cassette:";
  for (const std::string& problem : problems) message += "\n- " + problem;
  return Error::Make(ErrorCode::InvalidInput, message);
}

void Playback::Rewind() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::fill(plays_.begin(), plays_.end(), 0);
  std::fill(last_played_.begin(), last_played_.end(), 0);
  play_count_ = 0;
  next_ = 0;
  misses_.clear();
}

}  // namespace fakeiam::internal
