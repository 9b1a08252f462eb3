#include "huawei/v5_dialect.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "core/json_writer.hpp"
#include "http/content_type.hpp"
#include "http/url_encoding.hpp"
#include "huawei/v5_errors.hpp"
#include "huawei/v5_route.hpp"
#include "protocol/authentication.hpp"

namespace fakeiam::internal {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 200;
constexpr std::size_t kMinMarker = 4;
constexpr std::size_t kMaxMarker = 400;
// fakeiam's markers are never longer than the store accepts; a longer one cannot be its own.
constexpr std::size_t kMaxStoreMarker = 320;

Error InvalidParameter(std::string_view name, std::string_view why) {
  return Error::Make(ErrorCode::ValidationError,
                     "Request parameter " + std::string(name) + " is invalid: " + std::string(why));
}

Error InvalidMarker() {
  return Error::Make(ErrorCode::InvalidInput, "invalid marker", Subject::Marker);
}

// v5 shows two statuses; an Expired key can sign nothing, like an inactive one.
const char* V5Status(KeyStatus status) {
  return status == KeyStatus::Active ? "active" : "inactive";
}

// The members of an access key that every answer about one shows.
void WriteKeyMembers(JsonWriter& json, const AccessKey& key) {
  json.Key("user_id");
  json.String(key.user_id);
  json.Key("access_key_id");
  json.String(key.id);
  json.Key("created_at");
  json.Time(key.create_date);
}

void WriteStatus(JsonWriter& json, KeyStatus status) {
  json.Key("status");
  json.String(V5Status(status));
}

// `{"<name>": {user_id, access_key_id, created_at[, secret_access_key], status}}`
std::string KeyDocument(std::string_view name, const AccessKey& key, bool with_secret) {
  JsonWriter json;
  json.BeginObject();
  json.Key(name);
  json.BeginObject();
  WriteKeyMembers(json, key);
  if (with_secret) {
    json.Key("secret_access_key");
    json.String(key.secret);
  }
  WriteStatus(json, key.status);
  json.EndObject();
  json.EndObject();
  return json.Take();
}

struct Call {
  Store& store;
  const HttpRequest& request;
  const V5Route& route;
  const User& user;
  const CallContext& context;
};

Result<PageRequest> ReadPage(const HttpRequest& request) {
  const std::optional<FormFields> fields = ParseForm(request.query, /*plus_is_space=*/false);
  if (!fields) return InvalidParameter("query", "it has a malformed percent-escape.");
  PageRequest page;
  std::set<std::string> seen;
  for (const auto& [name, value] : *fields) {
    if (!seen.insert(name).second) return InvalidParameter(name, "it is given more than once.");
    if (name == "limit") {
      int limit = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (ec != std::errc() || end != value.data() + value.size() || limit < 1 ||
          limit > kMaxLimit) {
        return InvalidParameter("limit",
                                "it is a whole number from 1 to 200, not '" + value + "'.");
      }
      page.max_items = limit;
    } else if (name == "marker") {
      if (value.size() < kMinMarker || value.size() > kMaxMarker ||
          value.size() > kMaxStoreMarker ||
          value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                  "0123456789+/=_-") != std::string::npos) {
        return InvalidMarker();
      }
      page.marker = value;
    }
  }
  if (!page.max_items) page.max_items = kDefaultLimit;
  return page;
}

Result<HttpResponse> ListAccessKeys(const Call& call, const std::string& request_id) {
  const Result<PageRequest> request = ReadPage(call.request);
  if (!request.ok()) return request.error();
  const Result<Page<AccessKey>> page =
      call.store.ListAccessKeys(call.user.name, *request, call.context);
  if (!page.ok()) return page.error();
  JsonWriter json;
  json.BeginObject();
  json.Key("access_keys");
  json.BeginArray();
  for (const AccessKey& key : page->items) {
    json.BeginObject();
    WriteKeyMembers(json, key);
    WriteStatus(json, key.status);
    json.EndObject();
  }
  json.EndArray();
  json.Key("page_info");
  json.BeginObject();
  if (page->is_truncated) {
    json.Key("next_marker");
    json.String(page->marker);
  }
  json.Key("current_count");
  json.Number(page->items.size());
  json.EndObject();
  json.EndObject();
  return V5JsonResponse(200, json.Take(), request_id);
}

Result<HttpResponse> CreateAccessKey(const Call& call, const std::string& request_id) {
  const Result<AccessKey> key = call.store.CreateAccessKey(call.user.name, call.context);
  if (!key.ok()) return key.error();
  return V5JsonResponse(201, KeyDocument("access_key", *key, /*with_secret=*/true), request_id);
}

// `{"status": "active" | "inactive"}`.
Result<KeyStatus> ReadStatusBody(const HttpRequest& request) {
  if (request.headers.Get("Content-Type") && !IsJsonContent(request.headers)) {
    return InvalidParameter("Content-Type", "the body must be application/json.");
  }
  const Error not_an_object =
      InvalidParameter("body", "it must be a JSON object such as {\"status\": \"active\"}.");
  // nlohmann's parser takes a NUL byte for the end of its input and would ignore what follows;
  // JSON text never holds one.
  if (request.body.find('\0') != std::string::npos) return not_an_object;
  // A key given twice is refused rather than guessed at, as a query parameter given twice is.
  std::vector<std::set<std::string>> keys;  // of each object being parsed, innermost last
  bool duplicate_key = false;
  const Json body = Json::parse(
      request.body,
      [&](int, Json::parse_event_t event, Json& parsed) {
        if (event == Json::parse_event_t::object_start) keys.emplace_back();
        if (event == Json::parse_event_t::object_end) keys.pop_back();
        if (event == Json::parse_event_t::key &&
            !keys.back().insert(parsed.get<std::string>()).second) {
          duplicate_key = true;
        }
        return true;
      },
      /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) return not_an_object;
  if (duplicate_key) {
    return InvalidParameter("body", "it gives a key more than once.");
  }
  const auto status = body.find("status");
  if (status == body.end() || !status->is_string()) {
    return InvalidParameter("status", "it is required, \"active\" or \"inactive\".");
  }
  const std::string text = status->get<std::string>();
  if (text == "active") return KeyStatus::Active;
  if (text == "inactive") return KeyStatus::Inactive;
  return InvalidParameter("status", "it is \"active\" or \"inactive\", not \"" + text + "\".");
}

Result<HttpResponse> UpdateAccessKey(const Call& call, const std::string& request_id) {
  const Result<KeyStatus> status = ReadStatusBody(call.request);
  if (!status.ok()) return status.error();
  const Result<AccessKey> updated =
      call.store.UpdateAccessKey(call.user.name, call.route.access_key_id, *status, call.context);
  if (!updated.ok()) return updated.error();
  return V5JsonResponse(200, KeyDocument("access_key", *updated, /*with_secret=*/false),
                        request_id);
}

Result<HttpResponse> DeleteAccessKey(const Call& call, const std::string& request_id) {
  if (Result<void> deleted =
          call.store.DeleteAccessKey(call.user.name, call.route.access_key_id, call.context);
      !deleted.ok()) {
    return deleted.error();
  }
  HttpResponse response;
  response.status = 204;
  response.headers.Add("X-Request-Id", request_id);
  return response;
}

Result<HttpResponse> ShowAccessKeyLastUsed(const Call& call, const std::string& request_id) {
  const Result<AccessKeyLastUsed> used =
      call.store.GetAccessKeyLastUsed(call.user.name, call.route.access_key_id, call.context);
  if (!used.ok()) return used.error();
  JsonWriter json;
  json.BeginObject();
  json.Key("access_key_last_used");
  json.BeginObject();
  if (used->last_used) {
    json.Key("last_used_at");
    json.Time(used->last_used->date);
  }
  json.EndObject();
  json.EndObject();
  return V5JsonResponse(200, json.Take(), request_id);
}

Result<HttpResponse> Dispatch(const Call& call, const std::string& request_id) {
  switch (call.route.operation) {
    case V5Operation::ListAccessKeys:
      return ListAccessKeys(call, request_id);
    case V5Operation::CreateAccessKey:
      return CreateAccessKey(call, request_id);
    case V5Operation::UpdateAccessKey:
      return UpdateAccessKey(call, request_id);
    case V5Operation::DeleteAccessKey:
      return DeleteAccessKey(call, request_id);
    case V5Operation::ShowAccessKeyLastUsed:
      return ShowAccessKeyLastUsed(call, request_id);
  }
  return Error::Make(ErrorCode::UnknownOperation, "no such operation");
}

Result<HttpResponse> Answer(Store& store, const HttpRequest& request, const AuthOptions& auth,
                            const V5Route& route, const std::string& request_id) {
  const Result<Caller> caller = Authenticate(store, request, auth, Cloud::Huawei);
  if (!caller.ok()) return caller.error();
  const Result<User> user = store.GetUserById(route.user_id);
  if (!user.ok()) return user.error();
  const CallContext context = caller->Context(Cloud::Huawei, request_id);
  return Dispatch(Call{store, request, route, *user, context}, request_id);
}

}  // namespace

HttpResponse HuaweiErrorResponse(Store& store, const Error& error) {
  return V5ErrorResponse(error, store.NextRequestId(Cloud::Huawei));
}

HttpResponse HandleHuaweiV5(Store& store, const HttpRequest& request, const AuthOptions& auth) {
  const std::string request_id = store.NextRequestId(Cloud::Huawei);
  const Result<V5Route> route = MatchV5Route(request.method, request.path);
  if (!route.ok()) {
    HttpResponse response = V5ErrorResponse(route.error(), request_id);
    if (route.error().code == ErrorCode::MethodNotAllowed) {
      response.headers.Add("Allow", route.error().subject_id);
    }
    return response;
  }
  Result<HttpResponse> answer = Answer(store, request, auth, *route, request_id);
  HttpResponse response =
      answer.ok() ? std::move(*answer) : V5ErrorResponse(answer.error(), request_id);
  response.operation = std::string(ToString(route->operation));
  return response;
}

}  // namespace fakeiam::internal
