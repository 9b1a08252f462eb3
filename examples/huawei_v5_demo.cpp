// The Huawei Cloud IAM v5 access-key routes against an embedded fakeiam server: create two keys
// for a user, list them a page at a time, deactivate one, read its last use, delete it, and see
// an error in the v5 format. Prints each request and the JSON that came back.
#include <httplib.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "fakeiam/server.hpp"

namespace {

// Prints the exchange and returns the parsed body (null when there is none).
nlohmann::json Show(const char* method, const std::string& target, const httplib::Result& result) {
  std::printf("%s %s\n", method, target.c_str());
  if (!result) {
    std::printf("  no answer: %s\n", httplib::to_string(result.error()).c_str());
    return nullptr;
  }
  std::printf("  %d %s\n", result->status,
              result->body.empty() ? "(no body)" : result->body.c_str());
  return result->body.empty() ? nlohmann::json() : nlohmann::json::parse(result->body);
}

}  // namespace

int main() {
  fakeiam::StoreOptions options;
  options.profile = fakeiam::Cloud::Huawei;  // 32-hex user ids, 20-character AKs, 40-character SKs
  auto store = std::make_shared<fakeiam::Store>(options);
  const std::string user_id = store->CreateUser("alice")->id;

  fakeiam::Server server(store);
  if (!server.Start().ok()) return 1;
  httplib::Client client("127.0.0.1", server.port());
  const std::string keys = "/v5/users/" + user_id + "/access-keys";

  Show("POST", keys, client.Post(keys));
  const std::string key = Show("POST", keys, client.Post(keys))["access_key"]["access_key_id"];

  const nlohmann::json first = Show("GET", keys + "?limit=1", client.Get(keys + "?limit=1"));
  const std::string next = keys + "?limit=1&marker=" +
                           httplib::detail::encode_query_param(first["page_info"]["next_marker"]);
  Show("GET", next, client.Get(next));

  const std::string one = keys + "/" + key;
  Show("PUT", one, client.Put(one, R"({"status":"inactive"})", "application/json"));
  Show("GET", one + "/last-used", client.Get(one + "/last-used"));
  Show("DELETE", one, client.Delete(one));
  // The same key again: gone, reported in the v5 error format with the request id.
  const nlohmann::json error = Show("DELETE", one, client.Delete(one));
  return error["error_code"] == "IAM.0004" ? 0 : 1;
}
