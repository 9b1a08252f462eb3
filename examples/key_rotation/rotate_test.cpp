// Unit tests of RotateAccessKey against fakeiam's in-process fake: a fresh, seeded store per
// test, real state, and a mock that delegates to the fake where an interaction must be checked.
#include "rotate.hpp"

#include <fakeiam/gtest.hpp>

namespace {

using fakeiam::KeyStatus;
using fakeiam::testing::FakeIamTest;
using fakeiam::testing::HasStatus;
using fakeiam::testing::HoldsExactlyKeys;
using fakeiam::testing::IsError;
using fakeiam::testing::IsOk;
using fakeiam::testing::IsOkAndHolds;
using fakeiam::testing::MockAccessKeyApi;
using ::testing::_;
using ::testing::NiceMock;

class RotateTest : public FakeIamTest {
 protected:
  void SetUp() override { ASSERT_THAT(store().CreateUser("Bob"), IsOk()); }
};

TEST_F(RotateTest, NewKeyIsActiveAndTheOldOneInactive) {
  const fakeiam::AccessKey old_key = *store().CreateAccessKey("Bob");
  const auto rotated = example::RotateAccessKey(api(), "Bob");
  ASSERT_THAT(rotated, IsOkAndHolds(HasStatus(KeyStatus::Active)));
  EXPECT_THAT(store(), HoldsExactlyKeys("Bob", std::vector<std::string>{old_key.id, rotated->id}));
  EXPECT_EQ(store().FindAccessKeys("Bob")->front().status, KeyStatus::Inactive);
}

TEST_F(RotateTest, AtTheQuotaTheInactiveKeyMakesRoom) {
  const fakeiam::AccessKey inactive = *store().CreateAccessKey("Bob");
  const fakeiam::AccessKey active = *store().CreateAccessKey("Bob");
  ASSERT_THAT(store().UpdateAccessKey("Bob", inactive.id, KeyStatus::Inactive), IsOk());
  // Check the interaction as well as the state: exactly that key is deleted.
  NiceMock<MockAccessKeyApi> iam(api());
  EXPECT_CALL(iam, DeleteAccessKey("Bob", inactive.id));
  const auto rotated = example::RotateAccessKey(iam, "Bob");
  ASSERT_THAT(rotated, IsOk());
  EXPECT_THAT(store(), HoldsExactlyKeys("Bob", std::vector<std::string>{active.id, rotated->id}));
}

TEST_F(RotateTest, TwoActiveKeysAreLeftAlone) {
  ASSERT_THAT(store().CreateAccessKey("Bob"), IsOk());
  ASSERT_THAT(store().CreateAccessKey("Bob"), IsOk());
  NiceMock<MockAccessKeyApi> iam(api());
  EXPECT_CALL(iam, DeleteAccessKey(_, _)).Times(0);
  EXPECT_CALL(iam, CreateAccessKey(_)).Times(0);
  EXPECT_THAT(example::RotateAccessKey(iam, "Bob"), IsError(fakeiam::ErrorCode::LimitExceeded));
}

TEST_F(RotateTest, AnUnknownUserIsReported) {
  EXPECT_THAT(example::RotateAccessKey(api(), "Nobody"),
              IsError(fakeiam::ErrorCode::NoSuchEntity, 404));
}

}  // namespace
