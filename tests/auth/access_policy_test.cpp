// The OwnUserOnly access policy: a user's key manages only that user's keys, the root manages
// all, and a refusal is IAM's AccessDenied in each dialect's words.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeiam/handler.hpp"
#include "fakeiam/store.hpp"

namespace fakeiam {
namespace {

using ::testing::HasSubstr;

class AccessPolicyTest : public ::testing::Test {
 protected:
  explicit AccessPolicyTest(Cloud profile = Cloud::Aws) {
    StoreOptions options;
    options.profile = profile;
    options.access_policy = AccessPolicy::OwnUserOnly;
    store_ = std::make_shared<Store>(options);
    bob_ = *store_->CreateUser("Bob");
    alice_ = *store_->CreateUser("Alice");
    bobs_key_ = store_->CreateAccessKey("Bob")->id;
    alices_key_ = store_->CreateAccessKey("Alice")->id;
  }

  // A call as Bob's key makes it.
  CallContext AsBob(Cloud dialect = Cloud::Aws) const {
    CallContext context;
    context.dialect = dialect;
    context.caller_access_key_id = bobs_key_;
    context.caller_arn = bob_.arn;
    context.caller_user_name = bob_.name;
    return context;
  }

  std::shared_ptr<Store> store_;
  User bob_;
  User alice_;
  std::string bobs_key_;
  std::string alices_key_;
};

TEST_F(AccessPolicyTest, AUserManagesItsOwnKeysAndReadsItself) {
  EXPECT_TRUE(store_->CreateAccessKey("Bob", AsBob()).ok());
  EXPECT_TRUE(store_->ListAccessKeys("bob", {}, AsBob()).ok());  // names ignore case
  EXPECT_TRUE(store_->UpdateAccessKey("Bob", bobs_key_, KeyStatus::Inactive, AsBob()).ok());
  EXPECT_TRUE(store_->GetAccessKeyLastUsed(bobs_key_, AsBob()).ok());
  EXPECT_TRUE(store_->DeleteAccessKey("Bob", bobs_key_, AsBob()).ok());
  EXPECT_TRUE(store_->GetUser("Bob", AsBob()).ok());
}

TEST_F(AccessPolicyTest, AUserTouchesNoOneElseAndNoUserCall) {
  const std::string denied =
      "User: arn:aws:iam::123456789012:user/Bob is not authorized to perform: ";
  const auto refusal = [](auto result) -> Error {
    EXPECT_FALSE(result.ok());
    return result.ok() ? Error() : result.error();
  };
  const std::vector<std::pair<Error, std::string>> refusals = {
      {refusal(store_->CreateAccessKey("Alice", AsBob())),
       "iam:CreateAccessKey on resource: user Alice"},
      {refusal(store_->ListAccessKeys("Alice", {}, AsBob())),
       "iam:ListAccessKeys on resource: user Alice"},
      {refusal(store_->UpdateAccessKey("Alice", alices_key_, KeyStatus::Inactive, AsBob())),
       "iam:UpdateAccessKey on resource: user Alice"},
      {refusal(store_->DeleteAccessKey("Alice", alices_key_, AsBob())),
       "iam:DeleteAccessKey on resource: user Alice"},
      {refusal(store_->GetAccessKeyLastUsed(alices_key_, AsBob())),
       "iam:GetAccessKeyLastUsed on resource: user Alice"},
      {refusal(store_->ListAccessKeys(kAccountRoot, {}, AsBob())),
       "iam:ListAccessKeys on resource: arn:aws:iam::123456789012:root"},
      {refusal(store_->GetUser("Alice", AsBob())), "iam:GetUser on resource: user Alice"},
      {refusal(store_->CreateUser("Carol", "/", AsBob())),
       "iam:CreateUser on resource: user Carol"},
      {refusal(store_->DeleteUser("Alice", AsBob())), "iam:DeleteUser on resource: user Alice"},
      {refusal(store_->ListUsers("/", {}, AsBob())),
       "iam:ListUsers on resource: arn:aws:iam::123456789012:root"},
  };
  for (const auto& [error, what] : refusals) {
    EXPECT_EQ(error.code, ErrorCode::AccessDenied);
    EXPECT_EQ(error.http_status, 403);
    EXPECT_EQ(error.message, denied + what);
  }
  // Nothing changed.
  EXPECT_EQ(store_->FindAccessKeys("Alice")->size(), 1u);
  EXPECT_EQ(store_->FindAccessKeys("Alice")->front().status, KeyStatus::Active);
  EXPECT_FALSE(store_->FindUser("Carol"));
}

TEST_F(AccessPolicyTest, TheRootAndCallsWithoutACallerManageEveryone) {
  EXPECT_TRUE(store_->CreateAccessKey("Alice").ok());
  EXPECT_TRUE(store_->CreateUser("Carol").ok());
  CallContext root;
  root.caller_access_key_id = "AKIAROOTKEY";
  EXPECT_TRUE(store_->DeleteUser("Carol", root).ok());
}

TEST_F(AccessPolicyTest, OverTheWireBobsKeyCannotRotateAlicesKeys) {
  const Handler handler(store_);
  HttpRequest request;
  request.method = "POST";
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
  request.headers.Add("Authorization", "AWS4-HMAC-SHA256 Credential=" + bobs_key_ +
                                           "/20250101/us-east-1/iam/aws4_request, "
                                           "SignedHeaders=host, Signature=00");
  request.body = "Action=CreateAccessKey&UserName=Alice&Version=2010-05-08";
  const HttpResponse answer = handler.Handle(request);
  EXPECT_EQ(answer.status, 403);
  EXPECT_THAT(answer.body, HasSubstr("<Code>AccessDenied</Code>"));
  EXPECT_THAT(answer.body, HasSubstr("<Message>User: arn:aws:iam::123456789012:user/Bob is not "
                                     "authorized to perform: iam:CreateAccessKey on resource: "
                                     "user Alice</Message>"));
  request.body = "Action=CreateAccessKey&Version=2010-05-08";  // Bob's own, implicitly
  EXPECT_EQ(handler.Handle(request).status, 200);
}

class HuaweiAccessPolicyTest : public AccessPolicyTest {
 protected:
  HuaweiAccessPolicyTest() : AccessPolicyTest(Cloud::Huawei) {}
};

TEST_F(HuaweiAccessPolicyTest, OverTheWireBobsKeyCannotListAlicesKeys) {
  const Handler handler(store_);
  HttpRequest request;
  request.path = "/v5/users/" + alice_.id + "/access-keys";
  request.headers.Add("Authorization",
                      "SDK-HMAC-SHA256 Access=" + bobs_key_ + ", SignedHeaders=host, Signature=00");
  const HttpResponse answer = handler.Handle(request);
  EXPECT_EQ(answer.status, 403);
  EXPECT_THAT(answer.body, HasSubstr(R"("error_code":"PAP5.0001")"));
  EXPECT_THAT(answer.body, HasSubstr("is not authorized to perform: iam:credentials:"));
  EXPECT_THAT(answer.body, HasSubstr("\"encoded_authorization_message\""));
  request.path = "/v5/users/" + bob_.id + "/access-keys";
  EXPECT_EQ(handler.Handle(request).status, 200);
}

}  // namespace
}  // namespace fakeiam
