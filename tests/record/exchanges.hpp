// Requests of both dialects and a seeded fake to answer them, for the record/replay tests.
#ifndef FAKEIAM_TESTS_RECORD_EXCHANGES_HPP_
#define FAKEIAM_TESTS_RECORD_EXCHANGES_HPP_

#include <memory>
#include <string>

#include "fakeiam/handler.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/store.hpp"

namespace fakeiam::record_test {

// An AWS Query request, form-encoded as the SDKs send it, signed (in shape) by `signer`.
inline HttpRequest AwsQuery(const std::string& form, const std::string& signer = "AKIAEXAMPLE") {
  HttpRequest request;
  request.method = "POST";
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.headers.Add("X-Amz-Date", "20250101T000000Z");
  request.headers.Add("Authorization",
                      "AWS4-HMAC-SHA256 Credential=" + signer +
                          "/20250101/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;"
                          "x-amz-date, Signature=" +
                          std::string(64, 'a'));
  request.body = form + "&Version=2010-05-08";
  return request;
}

// A Huawei v5 request; `json` is its body, when it has one.
inline HttpRequest V5(const std::string& method, const std::string& path,
                      const std::string& json = "") {
  HttpRequest request;
  request.method = method;
  request.path = path;
  request.headers.Add("Content-Type", "application/json");
  request.headers.Add("X-Sdk-Date", "20250101T000000Z");
  request.body = json;
  return request;
}

// A fake with user Bob (and, in the Huawei profile, its 32-hex id) and seed 7.
struct SeededFake {
  explicit SeededFake(Cloud profile = Cloud::Aws, std::uint64_t seed = 7) {
    StoreOptions options;
    options.profile = profile;
    options.seed = seed;
    store = std::make_shared<Store>(options);
    (void)store->CreateUser("Bob");
    handler = std::make_shared<Handler>(store);
  }

  std::string BobId() const { return store->GetUser("Bob")->id; }
  std::string KeysPath() const { return "/v5/users/" + BobId() + "/access-keys"; }

  std::shared_ptr<Store> store;
  std::shared_ptr<Handler> handler;
};

}  // namespace fakeiam::record_test

#endif  // FAKEIAM_TESTS_RECORD_EXCHANGES_HPP_
