// Golden tests of the AWS Query dialect: one seeded store walks through every operation and every
// error, and each response must match its file in fixtures/golden/aws/ element for element
// (compared after parsing). Set FAKEIAM_UPDATE_GOLDEN=1 to rewrite the files, then review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>

#include "fakeiam/handler.hpp"
#include "xml_equivalence.hpp"

namespace fakeiam {
namespace {

using testing_support::XmlEquivalent;
using testing_support::XmlText;

const std::string kGoldenDir = std::string(FAKEIAM_SOURCE_DIR) + "/fixtures/golden/aws/";

struct Step {
  const char* name;    // the golden file's name, without .xml
  std::string body;    // form body; {key0}, {key1}, {marker} are replaced by earlier values
  const char* signer;  // "" unsigned, or the access key id to sign with ({key0}, or a literal)
  int status;          // what AWS answers
  const char* capture = nullptr;  // remember this element's text under the step's name
};

HttpRequest Post(std::string body, const std::string& signer) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/";
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.headers.Add("X-Amz-Date", "20250101T000000Z");
  if (!signer.empty()) {
    request.headers.Add("Authorization", "AWS4-HMAC-SHA256 Credential=" + signer +
                                             "/20250101/us-east-1/iam/aws4_request, "
                                             "SignedHeaders=host;x-amz-date, Signature=" +
                                             std::string(64, '0'));
  }
  request.body = std::move(body);
  return request;
}

std::string Substitute(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    text = std::regex_replace(text, std::regex("\\{" + name + "\\}"), value);
  }
  return text;
}

std::string ReadGolden(const std::string& name) {
  std::ifstream in(kGoldenDir + name + ".xml");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class QueryGoldenTest : public ::testing::Test {
 protected:
  QueryGoldenTest() : handler_(std::make_shared<Store>()) {}

  void Check(const std::string& name, const HttpResponse& response, int status) {
    SCOPED_TRACE(name);
    EXPECT_EQ(response.status, status);
    EXPECT_EQ(response.headers.Get("Content-Type"), "text/xml");
    EXPECT_EQ(response.headers.Get("x-amzn-RequestId"), XmlText(response.body, "RequestId"));
    if (std::getenv("FAKEIAM_UPDATE_GOLDEN")) {
      std::ofstream(kGoldenDir + name + ".xml") << response.body;
      return;
    }
    const std::string golden = ReadGolden(name);
    ASSERT_FALSE(golden.empty()) << "no golden file " << kGoldenDir << name << ".xml";
    EXPECT_TRUE(XmlEquivalent(golden, response.body));
  }

  Handler handler_;
};

TEST_F(QueryGoldenTest, EveryOperationAndError) {
  const std::string v = "&Version=2010-05-08";
  const std::vector<Step> steps = {
      {"create_user", "Action=CreateUser&UserName=Bob" + v, "", 200},
      {"create_user_with_path", "Action=CreateUser&UserName=Alice&Path=%2Feng%2F" + v, "", 200},
      {"error_entity_already_exists", "Action=CreateUser&UserName=Bob" + v, "", 409},
      {"get_user", "Action=GetUser&UserName=Bob" + v, "", 200},
      {"create_access_key", "Action=CreateAccessKey&UserName=Bob" + v, "", 200, "AccessKeyId"},
      {"create_access_key_second", "Action=CreateAccessKey&UserName=Bob" + v, "", 200,
       "AccessKeyId"},
      {"error_limit_exceeded", "Action=CreateAccessKey&UserName=Bob" + v, "", 409},
      {"list_access_keys", "Action=ListAccessKeys&UserName=Bob" + v, "", 200},
      {"list_access_keys_truncated", "Action=ListAccessKeys&UserName=Bob&MaxItems=1" + v, "", 200,
       "Marker"},
      {"list_access_keys_next_page",
       "Action=ListAccessKeys&UserName=Bob&MaxItems=1&Marker={list_access_keys_truncated}" + v, "",
       200},
      {"update_access_key",
       "Action=UpdateAccessKey&UserName=Bob&AccessKeyId={create_access_key_second}&Status="
       "Inactive" +
           v,
       "", 200},
      {"get_access_key_last_used_never",
       "Action=GetAccessKeyLastUsed&AccessKeyId={create_access_key}" + v, "", 200},
      {"list_access_keys_implicit_user", "Action=ListAccessKeys" + v, "{create_access_key}", 200},
      {"get_user_implicit", "Action=GetUser" + v, "{create_access_key}", 200},
      {"get_access_key_last_used",
       "Action=GetAccessKeyLastUsed&AccessKeyId={create_access_key}" + v, "", 200},
      {"create_access_key_root", "Action=CreateAccessKey" + v, "AKIAUNKNOWNCALLER000", 200},
      {"list_access_keys_root", "Action=ListAccessKeys" + v, "", 200},
      {"get_user_root", "Action=GetUser" + v, "", 200},
      {"error_delete_conflict", "Action=DeleteUser&UserName=Bob" + v, "", 409},
      {"delete_access_key",
       "Action=DeleteAccessKey&UserName=Bob&AccessKeyId={create_access_key_second}" + v, "", 200},
      {"error_no_such_entity_access_key",
       "Action=DeleteAccessKey&UserName=Bob&AccessKeyId={create_access_key_second}" + v, "", 404},
      {"error_no_such_entity_user", "Action=GetUser&UserName=Nobody" + v, "", 404},
      {"error_access_denied", "Action=GetAccessKeyLastUsed&AccessKeyId=AKIAIOSFODNN7EXAMPLE" + v,
       "{create_access_key}", 403},
      {"error_validation", "Action=CreateUser&UserName=bad+name" + v, "", 400},
      {"error_validation_status",
       "Action=UpdateAccessKey&AccessKeyId={create_access_key}&Status=Bogus" + v, "", 400},
      {"error_validation_missing_parameter", "Action=DeleteAccessKey&UserName=Bob" + v, "", 400},
      {"error_validation_max_items", "Action=ListUsers&MaxItems=1001" + v, "", 400},
      {"error_invalid_input_marker", "Action=ListAccessKeys&UserName=Bob&Marker=garbage" + v, "",
       400},
      {"error_missing_action", v.substr(1), "", 400},
      {"error_invalid_action", "Action=ListAccessKeyz" + v, "", 400},
      {"error_missing_version", "Action=ListUsers", "", 400},
      {"error_wrong_version", "Action=ListUsers&Version=2006-03-01", "", 400},
      {"error_malformed_query_string", "Action=ListUsers&UserName=%ZZ" + v, "", 404},
      {"error_duplicate_parameter", "Action=GetUser&UserName=Bob&UserName=Alice" + v, "", 400},
      {"list_users", "Action=ListUsers" + v, "", 200},
      {"list_users_path_prefix", "Action=ListUsers&PathPrefix=%2Feng%2F" + v, "", 200},
      {"delete_user", "Action=DeleteUser&UserName=Alice" + v, "", 200},
  };
  std::map<std::string, std::string> captured;
  for (const Step& step : steps) {
    const HttpResponse response =
        handler_.Handle(Post(Substitute(step.body, captured), Substitute(step.signer, captured)));
    Check(step.name, response, step.status);
    if (step.capture) captured[step.name] = XmlText(response.body, step.capture);
  }
}

TEST_F(QueryGoldenTest, ErrorsFoundOutsideTheDialect) {
  HttpRequest incomplete = Post("Action=ListUsers&Version=2010-05-08", "");
  incomplete.headers.Add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE");
  Check("error_incomplete_signature", handler_.Handle(incomplete), 400);

  Check("error_request_entity_too_large",
        handler_.Handle(
            Post("Action=ListUsers&Version=2010-05-08&Pad=" + std::string(70000, 'x'), "")),
        413);
  Check("error_service_failure",
        handler_.Reject(Post("", ""), Error::Make(ErrorCode::ServiceFailure,
                                                  "The request processing has failed because of "
                                                  "an unknown error, exception or failure.")),
        500);
}

}  // namespace
}  // namespace fakeiam
