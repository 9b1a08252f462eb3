#include "fakeiam/fixture.hpp"

#include <cctype>

#include "core/files.hpp"
#include "core/json_reader.hpp"

namespace fakeiam {
namespace {

using internal::Json;
using internal::JsonObjectReader;

constexpr int kFormatVersion = 1;

KeyUsage ReadUsage(const Json& value, const std::string& pointer) {
  JsonObjectReader r(value, pointer);
  KeyUsage usage;
  usage.date = *r.Date("date", /*required=*/true);
  usage.service_name = r.String("service_name").value_or("iam");
  usage.region = r.String("region").value_or("us-east-1");
  r.Finish();
  return usage;
}

StoredAccessKey ReadKey(const Json& value, const std::string& pointer) {
  JsonObjectReader r(value, pointer);
  StoredAccessKey stored;
  stored.key.id = r.String("id").value_or("");
  stored.key.secret = r.String("secret").value_or("");
  if (const std::optional<std::string> status = r.String("status")) {
    std::string spelled = *status;
    // Accept Huawei's lower-case spelling too.
    if (!spelled.empty()) spelled[0] = static_cast<char>(std::toupper(spelled[0]));
    const std::optional<KeyStatus> parsed = ParseKeyStatus(spelled);
    if (!parsed)
      r.Fail("/status",
             "expected \"Active\", \"Inactive\" or \"Expired\", got \"" + *status + "\"");
    stored.key.status = *parsed;
  }
  stored.key.create_date = r.Date("create_date").value_or(Timestamp{});
  if (const Json* usage = r.Field("last_used", false)) {
    stored.last_used = ReadUsage(*usage, pointer + "/last_used");
  }
  r.Finish();
  return stored;
}

std::vector<StoredAccessKey> ReadKeys(JsonObjectReader& r, const std::string& name) {
  std::vector<StoredAccessKey> keys;
  if (const Json* array = r.Array(name)) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      keys.push_back(ReadKey((*array)[i], r.pointer() + "/" + name + "/" + std::to_string(i)));
    }
  }
  return keys;
}

StoredUser ReadUser(const Json& value, const std::string& pointer) {
  JsonObjectReader r(value, pointer);
  StoredUser stored;
  stored.user.name = *r.String("name", /*required=*/true);
  stored.user.path = r.String("path").value_or("/");
  stored.user.id = r.String("id").value_or("");
  stored.user.create_date = r.Date("create_date").value_or(Timestamp{});
  stored.access_keys = ReadKeys(r, "access_keys");
  r.Finish();
  return stored;
}

Fixture ReadFixture(const Json& root) {
  JsonObjectReader r(root, "");
  const Json* version = r.Field("version", /*required=*/true);
  if (!version->is_number_integer() || version->get<long long>() != kFormatVersion) {
    r.Fail("/version", "this fakeiam reads fixture version " + std::to_string(kFormatVersion) +
                           ", got " + internal::Describe(*version));
  }
  Fixture fixture;
  if (const std::optional<std::string> profile = r.String("profile")) {
    fixture.profile = ParseCloud(*profile);
    if (!fixture.profile)
      r.Fail("/profile", "expected \"aws\" or \"huawei\", got \"" + *profile + "\"");
  }
  fixture.account_id = r.String("account_id");
  if (const Json* users = r.Array("users")) {
    for (std::size_t i = 0; i < users->size(); ++i) {
      fixture.state.users.push_back(ReadUser((*users)[i], "/users/" + std::to_string(i)));
    }
  }
  fixture.state.root_access_keys = ReadKeys(r, "root_access_keys");
  r.Finish();
  return fixture;
}

Json KeyJson(const StoredAccessKey& stored) {
  Json key;
  key["id"] = stored.key.id;
  key["secret"] = stored.key.secret;
  key["status"] = std::string(ToString(stored.key.status));
  key["create_date"] = FormatIso8601(stored.key.create_date, /*with_millis=*/true);
  if (stored.last_used) {
    key["last_used"] = Json{{"date", FormatIso8601(stored.last_used->date, true)},
                            {"service_name", stored.last_used->service_name},
                            {"region", stored.last_used->region}};
  }
  return key;
}

Json KeysJson(const std::vector<StoredAccessKey>& keys) {
  Json array = Json::array();
  for (const StoredAccessKey& key : keys) array.push_back(KeyJson(key));
  return array;
}

}  // namespace

Result<Fixture> ParseFixture(std::string_view json_text, std::string_view source_name) {
  return internal::ReadJson<Fixture>(json_text, source_name, ReadFixture);
}

std::string RenderFixture(const Fixture& fixture) {
  Json root;
  root["version"] = kFormatVersion;
  if (fixture.profile) root["profile"] = std::string(ToString(*fixture.profile));
  if (fixture.account_id) root["account_id"] = *fixture.account_id;
  Json users = Json::array();
  for (const StoredUser& stored : fixture.state.users) {
    Json user;
    user["name"] = stored.user.name;
    user["path"] = stored.user.path;
    user["id"] = stored.user.id;
    user["create_date"] = FormatIso8601(stored.user.create_date, /*with_millis=*/true);
    user["access_keys"] = KeysJson(stored.access_keys);
    users.push_back(std::move(user));
  }
  root["users"] = std::move(users);
  root["root_access_keys"] = KeysJson(fixture.state.root_access_keys);
  return root.dump(2) + "\n";
}

Result<void> LoadFixture(Store& store, const std::string& path) {
  Result<std::string> text = internal::ReadFile(path);
  if (!text.ok()) return text.error();
  Result<Fixture> fixture = ParseFixture(*text, path);
  if (!fixture.ok()) return fixture.error();
  if (fixture->profile && *fixture->profile != store.profile()) {
    return Error::Make(ErrorCode::InvalidInput, path + ": /profile: the file is for " +
                                                    std::string(ToString(*fixture->profile)) +
                                                    " but the store's profile is " +
                                                    std::string(ToString(store.profile())));
  }
  if (fixture->account_id && *fixture->account_id != store.account_id()) {
    return Error::Make(ErrorCode::InvalidInput,
                       path + ": /account_id: the file is for account " + *fixture->account_id +
                           " but the store's account is " + store.account_id());
  }
  Result<void> restored = store.Restore(fixture->state);
  if (!restored.ok()) {
    return Error::Make(ErrorCode::InvalidInput, path + ": " + restored.error().message);
  }
  return {};
}

Result<void> SaveFixture(const Store& store, const std::string& path) {
  return internal::WriteFileAtomically(
      path, RenderFixture(Fixture{store.profile(), store.account_id(), store.Snapshot()}));
}

}  // namespace fakeiam
