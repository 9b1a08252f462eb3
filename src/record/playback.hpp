// Pairing requests with a cassette's interactions, for replay and expect mode: which interaction
// answers a request, which were never played, and which requests matched nothing and why.
#ifndef FAKEIAM_SRC_RECORD_PLAYBACK_HPP_
#define FAKEIAM_SRC_RECORD_PLAYBACK_HPP_

#include <mutex>
#include <string>
#include <vector>

#include "fakeiam/cassette.hpp"
#include "fakeiam/replayer.hpp"
#include "record/request_matching.hpp"

namespace fakeiam::internal {

class Playback {
 public:
  Playback(Cassette cassette, PlaybackOptions options);

  struct Match {
    const Interaction* interaction = nullptr;  // nothing: the request is a miss
    std::string miss;                          // why, when it is
  };
  // The interaction that answers `request`, now played; or a miss, now remembered.
  // Thread-safe.
  Match Play(const HttpRequest& request);

  std::vector<int> Unused() const;
  std::vector<UnmatchedRequest> Misses() const;
  // Every miss and (unless allowed) every unused interaction, one per line, after `more`.
  Result<void> Verify(std::vector<std::string> more = {}) const;
  void Rewind();

  const Cassette& cassette() const { return cassette_; }
  const PlaybackOptions& options() const { return options_; }

 private:
  std::string Label(std::size_t index) const;
  bool Matches(std::size_t index, const RequestFields& fields) const;
  std::string Closest(const RequestFields& fields) const;
  Match Miss(const RequestFields& fields, std::string why);
  Match PlayAnyOrder(const RequestFields& fields);
  Match PlayInOrder(const RequestFields& fields);
  Match Played(std::size_t index);

  const Cassette cassette_;
  const PlaybackOptions options_;
  const std::vector<RequestFields> recorded_;

  mutable std::mutex mutex_;
  std::vector<std::size_t> plays_;        // per interaction
  std::vector<std::size_t> last_played_;  // per interaction: the play number, 0 if never
  std::size_t play_count_ = 0;
  std::size_t next_ = 0;  // strict order: the index of the interaction due next
  std::vector<UnmatchedRequest> misses_;
};

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_RECORD_PLAYBACK_HPP_
