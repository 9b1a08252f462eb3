// A consumer's test with fakeiam's GoogleTest helpers: a fresh fake per test, and matchers.
#include <fakeiam/gtest.hpp>

namespace {

using fakeiam::testing::HasAwsKeyId;
using fakeiam::testing::IsOk;
using fakeiam::testing::IsOkAndHolds;

class ConsumerTest : public fakeiam::testing::FakeIamTest {};

TEST_F(ConsumerTest, CreatesAKey) {
  ASSERT_THAT(store().CreateUser("Bob"), IsOk());
  EXPECT_THAT(api().CreateAccessKey("Bob"), IsOkAndHolds(HasAwsKeyId()));
}

}  // namespace
