// The parts of the matchers that parse: kept out of the header so that tests do not see pugixml
// or nlohmann/json.
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "fakeiam/testing/matchers.hpp"

namespace fakeiam::testing::detail {
namespace {

bool AllOf(std::string_view s, std::string_view alphabet) {
  return s.find_first_not_of(alphabet) == std::string_view::npos;
}

}  // namespace

bool IsAwsAccessKeyId(std::string_view id) {
  return id.size() == 20 && id.substr(0, 4) == "AKIA" &&
         AllOf(id.substr(4), "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
}

bool IsHuaweiAccessKeyId(std::string_view id) {
  return id.size() == 20 && AllOf(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
}

std::string AwsErrorCode(std::string_view body) {
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size())) return "";
  return doc.child("ErrorResponse").child("Error").child("Code").text().get();
}

std::string V5ErrorCode(std::string_view body) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("error_code") || !json["error_code"].is_string()) {
    return "";
  }
  return json["error_code"].get<std::string>();
}

std::optional<std::vector<std::string>> KeyIdsOf(const Store& store, const std::string& user_name) {
  const std::optional<std::vector<AccessKey>> keys = store.FindAccessKeys(user_name);
  if (!keys) return std::nullopt;
  std::vector<std::string> ids;
  for (const AccessKey& key : *keys) ids.push_back(key.id);
  return ids;
}

}  // namespace fakeiam::testing::detail
