// The Huawei v5 dialect beyond the golden walk: one store behind both dialects, the signing
// key's use, and ids of either profile.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fakeiam/handler.hpp"
#include "xml_equivalence.hpp"

namespace fakeiam {
namespace {

using Json = nlohmann::json;
using testing_support::XmlText;

HttpRequest V5(std::string method, std::string path, std::string body = "") {
  HttpRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  request.headers.Add("Content-Type", "application/json");
  request.body = std::move(body);
  return request;
}

class V5DialectTest : public ::testing::Test {
 protected:
  std::shared_ptr<Store> MakeStore(Cloud profile) {
    StoreOptions options;
    options.profile = profile;
    store_ = std::make_shared<Store>(options);
    handler_ = std::make_unique<Handler>(store_);
    user_id_ = store_->CreateUser("alice")->id;
    keys_ = "/v5/users/" + user_id_ + "/access-keys";
    return store_;
  }

  Json Call(HttpRequest request, int status) {
    const HttpResponse response = handler_->Handle(request);
    EXPECT_EQ(response.status, status) << response.body;
    return response.body.empty() ? Json() : Json::parse(response.body);
  }

  std::shared_ptr<Store> store_;
  std::unique_ptr<Handler> handler_;
  std::string user_id_;
  std::string keys_;
};

TEST_F(V5DialectTest, BothDialectsShareOneStore) {
  MakeStore(Cloud::Huawei);
  const Json created = Call(V5("POST", keys_), 201);
  const std::string id = created["access_key"]["access_key_id"];
  // Seen by the AWS dialect, and by the store.
  HttpRequest list;
  list.method = "POST";
  list.headers.Add("Content-Type", "application/x-www-form-urlencoded");
  list.body = "Action=ListAccessKeys&UserName=alice&Version=2010-05-08";
  EXPECT_EQ(XmlText(handler_->Handle(list).body, "AccessKeyId"), id);
  EXPECT_EQ(store_->ListAccessKeys("alice")->items.at(0).id, id);
  // A key created through the store shows on the v5 route.
  ASSERT_TRUE(store_->DeleteAccessKey("alice", id).ok());
  const auto direct = store_->CreateAccessKey("alice");
  EXPECT_EQ(Call(V5("GET", keys_), 200)["access_keys"][0]["access_key_id"], direct->id);
}

TEST_F(V5DialectTest, AwsProfileUsersAreReachableByTheirUserIds) {
  MakeStore(Cloud::Aws);
  EXPECT_THAT(user_id_, ::testing::StartsWith("AIDA"));
  const Json created = Call(V5("POST", keys_), 201);
  EXPECT_THAT(std::string(created["access_key"]["access_key_id"]), ::testing::StartsWith("AKIA"));
}

TEST_F(V5DialectTest, SigningKeyRecordsItsUse) {
  MakeStore(Cloud::Huawei);
  const std::string id = Call(V5("POST", keys_), 201)["access_key"]["access_key_id"];
  HttpRequest signed_request = V5("GET", keys_);
  signed_request.headers.Add("Authorization", "SDK-HMAC-SHA256 Access=" + id +
                                                  ", SignedHeaders=host;x-sdk-date, Signature=00");
  Call(signed_request, 200);
  const auto used = store_->GetAccessKeyLastUsed(id);
  ASSERT_TRUE(used->last_used.has_value());
  EXPECT_EQ(
      Call(V5("GET", keys_ + "/" + id + "/last-used"), 200)["access_key_last_used"]["last_used_at"],
      FormatIso8601(used->last_used->date, /*with_millis=*/true));
}

TEST_F(V5DialectTest, ExpiredKeysShowAsInactive) {
  MakeStore(Cloud::Huawei);
  const auto key = store_->CreateAccessKey("alice");
  ASSERT_TRUE(store_->ExpireAccessKey(key->id).ok());
  EXPECT_EQ(Call(V5("GET", keys_), 200)["access_keys"][0]["status"], "inactive");
}

TEST_F(V5DialectTest, MarkersWalkEveryKeyOnce) {
  StoreOptions options;
  options.profile = Cloud::Huawei;
  options.access_key_quota = 20;
  store_ = std::make_shared<Store>(options);
  handler_ = std::make_unique<Handler>(store_);
  const std::string keys = "/v5/users/" + store_->CreateUser("bob")->id + "/access-keys";
  std::vector<std::string> created;
  for (int i = 0; i < 11; ++i) created.push_back(store_->CreateAccessKey("bob")->id);
  std::vector<std::string> seen;
  std::string query = "limit=4";
  for (int pages = 1;; ++pages) {
    HttpRequest request = V5("GET", keys);
    request.query = query;
    const Json page = Call(request, 200);
    for (const Json& key : page["access_keys"]) seen.push_back(key["access_key_id"]);
    EXPECT_EQ(page["page_info"]["current_count"], page["access_keys"].size());
    if (!page["page_info"].contains("next_marker")) {
      EXPECT_EQ(pages, 3);
      break;
    }
    // Clients percent-encode the marker; '=' and '+' must survive the round trip.
    std::string marker = page["page_info"]["next_marker"];
    std::string encoded;
    for (char c : marker)
      encoded += (c == '=' ? "%3D" : c == '+' ? "%2B" : c == '/' ? "%2F" : std::string(1, c));
    query = "limit=4&marker=" + encoded;
  }
  EXPECT_EQ(seen, created);
}

}  // namespace
}  // namespace fakeiam
