// A retry loop under test: the fake fails the first attempt with a 503, once; the test checks
// that the code retried, that the retry succeeded and that the failed attempt left nothing behind.
#include <fakeiam/gtest.hpp>

namespace {

using fakeiam::ErrorCode;
using fakeiam::FaultRule;
using fakeiam::Operation;
using fakeiam::testing::IsOk;

// The code under test: creates a key, retrying while the service says to try again.
fakeiam::Result<fakeiam::AccessKey> CreateKeyWithRetry(fakeiam::AccessKeyApi& iam,
                                                       const std::string& user, int attempts) {
  for (int attempt = 1;; ++attempt) {
    fakeiam::Result<fakeiam::AccessKey> key = iam.CreateAccessKey(user);
    const bool transient =
        !key.ok() && (key.error().http_status >= 500 || key.error().code == ErrorCode::Throttling);
    if (key.ok() || !transient || attempt == attempts) return key;
  }
}

class RetryTest : public fakeiam::testing::FakeIamTest {
 protected:
  void SetUp() override { ASSERT_THAT(store().CreateUser("Bob"), IsOk()); }
};

TEST_F(RetryTest, RetriesOnceAfterA503) {
  ASSERT_THAT(
      store().faults().Add(FaultRule::For(Operation::CreateAccessKey).WithStatus(503).Once()),
      IsOk());
  EXPECT_THAT(CreateKeyWithRetry(api(), "Bob", 3), IsOk());
  ASSERT_EQ(store().faults().Log().size(), 1u);
  EXPECT_EQ(store().faults().Log()[0].http_status, 503);
  EXPECT_EQ(store().FindAccessKeys("Bob")->size(), 1u);  // the failed attempt made no key
}

TEST_F(RetryTest, GivesUpAfterItsAttempts) {
  ASSERT_THAT(store().faults().Add(FaultRule::For(Operation::CreateAccessKey).WithStatus(503)),
              IsOk());
  EXPECT_THAT(CreateKeyWithRetry(api(), "Bob", 3),
              fakeiam::testing::IsError(ErrorCode::ServiceUnavailable, 503));
  EXPECT_EQ(store().faults().Log().size(), 3u);
}

TEST_F(RetryTest, DoesNotRetryWhatWillNotChange) {
  ASSERT_THAT(store().faults().Add(FaultRule::For(Operation::CreateAccessKey).WithStatus(403)),
              IsOk());
  EXPECT_THAT(CreateKeyWithRetry(api(), "Bob", 3),
              fakeiam::testing::IsError(ErrorCode::AccessDenied, 403));
  EXPECT_EQ(store().faults().Log().size(), 1u);
}

}  // namespace
