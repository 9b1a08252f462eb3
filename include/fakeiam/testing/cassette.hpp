// GoogleTest and cassettes: a test that replays recorded exchanges, and that can record them
// again or check the fake against them, without changing a line.
//
//   class RotationTest : public fakeiam::testing::CassetteTest {
//    protected:
//     std::string CassetteDirectory() const override { return "/src/fixtures/cassettes"; }
//     void SetUpFake(fakeiam::Store& store) override { store.CreateUser("Bob"); }
//   };
//   TEST_F(RotationTest, Rotates) {
//     MyAwsClient iam(endpoint());   // replays RotationTest/Rotates.json
//     ...
//   }
//
// FAKEIAM_CASSETTE_MODE picks what the endpoint does:
//   replay (default)  answers from the cassette; the test fails when a request matched nothing or
//                     (unless PlaybackOptions allow it) an interaction was never played
//   record            records the cassette again: from a fake set up by SetUpFake, or, with
//                     FAKEIAM_UPSTREAM=URL, from that endpoint with the credentials in the
//                     environment (see UpstreamFromEnvironment)
//   expect            serves the fake set up by SetUpFake and fails the test where an answer
//                     differs from the recorded one
#ifndef FAKEIAM_TESTING_CASSETTE_HPP_
#define FAKEIAM_TESTING_CASSETTE_HPP_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "fakeiam/cassette.hpp"
#include "fakeiam/expect_checker.hpp"
#include "fakeiam/fake_iam.hpp"
#include "fakeiam/http_service.hpp"
#include "fakeiam/recorder.hpp"
#include "fakeiam/replayer.hpp"
#include "fakeiam/server.hpp"

namespace fakeiam::testing {

enum class CassetteMode { Replay, Record, Expect };

class CassetteTest : public ::testing::Test {
 protected:
  // Where this fixture's cassettes live; each test's is <dir>/<Suite>/<Test>.json.
  virtual std::string CassetteDirectory() const = 0;
  // This test's cassette file; override for another naming.
  virtual std::string CassettePath() const;
  // How requests pair with the recorded interactions (replay and expect mode).
  virtual PlaybackOptions Playback() const { return {}; }
  // Names expect mode does not compare the values of (see ExpectOptions::ignore).
  virtual std::vector<std::string> ExpectIgnore() const { return {}; }
  // The fake of record and expect mode: its options, and what it holds before the test runs.
  virtual StoreOptions Options() const { return {}; }
  virtual void SetUpFake(Store& /*store*/) {}

  void SetUp() override;
  void TearDown() override;

  // The endpoint the code under test talks to, "http://127.0.0.1:PORT".
  std::string endpoint() const { return server_->endpoint(); }
  CassetteMode mode() const { return mode_; }

 private:
  CassetteMode mode_ = CassetteMode::Replay;
  std::unique_ptr<FakeIam> fake_;
  std::shared_ptr<Replayer> replayer_;
  std::shared_ptr<Recorder> recorder_;
  std::shared_ptr<ExpectChecker> checker_;
  std::unique_ptr<Server> server_;
};

// Matches a service (a Handler, say) that answers every request of `cassette`, sent in order,
// as recorded; a mismatch lists each difference. Ignores the values named in `ignore`.
::testing::Matcher<const HttpService&> AnswersAsRecordedIn(Cassette cassette,
                                                           std::vector<std::string> ignore = {});

}  // namespace fakeiam::testing

#endif  // FAKEIAM_TESTING_CASSETTE_HPP_
