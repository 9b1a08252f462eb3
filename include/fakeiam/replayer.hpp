// Replay mode: answers every request from a cassette instead of a live fake or cloud, matching
// on what a request asks for (method, path, operation parameters) and ignoring what legitimately
// varies between runs (signatures, dates, request ids, parameter order and encoding).
//
//   auto replayer = std::make_shared<fakeiam::Replayer>(*fakeiam::LoadCassette("rotation.json"));
//   fakeiam::Server server(replayer);
//   ... run the client under test against server.endpoint() ...
//   EXPECT_TRUE(replayer->Verify().ok()) << replayer->Verify().error().message;
//
// A request that matches nothing gets a 404 `UnmatchedRequest` error in its dialect's format,
// whose message names the closest recorded interaction and the fields that differ; Misses() and
// Verify() report it to the test.
#ifndef FAKEIAM_REPLAYER_HPP_
#define FAKEIAM_REPLAYER_HPP_

#include <memory>
#include <string>
#include <vector>

#include "fakeiam/cassette.hpp"
#include "fakeiam/http_service.hpp"
#include "fakeiam/result.hpp"

namespace fakeiam {
namespace internal {
class Playback;
}  // namespace internal

enum class MatchOrder {
  Any,     // a request may match any interaction not yet played (the first one, in order)
  Strict,  // a request must match the next interaction, in recorded order
};

// How requests are paired with a cassette's interactions, in replay and in expect mode.
struct PlaybackOptions {
  MatchOrder order = MatchOrder::Any;
  // An interaction may answer again once played (the last played one that matches).
  bool allow_repeats = false;
  // Verify() passes even when some interactions were never played.
  bool allow_unused = false;
};

// A request the cassette could not answer, and why.
struct UnmatchedRequest {
  std::string request;  // a summary: "POST / CreateAccessKey UserName=Alice"
  std::string message;  // names the closest interaction and the fields that differ
};

class Replayer : public HttpService {
 public:
  // `local` answers fakeiam's own API (/_fakeiam/health, ...) and renders errors; by default a
  // fake with an empty store.
  explicit Replayer(Cassette cassette, PlaybackOptions options = {},
                    std::shared_ptr<const HttpService> local = nullptr);
  ~Replayer() override;

  HttpResponse Handle(const HttpRequest& request) const override;
  HttpResponse Reject(const HttpRequest& request, const Error& error) const override;

  // The ids of the interactions not played yet.
  std::vector<int> Unused() const;
  std::vector<UnmatchedRequest> Misses() const;
  // OK when every request found its interaction and, unless options allow it, every interaction
  // was played; otherwise an error (InvalidInput) whose message lists each problem.
  Result<void> Verify() const;
  // Forgets what was played and missed, to replay the cassette again from the start.
  void Rewind();

  const Cassette& cassette() const;

 private:
  std::unique_ptr<internal::Playback> playback_;
  std::shared_ptr<const HttpService> local_;
};

}  // namespace fakeiam

#endif  // FAKEIAM_REPLAYER_HPP_
