// The AWS Query dialect's request handling beyond the golden walk: transports of parameters,
// parameter edge cases, callers and request ids.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "fakeiam/handler.hpp"
#include "xml_equivalence.hpp"

namespace fakeiam {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using testing_support::XmlText;

HttpRequest Form(std::string body, std::string content_type = "application/x-www-form-urlencoded") {
  HttpRequest request;
  request.method = "POST";
  if (!content_type.empty()) request.headers.Add("Content-Type", std::move(content_type));
  request.body = std::move(body);
  return request;
}

HttpRequest Signed(std::string body, const std::string& key, const std::string& region) {
  HttpRequest request = Form(std::move(body));
  request.headers.Add("Authorization", "AWS4-HMAC-SHA256 Credential=" + key + "/20250101/" +
                                           region +
                                           "/iam/aws4_request, SignedHeaders=host, "
                                           "Signature=00");
  return request;
}

std::string Code(const HttpResponse& response) { return XmlText(response.body, "Code"); }

class QueryDialectTest : public ::testing::Test {
 protected:
  QueryDialectTest() : store_(std::make_shared<Store>()), handler_(store_) {
    EXPECT_TRUE(store_->CreateUser("Bob").ok());
  }

  std::shared_ptr<Store> store_;
  Handler handler_;
};

TEST_F(QueryDialectTest, AcceptsGetWithAQueryString) {
  HttpRequest request;
  request.query = "Action=GetUser&UserName=Bob&Version=2010-05-08";
  const HttpResponse response = handler_.Handle(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(XmlText(response.body, "UserName"), "Bob");
  EXPECT_EQ(response.operation, "GetUser");
}

TEST_F(QueryDialectTest, MergesQueryStringAndFormBody) {
  HttpRequest request = Form("UserName=Bob&Version=2010-05-08");
  request.query = "Action=GetUser";
  EXPECT_EQ(handler_.Handle(request).status, 200);
  request.query = "Action=GetUser&UserName=Bob";
  EXPECT_EQ(Code(handler_.Handle(request)), "InvalidInput");
}

// The refusal names the first parameter, in the request's order, that repeats an earlier one.
TEST_F(QueryDialectTest, ARepeatedParameterIsNamed) {
  const HttpResponse response = handler_.Handle(
      Form("Action=ListAccessKeys&Version=2010-05-08&UserName=Bob&MaxItems=1&UserName=Bob&"
           "MaxItems=2"));
  EXPECT_EQ(Code(response), "InvalidInput");
  EXPECT_THAT(XmlText(response.body, "Message"), HasSubstr("The parameter UserName is given"));
}

// Empty pieces of a form ("&&", a leading or trailing '&') are skipped; a piece without '=' is a
// parameter with an empty value.
TEST_F(QueryDialectTest, SkipsEmptyPiecesOfAForm) {
  EXPECT_EQ(handler_.Handle(Form("&Action=GetUser&&UserName=Bob&Version=2010-05-08&")).status, 200);
  EXPECT_EQ(
      XmlText(handler_.Handle(Form("Action=GetUser&UserName&Version=2010-05-08")).body, "Code"),
      "ValidationError");
}

TEST_F(QueryDialectTest, ReadsABodyWithCharsetOrWithoutContentType) {
  EXPECT_EQ(handler_
                .Handle(Form("Action=GetUser&UserName=Bob&Version=2010-05-08",
                             "Application/X-WWW-Form-Urlencoded; charset=utf-8"))
                .status,
            200);
  EXPECT_EQ(handler_.Handle(Form("Action=GetUser&UserName=Bob&Version=2010-05-08", "")).status,
            200);
}

TEST_F(QueryDialectTest, IgnoresABodyOfAnotherContentType) {
  const HttpResponse response =
      handler_.Handle(Form(R"({"Action":"GetUser","UserName":"Bob"})", "application/json"));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(Code(response), "MissingAction");
}

TEST_F(QueryDialectTest, DecodesPlusAndPercentEscapes) {
  EXPECT_EQ(XmlText(handler_
                        .Handle(Form("Action=CreateUser&UserName=a%2Bb%40c.d&Version=2010-05-"
                                     "08"))
                        .body,
                    "UserName"),
            "a+b@c.d");
  EXPECT_THAT(
      XmlText(handler_.Handle(Form("Action=CreateUser&UserName=a+b&Version=2010-05-08")).body,
              "Message"),
      HasSubstr("Value 'a b' at 'userName'"));
}

TEST_F(QueryDialectTest, RefusesBrokenEscapesAndNulBytes) {
  for (const char* body : {"Action=ListUsers&Version=2010-05-08&X=%", "Action=ListUsers&X=%4",
                           "Action=ListUsers&X=%G1", "Action=GetUser&UserName=Bob%00evil"}) {
    const HttpResponse response = handler_.Handle(Form(body));
    EXPECT_EQ(response.status, 404) << body;
    EXPECT_EQ(Code(response), "MalformedQueryString") << body;
  }
}

TEST_F(QueryDialectTest, IgnoresUnknownParameters) {
  EXPECT_EQ(handler_.Handle(Form("Action=GetUser&UserName=Bob&Version=2010-05-08&Extra=1")).status,
            200);
}

TEST_F(QueryDialectTest, MaxItemsMustBeAnIntegerInRange) {
  const auto message = [&](const std::string& max_items) {
    return XmlText(
        handler_.Handle(Form("Action=ListUsers&Version=2010-05-08&MaxItems=" + max_items)).body,
        "Message");
  };
  EXPECT_THAT(message("abc"), HasSubstr("Value 'abc' at 'maxItems' failed to satisfy constraint: "
                                        "Member must be an integer"));
  EXPECT_THAT(message("0"), HasSubstr("greater than or equal to 1"));
  EXPECT_THAT(message("-5"), HasSubstr("Value '-5' at 'maxItems'"));
  EXPECT_THAT(message("99999999999999999999999"), HasSubstr("less than or equal to 1000"));
  EXPECT_THAT(message("2.5"), HasSubstr("Member must be an integer"));
  EXPECT_EQ(handler_.Handle(Form("Action=ListUsers&Version=2010-05-08&MaxItems=1000")).status, 200);
}

TEST_F(QueryDialectTest, EchoedInputIsSafeXmlText) {
  // Invalid UTF-8 and control characters in a parameter must not break the XML document.
  const HttpResponse response =
      handler_.Handle(Form("Action=CreateUser&UserName=%FF%01x&Version=2010-05-08"));
  EXPECT_EQ(Code(response), "ValidationError");
  EXPECT_THAT(XmlText(response.body, "Message"), HasSubstr("Value '\xEF\xBF\xBD?x'"));
}

TEST_F(QueryDialectTest, SigningKeyRecordsItsUseWithTheCredentialRegion) {
  const auto key = store_->CreateAccessKey("Bob");
  EXPECT_EQ(
      handler_.Handle(Signed("Action=ListUsers&Version=2010-05-08", key->id, "eu-west-3")).status,
      200);
  const auto used = store_->GetAccessKeyLastUsed(key->id);
  ASSERT_TRUE(used->last_used.has_value());
  EXPECT_EQ(used->last_used->region, "eu-west-3");
  EXPECT_EQ(used->last_used->service_name, "iam");
}

TEST_F(QueryDialectTest, ImplicitUserIsTheSigningKeysOwner) {
  const auto key = store_->CreateAccessKey("Bob");
  const HttpResponse created =
      handler_.Handle(Signed("Action=CreateAccessKey&Version=2010-05-08", key->id, "us-east-1"));
  EXPECT_EQ(XmlText(created.body, "UserName"), "Bob");
  EXPECT_EQ(store_->ListAccessKeys("Bob")->items.size(), 2u);
  EXPECT_TRUE(store_->ListAccessKeys(kAccountRoot)->items.empty());
}

TEST_F(QueryDialectTest, UnknownOrMissingSignatureActsAsTheRoot) {
  EXPECT_EQ(handler_.Handle(Form("Action=CreateAccessKey&Version=2010-05-08")).status, 200);
  EXPECT_EQ(handler_
                .Handle(Signed("Action=CreateAccessKey&Version=2010-05-08", "AKIANOTISSUEDBYFAKE0",
                               "us-east-1"))
                .status,
            200);
  EXPECT_EQ(store_->ListAccessKeys(kAccountRoot)->items.size(), 2u);
  // A signature from another scheme is not AWS's and is ignored, like no signature.
  HttpRequest basic = Form("Action=GetUser&Version=2010-05-08");
  basic.headers.Add("Authorization", "Basic dXNlcjpwYXNz");
  EXPECT_EQ(XmlText(handler_.Handle(basic).body, "Arn"), "arn:aws:iam::123456789012:root");
}

TEST_F(QueryDialectTest, MalformedSigV4HeadersAreIncompleteSignature) {
  for (const char* header :
       {"AWS4-HMAC-SHA256 ",
        "AWS4-HMAC-SHA256 Credential=AKID/2025/us-east-1/iam/aws4_request, "
        "SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/iam/aws4_request, "
        "Credential=AKID/20250101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/iam/aws3_request, SignedHeaders=host, "
        "Signature=00"}) {
    HttpRequest request = Form("Action=ListUsers&Version=2010-05-08");
    request.headers.Add("Authorization", header);
    const HttpResponse response = handler_.Handle(request);
    EXPECT_EQ(response.status, 400) << header;
    EXPECT_EQ(Code(response), "IncompleteSignature") << header;
  }
}

// The parameters are held in place, so there is a bound: twelve parse, a thirteenth is malformed.
TEST_F(QueryDialectTest, ASigV4HeaderTakesUpToTwelveParameters) {
  const auto with_extra = [](int extra) {
    std::string header =
        "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/iam/aws4_request, "
        "SignedHeaders=host, Signature=00";
    for (int i = 0; i < extra; ++i) header += ", Extra" + std::to_string(i) + "=x";
    return header;
  };
  HttpRequest twelve = Form("Action=ListUsers&Version=2010-05-08");
  twelve.headers.Add("Authorization", with_extra(9));
  EXPECT_EQ(handler_.Handle(twelve).status, 200);
  HttpRequest thirteen = Form("Action=ListUsers&Version=2010-05-08");
  thirteen.headers.Add("Authorization", with_extra(10));
  const HttpResponse refused = handler_.Handle(thirteen);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(Code(refused), "IncompleteSignature");
}

TEST_F(QueryDialectTest, EveryResponseHasItsOwnRequestId) {
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    const HttpResponse response =
        handler_.Handle(Form(i % 2 ? "Action=ListUsers&Version=2010-05-08" : "Action=Nope"));
    const std::string id = std::string(*response.headers.Get("x-amzn-RequestId"));
    EXPECT_THAT(
        id, MatchesRegex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    EXPECT_TRUE(ids.insert(id).second);
  }
}

TEST_F(QueryDialectTest, HealthEndpointAnswers) {
  HttpRequest request;
  request.path = "/_fakeiam/health";
  const HttpResponse response = handler_.Handle(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"status":"ok"})");
}

}  // namespace
}  // namespace fakeiam
