// Replay mode: recorded answers for what a request asks, whatever varies between runs; clear
// misses; each match option.
#include "fakeiam/replayer.hpp"

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

// A recording of: list (no keys), create, list (one key), then a Huawei create.
class ReplayerTest : public ::testing::Test {
 protected:
  ReplayerTest() {
    const auto record = [this](const std::shared_ptr<Handler>& handler,
                               const HttpRequest& request) {
      Interaction interaction;
      interaction.id = static_cast<int>(cassette_.interactions.size()) + 1;
      interaction.request = request;
      interaction.response = handler->Handle(request);
      interaction.operation = interaction.response.operation;
      cassette_.interactions.push_back(interaction);
    };
    record(aws_.handler, List());
    record(aws_.handler, AwsQuery("Action=CreateAccessKey&UserName=Bob"));
    record(aws_.handler, List());
    record(huawei_.handler, V5("POST", huawei_.KeysPath()));
  }

  static HttpRequest List() { return AwsQuery("Action=ListAccessKeys&UserName=Bob"); }

  const Interaction& Recorded(std::size_t index) const { return cassette_.interactions.at(index); }

  SeededFake aws_;
  SeededFake huawei_{Cloud::Huawei};
  Cassette cassette_;
};

TEST_F(ReplayerTest, AnswersWithTheRecordedResponsesInOrderOfRecording) {
  const Replayer replayer(cassette_);
  for (std::size_t i = 0; i < cassette_.interactions.size(); ++i) {
    const HttpResponse answer = replayer.Handle(Recorded(i).request);
    EXPECT_EQ(answer.status, Recorded(i).response.status);
    EXPECT_EQ(answer.headers.fields(), Recorded(i).response.headers.fields());
    EXPECT_EQ(answer.body, Recorded(i).response.body);
    EXPECT_EQ(answer.operation, Recorded(i).operation);
  }
  EXPECT_THAT(replayer.Unused(), IsEmpty());
  EXPECT_TRUE(replayer.Verify().ok());
}

TEST_F(ReplayerTest, IdenticalRequestsGetTheirAnswersInRecordedOrder) {
  const Replayer replayer(cassette_);
  // The first list saw no keys; the second, after the create, saw one.
  EXPECT_EQ(replayer.Handle(List()).body, Recorded(0).response.body);
  EXPECT_EQ(replayer.Handle(List()).body, Recorded(2).response.body);
  EXPECT_NE(Recorded(0).response.body, Recorded(2).response.body);
}

TEST_F(ReplayerTest, IgnoresSignaturesDatesParameterOrderAndEncoding) {
  const Replayer replayer(cassette_);
  HttpRequest request;
  request.method = "POST";
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
  request.headers.Add("X-Amz-Date", "20991231T235959Z");
  request.headers.Add("Authorization",
                      "AWS4-HMAC-SHA256 Credential=AKIAOTHER/20991231/eu-west-1/iam/aws4_request, "
                      "SignedHeaders=host, Signature=0123");
  request.headers.Add("User-Agent", "another client");
  request.body = "Version=2010-05-08&UserName=%42ob&Action=ListAccessKeys";
  const HttpResponse answer = replayer.Handle(request);
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body, Recorded(0).response.body);
}

TEST_F(ReplayerTest, AnUnmatchedAwsRequestGetsAnAwsErrorNamingTheClosestAndTheDifference) {
  const Replayer replayer(cassette_);
  const HttpResponse answer = replayer.Handle(AwsQuery("Action=CreateAccessKey&UserName=Alice"));
  EXPECT_EQ(answer.status, 404);
  EXPECT_EQ(answer.operation, "CreateAccessKey");
  EXPECT_FALSE(answer.recordable);
  EXPECT_THAT(answer.body, HasSubstr("<Code>UnmatchedRequest</Code>"));
  EXPECT_THAT(answer.body,
              HasSubstr("No recorded interaction matches POST / CreateAccessKey UserName=Alice. "
                        "The closest is #2 CreateAccessKey: UserName is \"Alice\" here, \"Bob\" "
                        "in the recording."));
  ASSERT_EQ(replayer.Misses().size(), 1u);
  EXPECT_EQ(replayer.Misses()[0].request, "POST / CreateAccessKey UserName=Alice");
  const Result<void> verified = replayer.Verify();
  ASSERT_FALSE(verified.ok());
  EXPECT_THAT(verified.error().message, HasSubstr("- unmatched request: No recorded interaction"));
}

TEST_F(ReplayerTest, AnUnmatchedHuaweiRequestGetsAV5Error) {
  const Replayer replayer(cassette_);
  const HttpResponse answer =
      replayer.Handle(V5("PUT", huawei_.KeysPath() + "/KEY", R"({"status":"inactive"})"));
  EXPECT_EQ(answer.status, 404);
  EXPECT_THAT(answer.body, HasSubstr(R"("error_code":"UnmatchedRequest")"));
  EXPECT_THAT(answer.body, HasSubstr("The closest is #4 CreateAccessKeyV5: method is \\\"PUT\\\" "
                                     "here, \\\"POST\\\" in the recording; path is"));
  EXPECT_THAT(answer.body,
              HasSubstr("/status is \\\"inactive\\\" here, missing in the recording."));
  EXPECT_TRUE(answer.headers.Get("X-Request-Id"));
}

TEST_F(ReplayerTest, RepeatsAreRefusedUnlessAllowed) {
  const Replayer once(cassette_);
  const HttpRequest create = V5("POST", huawei_.KeysPath());
  EXPECT_EQ(once.Handle(create).status, 201);
  const HttpResponse again = once.Handle(create);
  EXPECT_EQ(again.status, 404);
  EXPECT_THAT(again.body, HasSubstr("matches #4 CreateAccessKeyV5, which was already played, and "
                                    "repeats are not allowed."));

  PlaybackOptions options;
  options.allow_repeats = true;
  const Replayer repeating(cassette_, options);
  // The most recently played match answers again: the second list, not the first.
  repeating.Handle(List());
  repeating.Handle(List());
  EXPECT_EQ(repeating.Handle(List()).body, Recorded(2).response.body);
  EXPECT_THAT(repeating.Misses(), IsEmpty());
}

TEST_F(ReplayerTest, StrictOrderRefusesARequestAheadOfItsTurn) {
  PlaybackOptions options;
  options.order = MatchOrder::Strict;
  const Replayer replayer(cassette_, options);
  const HttpResponse early = replayer.Handle(AwsQuery("Action=CreateAccessKey&UserName=Bob"));
  EXPECT_EQ(early.status, 404);
  ASSERT_EQ(replayer.Misses().size(), 1u);
  EXPECT_EQ(
      replayer.Misses()[0].message,
      "POST / CreateAccessKey UserName=Bob is out of order: the next recorded interaction "
      "is #1 ListAccessKeys, and the request differs from it: Action is \"CreateAccessKey\" "
      "here, \"ListAccessKeys\" in the recording. It matches #2 CreateAccessKey, recorded later.");
  // In turn, every one plays.
  for (std::size_t i = 0; i < cassette_.interactions.size(); ++i) {
    EXPECT_EQ(replayer.Handle(Recorded(i).request).body, Recorded(i).response.body);
  }
  const HttpResponse after = replayer.Handle(List());
  EXPECT_THAT(replayer.Misses().back().message,
              HasSubstr("comes after every recorded interaction was played (4 of 4). It matches "
                        "#1 ListAccessKeys, recorded earlier."));
  EXPECT_EQ(after.status, 404);
}

TEST_F(ReplayerTest, StrictOrderWithRepeatsReplaysTheLastInteraction) {
  PlaybackOptions options;
  options.order = MatchOrder::Strict;
  options.allow_repeats = true;
  const Replayer replayer(cassette_, options);
  EXPECT_EQ(replayer.Handle(List()).body, Recorded(0).response.body);
  EXPECT_EQ(replayer.Handle(List()).body, Recorded(0).response.body);  // a poll, repeated
  EXPECT_EQ(replayer.Handle(Recorded(1).request).body, Recorded(1).response.body);
  EXPECT_THAT(replayer.Misses(), IsEmpty());
}

TEST_F(ReplayerTest, InteractionsNeverPlayedFailVerificationUnlessAllowed) {
  const Replayer replayer(cassette_);
  replayer.Handle(List());
  EXPECT_THAT(replayer.Unused(), ElementsAre(2, 3, 4));
  const Result<void> verified = replayer.Verify();
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().message,
            "3 problems with the cassette:\n"
            "- interaction #2 CreateAccessKey was never played\n"
            "- interaction #3 ListAccessKeys was never played\n"
            "- interaction #4 CreateAccessKeyV5 was never played");

  PlaybackOptions options;
  options.allow_unused = true;
  const Replayer lenient(cassette_, options);
  lenient.Handle(List());
  EXPECT_TRUE(lenient.Verify().ok());
}

TEST_F(ReplayerTest, RewindStartsOver) {
  Replayer replayer(cassette_);
  replayer.Handle(List());
  replayer.Handle(AwsQuery("Action=DeleteUser&UserName=Bob"));
  replayer.Rewind();
  EXPECT_THAT(replayer.Misses(), IsEmpty());
  EXPECT_THAT(replayer.Unused(), ElementsAre(1, 2, 3, 4));
  EXPECT_EQ(replayer.Handle(List()).body, Recorded(0).response.body);
}

TEST_F(ReplayerTest, FakeiamsOwnApiStillAnswers) {
  const Replayer replayer(cassette_);
  HttpRequest health;
  health.path = "/_fakeiam/health";
  EXPECT_EQ(replayer.Handle(health).status, 200);

  replayer.Handle(List());
  replayer.Handle(AwsQuery("Action=DeleteUser&UserName=Bob"));
  HttpRequest status;
  status.path = "/_fakeiam/cassette";
  const HttpResponse answer = replayer.Handle(status);
  EXPECT_EQ(answer.status, 200);
  EXPECT_THAT(answer.body, HasSubstr(R"("mode":"replay","interactions":4,"unused":[2,3,4])"));
  EXPECT_THAT(answer.body, HasSubstr(R"("request":"POST / DeleteUser UserName=Bob")"));

  status.method = "DELETE";
  EXPECT_EQ(replayer.Handle(status).status, 200);
  EXPECT_THAT(replayer.Unused(), ElementsAre(1, 2, 3, 4));
  status.method = "PUT";
  EXPECT_EQ(replayer.Handle(status).status, 405);
}

TEST_F(ReplayerTest, AnEmptyCassetteSaysSo) {
  const Replayer replayer(Cassette{});
  const HttpResponse answer = replayer.Handle(List());
  EXPECT_EQ(answer.status, 404);
  EXPECT_THAT(answer.body, HasSubstr("The cassette is empty."));
}

}  // namespace
}  // namespace fakeiam
