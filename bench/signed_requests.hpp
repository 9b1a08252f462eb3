// The store and the requests that the in-process handler benchmarks and the embedded server's
// share: the seed scenario's users, and requests shaped as the clouds' SDKs send them, signed by a
// key the store issued so that every request pays for resolving its caller and recording the use.
#ifndef FAKEIAM_BENCH_SIGNED_REQUESTS_HPP_
#define FAKEIAM_BENCH_SIGNED_REQUESTS_HPP_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/cloud.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/store.hpp"

namespace fakeiam::bench {

// Every Query request names the API version, as the SDKs do. It goes first so that a benchmark can
// rewrite the last parameter in place (the order means nothing to IAM).
inline std::string QueryBody(std::string_view params) {
  return "Version=2010-05-08&" + std::string(params);
}

// Signatures are read, not verified, unless AuthOptions::strict: any hex does.
inline std::string SigV4Authorization(std::string_view key_id) {
  return "AWS4-HMAC-SHA256 Credential=" + std::string(key_id) +
         "/20250101/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, "
         "Signature=" +
         std::string(64, '0');
}

inline std::string SdkHmacAuthorization(std::string_view key_id) {
  return "SDK-HMAC-SHA256 Access=" + std::string(key_id) +
         ", SignedHeaders=content-type;host;x-sdk-date, Signature=" + std::string(64, '0');
}

// Huawei's routes address users by id.
inline std::string V5KeysPath(std::string_view user_id) {
  return "/v5/users/" + std::string(user_id) + "/access-keys";
}

// An administrator whose key signs every request; Bob with his two keys (the listing the targets
// name, and keys to update); Carol, who has room for a key, since a third of Bob's would exceed the
// quota.
struct Scenario {
  explicit Scenario(Cloud profile);

  // A POST of `params` to the Query API.
  HttpRequest Query(std::string_view params) const;
  // A Huawei v5 call; `body` is JSON or empty.
  HttpRequest V5(std::string method, std::string path, std::string body = {}) const;

  std::shared_ptr<Store> store;
  std::string signer_key_id;
  std::string bob_id;
  std::string carol_id;
  std::vector<std::string> bob_key_ids;
};

// value() throws on a failed call, which ends the program with the store's error message.
inline Scenario::Scenario(Cloud profile) {
  StoreOptions options;
  options.profile = profile;
  store = std::make_shared<Store>(options);
  store->CreateUser("admin").value();
  signer_key_id = store->CreateAccessKey("admin").value().id;
  bob_id = store->CreateUser("Bob").value().id;
  for (int i = 0; i < 2; ++i) bob_key_ids.push_back(store->CreateAccessKey("Bob").value().id);
  // A key that has signed before, so that its last use has a date to render.
  store->RecordKeyUse(bob_key_ids.front(), "iam", "us-east-1");
  carol_id = store->CreateUser("Carol").value().id;
}

inline HttpRequest Scenario::Query(std::string_view params) const {
  HttpRequest request;
  request.method = "POST";
  request.headers.Add("Host", "iam.amazonaws.com");
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.headers.Add("X-Amz-Date", "20250101T000000Z");
  request.headers.Add("Authorization", SigV4Authorization(signer_key_id));
  request.body = QueryBody(params);
  return request;
}

inline HttpRequest Scenario::V5(std::string method, std::string path, std::string body) const {
  HttpRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  request.headers.Add("Host", "iam.myhuaweicloud.com");
  request.headers.Add("Content-Type", "application/json");
  request.headers.Add("X-Sdk-Date", "20250101T000000Z");
  request.headers.Add("Authorization", SdkHmacAuthorization(signer_key_id));
  request.body = std::move(body);
  return request;
}

}  // namespace fakeiam::bench

#endif  // FAKEIAM_BENCH_SIGNED_REQUESTS_HPP_
