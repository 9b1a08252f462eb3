// Strict authentication through the handler: what each cloud refuses, in its words, and what it
// lets in. Requests are signed with fakeiam's signers, which the public SigV4 suite and the
// Huawei SDK's own signatures check (sigv4_signing_test, sdk_hmac_signing_test).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/sigv4_signing.hpp"
#include "fakeiam/handler.hpp"
#include "huawei/sdk_hmac_signing.hpp"

namespace fakeiam {
namespace {

using ::testing::HasSubstr;

constexpr char kDate[] = "20250101T000000Z";
const Credentials kRoot{"AKIAROOTBOOTSTRAP000", "root-secret-for-tests", ""};

HttpRequest SignedAws(const std::string& form, const Credentials& credentials,
                      const std::string& date = kDate, const std::string& region = "us-east-1",
                      const std::string& service = "iam") {
  HttpRequest request;
  request.method = "POST";
  request.headers.Add("Host", "127.0.0.1:40000");
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.body = form + "&Version=2010-05-08";
  if (!credentials.empty()) internal::SignSigV4(request, credentials, date, region, service);
  return request;
}

std::string AwsCode(const HttpResponse& response) {
  const std::size_t start = response.body.find("<Code>");
  if (start == std::string::npos) return "";
  const std::size_t end = response.body.find("</Code>", start);
  return response.body.substr(start + 6, end - start - 6);
}

class StrictAuthTest : public ::testing::Test {
 protected:
  StrictAuthTest() {
    StoreOptions options;
    options.clock = clock_;
    store_ = std::make_shared<Store>(options);
    EXPECT_TRUE(store_->CreateUser("Bob").ok());
    const AccessKey key = *store_->CreateAccessKey("Bob");
    bob_ = {key.id, key.secret, ""};
    HandlerOptions handling;
    handling.auth.strict = true;
    handling.auth.root_credentials = {kRoot};
    handler_ = std::make_unique<Handler>(store_, handling);
  }

  HttpResponse Aws(const HttpRequest& request) { return handler_->Handle(request); }
  bool BobsKeyWasUsed() const {
    return store_->GetAccessKeyLastUsed(bob_.access_key_id)->last_used.has_value();
  }

  std::shared_ptr<ManualClock> clock_ =
      std::make_shared<ManualClock>(*ParseIso8601("2025-01-01T00:00:00Z"));
  std::shared_ptr<Store> store_;
  Credentials bob_;
  std::unique_ptr<Handler> handler_;
};

TEST_F(StrictAuthTest, ASignatureMadeWithTheIssuedSecretIsAccepted) {
  const HttpResponse answer = Aws(SignedAws("Action=ListAccessKeys", bob_));
  EXPECT_EQ(answer.status, 200) << answer.body;
  EXPECT_THAT(answer.body, HasSubstr("<UserName>Bob</UserName>"));  // Bob's, implicitly
  EXPECT_TRUE(BobsKeyWasUsed());
}

TEST_F(StrictAuthTest, ABootstrapRootKeySignsAsTheRoot) {
  const HttpResponse answer = Aws(SignedAws("Action=CreateUser&UserName=Alice", kRoot));
  EXPECT_EQ(answer.status, 200) << answer.body;
  EXPECT_TRUE(store_->FindUser("Alice"));
}

struct Refusal {
  const char* name;
  std::function<HttpRequest(const Credentials& bob)> request;
  int status;
  const char* code;
  const char* message;
};

class AwsRefusalTest : public StrictAuthTest, public ::testing::WithParamInterface<Refusal> {};

TEST_P(AwsRefusalTest, IsRefusedAsIamRefusesIt) {
  const HttpResponse answer = Aws(GetParam().request(bob_));
  EXPECT_EQ(answer.status, GetParam().status);
  EXPECT_EQ(AwsCode(answer), GetParam().code);
  EXPECT_THAT(answer.body, HasSubstr(std::string("<Message>") + GetParam().message));
  EXPECT_FALSE(BobsKeyWasUsed());  // a refused request is no use of the key
  EXPECT_FALSE(store_->FindUser("Carol"));
}

const char kMismatch[] =
    "The request signature we calculated does not match the signature you provided. Check your "
    "AWS Secret Access Key and signing method. Consult the service documentation for details.";
const char kInvalidKey[] = "The security token included in the request is invalid.";
constexpr char kCreateCarol[] = "Action=CreateUser&UserName=Carol";

INSTANTIATE_TEST_SUITE_P(
    Cases, AwsRefusalTest,
    ::testing::Values(
        Refusal{"Unsigned", [](const Credentials&) { return SignedAws(kCreateCarol, {}); }, 403,
                "MissingAuthenticationToken", "Request is missing Authentication Token"},
        Refusal{"UnknownKey",
                [](const Credentials&) {
                  return SignedAws(kCreateCarol, {"AKIAUNKNOWNKEY000000", "secret", ""});
                },
                403, "InvalidClientTokenId", kInvalidKey},
        Refusal{"WrongSecret",
                [](const Credentials& bob) {
                  return SignedAws(kCreateCarol, {bob.access_key_id, "not-the-secret", ""});
                },
                403, "SignatureDoesNotMatch", kMismatch},
        Refusal{"BodyChangedAfterSigning",
                [](const Credentials& bob) {
                  HttpRequest request = SignedAws(kCreateCarol, bob);
                  request.body += "&Path=%2Fevil%2F";
                  return request;
                },
                403, "SignatureDoesNotMatch", kMismatch},
        Refusal{"HostChangedAfterSigning",
                [](const Credentials& bob) {
                  HttpRequest request = SignedAws(kCreateCarol, bob);
                  request.headers.Set("Host", "127.0.0.1:40001");
                  return request;
                },
                403, "SignatureDoesNotMatch", kMismatch},
        Refusal{"ForeignSessionToken",
                [](const Credentials& bob) {
                  return SignedAws(kCreateCarol, {bob.access_key_id, bob.secret_access_key,
                                                  "a-token-fakeiam-never-issued"});
                },
                403, "InvalidClientTokenId", kInvalidKey},
        Refusal{
            "AnotherRegion",
            [](const Credentials& bob) { return SignedAws(kCreateCarol, bob, kDate, "eu-west-1"); },
            403, "SignatureDoesNotMatch", "Credential should be scoped to a valid region."},
        Refusal{"AnotherService",
                [](const Credentials& bob) {
                  return SignedAws(kCreateCarol, bob, kDate, "us-east-1", "sts");
                },
                403, "SignatureDoesNotMatch",
                "Credential should be scoped to correct service: 'iam'."},
        Refusal{"ScopeOfAnotherDay",
                [](const Credentials& bob) {
                  HttpRequest request = SignedAws(kCreateCarol, bob);
                  request.headers.Set("X-Amz-Date", "20250102T000000Z");
                  return request;
                },
                403, "SignatureDoesNotMatch",
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                "from HTTP: '20250101' != '20250102', from '20250102T000000Z'."},
        Refusal{"NoDate",
                [](const Credentials& bob) {
                  HttpRequest request = SignedAws(kCreateCarol, bob);
                  Headers without;
                  for (const auto& [name, value] : request.headers) {
                    if (name != "X-Amz-Date") without.Add(name, value);
                  }
                  request.headers = without;
                  return request;
                },
                400, "IncompleteSignature",
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
                "header."}),
    [](const ::testing::TestParamInfo<Refusal>& info) { return info.param.name; });

TEST_F(StrictAuthTest, InactiveAndDeletedKeysAreRefused) {
  ASSERT_TRUE(store_->UpdateAccessKey("Bob", bob_.access_key_id, KeyStatus::Inactive).ok());
  HttpResponse answer = Aws(SignedAws("Action=ListAccessKeys", bob_));
  EXPECT_EQ(answer.status, 403);
  EXPECT_EQ(AwsCode(answer), "InvalidClientTokenId");
  ASSERT_TRUE(store_->DeleteAccessKey("Bob", bob_.access_key_id).ok());
  answer = Aws(SignedAws("Action=ListAccessKeys", bob_));
  EXPECT_EQ(AwsCode(answer), "InvalidClientTokenId");
}

TEST_F(StrictAuthTest, ATemporaryRootCredentialNeedsItsToken) {
  HandlerOptions handling;
  handling.auth.strict = true;
  const Credentials temporary{"ASIATEMPORARY0000000", "temporary-secret", "the-session-token"};
  handling.auth.root_credentials = {temporary};
  const Handler handler(store_, handling);
  EXPECT_EQ(handler.Handle(SignedAws("Action=ListUsers", temporary)).status, 200);
  const Credentials without_token{temporary.access_key_id, temporary.secret_access_key, ""};
  EXPECT_EQ(AwsCode(handler.Handle(SignedAws("Action=ListUsers", without_token))),
            "InvalidClientTokenId");
}

TEST_F(StrictAuthTest, TheClockSkewWindowIsMeasuredAgainstTheStoresClock) {
  HandlerOptions handling;
  handling.auth.strict = true;
  handling.auth.max_clock_skew = std::chrono::minutes(15);
  const Handler handler(store_, handling);
  EXPECT_EQ(handler.Handle(SignedAws("Action=ListUsers", bob_, "20250101T001500Z")).status, 200);
  HttpResponse late = handler.Handle(SignedAws("Action=ListUsers", bob_, "20241231T234459Z"));
  EXPECT_EQ(AwsCode(late), "SignatureDoesNotMatch");
  EXPECT_THAT(late.body, HasSubstr("Signature expired: 20241231T234459Z is now earlier than "
                                   "20241231T234500Z (20250101T000000Z - 15 min.)"));
  HttpResponse early = handler.Handle(SignedAws("Action=ListUsers", bob_, "20250101T001501Z"));
  EXPECT_THAT(early.body, HasSubstr("Signature not yet current: 20250101T001501Z is still later "
                                    "than 20250101T001500Z (20250101T000000Z + 15 min.)"));
  // The window moves with the store's clock.
  clock_->Advance(std::chrono::hours(1));
  EXPECT_EQ(handler.Handle(SignedAws("Action=ListUsers", bob_, "20250101T010000Z")).status, 200);
}

TEST_F(StrictAuthTest, AnHttpDateServesWhenThereIsNoXAmzDate) {
  HttpRequest request;
  request.method = "POST";
  request.headers.Add("Host", "127.0.0.1:40000");
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.headers.Add("Date", "Wed, 01 Jan 2025 00:00:00 GMT");
  request.body = "Action=ListUsers&Version=2010-05-08";
  // Signed as a client that dates its request with Date signs it: host, content-type, date.
  const std::vector<std::string> signed_headers = {"content-type", "date", "host"};
  const std::string signature =
      internal::SigV4Signature(bob_.secret_access_key, kDate, "us-east-1", "iam",
                               internal::SigV4CanonicalRequest(request, signed_headers));
  request.headers.Add("Authorization", "AWS4-HMAC-SHA256 Credential=" + bob_.access_key_id +
                                           "/20250101/us-east-1/iam/aws4_request, "
                                           "SignedHeaders=content-type;date;host, Signature=" +
                                           signature);
  EXPECT_EQ(Aws(request).status, 200);
}

TEST_F(StrictAuthTest, WithoutStrictModeAnyKeyActsAsBefore) {
  const Handler lenient(store_);
  EXPECT_EQ(lenient.Handle(SignedAws("Action=ListUsers", {"AKIAUNKNOWNKEY000000", "x", ""})).status,
            200);
  EXPECT_EQ(lenient.Handle(SignedAws("Action=ListUsers", {})).status, 200);
}

// --- Huawei ---

class HuaweiStrictAuthTest : public ::testing::Test {
 protected:
  HuaweiStrictAuthTest() {
    StoreOptions options;
    options.profile = Cloud::Huawei;
    store_ = std::make_shared<Store>(options);
    const User bob = *store_->CreateUser("Bob");
    const AccessKey key = *store_->CreateAccessKey("Bob");
    bob_ = {key.id, key.secret, ""};
    path_ = "/v5/users/" + bob.id + "/access-keys";
    HandlerOptions handling;
    handling.auth.strict = true;
    handler_ = std::make_unique<Handler>(store_, handling);
  }

  HttpRequest Signed(const Credentials& credentials) const {
    HttpRequest request;
    request.method = "GET";
    request.path = path_;
    request.query = "limit=10";
    request.headers.Add("Host", "127.0.0.1:40000");
    request.headers.Add("Content-Type", "application/json");
    if (!credentials.empty()) internal::SignSdkHmac(request, credentials, kDate);
    return request;
  }

  std::shared_ptr<Store> store_;
  Credentials bob_;
  std::string path_;
  std::unique_ptr<Handler> handler_;
};

TEST_F(HuaweiStrictAuthTest, ASignatureMadeWithTheIssuedSecretIsAccepted) {
  EXPECT_EQ(handler_->Handle(Signed(bob_)).status, 200);
  EXPECT_TRUE(store_->GetAccessKeyLastUsed(bob_.access_key_id)->last_used);
}

TEST_F(HuaweiStrictAuthTest, RefusalsAre401Apigw0301) {
  const std::vector<std::pair<HttpRequest, std::string>> cases = {
      {Signed({}), "the request is not signed (no SDK-HMAC-SHA256 Authorization header)"},
      {Signed({"HPUAUNKNOWNAK0000000", "x", ""}),
       "Get secretKey failed,ak:******,err:ak not exist"},
      {Signed({bob_.access_key_id, "not-the-secret", ""}), "verify aksk signature fail"},
  };
  for (const auto& [request, message] : cases) {
    const HttpResponse answer = handler_->Handle(request);
    EXPECT_EQ(answer.status, 401) << message;
    EXPECT_THAT(answer.body, HasSubstr(R"("error_code":"APIGW.0301")"));
    EXPECT_THAT(answer.body,
                HasSubstr("\"error_msg\":\"Incorrect IAM authentication information: " + message));
  }
  EXPECT_FALSE(store_->GetAccessKeyLastUsed(bob_.access_key_id)->last_used);
}

}  // namespace
}  // namespace fakeiam
