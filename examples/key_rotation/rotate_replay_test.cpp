// (d) RotateAccessKey against recorded exchanges: the test replays
// fixtures/cassettes/RotateReplayTest/<test name>.json, offline, in strict order, so it fails if
// the code under test makes one call more, one fewer, or another one.
//
// Record the cassettes again with FAKEIAM_CASSETTE_MODE=record: from the fake SetUpFake prepares,
// or from a real account with FAKEIAM_UPSTREAM=https://iam.amazonaws.com and AWS credentials in
// the environment. FAKEIAM_CASSETTE_MODE=expect checks that the fake still answers as recorded.
#include <fakeiam/gtest.hpp>

#include "aws_query_access_key_api.hpp"
#include "rotate.hpp"

namespace {

using fakeiam::KeyStatus;
using fakeiam::testing::HasAwsKeyId;
using fakeiam::testing::HasStatus;
using fakeiam::testing::IsError;
using fakeiam::testing::IsOkAndHolds;
using fakeiam::testing::OwnedBy;
using ::testing::AllOf;

class RotateReplayTest : public fakeiam::testing::CassetteTest {
 protected:
  std::string CassetteDirectory() const override { return FAKEIAM_CASSETTE_DIR; }

  fakeiam::PlaybackOptions Playback() const override {
    fakeiam::PlaybackOptions options;
    options.order = fakeiam::MatchOrder::Strict;
    return options;
  }

  // Bob has an inactive key (the one rotated out last time) and an active one.
  void SetUpFake(fakeiam::Store& store) override {
    ASSERT_TRUE(store.CreateUser("Bob").ok());
    const fakeiam::Result<fakeiam::AccessKey> retired = store.CreateAccessKey("Bob");
    ASSERT_TRUE(store.UpdateAccessKey("Bob", retired->id, KeyStatus::Inactive).ok());
    ASSERT_TRUE(store.CreateAccessKey("Bob").ok());
  }
};

TEST_F(RotateReplayTest, DeletesTheInactiveKeyAndDeactivatesTheActiveOne) {
  example::AwsQueryAccessKeyApi iam(endpoint());
  EXPECT_THAT(example::RotateAccessKey(iam, "Bob"),
              IsOkAndHolds(AllOf(HasStatus(KeyStatus::Active), OwnedBy("Bob"), HasAwsKeyId())));
}

TEST_F(RotateReplayTest, AnUnknownUserIsAnError) {
  example::AwsQueryAccessKeyApi iam(endpoint());
  EXPECT_THAT(example::RotateAccessKey(iam, "Nobody"),
              IsError(fakeiam::ErrorCode::NoSuchEntity, 404));
}

}  // namespace
