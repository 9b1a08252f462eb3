#include "fakeiam/testing/cassette.hpp"

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "fakeiam/upstream.hpp"

namespace fakeiam::testing {
namespace {

std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::optional<CassetteMode> ModeFromEnvironment() {
  const std::string mode = Environment("FAKEIAM_CASSETTE_MODE");
  if (mode.empty() || mode == "replay") return CassetteMode::Replay;
  if (mode == "record") return CassetteMode::Record;
  if (mode == "expect") return CassetteMode::Expect;
  return std::nullopt;
}

class AnswersAsRecordedMatcher : public ::testing::MatcherInterface<const HttpService&> {
 public:
  AnswersAsRecordedMatcher(Cassette cassette, std::vector<std::string> ignore)
      : cassette_(std::move(cassette)), ignore_(std::move(ignore)) {}

  bool MatchAndExplain(const HttpService& service,
                       ::testing::MatchResultListener* listener) const override {
    const std::vector<ResponseDifference> differences =
        CompareWithCassette(cassette_, service, ignore_);
    for (const ResponseDifference& difference : differences) {
      *listener << "\n  " << ToString(difference);
    }
    return differences.empty();
  }
  void DescribeTo(std::ostream* os) const override {
    *os << "answers the " << cassette_.interactions.size() << " recorded requests as recorded";
  }
  void DescribeNegationTo(std::ostream* os) const override {
    *os << "answers some of the " << cassette_.interactions.size()
        << " recorded requests otherwise than recorded";
  }

 private:
  Cassette cassette_;
  std::vector<std::string> ignore_;
};

}  // namespace

std::string CassetteTest::CassettePath() const {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  return CassetteDirectory() + "/" + test->test_suite_name() + "/" + test->name() + ".json";
}

void CassetteTest::SetUp() {
  const std::optional<CassetteMode> mode = ModeFromEnvironment();
  ASSERT_TRUE(mode) << "FAKEIAM_CASSETTE_MODE is '" << Environment("FAKEIAM_CASSETTE_MODE")
                    << "'; it takes replay, record or expect";
  mode_ = *mode;
  const std::string path = CassettePath();
  std::shared_ptr<const HttpService> service;
  if (mode_ != CassetteMode::Replay) {
    fake_ = std::make_unique<FakeIam>(Options());
    SetUpFake(fake_->store());
  }
  if (mode_ == CassetteMode::Record) {
    std::shared_ptr<const HttpService> source = fake_->shared_handler();
    if (const std::string upstream = Environment("FAKEIAM_UPSTREAM"); !upstream.empty()) {
      source = std::make_shared<Upstream>(UpstreamFromEnvironment(upstream), source);
    }
    std::error_code ignored;  // Save() says what is wrong if the directory is still missing
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
    recorder_ = std::make_shared<Recorder>(source, RecordOptions{path});
    const Result<void> saved = recorder_->Save();
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    service = recorder_;
  } else {
    Result<Cassette> cassette = LoadCassette(path);
    ASSERT_TRUE(cassette.ok()) << cassette.error().message
                               << "\n(record it with FAKEIAM_CASSETTE_MODE=record)";
    if (mode_ == CassetteMode::Replay) {
      replayer_ = std::make_shared<Replayer>(std::move(*cassette), Playback());
      service = replayer_;
    } else {
      checker_ = std::make_shared<ExpectChecker>(std::move(*cassette), fake_->shared_handler(),
                                                 ExpectOptions{Playback(), ExpectIgnore()});
      service = checker_;
    }
  }
  server_ = std::make_unique<Server>(service);
  const Result<void> started = server_->Start();
  ASSERT_TRUE(started.ok()) << started.error().message;
}

void CassetteTest::TearDown() {
  if (server_) server_->Stop();
  const std::string path = CassettePath();
  if (replayer_) {
    const Result<void> verified = replayer_->Verify();
    EXPECT_TRUE(verified.ok()) << path << ": " << verified.error().message;
  }
  if (checker_) {
    const Result<void> verified = checker_->Verify();
    EXPECT_TRUE(verified.ok()) << path << ": " << verified.error().message;
  }
  if (recorder_ && recorder_->save_error()) {
    ADD_FAILURE() << recorder_->save_error()->message;
  }
}

::testing::Matcher<const HttpService&> AnswersAsRecordedIn(Cassette cassette,
                                                           std::vector<std::string> ignore) {
  return ::testing::MakeMatcher(
      new AnswersAsRecordedMatcher(std::move(cassette), std::move(ignore)));
}

}  // namespace fakeiam::testing
