// A gMock double of AccessKeyApi whose calls, unless a test says otherwise, are answered by a
// fake (the gMock cookbook's "delegating calls to a fake"): EXPECT_CALL verifies an interaction
// while the state stays real.
//
//   FakeIam fake;
//   ::testing::NiceMock<MockAccessKeyApi> iam(fake.api());
//   EXPECT_CALL(iam, DeleteAccessKey("Bob", old_id));   // no action given: the fake answers
//   Rotate(iam, "Bob");
#ifndef FAKEIAM_TESTING_MOCK_ACCESS_KEY_API_HPP_
#define FAKEIAM_TESTING_MOCK_ACCESS_KEY_API_HPP_

#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "fakeiam/access_key_api.hpp"

namespace fakeiam::testing {

class MockAccessKeyApi : public AccessKeyApi {
 public:
  MockAccessKeyApi() = default;
  // Delegates every call to `fake` by default.
  explicit MockAccessKeyApi(AccessKeyApi& fake) { DelegateToFake(fake); }

  MOCK_METHOD(Result<AccessKey>, CreateAccessKey, (const std::string& user_name), (override));
  MOCK_METHOD(Result<std::vector<AccessKey>>, ListAccessKeys, (const std::string& user_name),
              (override));
  MOCK_METHOD(Result<void>, UpdateAccessKey,
              (const std::string& user_name, const std::string& access_key_id, KeyStatus status),
              (override));
  MOCK_METHOD(Result<void>, DeleteAccessKey,
              (const std::string& user_name, const std::string& access_key_id), (override));
  MOCK_METHOD(Result<AccessKeyLastUsed>, GetAccessKeyLastUsed, (const std::string& access_key_id),
              (override));

  // Makes `fake` answer every call that a later ON_CALL or EXPECT_CALL action does not. `fake`
  // must outlive the mock.
  void DelegateToFake(AccessKeyApi& fake) {
    using ::testing::_;
    ON_CALL(*this, CreateAccessKey(_)).WillByDefault([&fake](const std::string& user) {
      return fake.CreateAccessKey(user);
    });
    ON_CALL(*this, ListAccessKeys(_)).WillByDefault([&fake](const std::string& user) {
      return fake.ListAccessKeys(user);
    });
    ON_CALL(*this, UpdateAccessKey(_, _, _))
        .WillByDefault([&fake](const std::string& user, const std::string& id, KeyStatus status) {
          return fake.UpdateAccessKey(user, id, status);
        });
    ON_CALL(*this, DeleteAccessKey(_, _))
        .WillByDefault([&fake](const std::string& user, const std::string& id) {
          return fake.DeleteAccessKey(user, id);
        });
    ON_CALL(*this, GetAccessKeyLastUsed(_)).WillByDefault([&fake](const std::string& id) {
      return fake.GetAccessKeyLastUsed(id);
    });
  }
};

}  // namespace fakeiam::testing

#endif  // FAKEIAM_TESTING_MOCK_ACCESS_KEY_API_HPP_
