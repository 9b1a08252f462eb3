// Each injected effect rendered in the dialect of the request it hit: the same rule gives AWS
// clients an ErrorResponse and Huawei clients a v5 error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fakeiam/handler.hpp"
#include "xml_equivalence.hpp"

namespace fakeiam {
namespace {

using Json = nlohmann::json;
using ::testing::HasSubstr;
using testing_support::XmlText;

struct Expected {
  int aws_status;
  std::string aws_code;
  std::string aws_type;
  int huawei_status;
  std::string huawei_code;
};

class FaultDialectsTest : public ::testing::Test {
 protected:
  FaultDialectsTest() : store_(std::make_shared<Store>()), handler_(store_) {
    EXPECT_TRUE(store_->CreateUser("Bob").ok());
    key_ = store_->CreateAccessKey("Bob")->id;
  }

  // The same call, ListAccessKeys of Bob, in each dialect.
  HttpResponse Aws(const std::string& signer = "") {
    HttpRequest request;
    request.method = "POST";
    request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
    if (!signer.empty()) {
      request.headers.Add("Authorization", "AWS4-HMAC-SHA256 Credential=" + signer +
                                               "/20250101/us-east-1/iam/aws4_request, "
                                               "SignedHeaders=host, Signature=00");
    }
    request.body = "Action=ListAccessKeys&UserName=Bob&Version=2010-05-08";
    return handler_.Handle(request);
  }

  HttpResponse Huawei() {
    HttpRequest request;
    request.path = "/v5/users/" + store_->GetUser("Bob")->id + "/access-keys";
    return handler_.Handle(request);
  }

  void Inject(FaultRule rule) {
    store_->faults().Clear();
    ASSERT_TRUE(store_->faults().Add(rule.Times(2)).ok());
  }

  std::shared_ptr<Store> store_;
  Handler handler_;
  std::string key_;
};

TEST_F(FaultDialectsTest, EachEffectInBothDialects) {
  const std::vector<std::pair<FaultRule, Expected>> cases = {
      {FaultRule::For(Operation::ListAccessKeys).WithStatus(400),
       {400, "ValidationError", "Sender", 400, "IAM.0007"}},
      {FaultRule::For(Operation::ListAccessKeys).WithError(ErrorCode::InvalidInput),
       {400, "InvalidInput", "Sender", 400, "IAM.0007"}},
      {FaultRule::For(Operation::ListAccessKeys).WithError(ErrorCode::Throttling),
       {400, "Throttling", "Sender", 429, "APIGW.0308"}},
      {FaultRule::For(Operation::ListAccessKeys).WithStatus(403),
       {403, "AccessDenied", "Sender", 403, "PAP5.0001"}},
      {FaultRule::For(Operation::ListAccessKeys).WithStatus(404),
       {404, "NoSuchEntity", "Sender", 404, "IAM.0004"}},
      {FaultRule::For(Operation::ListAccessKeys).WithStatus(409),
       {409, "LimitExceeded", "Sender", 409, "PAP5.0003"}},
      {FaultRule::For(Operation::ListAccessKeys).WithStatus(500),
       {500, "ServiceFailure", "Receiver", 500, "PAP5.0500"}},
      {FaultRule::For(Operation::ListAccessKeys).WithStatus(503),
       {503, "ServiceUnavailable", "Receiver", 503, "PAP5.0503"}},
      {FaultRule::For(Operation::ListAccessKeys)
           .WithStatus(409)
           .WithCode("Busy")
           .WithMessage("busy now"),
       {409, "Busy", "Sender", 409, "Busy"}},
  };
  for (const auto& [rule, expected] : cases) {
    SCOPED_TRACE(expected.aws_code);
    Inject(rule);
    const HttpResponse aws = Aws();
    EXPECT_EQ(aws.status, expected.aws_status);
    EXPECT_EQ(XmlText(aws.body, "Code"), expected.aws_code);
    EXPECT_EQ(XmlText(aws.body, "Type"), expected.aws_type);
    EXPECT_EQ(aws.headers.Get("x-amzn-RequestId"), XmlText(aws.body, "RequestId"));
    const HttpResponse huawei = Huawei();
    EXPECT_EQ(huawei.status, expected.huawei_status);
    const Json body = Json::parse(huawei.body);
    EXPECT_EQ(body["error_code"], expected.huawei_code);
    EXPECT_EQ(body["request_id"], *huawei.headers.Get("X-Request-Id"));
    EXPECT_EQ(body.contains("encoded_authorization_message"), expected.huawei_status == 403);
  }
}

TEST_F(FaultDialectsTest, MessagesNameTheCallerTheActionAndTheResource) {
  Inject(FaultRule::For(Operation::ListAccessKeys).WithStatus(403));
  EXPECT_EQ(XmlText(Aws(key_).body, "Message"),
            "User: arn:aws:iam::123456789012:user/Bob is not authorized to perform: "
            "iam:ListAccessKeys on resource: user Bob");
  EXPECT_THAT(Json::parse(Huawei().body)["error_msg"].get<std::string>(),
              HasSubstr("access denied: User: iam::123456789012:root is not authorized to "
                        "perform: iam:credentials:listCredentialsV5"));

  Inject(FaultRule::For(Operation::ListAccessKeys).WithStatus(404));
  EXPECT_EQ(XmlText(Aws().body, "Message"), "The user with name Bob cannot be found.");
  EXPECT_EQ(Json::parse(Huawei().body)["error_msg"],
            "Could not find user: " + store_->GetUser("Bob")->id);
}

TEST_F(FaultDialectsTest, CallersKeyMatchesTheSigningKey) {
  Inject(FaultRule::ForAnyOperation().FromCaller(key_).WithStatus(503));
  EXPECT_EQ(Aws().status, 200);
  EXPECT_EQ(Aws(key_).status, 503);
  const auto log = store_->faults().Log();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].caller_access_key_id, key_);
  EXPECT_EQ(log[0].dialect, Cloud::Aws);
}

TEST_F(FaultDialectsTest, TheLogCarriesEachResponsesRequestId) {
  Inject(FaultRule::For(Operation::ListAccessKeys).WithStatus(503));
  const HttpResponse aws = Aws();
  const HttpResponse huawei = Huawei();
  const auto log = store_->faults().Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].request_id, *aws.headers.Get("x-amzn-RequestId"));
  EXPECT_EQ(log[1].request_id, *huawei.headers.Get("X-Request-Id"));
  EXPECT_EQ(log[1].dialect, Cloud::Huawei);
}

TEST_F(FaultDialectsTest, TheLogRecordsTheStatusTheClientGot) {
  // Throttling is 400 in AWS and 429 in Huawei: each log entry has its own dialect's.
  Inject(FaultRule::For(Operation::ListAccessKeys).WithError(ErrorCode::Throttling));
  EXPECT_EQ(Aws().status, 400);
  EXPECT_EQ(Huawei().status, 429);
  const auto log = store_->faults().Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].http_status, 400);
  EXPECT_EQ(log[1].http_status, 429);
}

TEST_F(FaultDialectsTest, HuaweiLastUsedMatchesTheUserInThePath) {
  ASSERT_TRUE(store_->CreateUser("Alice").ok());
  const std::string alice = store_->GetUser("Alice")->id;
  Inject(FaultRule::For(Operation::GetAccessKeyLastUsed).OnUser(alice).WithStatus(503));
  HttpRequest request;
  // Bob's key, asked for under Alice's path: the rule on Alice decides.
  request.path = "/v5/users/" + alice + "/access-keys/" + key_ + "/last-used";
  EXPECT_EQ(handler_.Handle(request).status, 503);
  store_->faults().Clear();
  EXPECT_EQ(handler_.Handle(request).status, 404);  // not Alice's key
}

TEST_F(FaultDialectsTest, DroppedConnectionsAreFlaggedForTheTransport) {
  Inject(FaultRule::For(Operation::ListAccessKeys).DropConnection());
  EXPECT_TRUE(Aws().drop_connection);
  EXPECT_TRUE(Huawei().drop_connection);
  EXPECT_FALSE(Aws().drop_connection);  // Times(2) is spent
  // Nothing was answered: the log has no code or status for a drop.
  const auto log = store_->faults().Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_TRUE(log[0].dropped_connection);
  EXPECT_EQ(log[0].error_code, "");
  EXPECT_EQ(log[0].http_status, 0);
}

TEST_F(FaultDialectsTest, AnInjectedNotFoundOnLastUsedIsNotTurnedIntoAccessDenied) {
  // Without a fault, AWS answers a missing key on GetAccessKeyLastUsed with AccessDenied; a rule
  // that asks for NoSuchEntity gets NoSuchEntity.
  Inject(FaultRule::For(Operation::GetAccessKeyLastUsed).WithStatus(404));
  HttpRequest request;
  request.method = "POST";
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
  request.body = "Action=GetAccessKeyLastUsed&AccessKeyId=" + key_ + "&Version=2010-05-08";
  const HttpResponse response = handler_.Handle(request);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(XmlText(response.body, "Code"), "NoSuchEntity");
}

}  // namespace
}  // namespace fakeiam
