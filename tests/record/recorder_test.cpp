// Record mode: every exchange in the file as soon as the client has it, secrets masked unless
// asked otherwise, fakeiam's own API left out.
#include "fakeiam/recorder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <thread>

#include "exchanges.hpp"
#include "fakeiam/faults.hpp"

namespace fakeiam {
namespace {

using record_test::AwsQuery;
using record_test::SeededFake;
using record_test::V5;
using ::testing::HasSubstr;
using ::testing::Not;

class RecorderTest : public ::testing::Test {
 protected:
  RecorderTest()
      : path_(::testing::TempDir() + "/recorder_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json") {}
  ~RecorderTest() override { std::remove(path_.c_str()); }

  Recorder MakeRecorder(bool redact = true) {
    return Recorder(fake_.handler, RecordOptions{path_, redact});
  }

  Cassette OnDisk() const {
    const Result<Cassette> loaded = LoadCassette(path_);
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? *loaded : Cassette{};
  }

  std::string path_;
  SeededFake fake_;
};

TEST_F(RecorderTest, EachExchangeIsInTheFileWhenTheClientHasItsAnswer) {
  const Recorder recorder = MakeRecorder();
  const HttpRequest create = AwsQuery("Action=CreateAccessKey&UserName=Bob");
  const HttpResponse created = recorder.Handle(create);
  ASSERT_EQ(created.status, 200);
  ASSERT_EQ(OnDisk().interactions.size(), 1u);
  recorder.Handle(AwsQuery("Action=ListAccessKeys&UserName=Bob"));
  const Cassette cassette = OnDisk();
  ASSERT_EQ(cassette.interactions.size(), 2u);
  EXPECT_EQ(cassette.interactions[0].id, 1);
  EXPECT_EQ(cassette.interactions[0].operation, "CreateAccessKey");
  EXPECT_EQ(cassette.interactions[1].id, 2);
  EXPECT_EQ(cassette.interactions[1].operation, "ListAccessKeys");
  EXPECT_EQ(cassette.interactions[1].response.status, 200);
  EXPECT_EQ(recorder.cassette().interactions.size(), 2u);
  EXPECT_FALSE(recorder.save_error());
}

TEST_F(RecorderTest, SaveWritesAnEmptyCassetteBeforeAnyExchange) {
  const Recorder recorder = MakeRecorder();
  ASSERT_TRUE(recorder.Save().ok());
  EXPECT_TRUE(OnDisk().interactions.empty());
}

TEST_F(RecorderTest, KeepsTheHeadersThatSayWhatWasAskedAndDropsThoseOfTheConnection) {
  const Recorder recorder = MakeRecorder();
  HttpRequest request = AwsQuery("Action=ListAccessKeys&UserName=Bob");
  request.headers.Add("Host", "127.0.0.1:40000");
  request.headers.Add("User-Agent", "aws-cli/2.9.19");
  request.headers.Add("Content-Length", std::to_string(request.body.size()));
  recorder.Handle(request);
  const Interaction recorded = OnDisk().interactions.at(0);
  EXPECT_TRUE(recorded.request.headers.Get("Content-Type"));
  EXPECT_TRUE(recorded.request.headers.Get("X-Amz-Date"));
  EXPECT_TRUE(recorded.request.headers.Get("Authorization"));
  EXPECT_FALSE(recorded.request.headers.Get("Host"));
  EXPECT_FALSE(recorded.request.headers.Get("User-Agent"));
  EXPECT_FALSE(recorded.request.headers.Get("Content-Length"));
  EXPECT_TRUE(recorded.response.headers.Get("x-amzn-RequestId"));
}

TEST_F(RecorderTest, SecretsAndSignaturesAreMaskedKeepingTheirShape) {
  const Recorder recorder = MakeRecorder();
  HttpRequest create = AwsQuery("Action=CreateAccessKey&UserName=Bob");
  create.headers.Add("X-Amz-Security-Token", "FwoGZXIvYXdzEJr//////////wEaDM");
  const HttpResponse live = recorder.Handle(create);
  const std::string file = FormatCassette(OnDisk());
  const std::string secret = fake_.store->FindAccessKeys("Bob")->front().id;  // not a secret
  EXPECT_THAT(file, HasSubstr(secret));
  EXPECT_THAT(
      file,
      HasSubstr("<SecretAccessKey>REDACTEDREDACTEDREDACTEDREDACTEDREDACTED</SecretAccessKey>"));
  EXPECT_THAT(file, HasSubstr("Credential=AKIAEXAMPLE/20250101/us-east-1/iam/aws4_request, "
                              "SignedHeaders=content-type;host;x-amz-date, Signature=" +
                              std::string("REDACTEDREDACTEDREDACTEDREDACTEDREDACTEDREDACTEDREDACTED"
                                          "REDACTED")));
  EXPECT_THAT(file, HasSubstr("\"X-Amz-Security-Token\": \"REDACTEDREDACTEDREDACTEDREDACT\""));
  EXPECT_THAT(file, Not(HasSubstr("FwoGZXIv")));
  // The client itself got the real secret, and the rest of the document is unchanged.
  EXPECT_THAT(live.body, Not(HasSubstr("REDACTED")));
  std::string masked = live.body;
  const std::size_t at = masked.find("<SecretAccessKey>") + std::string("<SecretAccessKey>").size();
  masked.replace(at, 40, "REDACTEDREDACTEDREDACTEDREDACTEDREDACTED");
  EXPECT_EQ(OnDisk().interactions[0].response.body, masked);
}

TEST_F(RecorderTest, HuaweiSecretsAreMaskedToo) {
  SeededFake huawei(Cloud::Huawei);
  const Recorder recorder(huawei.handler, RecordOptions{path_});
  HttpRequest create = V5("POST", huawei.KeysPath());
  create.headers.Add(
      "Authorization",
      "SDK-HMAC-SHA256 Access=HPUAEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, "
      "Signature=" +
          std::string(64, 'f'));
  recorder.Handle(create);
  const std::string file = FormatCassette(OnDisk());
  EXPECT_THAT(file,
              HasSubstr("\"secret_access_key\": \"REDACTEDREDACTEDREDACTEDREDACTEDREDACTED\""));
  EXPECT_THAT(file, HasSubstr("Access=HPUAEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, "
                              "Signature=REDACTED"));
  EXPECT_THAT(file, Not(HasSubstr(std::string(64, 'f'))));
}

TEST_F(RecorderTest, SecretsStayWhenRedactionIsTurnedOff) {
  const Recorder recorder = MakeRecorder(/*redact=*/false);
  const HttpResponse live = recorder.Handle(AwsQuery("Action=CreateAccessKey&UserName=Bob"));
  EXPECT_EQ(OnDisk().interactions.at(0).response.body, live.body);
  EXPECT_THAT(FormatCassette(OnDisk()), Not(HasSubstr("REDACTED")));
}

TEST_F(RecorderTest, FakeiamsOwnApiAndDroppedConnectionsAreNotRecorded) {
  const Recorder recorder = MakeRecorder();
  HttpRequest health;
  health.path = "/_fakeiam/health";
  EXPECT_EQ(recorder.Handle(health).status, 200);
  ASSERT_TRUE(fake_.store->faults()
                  .Add(FaultRule::For(Operation::ListAccessKeys).DropConnection().Once())
                  .ok());
  EXPECT_TRUE(recorder.Handle(AwsQuery("Action=ListAccessKeys&UserName=Bob")).drop_connection);
  recorder.Handle(AwsQuery("Action=ListAccessKeys&UserName=Bob"));
  ASSERT_EQ(OnDisk().interactions.size(), 1u);
  EXPECT_EQ(OnDisk().interactions[0].response.status, 200);

  HttpRequest status;
  status.path = "/_fakeiam/cassette";
  const HttpResponse answer = recorder.Handle(status);
  EXPECT_EQ(answer.status, 200);
  EXPECT_THAT(answer.body, HasSubstr("\"mode\":\"record\""));
  EXPECT_THAT(answer.body, HasSubstr("\"recorded\":1"));
}

TEST_F(RecorderTest, AnswersFakeiamMadeUpAreNotRecorded) {
  class Unanswered : public HttpService {
   public:
    HttpResponse Handle(const HttpRequest&) const override {
      HttpResponse response;
      response.status = 502;
      response.recordable = false;
      return response;
    }
    HttpResponse Reject(const HttpRequest&, const Error&) const override { return {}; }
  };
  const Recorder recorder(std::make_shared<Unanswered>(), RecordOptions{path_});
  EXPECT_EQ(recorder.Handle(AwsQuery("Action=ListUsers")).status, 502);
  EXPECT_TRUE(recorder.cassette().interactions.empty());
}

TEST_F(RecorderTest, AFileThatCannotBeWrittenIsReportedAndClientsStillGetAnswers) {
  const Recorder recorder(fake_.handler, RecordOptions{"/nonexistent/dir/rotation.json"});
  EXPECT_FALSE(recorder.Save().ok());
  EXPECT_EQ(recorder.Handle(AwsQuery("Action=ListAccessKeys&UserName=Bob")).status, 200);
  ASSERT_TRUE(recorder.save_error());
  EXPECT_THAT(recorder.save_error()->message, HasSubstr("/nonexistent/dir/rotation.json"));
  EXPECT_EQ(recorder.cassette().interactions.size(), 1u);
}

TEST_F(RecorderTest, ParallelClientsGetEveryExchangeRecordedOnce) {
  const Recorder recorder = MakeRecorder();
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&recorder] {
      for (int i = 0; i < kEach; ++i)
        recorder.Handle(AwsQuery("Action=ListAccessKeys&UserName=Bob"));
    });
  }
  for (std::thread& thread : threads) thread.join();
  const Cassette cassette = OnDisk();
  ASSERT_EQ(cassette.interactions.size(), static_cast<std::size_t>(kThreads * kEach));
  for (std::size_t i = 0; i < cassette.interactions.size(); ++i) {
    EXPECT_EQ(cassette.interactions[i].id, static_cast<int>(i) + 1);
  }
}

}  // namespace
}  // namespace fakeiam
