// The control API under /_fakeiam/: rules added, listed and removed over HTTP values, the fault
// log, and bad input refused with a 400 naming the field, changing nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fakeiam/handler.hpp"

namespace fakeiam {
namespace {

using Json = nlohmann::json;
using ::testing::HasSubstr;

class ControlPlaneTest : public ::testing::Test {
 protected:
  ControlPlaneTest() : store_(std::make_shared<Store>()), handler_(store_) {
    EXPECT_TRUE(store_->CreateUser("Bob").ok());
  }

  Json Call(const std::string& method, const std::string& path, int status,
            const std::string& body = "") {
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    const HttpResponse response = handler_.Handle(request);
    EXPECT_EQ(response.status, status) << method << " " << path << ": " << response.body;
    EXPECT_EQ(response.headers.Get("Content-Type"), "application/json");
    return Json::parse(response.body);
  }

  std::shared_ptr<Store> store_;
  Handler handler_;
};

TEST_F(ControlPlaneTest, AddListAndRemoveRules) {
  const Json added = Call("POST", "/_fakeiam/faults", 201,
                          R"({"operation": "GetUser", "status": 503, "times": 2})");
  EXPECT_EQ(added["added"], Json::array({"rule-1"}));
  EXPECT_EQ(
      Call("POST", "/_fakeiam/faults", 201,
           R"({"rules": [{"id": "slow", "latency_ms": 1}, {"error": "Throttling"}]})")["added"],
      Json::array({"slow", "rule-2"}));
  EXPECT_EQ(store_->faults().Rules().size(), 3u);
  EXPECT_EQ(store_->GetUser("Bob").error().code, ErrorCode::ServiceUnavailable);

  const Json listed = Call("GET", "/_fakeiam/faults", 200);
  ASSERT_EQ(listed["rules"].size(), 3u);
  EXPECT_EQ(listed["rules"][0]["operation"], Json::array({"GetUser"}));
  EXPECT_EQ(listed["rules"][0]["status"], 503);
  EXPECT_EQ(listed["rules"][0]["matched"], 1);
  EXPECT_EQ(listed["rules"][0]["fired"], 1);

  EXPECT_EQ(Call("DELETE", "/_fakeiam/faults/slow", 200)["removed"], "slow");
  EXPECT_EQ(Call("DELETE", "/_fakeiam/faults/slow", 404)["error"]["code"], "NoSuchFaultRule");
  EXPECT_EQ(Call("DELETE", "/_fakeiam/faults", 200)["removed"], 2);
  EXPECT_TRUE(store_->faults().empty());
}

TEST_F(ControlPlaneTest, AnArrayOfRulesIsAcceptedToo) {
  EXPECT_EQ(Call("POST", "/_fakeiam/faults", 201, R"([{"status": 500}, {"status": 503}])")["added"]
                .size(),
            2u);
}

TEST_F(ControlPlaneTest, TheLogIsReadableAndClearable) {
  Call("POST", "/_fakeiam/faults", 201, R"({"operation": "ListAccessKeysV5", "status": 503})");
  HttpRequest list;
  list.path = "/v5/users/" + store_->GetUser("Bob")->id + "/access-keys";
  const HttpResponse failed = handler_.Handle(list);
  ASSERT_EQ(failed.status, 503);
  const Json log = Call("GET", "/_fakeiam/faults/log", 200);
  ASSERT_EQ(log["entries"].size(), 1u);
  const Json& entry = log["entries"][0];
  EXPECT_EQ(entry["rule"], "rule-1");
  EXPECT_EQ(entry["operation"], "ListAccessKeys");
  EXPECT_EQ(entry["dialect"], "huawei");
  EXPECT_EQ(entry["request_id"], *failed.headers.Get("X-Request-Id"));
  EXPECT_EQ(entry["user"], "Bob");
  EXPECT_EQ(entry["status"], 503);
  EXPECT_EQ(entry["error_code"], "ServiceUnavailable");
  EXPECT_EQ(Call("DELETE", "/_fakeiam/faults/log", 200)["cleared"], 1);
  EXPECT_TRUE(Call("GET", "/_fakeiam/faults/log", 200)["entries"].empty());
}

TEST_F(ControlPlaneTest, BadRulesGetA400NamingTheFieldAndChangeNothing) {
  Call("POST", "/_fakeiam/faults", 201, R"({"id": "kept", "status": 500})");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{", "request body: line 1, column 2: syntax error"},
      {"7", "request body: /: expected an object, got 7"},
      {R"({"status": 999})", "request body: /status: expected a whole number from 400 to 599"},
      {R"({"status": "503"})", "request body: /status: expected a whole number"},
      {R"({"operation": "Nope", "status": 500})", "request body: /operation: unknown operation"},
      {R"({"operation": ["GetUser", 3], "status": 500})", "request body: /operation/1:"},
      {R"({"error": "Boom"})", "request body: /error: unknown error \"Boom\""},
      {R"({"status": 500, "probabilty": 0.5})", "request body: /probabilty: unknown field"},
      {R"({"status": 500, "probability": 2})", "request body: /probability: must be more than 0"},
      {R"({"status": 500, "nth": 2, "times": 3})", "request body: /nth: nth cannot go with"},
      {R"({"status": 500, "dialect": "gcp"})", "request body: /dialect: expected \"aws\""},
      {R"({"operation": "GetUser"})", "request body: /effect: a rule needs an error"},
      {R"({"code": "X"})", "request body: /code: needs an error or a status"},
      {R"({"rules": [{"status": 500}, {"status": 418}]})",
       "request body: /rules/1/status: 418 has no usual error"},
      {R"({"id": "kept", "status": 503})", "id: kept is taken"},
      {R"({"status": 500, "latency_ms": -1})",
       "request body: /latency_ms: expected a whole number"},
  };
  for (const auto& [body, expected] : cases) {
    const Json answer = Call("POST", "/_fakeiam/faults", 400, body);
    EXPECT_EQ(answer["error"]["code"], "InvalidFaultRule") << body;
    EXPECT_THAT(answer["error"]["message"].get<std::string>(), HasSubstr(expected)) << body;
  }
  ASSERT_EQ(store_->faults().Rules().size(), 1u);
  EXPECT_EQ(store_->faults().Rules()[0].rule.id, "kept");
}

TEST_F(ControlPlaneTest, UnknownRoutesAndMethodsAreJsonErrors) {
  EXPECT_EQ(Call("GET", "/_fakeiam/nothing", 404)["error"]["code"], "NoSuchRoute");
  EXPECT_EQ(Call("PUT", "/_fakeiam/faults", 405)["error"]["code"], "MethodNotAllowed");
  EXPECT_EQ(Call("POST", "/_fakeiam/faults/log", 405)["error"]["code"], "MethodNotAllowed");
  EXPECT_EQ(Call("GET", "/_fakeiam/faults/rule-1", 405)["error"]["code"], "MethodNotAllowed");
  EXPECT_EQ(Call("POST", "/_fakeiam/health", 405)["error"]["code"], "MethodNotAllowed");
  EXPECT_EQ(Call("GET", "/_fakeiam/health", 200)["status"], "ok");
}

}  // namespace
}  // namespace fakeiam
