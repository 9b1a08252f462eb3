// CassetteTest in each mode, and the AnswersAsRecordedIn matcher.
#include <gtest/gtest-spi.h>

#include "cassette_support.hpp"

namespace fakeiam::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ReplayingTest : public CassetteFixture {
 protected:
  ReplayingTest() : CassetteFixture("replay") {}
};

TEST_F(ReplayingTest, TheEndpointAnswersFromTheCassette) {
  EXPECT_EQ(mode(), CassetteMode::Replay);
  const Cassette recorded = RecordSession();
  const auto created = PostQuery(endpoint(), "Action=CreateAccessKey&UserName=Bob");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->body, recorded.interactions[0].response.body);
  const auto listed = PostQuery(endpoint(), "Action=ListAccessKeys&UserName=Bob");
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->body, recorded.interactions[1].response.body);
}

class RecordingTest : public CassetteFixture {
 protected:
  RecordingTest() : CassetteFixture("record") { write_session_ = false; }
};

TEST_F(RecordingTest, TheFakeSetUpForTheTestIsRecorded) {
  EXPECT_EQ(mode(), CassetteMode::Record);
  const auto created = PostQuery(endpoint(), "Action=CreateAccessKey&UserName=Bob");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 200);  // SetUpFake made Bob
  const Result<Cassette> on_disk = LoadCassette(CassettePath());
  ASSERT_TRUE(on_disk.ok()) << on_disk.error().message;
  ASSERT_EQ(on_disk->interactions.size(), 1u);
  EXPECT_EQ(on_disk->interactions[0].operation, "CreateAccessKey");
}

class ExpectingTest : public CassetteFixture {
 protected:
  ExpectingTest() : CassetteFixture("expect") {}
};

TEST_F(ExpectingTest, TheLiveFakeAnswersAndMatchesTheRecording) {
  EXPECT_EQ(mode(), CassetteMode::Expect);
  const auto created = PostQuery(endpoint(), "Action=CreateAccessKey&UserName=Bob");
  ASSERT_TRUE(created);
  // The live answer: the secret is whole, not masked as in the cassette.
  EXPECT_THAT(created->body, Not(HasSubstr("REDACTED")));
  ASSERT_TRUE(PostQuery(endpoint(), "Action=ListAccessKeys&UserName=Bob"));
}

TEST(AnswersAsRecordedInTest, MatchesAFakeThatAnswersAsRecordedAndListsDifferencesOtherwise) {
  const Cassette recorded = RecordSession();
  FakeIam same(SeededOptions());
  AddBob(same.store());
  EXPECT_THAT(same.handler(), AnswersAsRecordedIn(recorded));

  FakeIam other(SeededOptions());
  AddBob(other.store());
  ASSERT_TRUE(other.store().CreateAccessKey("Bob").ok());
  ::testing::StringMatchResultListener listener;
  EXPECT_FALSE(
      ::testing::ExplainMatchResult(AnswersAsRecordedIn(recorded), other.handler(), &listener));
  EXPECT_THAT(listener.str(),
              HasSubstr("#2 ListAccessKeys: body /ListAccessKeysResponse/ListAccessKeysResult/"
                        "AccessKeyMetadata/member[2]/AccessKeyId: recorded \"(missing)\", live "
                        "\"AKIA"));
  EXPECT_EQ(::testing::DescribeMatcher<const HttpService&>(AnswersAsRecordedIn(recorded)),
            "answers the 2 recorded requests as recorded");
  // Ignoring what differs makes them alike again... except the extra key's presence.
  EXPECT_NONFATAL_FAILURE(
      EXPECT_THAT(other.handler(), AnswersAsRecordedIn(recorded, {"AccessKeyId"})),
      "member[2]/UserName: recorded \"(missing)\", live \"Bob\"");
}

}  // namespace
}  // namespace fakeiam::testing
