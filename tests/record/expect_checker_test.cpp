// Expect mode: the live fake answers, and every answer is compared with the recording.
#include "fakeiam/expect_checker.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "exchanges.hpp"
#include "fakeiam/recorder.hpp"

namespace fakeiam {
namespace {

using record_test::AwsQuery;
using record_test::SeededFake;
using record_test::V5;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<HttpRequest> Session(const SeededFake& huawei) {
  return {AwsQuery("Action=CreateAccessKey&UserName=Bob"),
          AwsQuery("Action=ListAccessKeys&UserName=Bob"), V5("POST", huawei.KeysPath()),
          V5("GET", huawei.KeysPath())};
}

// What a seeded pair of fakes answered to the session, secrets masked as a recording has them.
Cassette RecordSession(std::uint64_t seed, const std::string& path) {
  SeededFake aws(Cloud::Aws, seed);
  SeededFake huawei(Cloud::Huawei, seed);
  const Recorder to_aws(aws.handler, RecordOptions{path + ".aws"});
  const Recorder to_huawei(huawei.handler, RecordOptions{path + ".huawei"});
  for (const HttpRequest& request : Session(huawei)) {
    (request.path == "/" ? to_aws : to_huawei).Handle(request);
  }
  Cassette cassette = to_aws.cassette();
  for (Interaction interaction : to_huawei.cassette().interactions) {
    interaction.id = static_cast<int>(cassette.interactions.size()) + 1;
    cassette.interactions.push_back(interaction);
  }
  return cassette;
}

// One service for both dialects: AWS requests to one fake, Huawei ones to the other.
class TwoFakes : public HttpService {
 public:
  explicit TwoFakes(std::uint64_t seed) : aws_(Cloud::Aws, seed), huawei_(Cloud::Huawei, seed) {}
  HttpResponse Handle(const HttpRequest& request) const override {
    return (request.path == "/" ? aws_ : huawei_).handler->Handle(request);
  }
  HttpResponse Reject(const HttpRequest& request, const Error& error) const override {
    return aws_.handler->Reject(request, error);
  }
  SeededFake aws_;
  SeededFake huawei_;
};

std::vector<std::string> Described(const std::vector<ResponseDifference>& differences) {
  std::vector<std::string> described;
  for (const ResponseDifference& d : differences) described.push_back(ToString(d));
  return described;
}

class ExpectCheckerTest : public ::testing::Test {
 protected:
  std::string path_ = ::testing::TempDir() + "/expect_checker";
};

TEST_F(ExpectCheckerTest, TheSameSeededFakeAnswersAsRecorded) {
  const Cassette cassette = RecordSession(7, path_);
  auto live = std::make_shared<TwoFakes>(7);
  const ExpectChecker checker(cassette, live);
  for (const HttpRequest& request : Session(live->huawei_)) {
    EXPECT_LT(checker.Handle(request).status, 300);
  }
  EXPECT_THAT(Described(checker.Differences()), IsEmpty());
  EXPECT_TRUE(checker.Verify().ok());
  // Masked secrets matched the live ones, which the client got whole.
  EXPECT_THAT(cassette.interactions[0].response.body, HasSubstr("REDACTED"));
}

TEST_F(ExpectCheckerTest, AFakeThatDriftedShowsWhereAndHow) {
  const Cassette cassette = RecordSession(7, path_);
  auto live = std::make_shared<TwoFakes>(7);
  // The live fake now holds a key the recording never saw.
  ASSERT_TRUE(live->aws_.store->CreateAccessKey("Bob").ok());
  const ExpectChecker checker(cassette, live);
  for (const HttpRequest& request : Session(live->huawei_)) checker.Handle(request);
  const std::vector<ResponseDifference> differences = checker.Differences();
  ASSERT_FALSE(differences.empty());
  EXPECT_EQ(differences[0].interaction, 1);
  EXPECT_EQ(differences[0].operation, "CreateAccessKey");
  EXPECT_THAT(Described(differences),
              ::testing::Contains(HasSubstr("#2 ListAccessKeys: body /ListAccessKeysResponse/"
                                            "ListAccessKeysResult/AccessKeyMetadata/member[2]/"
                                            "AccessKeyId: recorded \"(missing)\", live \"AKIA")));
  const Result<void> verified = checker.Verify();
  ASSERT_FALSE(verified.ok());
  EXPECT_THAT(verified.error().message,
              HasSubstr("- #1 CreateAccessKey: body /CreateAccessKeyResponse/CreateAccessKeyResult/"
                        "AccessKey/AccessKeyId: recorded \"AKIA"));
}

TEST_F(ExpectCheckerTest, StatusAndHeaderDifferencesAreNamed) {
  Cassette cassette;
  Interaction interaction;
  interaction.id = 1;
  interaction.operation = "GetUser";
  interaction.request = AwsQuery("Action=GetUser&UserName=Bob");
  interaction.response.status = 404;
  interaction.response.headers.Add("Content-Type", "text/plain");
  interaction.response.body = "<a>1</a>";
  cassette.interactions.push_back(interaction);
  SeededFake fake;
  const std::vector<ResponseDifference> differences = CompareWithCassette(cassette, *fake.handler);
  ASSERT_GE(differences.size(), 2u);
  EXPECT_EQ(ToString(differences[0]), "#1 GetUser: status: recorded \"404\", live \"200\"");
  EXPECT_EQ(ToString(differences[1]),
            "#1 GetUser: header Content-Type: recorded \"text/plain\", live \"text/xml\"");
}

TEST_F(ExpectCheckerTest, IgnoredNamesAreComparedOnlyForPresence) {
  // The AWS part only: Huawei paths hold the seeded user id, so another seed asks for another user.
  Cassette cassette = RecordSession(7, path_);
  cassette.interactions.resize(2);
  const std::vector<std::string> varying = {"AccessKeyId",  "RequestId",     "x-amzn-RequestId",
                                            "X-Request-Id", "access_key_id", "user_id"};
  EXPECT_THAT(Described(CompareWithCassette(cassette, TwoFakes(8))),
              ::testing::Contains(HasSubstr("AccessKeyId: recorded")));
  // Another seed gives other ids and request ids, and nothing else.
  EXPECT_THAT(Described(CompareWithCassette(cassette, TwoFakes(8), varying)), IsEmpty());
}

TEST_F(ExpectCheckerTest, TextBodiesAreComparedByLine) {
  Cassette cassette;
  Interaction interaction;
  interaction.id = 1;
  interaction.request = AwsQuery("Action=GetUser&UserName=Bob");
  interaction.response.body = "one\ntwo\nthree";
  cassette.interactions.push_back(interaction);

  class Text : public HttpService {
   public:
    HttpResponse Handle(const HttpRequest&) const override {
      HttpResponse response;
      response.body = "one\nTWO\nthree";
      return response;
    }
    HttpResponse Reject(const HttpRequest&, const Error&) const override { return {}; }
  };
  const std::vector<ResponseDifference> differences = CompareWithCassette(cassette, Text());
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(ToString(differences[0]), "#1: body line 2: recorded \"two\", live \"TWO\"");
}

TEST_F(ExpectCheckerTest, UnrecordedRequestsAreAnsweredLiveAndReported) {
  const Cassette cassette = RecordSession(7, path_);
  auto live = std::make_shared<TwoFakes>(7);
  const ExpectChecker checker(cassette, live);
  const HttpResponse answer = checker.Handle(AwsQuery("Action=GetUser&UserName=Bob"));
  EXPECT_EQ(answer.status, 200);  // the live answer
  ASSERT_EQ(checker.Misses().size(), 1u);
  EXPECT_THAT(checker.Misses()[0].message,
              HasSubstr("No recorded interaction matches POST / GetUser"));
  EXPECT_THAT(checker.Unused(), ElementsAre(1, 2, 3, 4));

  HttpRequest status;
  status.path = "/_fakeiam/cassette";
  const HttpResponse report = checker.Handle(status);
  EXPECT_THAT(report.body, HasSubstr(R"("mode":"expect")"));
  EXPECT_THAT(report.body, HasSubstr(R"("differences":[])"));
}

}  // namespace
}  // namespace fakeiam
