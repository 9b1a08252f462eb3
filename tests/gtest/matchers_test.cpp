// fakeiam's gMock matchers: each accepts what it should, rejects what it should, and explains a
// rejection in words a person can act on.
#include <gtest/gtest-spi.h>

#include "fakeiam/gtest.hpp"

namespace fakeiam::testing {
namespace {

using ::testing::AllOf;
using ::testing::DescribeMatcher;
using ::testing::ExplainMatchResult;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StringMatchResultListener;

// The explanation a matcher gives for `value`, and whether it matched.
template <typename Value, typename Matcher>
std::pair<bool, std::string> Explain(const Matcher& matcher, const Value& value) {
  StringMatchResultListener listener;
  const bool matched = ExplainMatchResult(matcher, value, &listener);
  return {matched, listener.str()};
}

class MatchersTest : public FakeIamTest {
 protected:
  void SetUp() override {
    ASSERT_THAT(store().CreateUser("Bob"), IsOk());
    key_ = *store().CreateAccessKey("Bob");
  }
  AccessKey key_;
};

TEST_F(MatchersTest, IsOkAndIsError) {
  const Result<User> missing = store().GetUser("Nobody");
  EXPECT_THAT(store().GetUser("Bob"), IsOk());
  EXPECT_THAT(missing, Not(IsOk()));
  EXPECT_THAT(missing, IsError(ErrorCode::NoSuchEntity));
  EXPECT_THAT(missing, IsError(ErrorCode::NoSuchEntity, 404));
  EXPECT_THAT(missing.error(), IsError(ErrorCode::NoSuchEntity));
  EXPECT_THAT(missing, HasHttpStatus(404));

  const auto [ok_matched, ok_why] = Explain(IsOk(), missing);
  EXPECT_FALSE(ok_matched);
  EXPECT_EQ(ok_why,
            "failed with NoSuchEntity (HTTP 404): \"The user with name Nobody cannot be found.\"");
  const auto [error_matched, error_why] = Explain(IsError(ErrorCode::LimitExceeded), missing);
  EXPECT_FALSE(error_matched);
  EXPECT_THAT(error_why, HasSubstr("is NoSuchEntity (HTTP 404)"));
  EXPECT_FALSE(Explain(IsError(ErrorCode::NoSuchEntity, 409), missing).first);
  EXPECT_EQ(Explain(IsError(ErrorCode::NoSuchEntity), store().GetUser("Bob")).second, "succeeded");
  EXPECT_FALSE(Explain(HasHttpStatus(400), missing).first);
  EXPECT_EQ(DescribeMatcher<Result<User>>(IsError(ErrorCode::NoSuchEntity, 404)),
            "is an error NoSuchEntity with HTTP status 404");
}

TEST_F(MatchersTest, IsOkAndHoldsAppliesAMatcherToTheValue) {
  EXPECT_THAT(store().CreateAccessKey("Bob"),
              IsOkAndHolds(AllOf(HasStatus(KeyStatus::Active), OwnedBy("Bob"), HasAwsKeyId())));
  EXPECT_THAT(store().CreateAccessKey("Bob"), Not(IsOkAndHolds(OwnedBy("Bob"))));  // over quota
  const auto [matched, why] =
      Explain(IsOkAndHolds(HasStatus(KeyStatus::Inactive)), Result<AccessKey>(key_));
  EXPECT_FALSE(matched);
  EXPECT_EQ(why, "is Active");
  EXPECT_EQ(DescribeMatcher<Result<AccessKey>>(IsOkAndHolds(HasStatus(KeyStatus::Active))),
            "succeeds with a value that is Active");
  EXPECT_EQ(Explain(IsOkAndHolds(OwnedBy("Bob")), store().CreateAccessKey("Nobody")).second,
            "failed with NoSuchEntity (HTTP 404): \"The user with name Nobody cannot be found.\"");
}

TEST_F(MatchersTest, KeyMatchers) {
  EXPECT_THAT(key_, HasStatus(KeyStatus::Active));
  EXPECT_THAT(key_, Not(HasStatus(KeyStatus::Expired)));
  EXPECT_THAT(key_, OwnedBy("Bob"));
  EXPECT_EQ(Explain(OwnedBy("Alice"), key_).second, "is owned by Bob");
  EXPECT_THAT(key_, HasAwsKeyId());
  // An AWS id has Huawei's shape too (20 of A-Z0-9); the reverse does not hold.
  AccessKey huawei = key_;
  huawei.id = "QTWAOYTTINDUT2QVKYUC";
  EXPECT_THAT(huawei, HasHuaweiKeyId());
  EXPECT_THAT(huawei, Not(HasAwsKeyId()));
  for (const char* bad : {"QTWAOYTTINDUT2QVKYU", "qtwaoyttindut2qvkyuc", "QTWAOYTTINDUT2QVKYUC1"}) {
    huawei.id = bad;
    EXPECT_THAT(huawei, Not(HasHuaweiKeyId())) << bad;
  }
  for (const char* bad : {"AKIAIOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPLE1", "ASIAIOSFODNN7EXAMPLE",
                          "AKIAiosfodnn7example", "AKIAIOSFODNN7EXAMPL1"}) {
    AccessKey other = key_;
    other.id = bad;
    EXPECT_THAT(other, Not(HasAwsKeyId())) << bad;
  }
  AccessKey root = key_;
  root.user_name = "";
  EXPECT_EQ(Explain(OwnedBy("Bob"), root).second, "is owned by the account root");
}

TEST_F(MatchersTest, HoldsExactlyKeys) {
  const AccessKey second = *store().CreateAccessKey("Bob");
  EXPECT_THAT(store(), HoldsExactlyKeys("Bob", std::vector<std::string>{second.id, key_.id}));
  EXPECT_THAT(store(), Not(HoldsExactlyKeys("Bob", std::vector<std::string>{key_.id})));
  const auto [matched, why] = Explain(HoldsExactlyKeys("Bob", std::vector<std::string>{}), store());
  EXPECT_FALSE(matched);
  EXPECT_EQ(why, "holds { \"" + key_.id + "\", \"" + second.id + "\" }");
  EXPECT_EQ(Explain(HoldsExactlyKeys("Nobody", std::vector<std::string>{}), store()).second,
            "has no user Nobody");
}

TEST_F(MatchersTest, HoldsExactlyKeysNeverTripsAFaultRule) {
  ASSERT_THAT(store().faults().Add(FaultRule::ForAnyOperation().WithStatus(500).Once()), IsOk());
  EXPECT_THAT(store(), HoldsExactlyKeys("Bob", std::vector<std::string>{key_.id}));
  EXPECT_THAT(store().faults().Rules()[0].matched, 0u);
}

TEST_F(MatchersTest, WireErrorMatchers) {
  HttpRequest aws;
  aws.method = "POST";
  aws.body = "Action=GetUser&UserName=Nobody&Version=2010-05-08";
  const HttpResponse aws_error = handler().Handle(aws);
  EXPECT_THAT(aws_error, IsAwsError("NoSuchEntity"));
  EXPECT_THAT(aws_error, Not(IsAwsError("AccessDenied")));
  EXPECT_THAT(aws_error, Not(IsV5Error("IAM.0004")));
  EXPECT_EQ(Explain(IsAwsError("AccessDenied"), aws_error).second,
            "is AWS error NoSuchEntity (HTTP 404)");

  HttpRequest v5;
  v5.path = "/v5/users/0000/access-keys";
  const HttpResponse v5_error = handler().Handle(v5);
  EXPECT_THAT(v5_error, IsV5Error("IAM.0004"));
  EXPECT_THAT(v5_error, Not(IsAwsError("NoSuchEntity")));
  EXPECT_EQ(Explain(IsAwsError("NoSuchEntity"), v5_error).second,
            "is HTTP 404 without an AWS ErrorResponse");

  HttpRequest ok;
  ok.path = "/_fakeiam/health";
  EXPECT_THAT(handler().Handle(ok), Not(IsV5Error("IAM.0004")));
}

TEST_F(MatchersTest, AFailedExpectationReadsWell) {
  EXPECT_NONFATAL_FAILURE(
      EXPECT_THAT(store().GetUser("Nobody"), IsOk()),
      "Actual: failed: NoSuchEntity (HTTP 404): \"The user with name Nobody cannot be found.\"");
  EXPECT_NONFATAL_FAILURE(EXPECT_THAT(key_, HasStatus(KeyStatus::Inactive)),
                          "Expected: is Inactive\n  Actual: AccessKey{" + key_.id);
}

}  // namespace
}  // namespace fakeiam::testing
