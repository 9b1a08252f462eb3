// The same RotateAccessKey, now over the wire: an AWS Query adapter talks to fakeiam's embedded
// server (started by the fixture on an ephemeral port), and the test checks the fake's state.
#include <fakeiam/gtest.hpp>

#include "aws_query_access_key_api.hpp"
#include "rotate.hpp"

namespace {

using fakeiam::KeyStatus;
using fakeiam::testing::HasStatus;
using fakeiam::testing::HoldsExactlyKeys;
using fakeiam::testing::IsError;
using fakeiam::testing::IsOk;
using fakeiam::testing::IsOkAndHolds;

class RotateOverHttpTest : public fakeiam::testing::FakeIamTest {
 protected:
  void SetUp() override { ASSERT_THAT(store().CreateUser("Bob"), IsOk()); }
};

TEST_F(RotateOverHttpTest, NewKeyIsActiveAndTheOldOneInactive) {
  const fakeiam::AccessKey old_key = *store().CreateAccessKey("Bob");
  example::AwsQueryAccessKeyApi iam(endpoint());
  const auto rotated = example::RotateAccessKey(iam, "Bob");
  ASSERT_THAT(rotated, IsOkAndHolds(HasStatus(KeyStatus::Active)));
  EXPECT_EQ(rotated->secret.size(), 40u);
  EXPECT_THAT(store(), HoldsExactlyKeys("Bob", std::vector<std::string>{old_key.id, rotated->id}));
  EXPECT_EQ(store().FindAccessKeys("Bob")->front().status, KeyStatus::Inactive);
}

TEST_F(RotateOverHttpTest, ErrorsArriveAsTheServiceSentThem) {
  ASSERT_THAT(store().CreateAccessKey("Bob"), IsOk());
  ASSERT_THAT(store().CreateAccessKey("Bob"), IsOk());
  example::AwsQueryAccessKeyApi iam(endpoint());
  EXPECT_THAT(example::RotateAccessKey(iam, "Nobody"),
              IsError(fakeiam::ErrorCode::NoSuchEntity, 404));
  EXPECT_THAT(example::RotateAccessKey(iam, "Bob"), IsError(fakeiam::ErrorCode::LimitExceeded));
}

}  // namespace
