// Expect mode, for regression tests: the live fake answers every request, and each answer is
// compared with the one recorded in a cassette, so a change in the fake (or in the client under
// test) shows up as a readable list of differences.
//
//   auto checker = std::make_shared<fakeiam::ExpectChecker>(*fakeiam::LoadCassette(path),
//                                                           fake.shared_handler());
//   fakeiam::Server server(checker);        // clients get the live answers
//   ... run the client ...
//   EXPECT_TRUE(checker->Verify().ok()) << checker->Verify().error().message;
//
// Or with no client at all: CompareWithCassette(cassette, handler) sends each recorded request
// to the handler in order and compares the answers.
//
// Values a recording masked (secrets) match any live value; header fields the recording lacks
// are not compared.
#ifndef FAKEIAM_EXPECT_CHECKER_HPP_
#define FAKEIAM_EXPECT_CHECKER_HPP_

#include <memory>
#include <string>
#include <vector>

#include "fakeiam/cassette.hpp"
#include "fakeiam/http_service.hpp"
#include "fakeiam/replayer.hpp"
#include "fakeiam/result.hpp"

namespace fakeiam {

struct ExpectOptions {
  PlaybackOptions playback;
  // Names whose values are not compared (only that they are there): XML element names, JSON keys
  // and header names, e.g. {"RequestId", "x-amzn-RequestId"} for a recording of another run.
  std::vector<std::string> ignore;
};

// One way a live response differs from the recorded one.
struct ResponseDifference {
  int interaction = 0;    // the recorded interaction's id
  std::string operation;  // its operation
  // "status", "header Content-Type", "body /ListAccessKeysResponse/.../member[2]/Status", or
  // "body line 3" for text that is neither XML nor JSON.
  std::string where;
  std::string recorded;  // "(missing)" when the recording lacks it
  std::string live;      // "(missing)" when the live response lacks it
};

// `#3 ListAccessKeys: body /.../Status: recorded "Active", live "Inactive"`.
std::string ToString(const ResponseDifference& difference);

class ExpectChecker : public HttpService {
 public:
  ExpectChecker(Cassette cassette, std::shared_ptr<const HttpService> live,
                ExpectOptions options = {});
  ~ExpectChecker() override;

  // The live answer, whether it matches the recording or not.
  HttpResponse Handle(const HttpRequest& request) const override;
  HttpResponse Reject(const HttpRequest& request, const Error& error) const override;

  std::vector<ResponseDifference> Differences() const;
  // Requests no recorded interaction matches (they were answered live, and not compared).
  std::vector<UnmatchedRequest> Misses() const;
  std::vector<int> Unused() const;
  // OK when there are no differences, no misses and (unless options allow it) no unused
  // interactions; otherwise an error (InvalidInput) whose message lists each one.
  Result<void> Verify() const;
  void Rewind();

 private:
  struct State;
  std::shared_ptr<const HttpService> live_;
  ExpectOptions options_;
  std::unique_ptr<State> state_;
};

// Sends each recorded request to `live`, in recorded order, and compares every answer with the
// recorded one.
std::vector<ResponseDifference> CompareWithCassette(const Cassette& cassette,
                                                    const HttpService& live,
                                                    const std::vector<std::string>& ignore = {});

}  // namespace fakeiam

#endif  // FAKEIAM_EXPECT_CHECKER_HPP_
