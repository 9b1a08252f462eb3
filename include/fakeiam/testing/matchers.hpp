// gMock matchers that read like the domain:
//
//   EXPECT_THAT(store.CreateAccessKey("Bob"), IsOkAndHolds(AllOf(HasStatus(KeyStatus::Active),
//                                                              OwnedBy("Bob"), HasAwsKeyId())));
//   EXPECT_THAT(store.DeleteUser("Bob"), IsError(ErrorCode::DeleteConflict, 409));
//   EXPECT_THAT(store, HoldsExactlyKeys("Bob", {old_key.id, new_key.id}));
//   EXPECT_THAT(response, IsAwsError("NoSuchEntity"));      // an HttpResponse (or anything with
//   EXPECT_THAT(response, IsV5Error("IAM.0004"));           // .status and .body)
//
// Each explains a mismatch in words ("failed with NoSuchEntity (HTTP 404): ..."). (Explanations
// go through the listener's operator<<: its stream() is null when nobody listens.)
#ifndef FAKEIAM_TESTING_MATCHERS_HPP_
#define FAKEIAM_TESTING_MATCHERS_HPP_

#include <gmock/gmock.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/store.hpp"
#include "fakeiam/testing/printers.hpp"

namespace fakeiam::testing {
namespace detail {

inline const Error* ErrorOf(const Error& error) { return &error; }
template <typename T>
const Error* ErrorOf(const Result<T>& result) {
  return result.ok() ? nullptr : &result.error();
}

// Whether `id` has the shape each cloud gives its access key ids.
bool IsAwsAccessKeyId(std::string_view id);
bool IsHuaweiAccessKeyId(std::string_view id);

// The `<Code>` of an AWS ErrorResponse, or "" when `body` is not one.
std::string AwsErrorCode(std::string_view body);
// The `error_code` of a Huawei v5 error body, or "" when `body` is not one.
std::string V5ErrorCode(std::string_view body);

// The ids of the user's keys, or nothing when there is no such user. Reads the store without
// going through its fault rules, so that an assertion never trips or spends one.
std::optional<std::vector<std::string>> KeyIdsOf(const Store& store, const std::string& user_name);

}  // namespace detail

// A Result that succeeded.
MATCHER(IsOk, negation ? "failed" : "succeeded") {
  if (arg.ok()) return true;
  *result_listener << "failed with ";
  *result_listener << ::testing::PrintToString(arg.error());
  return false;
}

namespace detail {

// IsOkAndHolds for one Result<T>: a polymorphic matcher needs the value's type to describe the
// inner matcher.
template <typename ResultType>
class IsOkAndHoldsImpl : public ::testing::MatcherInterface<const ResultType&> {
 public:
  using Value = typename ResultType::value_type;

  template <typename InnerMatcher>
  explicit IsOkAndHoldsImpl(InnerMatcher&& inner)
      : inner_(::testing::SafeMatcherCast<const Value&>(std::forward<InnerMatcher>(inner))) {}

  void DescribeTo(std::ostream* os) const override {
    *os << "succeeds with a value that ";
    inner_.DescribeTo(os);
  }
  void DescribeNegationTo(std::ostream* os) const override {
    *os << "fails, or succeeds with a value that ";
    inner_.DescribeNegationTo(os);
  }
  bool MatchAndExplain(const ResultType& result,
                       ::testing::MatchResultListener* listener) const override {
    if (!result.ok()) {
      *listener << "failed with ";
      *listener << ::testing::PrintToString(result.error());
      return false;
    }
    return inner_.MatchAndExplain(*result, listener);
  }

 private:
  ::testing::Matcher<const Value&> inner_;
};

template <typename InnerMatcher>
class IsOkAndHoldsMatcher {
 public:
  explicit IsOkAndHoldsMatcher(InnerMatcher inner) : inner_(std::move(inner)) {}
  template <typename ResultType>
  operator ::testing::Matcher<ResultType>() const {  // NOLINT: converts per Result type
    using Plain = std::decay_t<ResultType>;
    return ::testing::Matcher<ResultType>(new IsOkAndHoldsImpl<Plain>(inner_));
  }

 private:
  InnerMatcher inner_;
};

}  // namespace detail

// A Result that succeeded with a value `matcher` accepts.
template <typename InnerMatcher>
detail::IsOkAndHoldsMatcher<std::decay_t<InnerMatcher>> IsOkAndHolds(InnerMatcher&& matcher) {
  return detail::IsOkAndHoldsMatcher<std::decay_t<InnerMatcher>>(
      std::forward<InnerMatcher>(matcher));
}

// An Error, or a Result that failed, with this code (and HTTP status).
MATCHER_P(IsError, code,
          std::string(negation ? "isn't" : "is") + " an error " + std::string(ToString(code))) {
  const Error* error = detail::ErrorOf(arg);
  if (!error) {
    *result_listener << "succeeded";
    return false;
  }
  *result_listener << "is ";
  *result_listener << ::testing::PrintToString(*error);
  return error->code == code;
}

MATCHER_P2(IsError, code, http_status,
           std::string(negation ? "isn't" : "is") + " an error " + std::string(ToString(code)) +
               " with HTTP status " + std::to_string(http_status)) {
  const Error* error = detail::ErrorOf(arg);
  if (!error) {
    *result_listener << "succeeded";
    return false;
  }
  *result_listener << "is ";
  *result_listener << ::testing::PrintToString(*error);
  return error->code == code && error->http_status == http_status;
}

// An Error, or a failed Result, whose HTTP status is `http_status`.
MATCHER_P(HasHttpStatus, http_status,
          std::string(negation ? "doesn't have" : "has") + " HTTP status " +
              std::to_string(http_status)) {
  const Error* error = detail::ErrorOf(arg);
  if (!error) {
    *result_listener << "succeeded";
    return false;
  }
  *result_listener << "has HTTP status " << error->http_status;
  return error->http_status == http_status;
}

// An AccessKey with this status.
MATCHER_P(HasStatus, status,
          std::string(negation ? "isn't " : "is ") + std::string(ToString(status))) {
  *result_listener << "is " << ToString(arg.status);
  return arg.status == status;
}

// An AccessKey of this user ("" for the account root).
MATCHER_P(OwnedBy, user_name,
          std::string(negation ? "isn't" : "is") + " owned by " + std::string(user_name)) {
  *result_listener << "is owned by "
                   << (arg.user_name.empty() ? "the account root" : arg.user_name);
  return arg.user_name == user_name;
}

// An AccessKey whose id has AWS's shape: "AKIA" and 16 characters of A-Z2-7.
MATCHER(HasAwsKeyId, std::string(negation ? "doesn't have" : "has") + " an AWS access key id") {
  *result_listener << "has id " << arg.id;
  return detail::IsAwsAccessKeyId(arg.id);
}

// An AccessKey whose id has Huawei's shape: 20 characters of A-Z0-9.
MATCHER(HasHuaweiKeyId,
        std::string(negation ? "doesn't have" : "has") + " a Huawei access key id") {
  *result_listener << "has id " << arg.id;
  return detail::IsHuaweiAccessKeyId(arg.id);
}

// A Store in which the user holds exactly these keys, in any order.
MATCHER_P2(HoldsExactlyKeys, user_name, key_ids,
           std::string(negation ? "doesn't hold" : "holds") + " exactly " +
               ::testing::PrintToString(key_ids) + " for " + std::string(user_name)) {
  const std::optional<std::vector<std::string>> held = detail::KeyIdsOf(arg, user_name);
  if (!held) {
    *result_listener << "has no user " << user_name;
    return false;
  }
  *result_listener << "holds " << ::testing::PrintToString(*held);
  std::vector<std::string> want(key_ids.begin(), key_ids.end());
  std::vector<std::string> have = *held;
  std::sort(want.begin(), want.end());
  std::sort(have.begin(), have.end());
  return want == have;
}

// An HTTP response (anything with .status and .body) that is an AWS ErrorResponse with this code.
MATCHER_P(IsAwsError, code, std::string(negation ? "isn't" : "is") + " an AWS error " + code) {
  const std::string got = detail::AwsErrorCode(arg.body);
  if (got.empty()) {
    *result_listener << "is HTTP " << arg.status << " without an AWS ErrorResponse";
  } else {
    *result_listener << "is AWS error " << got << " (HTTP " << arg.status << ")";
  }
  return got == code && arg.status >= 400;
}

// An HTTP response (anything with .status and .body) that is a Huawei v5 error with this code.
MATCHER_P(IsV5Error, code, std::string(negation ? "isn't" : "is") + " a Huawei v5 error " + code) {
  const std::string got = detail::V5ErrorCode(arg.body);
  if (got.empty()) {
    *result_listener << "is HTTP " << arg.status << " without a v5 error body";
  } else {
    *result_listener << "is v5 error " << got << " (HTTP " << arg.status << ")";
  }
  return got == code && arg.status >= 400;
}

}  // namespace fakeiam::testing

#endif  // FAKEIAM_TESTING_MATCHERS_HPP_
