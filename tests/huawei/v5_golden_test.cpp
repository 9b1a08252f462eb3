// Golden tests of the Huawei Cloud IAM v5 dialect: a seeded Huawei-profile store walks through
// every route and every error, and each response body must equal its file in
// fixtures/golden/huawei/ as parsed JSON. Set FAKEIAM_UPDATE_GOLDEN=1 to rewrite the files, then
// review the diff.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "fakeiam/handler.hpp"

namespace fakeiam {
namespace {

using Json = nlohmann::json;
using ::testing::MatchesRegex;

const std::string kGoldenDir = std::string(FAKEIAM_SOURCE_DIR) + "/fixtures/golden/huawei/";

struct Step {
  const char* name;  // the golden file's name, without .json
  const char* method;
  std::string target;  // path and query; {name} is replaced by a captured value
  std::string body;
  int status;
  const char* capture = nullptr;  // a JSON pointer whose value is remembered under `name`
  const char* signer = "";        // an access key to sign with (SDK-HMAC-SHA256), or ""
  const char* content_type = "application/json";
};

std::string Substitute(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    text = std::regex_replace(text, std::regex("\\{" + name + "\\}"), value);
  }
  return text;
}

HttpRequest Request(const Step& step, const std::map<std::string, std::string>& values) {
  HttpRequest request;
  request.method = step.method;
  const std::string target = Substitute(step.target, values);
  const std::size_t question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) request.query = target.substr(question + 1);
  request.headers.Add("Content-Type", step.content_type);
  request.headers.Add("X-Sdk-Date", "20250101T000000Z");
  const std::string signer = Substitute(step.signer, values);
  if (!signer.empty()) {
    request.headers.Add("Authorization", "SDK-HMAC-SHA256 Access=" + signer +
                                             ", SignedHeaders=content-type;host;x-sdk-date, "
                                             "Signature=" +
                                             std::string(64, '0'));
  }
  request.body = step.body;
  return request;
}

class V5GoldenTest : public ::testing::Test {
 protected:
  V5GoldenTest() : store_(MakeStore()), handler_(store_) {}

  static std::shared_ptr<Store> MakeStore() {
    StoreOptions options;
    options.profile = Cloud::Huawei;
    auto store = std::make_shared<Store>(options);
    EXPECT_TRUE(store->CreateUser("alice").ok());
    EXPECT_TRUE(store->CreateUser("bob").ok());
    return store;
  }

  void Check(const std::string& name, const HttpResponse& response, int status) {
    SCOPED_TRACE(name);
    EXPECT_EQ(response.status, status);
    EXPECT_THAT(std::string(response.headers.Get("X-Request-Id").value_or("")),
                MatchesRegex("[0-9a-f]{32}"));
    if (status == 204) {
      EXPECT_EQ(response.body, "");
      EXPECT_FALSE(response.headers.Get("Content-Type").has_value());
      return;
    }
    EXPECT_EQ(response.headers.Get("Content-Type"), "application/json");
    const Json actual = Json::parse(response.body);
    if (actual.contains("request_id")) {
      EXPECT_EQ(actual["request_id"], *response.headers.Get("X-Request-Id"));
    }
    if (std::getenv("FAKEIAM_UPDATE_GOLDEN")) {
      std::ofstream(kGoldenDir + name + ".json") << actual.dump(2) << "\n";
      return;
    }
    std::ifstream in(kGoldenDir + name + ".json");
    ASSERT_TRUE(in.good()) << "no golden file " << kGoldenDir << name << ".json";
    const Json expected = Json::parse(in);
    EXPECT_EQ(actual, expected) << "diff: " << Json::diff(expected, actual).dump();
  }

  std::shared_ptr<Store> store_;
  Handler handler_;
};

TEST_F(V5GoldenTest, EveryRouteAndError) {
  const std::string alice = "/v5/users/" + store_->GetUser("alice")->id + "/access-keys";
  const std::string bob = "/v5/users/" + store_->GetUser("bob")->id + "/access-keys";
  const std::vector<Step> steps = {
      {"create_access_key", "POST", alice, "", 201, "/access_key/access_key_id"},
      {"create_access_key_second", "POST", alice, "", 201, "/access_key/access_key_id"},
      {"error_quota_exceeded", "POST", alice, "", 409},
      {"list_access_keys", "GET", alice, "", 200},
      {"list_access_keys_first_page", "GET", alice + "?limit=1", "", 200, "/page_info/next_marker"},
      {"list_access_keys_next_page", "GET", alice + "?limit=1&marker={list_access_keys_first_page}",
       "", 200},
      {"update_access_key", "PUT", alice + "/{create_access_key_second}",
       R"({"status":"inactive"})", 200},
      {"show_last_used_never", "GET", alice + "/{create_access_key}/last-used", "", 200},
      {"list_access_keys_signed", "GET", alice, "", 200, nullptr, "{create_access_key}"},
      {"show_last_used", "GET", alice + "/{create_access_key}/last-used", "", 200},
      {"list_access_keys_empty", "GET", bob, "", 200},
      {"delete_access_key", "DELETE", alice + "/{create_access_key_second}", "", 204},
      {"error_user_not_found", "GET", "/v5/users/0123456789abcdef0123456789abcdee/access-keys", "",
       404},
      {"error_access_key_not_found", "DELETE", alice + "/{create_access_key_second}", "", 404},
      {"error_access_key_of_another_user", "PUT", bob + "/{create_access_key}",
       R"({"status":"inactive"})", 404},
      {"error_last_used_of_another_user", "GET", bob + "/{create_access_key}/last-used", "", 404},
      {"error_limit_zero", "GET", alice + "?limit=0", "", 400},
      {"error_limit_too_large", "GET", alice + "?limit=201", "", 400},
      {"error_limit_not_a_number", "GET", alice + "?limit=ten", "", 400},
      {"error_limit_given_twice", "GET", alice + "?limit=1&limit=2", "", 400},
      {"error_marker_foreign", "GET", alice + "?marker=abcd", "", 400},
      {"error_marker_too_short", "GET", alice + "?marker=abc", "", 400},
      {"error_marker_bad_character", "GET", alice + "?marker=abc%21def", "", 400},
      {"error_status_body_not_json", "PUT", alice + "/{create_access_key}", "{status:", 400},
      {"error_status_body_not_an_object", "PUT", alice + "/{create_access_key}", "[]", 400},
      {"error_status_missing", "PUT", alice + "/{create_access_key}", "{}", 400},
      {"error_status_not_a_string", "PUT", alice + "/{create_access_key}", R"({"status":1})", 400},
      {"error_status_unknown", "PUT", alice + "/{create_access_key}", R"({"status":"enabled"})",
       400},
      {"error_status_wrong_case", "PUT", alice + "/{create_access_key}", R"({"status":"Active"})",
       400},
      {"error_content_type", "PUT", alice + "/{create_access_key}", R"({"status":"active"})", 400,
       nullptr, "", "text/plain"},
      {"error_unknown_route", "GET", "/v5/users", "", 404},
      {"error_unknown_version", "GET", "/v3/users/x/access-keys", "", 404},
      {"error_trailing_slash", "GET", alice + "/", "", 404},
      {"error_method_not_allowed", "PATCH", alice, "", 405},
      {"error_method_not_allowed_on_key", "POST", alice + "/{create_access_key}", "", 405},
      {"error_user_id_too_long", "GET", "/v5/users/" + std::string(65, 'a') + "/access-keys", "",
       400},
      {"error_user_id_encoded_slash", "GET", "/v5/users/abc%2Fdef/access-keys", "", 400},
      {"error_dot_segment", "GET", "/v5/users/%2E%2E/access-keys", "", 400},
      {"error_access_key_id_too_long", "DELETE", alice + "/" + std::string(41, 'A'), "", 400},
      {"error_bad_percent_escape", "GET", "/v5/users/%zz/access-keys", "", 400},
  };
  std::map<std::string, std::string> captured;
  for (const Step& step : steps) {
    const HttpResponse response = handler_.Handle(Request(step, captured));
    Check(step.name, response, step.status);
    if (step.capture) {
      captured[step.name] = Json::parse(response.body).at(Json::json_pointer(step.capture));
    }
  }
}

TEST_F(V5GoldenTest, ErrorsFoundOutsideTheRoutes) {
  const std::string alice = "/v5/users/" + store_->GetUser("alice")->id + "/access-keys";
  Step incomplete{"error_incomplete_signature", "GET", alice, "", 401};
  HttpRequest request = Request(incomplete, {});
  request.headers.Add("Authorization", "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC");
  Check(incomplete.name, handler_.Handle(request), 401);

  HttpRequest large = Request({"", "PUT", alice + "/QTWAOYTTINDUT2QVKYUC", "", 0}, {});
  large.body = std::string(70000, ' ');
  Check("error_request_entity_too_large", handler_.Handle(large), 413);

  const HttpRequest any = Request({"", "GET", alice, "", 0}, {});
  Check("error_access_denied",
        handler_.Reject(
            any, Error::Make(ErrorCode::AccessDenied, "user alice may not list keys of user bob")),
        403);
  Check("error_service_failure",
        handler_.Reject(any, Error::Make(ErrorCode::ServiceFailure, "injected")), 500);
}

}  // namespace
}  // namespace fakeiam
