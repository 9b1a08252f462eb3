// MockAccessKeyApi: interactions verified with EXPECT_CALL while a fake keeps the state real.
#include <gtest/gtest-spi.h>

#include "fakeiam/gtest.hpp"

namespace fakeiam::testing {
namespace {

using ::testing::_;
using ::testing::NiceMock;
using ::testing::Return;
using ::testing::StrictMock;

class MockTest : public FakeIamTest {
 protected:
  void SetUp() override { ASSERT_THAT(store().CreateUser("Bob"), IsOk()); }
};

TEST_F(MockTest, CallsWithoutAnActionAreAnsweredByTheFake) {
  NiceMock<MockAccessKeyApi> iam(api());
  EXPECT_CALL(iam, CreateAccessKey("Bob")).Times(2);
  const Result<AccessKey> first = iam.CreateAccessKey("Bob");
  const Result<AccessKey> second = iam.CreateAccessKey("Bob");
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(second, IsOk());
  EXPECT_THAT(store(), HoldsExactlyKeys("Bob", std::vector<std::string>{first->id, second->id}));
  EXPECT_THAT(iam.ListAccessKeys("Bob"), IsOkAndHolds(::testing::SizeIs(2)));
}

TEST_F(MockTest, ATestCanOverrideOneCallAndKeepTheRest) {
  StrictMock<MockAccessKeyApi> iam(api());
  EXPECT_CALL(iam, CreateAccessKey("Bob"))
      .WillOnce(Return(Error::Make(ErrorCode::ServiceUnavailable, "try later")))
      .WillRepeatedly(::testing::DoDefault());
  EXPECT_THAT(iam.CreateAccessKey("Bob"), IsError(ErrorCode::ServiceUnavailable));
  EXPECT_THAT(iam.CreateAccessKey("Bob"), IsOk());
  EXPECT_EQ(store().FindAccessKeys("Bob")->size(), 1u);
}

TEST_F(MockTest, EveryMethodDelegates) {
  NiceMock<MockAccessKeyApi> iam(api());
  const Result<AccessKey> key = iam.CreateAccessKey("Bob");
  ASSERT_THAT(key, IsOk());
  EXPECT_THAT(iam.UpdateAccessKey("Bob", key->id, KeyStatus::Inactive), IsOk());
  EXPECT_EQ(store().FindAccessKeys("Bob")->at(0).status, KeyStatus::Inactive);
  EXPECT_THAT(iam.GetAccessKeyLastUsed(key->id), IsOk());
  EXPECT_THAT(iam.DeleteAccessKey("Bob", key->id), IsOk());
  EXPECT_THAT(iam.DeleteAccessKey("Bob", key->id), IsError(ErrorCode::NoSuchEntity));
}

TEST_F(MockTest, AnUnexpectedCallIsReported) {
  ::testing::StrictMock<MockAccessKeyApi> iam(api());
  EXPECT_CALL(iam, CreateAccessKey(_)).Times(0);
  EXPECT_NONFATAL_FAILURE(iam.CreateAccessKey("Bob"), "Expected: to be never called");
}

}  // namespace
}  // namespace fakeiam::testing
