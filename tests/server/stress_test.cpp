// Load and concurrency stress: many clients at once over HTTP (AWS Query and Huawei v5, on
// kept-alive connections) and in-process on one store, each keeping a ledger of what it did, then
// the invariants checked against the ledgers; and many servers started and stopped in a loop.
// Both end with the process's threads and descriptors back at their baseline.
//
// Every test is bounded by a count and by wall-clock time, whichever comes first, so that it stays
// short under ThreadSanitizer and AddressSanitizer too; the figures go to standard output.
#include <dirent.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <pugixml.hpp>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "fakeiam/server.hpp"
#include "fakeiam/store.hpp"
#include "loopback_client.hpp"
#include "run_together.hpp"

namespace fakeiam {
namespace {

using SteadyClock = std::chrono::steady_clock;
using testing_support::LoopbackClient;
using testing_support::RunTogether;

constexpr std::size_t kQuota = 4;
constexpr int kSharedUsers = 3;
constexpr int kServers = 2;
constexpr int kAwsThreads = 4;
constexpr int kHuaweiThreads = 4;
constexpr int kInProcessThreads = 4;
constexpr int kWorkers = kAwsThreads + kHuaweiThreads + kInProcessThreads;
constexpr int kOwnUsersPerWorker = 3;
constexpr int kMaxCallsPerWorker = 3000;
constexpr std::chrono::seconds kChurnTime{4};
// A walk longer than this is going round in circles.
constexpr int kMaxPagesPerWalk = 200;

// --- The process's resources ---------------------------------------------------------------

int CountEntries(const char* directory) {
  DIR* dir = ::opendir(directory);
  if (dir == nullptr) return -1;
  int count = 0;
  while (const dirent* entry = ::readdir(dir)) {
    if (std::string_view(entry->d_name) != "." && std::string_view(entry->d_name) != "..") {
      ++count;
    }
  }
  ::closedir(dir);
  return count;
}

struct ProcessResources {
  int threads = 0;
  int open_files = 0;  // counted while the listing itself holds one more
  bool operator==(const ProcessResources& other) const {
    return threads == other.threads && open_files == other.open_files;
  }
};

ProcessResources CurrentResources() {
  return {CountEntries("/proc/self/task"), CountEntries("/proc/self/fd")};
}

// The resources before a test. A sanitizer's runtime starts a helper thread of its own when the
// process starts its first thread: a thread started and joined first keeps it out of the count.
ProcessResources Baseline() {
  std::thread([] {}).join();
  return CurrentResources();
}

// The resources once they are back at `baseline`, or as they are after a while if they never
// come back: a joined thread may linger in /proc for a moment while the kernel reaps it.
ProcessResources ResourcesAfterSettling(const ProcessResources& baseline) {
  const auto give_up = SteadyClock::now() + std::chrono::seconds(10);
  ProcessResources now = CurrentResources();
  while (!(now == baseline) && SteadyClock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    now = CurrentResources();
  }
  return now;
}

void ExpectBackAtBaseline(const ProcessResources& baseline) {
  const ProcessResources after = ResourcesAfterSettling(baseline);
  EXPECT_EQ(after.threads, baseline.threads) << "threads leaked";
  EXPECT_EQ(after.open_files, baseline.open_files) << "file descriptors leaked";
}

// --- Checks ----------------------------------------------------------------------------------

struct InvariantViolation : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Counts the checks made, and stops the worker at the first that fails: what follows a broken
// invariant would only repeat it.
class Checker {
 public:
  void That(bool holds, const std::string& what) {
    ++checks_;
    if (!holds) throw InvariantViolation(what);
  }
  std::uint64_t checks() const { return checks_; }

 private:
  std::uint64_t checks_ = 0;
};

// --- What the workers call -------------------------------------------------------------------

// An answer: an empty `error` is success, otherwise AWS's name of the error (NoSuchEntity,
// LimitExceeded, DeleteConflict...), whichever dialect gave it.
template <typename T>
struct Answer {
  std::string error;
  T value{};
  bool ok() const { return error.empty(); }
};
struct Nothing {};

struct ListedKey {
  std::string id;
  std::string status;  // "Active" or "Inactive", in AWS's spelling
  bool operator==(const ListedKey& other) const { return id == other.id && status == other.status; }
};
struct KeyPage {
  std::vector<ListedKey> keys;
  std::optional<std::string> marker;  // only when more keys follow
};

struct UserRef {
  std::string name;
  std::string id;
};

// One worker's way to the store: in-process, AWS Query over HTTP or Huawei v5 over HTTP.
class IamApi {
 public:
  virtual ~IamApi() = default;
  virtual Answer<std::string> CreateUser(const std::string& name) = 0;  // the user id
  virtual Answer<Nothing> DeleteUser(const std::string& name) = 0;
  virtual Answer<std::string> CreateAccessKey(const UserRef& user) = 0;  // the key id
  virtual Answer<KeyPage> ListAccessKeys(const UserRef& user, int limit,
                                         const std::optional<std::string>& marker) = 0;
  virtual Answer<Nothing> UpdateAccessKey(const UserRef& user, const std::string& key_id,
                                          bool active) = 0;
  virtual Answer<Nothing> DeleteAccessKey(const UserRef& user, const std::string& key_id) = 0;
  virtual Answer<Nothing> GetAccessKeyLastUsed(const UserRef& user, const std::string& key_id) = 0;
};

class InProcessApi : public IamApi {
 public:
  explicit InProcessApi(Store& store) : store_(store) {}

  Answer<std::string> CreateUser(const std::string& name) override {
    const Result<User> user = store_.CreateUser(name);
    return user.ok() ? Answer<std::string>{"", user->id} : Failed<std::string>(user);
  }
  Answer<Nothing> DeleteUser(const std::string& name) override {
    return Done(store_.DeleteUser(name));
  }
  Answer<std::string> CreateAccessKey(const UserRef& user) override {
    const Result<AccessKey> key = store_.CreateAccessKey(user.name);
    return key.ok() ? Answer<std::string>{"", key->id} : Failed<std::string>(key);
  }
  Answer<KeyPage> ListAccessKeys(const UserRef& user, int limit,
                                 const std::optional<std::string>& marker) override {
    const Result<Page<AccessKey>> page = store_.ListAccessKeys(user.name, {limit, marker});
    if (!page.ok()) return Failed<KeyPage>(page);
    Answer<KeyPage> answer;
    for (const AccessKey& key : page->items) {
      answer.value.keys.push_back({key.id, std::string(ToString(key.status))});
    }
    if (page->is_truncated) answer.value.marker = page->marker;
    return answer;
  }
  Answer<Nothing> UpdateAccessKey(const UserRef& user, const std::string& key_id,
                                  bool active) override {
    const Result<AccessKey> key =
        store_.UpdateAccessKey(user.name, key_id, active ? KeyStatus::Active : KeyStatus::Inactive);
    return key.ok() ? Answer<Nothing>{} : Failed<Nothing>(key);
  }
  Answer<Nothing> DeleteAccessKey(const UserRef& user, const std::string& key_id) override {
    return Done(store_.DeleteAccessKey(user.name, key_id));
  }
  Answer<Nothing> GetAccessKeyLastUsed(const UserRef& user, const std::string& key_id) override {
    const Result<AccessKeyLastUsed> used = store_.GetAccessKeyLastUsed(user.name, key_id);
    return used.ok() ? Answer<Nothing>{} : Failed<Nothing>(used);
  }

 private:
  template <typename T, typename R>
  static Answer<T> Failed(const Result<R>& result) {
    return {std::string(ToString(result.error().code)), T{}};
  }
  static Answer<Nothing> Done(const Result<void>& result) {
    return result.ok() ? Answer<Nothing>{} : Failed<Nothing>(result);
  }

  Store& store_;
};

// Whether a response is one a client can take: an answer, never a transport failure or a 5xx.
void CheckTransport(Checker& check, const httplib::Result& result, const std::string& call) {
  check.That(static_cast<bool>(result),
             call + ": transport error " + httplib::to_string(result.error()));
  check.That(result->status < 500,
             call + ": HTTP " + std::to_string(result->status) + "\n" + result->body);
}

// The AWS IAM Query API, one kept-alive connection.
class AwsQueryApi : public IamApi {
 public:
  AwsQueryApi(int port, Checker& check) : client_(LoopbackClient(port)), check_(check) {}

  Answer<std::string> CreateUser(const std::string& name) override {
    const Response response = Call("CreateUser", {{"UserName", name}});
    return {response.error, response.Text("CreateUserResult/User/UserId")};
  }
  Answer<Nothing> DeleteUser(const std::string& name) override {
    return {Call("DeleteUser", {{"UserName", name}}).error, {}};
  }
  Answer<std::string> CreateAccessKey(const UserRef& user) override {
    const Response response = Call("CreateAccessKey", {{"UserName", user.name}});
    return {response.error, response.Text("CreateAccessKeyResult/AccessKey/AccessKeyId")};
  }
  Answer<KeyPage> ListAccessKeys(const UserRef& user, int limit,
                                 const std::optional<std::string>& marker) override {
    httplib::Params params{{"UserName", user.name}, {"MaxItems", std::to_string(limit)}};
    if (marker) params.emplace("Marker", *marker);
    const Response response = Call("ListAccessKeys", std::move(params));
    Answer<KeyPage> answer{response.error, {}};
    if (!answer.ok()) return answer;
    const pugi::xml_node result = response.Node("ListAccessKeysResult");
    for (const pugi::xml_node member : result.child("AccessKeyMetadata").children("member")) {
      answer.value.keys.push_back(
          {member.child_value("AccessKeyId"), member.child_value("Status")});
    }
    const std::string truncated = result.child_value("IsTruncated");
    check_.That(truncated == "true" || truncated == "false", "IsTruncated is " + truncated);
    if (truncated == "true") answer.value.marker = result.child_value("Marker");
    return answer;
  }
  Answer<Nothing> UpdateAccessKey(const UserRef& user, const std::string& key_id,
                                  bool active) override {
    return {Call("UpdateAccessKey", {{"UserName", user.name},
                                     {"AccessKeyId", key_id},
                                     {"Status", active ? "Active" : "Inactive"}})
                .error,
            {}};
  }
  Answer<Nothing> DeleteAccessKey(const UserRef& user, const std::string& key_id) override {
    return {Call("DeleteAccessKey", {{"UserName", user.name}, {"AccessKeyId", key_id}}).error, {}};
  }
  Answer<Nothing> GetAccessKeyLastUsed(const UserRef&, const std::string& key_id) override {
    const Response response = Call("GetAccessKeyLastUsed", {{"AccessKeyId", key_id}});
    // IAM answers a missing key here with AccessDenied, not NoSuchEntity.
    return {response.error == "AccessDenied" ? "NoSuchEntity" : response.error, {}};
  }

 protected:
  httplib::Client& client() { return *client_; }
  Checker& check() { return check_; }

 private:
  // A well-formed answer: `<Action>Response` with its request id, or an ErrorResponse.
  struct Response {
    std::shared_ptr<pugi::xml_document> document = std::make_shared<pugi::xml_document>();
    pugi::xml_node root;
    std::string error;
    pugi::xml_node Node(const char* path) const { return root.first_element_by_path(path); }
    std::string Text(const char* path) const { return Node(path).text().as_string(); }
  };

  Response Call(const std::string& action, httplib::Params params) {
    params.emplace("Action", action);
    params.emplace("Version", "2010-05-08");
    const httplib::Result result = client_->Post("/", params);
    CheckTransport(check_, result, action);
    Response response;
    const pugi::xml_parse_result parsed = response.document->load_string(result->body.c_str());
    check_.That(static_cast<bool>(parsed), action + ": not XML: " + result->body);
    check_.That(!result->get_header_value("x-amzn-RequestId").empty(),
                action + ": no x-amzn-RequestId");
    response.root = response.document->document_element();
    if (result->status == 200) {
      check_.That(response.root.name() == action + "Response",
                  action + ": answered " + response.root.name());
    } else {
      response.error = response.root.first_element_by_path("Error/Code").text().as_string();
      check_.That(std::string(response.root.name()) == "ErrorResponse" && !response.error.empty(),
                  action + ": HTTP " + std::to_string(result->status) + " " + result->body);
    }
    return response;
  }

  std::unique_ptr<httplib::Client> client_;
  Checker& check_;
};

// Huawei v5's access-key routes; users, which v5 has no route for, through AWS's on the same
// connection.
class HuaweiV5Api : public AwsQueryApi {
 public:
  using AwsQueryApi::AwsQueryApi;

  Answer<std::string> CreateAccessKey(const UserRef& user) override {
    const Response response = Call("POST", KeysPath(user), std::nullopt, 201);
    if (!response.ok()) return {response.error, {}};
    return {"", response.body.at("access_key").at("access_key_id").get<std::string>()};
  }
  Answer<KeyPage> ListAccessKeys(const UserRef& user, int limit,
                                 const std::optional<std::string>& marker) override {
    std::string path = KeysPath(user) + "?limit=" + std::to_string(limit);
    if (marker) path += "&marker=" + httplib::detail::encode_query_param(*marker);
    const Response response = Call("GET", path, std::nullopt, 200);
    Answer<KeyPage> answer{response.error, {}};
    if (!answer.ok()) return answer;
    for (const nlohmann::json& key : response.body.at("access_keys")) {
      const std::string status = key.at("status").get<std::string>();
      check().That(status == "active" || status == "inactive", "v5 status " + status);
      answer.value.keys.push_back(
          {key.at("access_key_id").get<std::string>(), status == "active" ? "Active" : "Inactive"});
    }
    const nlohmann::json& page_info = response.body.at("page_info");
    check().That(page_info.at("current_count") == answer.value.keys.size(), "v5 current_count");
    if (page_info.contains("next_marker")) {
      answer.value.marker = page_info.at("next_marker").get<std::string>();
    }
    return answer;
  }
  Answer<Nothing> UpdateAccessKey(const UserRef& user, const std::string& key_id,
                                  bool active) override {
    const std::string status = active ? "active" : "inactive";
    const Response response =
        Call("PUT", KeyPath(user, key_id), nlohmann::json{{"status", status}}.dump(), 200);
    if (response.ok()) {
      check().That(response.body.at("access_key").at("status") == status, "v5 update's status");
    }
    return {response.error, {}};
  }
  Answer<Nothing> DeleteAccessKey(const UserRef& user, const std::string& key_id) override {
    return {Call("DELETE", KeyPath(user, key_id), std::nullopt, 204).error, {}};
  }
  Answer<Nothing> GetAccessKeyLastUsed(const UserRef& user, const std::string& key_id) override {
    const Response response = Call("GET", KeyPath(user, key_id) + "/last-used", std::nullopt, 200);
    if (response.ok()) {
      check().That(response.body.contains("access_key_last_used"), "v5 last-used body");
    }
    return {response.error, {}};
  }

 private:
  struct Response {
    nlohmann::json body;
    std::string error;
    bool ok() const { return error.empty(); }
  };

  static std::string KeysPath(const UserRef& user) {
    return "/v5/users/" + user.id + "/access-keys";
  }
  static std::string KeyPath(const UserRef& user, const std::string& key_id) {
    return KeysPath(user) + "/" + key_id;
  }

  // A well-formed answer: the expected success status with a JSON body (none for 204), or v5's
  // error body; X-Request-Id on both. v5's codes become AWS's names.
  Response Call(const std::string& method, const std::string& path,
                const std::optional<std::string>& json_body, int success_status) {
    const std::string call = method + " " + path;
    httplib::Result result = method == "GET"    ? client().Get(path)
                             : method == "POST" ? client().Post(path)
                             : method == "PUT"  ? client().Put(path, *json_body, "application/json")
                                                : client().Delete(path);
    CheckTransport(check(), result, call);
    check().That(!result->get_header_value("X-Request-Id").empty(), call + ": no X-Request-Id");
    Response response;
    if (result->status == 204) {
      check().That(success_status == 204 && result->body.empty(), call + ": unexpected 204");
      return response;
    }
    response.body = nlohmann::json::parse(result->body, nullptr, /*allow_exceptions=*/false);
    check().That(response.body.is_object(), call + ": not a JSON object: " + result->body);
    if (result->status == success_status) return response;
    check().That(response.body.contains("error_code") && response.body.contains("request_id"),
                 call + ": HTTP " + std::to_string(result->status) + " " + result->body);
    const std::string code = response.body.at("error_code").get<std::string>();
    response.error = code == "PAP5.0003"  ? "LimitExceeded"
                     : code == "IAM.0004" ? "NoSuchEntity"
                                          : code;
    return response;
  }
};

// --- Ledgers ---------------------------------------------------------------------------------

// Orders the workers' calls: a call happened in the store at some moment between the tick taken
// before it was sent and the tick taken after its answer came back.
class Sequence {
 public:
  std::uint64_t Tick() { return next_.fetch_add(1); }

 private:
  std::atomic<std::uint64_t> next_{0};
};

struct Span {
  std::uint64_t sent = 0;
  std::uint64_t answered = 0;
};

struct KeyRecord {
  std::string id;
  std::string user;
  Span created;
  std::optional<Span> deleted;
  std::string status = "Active";
  // Whether the key certainly existed from `span.sent` to `span.answered`.
  bool ExistedThroughout(const Span& span) const {
    return created.answered < span.sent && (!deleted || deleted->sent > span.answered);
  }
  // Whether the key may have existed at some moment of `span`.
  bool MayHaveExistedDuring(const Span& span) const {
    return created.sent < span.answered && (!deleted || deleted->answered > span.sent);
  }
};

struct UserRecord {
  UserRef user;
  bool deleted = false;
};

// A complete paged listing of a shared user's keys, walked while others changed them.
struct WalkRecord {
  std::string user;
  Span span;
  std::vector<std::string> seen;
};

// A CreateAccessKey on a shared user, whose LimitExceeded (or success) depends on the others.
struct SharedCreateRecord {
  std::string user;
  Span span;
  std::optional<std::string> created_key;  // nothing: LimitExceeded
};

struct Ledger {
  std::string worker;
  std::vector<UserRecord> users;
  std::vector<KeyRecord> keys;
  std::vector<WalkRecord> walks;
  std::vector<SharedCreateRecord> shared_creates;
  std::uint64_t calls = 0;
  std::uint64_t checks = 0;
  std::string failure;  // the violated invariant that stopped the worker
};

// --- Workers ---------------------------------------------------------------------------------

// Mixes every operation on its own users (whose state it alone decides, so it knows every
// answer exactly) and on the shared users (where it creates and deletes only keys of its own,
// and walks listings everyone is changing). Each call is checked as it is answered; what needs
// every ledger is checked once all workers are done.
class Worker {
 public:
  Worker(std::string name, std::uint32_t seed, std::vector<UserRef> shared_users,
         Sequence& sequence)
      : shared_users_(std::move(shared_users)), sequence_(sequence), random_(seed) {
    ledger_.worker = std::move(name);
  }

  Checker& checker() { return check_; }
  void set_api(std::unique_ptr<IamApi> api) { api_ = std::move(api); }
  // When set, the worker also checks every user's key count in store snapshots.
  void set_audited_store(const Store* store) { audited_store_ = store; }

  void Run(SteadyClock::time_point deadline) {
    try {
      while (ledger_.calls < kMaxCallsPerWorker && SteadyClock::now() < deadline) Step();
    } catch (const std::exception& violation) {  // a broken invariant, or a malformed body
      ledger_.failure = violation.what();
    }
    ledger_.checks = check_.checks();
  }

  Ledger TakeLedger() { return std::move(ledger_); }

 private:
  // Indices into ledger_.users and ledger_.keys.
  struct OwnUser {
    std::size_t record;
    std::vector<std::size_t> keys;  // in creation order
  };

  void Step() {
    switch (std::uniform_int_distribution<int>(0, 9)(random_)) {
      case 0:
        return own_users_.size() < kOwnUsersPerWorker ? CreateOwnUser() : DeleteOwnUser();
      case 1:
        return own_users_.empty() ? CreateOwnUser() : CreateOwnKey();
      case 2:
        return CreateSharedKey();
      case 3:
        return ListOwnUser();
      case 4:
        return WalkSharedUser();
      case 5:
        return UpdateKey();
      case 6:
        return GetLastUsed();
      case 7:
      case 8:
        return DeleteKey();
      default:
        return audited_store_ ? AuditQuotas() : DeleteOwnUser();
    }
  }

  template <typename Call>
  auto Timed(Span& span, Call call) {
    span.sent = sequence_.Tick();
    auto answer = call();
    span.answered = sequence_.Tick();
    ++ledger_.calls;
    return answer;
  }
  template <typename Call>
  auto Untimed(Call call) {
    ++ledger_.calls;
    return call();
  }

  std::size_t Pick(std::size_t size) {
    return std::uniform_int_distribution<std::size_t>(0, size - 1)(random_);
  }
  int PageSize() { return std::uniform_int_distribution<int>(1, 3)(random_); }
  const UserRef& UserOf(const OwnUser& own) const { return ledger_.users[own.record].user; }
  const UserRef& UserNamed(const std::string& name) const {
    for (const UserRecord& record : ledger_.users) {
      if (record.user.name == name) return record.user;
    }
    for (const UserRef& shared : shared_users_) {
      if (shared.name == name) return shared;
    }
    throw InvariantViolation("no user " + name + " in the ledger");
  }
  std::string What(const std::string& call, const std::string& error) const {
    return ledger_.worker + ": " + call + " answered " + (error.empty() ? "success" : error);
  }

  void CreateOwnUser() {
    const std::string name = ledger_.worker + "-u" + std::to_string(next_user_++);
    const auto answer = Untimed([&] { return api_->CreateUser(name); });
    check_.That(answer.ok() && !answer.value.empty(), What("CreateUser " + name, answer.error));
    own_users_.push_back({ledger_.users.size(), {}});
    ledger_.users.push_back({{name, answer.value}, false});
  }

  void DeleteOwnUser() {
    if (own_users_.empty()) return CreateOwnUser();
    const std::size_t index = Pick(own_users_.size());
    const UserRef user = UserOf(own_users_[index]);
    const auto answer = Untimed([&] { return api_->DeleteUser(user.name); });
    if (!own_users_[index].keys.empty()) {
      check_.That(answer.error == "DeleteConflict", What("DeleteUser with keys", answer.error));
      return;
    }
    check_.That(answer.ok(), What("DeleteUser " + user.name, answer.error));
    ledger_.users[own_users_[index].record].deleted = true;
    own_users_.erase(own_users_.begin() + static_cast<std::ptrdiff_t>(index));
  }

  // The quota, exactly: LimitExceeded at it, a key below it.
  void CreateOwnKey() {
    OwnUser& own = own_users_[Pick(own_users_.size())];
    const UserRef user = UserOf(own);
    Span span;
    const auto answer = Timed(span, [&] { return api_->CreateAccessKey(user); });
    if (own.keys.size() == kQuota) {
      check_.That(answer.error == "LimitExceeded",
                  What("CreateAccessKey at the quota", answer.error));
      return;
    }
    check_.That(answer.ok(), What("CreateAccessKey below the quota", answer.error));
    own.keys.push_back(Record(answer.value, user.name, span));
  }

  void CreateSharedKey() {
    const UserRef& user = shared_users_[Pick(shared_users_.size())];
    Span span;
    const auto answer = Timed(span, [&] { return api_->CreateAccessKey(user); });
    check_.That(answer.ok() || answer.error == "LimitExceeded",
                What("CreateAccessKey on a shared user", answer.error));
    SharedCreateRecord record{user.name, span, std::nullopt};
    if (answer.ok()) {
      record.created_key = answer.value;
      shared_keys_.push_back(Record(answer.value, user.name, span));
    }
    ledger_.shared_creates.push_back(std::move(record));
  }

  std::size_t Record(const std::string& id, const std::string& user, const Span& created) {
    check_.That(!id.empty(), ledger_.worker + ": a key without an id");
    ledger_.keys.push_back({id, user, created, std::nullopt, "Active"});
    return ledger_.keys.size() - 1;
  }

  // Pages through a listing; each marker must lead on to the next page.
  std::vector<ListedKey> Walk(const UserRef& user) {
    const int page_size = PageSize();
    std::vector<ListedKey> listed;
    std::optional<std::string> marker;
    for (int pages = 1;; ++pages) {
      const auto page = Untimed([&] { return api_->ListAccessKeys(user, page_size, marker); });
      check_.That(page.ok(), What("ListAccessKeys of " + user.name, page.error));
      check_.That(page.value.keys.size() <= static_cast<std::size_t>(page_size),
                  ledger_.worker + ": a page longer than MaxItems");
      listed.insert(listed.end(), page.value.keys.begin(), page.value.keys.end());
      if (!page.value.marker) return listed;
      check_.That(!page.value.marker->empty() && pages < kMaxPagesPerWalk,
                  ledger_.worker + ": a truncated page without a usable marker");
      marker = page.value.marker;
    }
  }

  // Nobody else touches this user: the walk shows exactly the ledger's keys, in order.
  void ListOwnUser() {
    if (own_users_.empty()) return CreateOwnUser();
    const OwnUser& own = own_users_[Pick(own_users_.size())];
    std::vector<ListedKey> expected;
    for (const std::size_t key : own.keys) {
      expected.push_back({ledger_.keys[key].id, ledger_.keys[key].status});
    }
    check_.That(Walk(UserOf(own)) == expected,
                ledger_.worker + ": the listing of " + UserOf(own).name + " is not its ledger's");
  }

  void WalkSharedUser() {
    const UserRef& user = shared_users_[Pick(shared_users_.size())];
    WalkRecord walk{user.name, {}, {}};
    walk.span.sent = sequence_.Tick();
    for (const ListedKey& key : Walk(user)) walk.seen.push_back(key.id);
    walk.span.answered = sequence_.Tick();
    const std::set<std::string> distinct(walk.seen.begin(), walk.seen.end());
    check_.That(distinct.size() == walk.seen.size(),
                ledger_.worker + ": a walk of " + user.name + " listed a key twice");
    ledger_.walks.push_back(std::move(walk));
  }

  // A live key of this worker's, on its own users or the shared ones; nothing when it has none.
  std::optional<std::pair<std::vector<std::size_t>*, std::size_t>> PickLiveKey() {
    std::vector<std::vector<std::size_t>*> lists{&shared_keys_};
    for (OwnUser& own : own_users_) lists.push_back(&own.keys);
    std::vector<std::pair<std::vector<std::size_t>*, std::size_t>> candidates;
    for (std::vector<std::size_t>* list : lists) {
      for (std::size_t i = 0; i < list->size(); ++i) candidates.emplace_back(list, i);
    }
    if (candidates.empty()) return std::nullopt;
    return candidates[Pick(candidates.size())];
  }

  void UpdateKey() {
    const auto live = PickLiveKey();
    if (!live) return CreateSharedKey();
    KeyRecord& key = ledger_.keys[(*live->first)[live->second]];
    const bool activate = key.status == "Inactive";
    const auto answer =
        Untimed([&] { return api_->UpdateAccessKey(UserNamed(key.user), key.id, activate); });
    check_.That(answer.ok(), What("UpdateAccessKey " + key.id, answer.error));
    key.status = activate ? "Active" : "Inactive";
  }

  // A live key has a last use to show (none yet); a deleted one is NoSuchEntity.
  void GetLastUsed() {
    const bool of_deleted = !deleted_keys_.empty() && Pick(3) == 0;
    const auto live = PickLiveKey();
    if (!of_deleted && !live) return CreateSharedKey();
    const KeyRecord& key = ledger_.keys[of_deleted ? deleted_keys_[Pick(deleted_keys_.size())]
                                                   : (*live->first)[live->second]];
    const auto answer =
        Untimed([&] { return api_->GetAccessKeyLastUsed(UserNamed(key.user), key.id); });
    check_.That(of_deleted ? answer.error == "NoSuchEntity" : answer.ok(),
                What("GetAccessKeyLastUsed " + key.id, answer.error));
  }

  // Deletes a live key, or now and then one already deleted, which must be NoSuchEntity.
  void DeleteKey() {
    if (!deleted_keys_.empty() && Pick(8) == 0) {
      const KeyRecord& key = ledger_.keys[deleted_keys_[Pick(deleted_keys_.size())]];
      const auto answer =
          Untimed([&] { return api_->DeleteAccessKey(UserNamed(key.user), key.id); });
      check_.That(answer.error == "NoSuchEntity", What("a second DeleteAccessKey", answer.error));
      return;
    }
    const auto live = PickLiveKey();
    if (!live) return CreateSharedKey();
    const std::size_t index = (*live->first)[live->second];
    KeyRecord& key = ledger_.keys[index];
    Span span;
    const auto answer =
        Timed(span, [&] { return api_->DeleteAccessKey(UserNamed(key.user), key.id); });
    check_.That(answer.ok(), What("DeleteAccessKey " + key.id, answer.error));
    key.deleted = span;
    live->first->erase(live->first->begin() + static_cast<std::ptrdiff_t>(live->second));
    deleted_keys_.push_back(index);
  }

  // No user ever holds more keys than the quota, whatever is in flight.
  void AuditQuotas() {
    const StoreState state = Untimed([&] { return audited_store_->Snapshot(); });
    for (const StoredUser& user : state.users) {
      check_.That(user.access_keys.size() <= kQuota,
                  user.user.name + " holds " + std::to_string(user.access_keys.size()) + " keys");
    }
  }

  Ledger ledger_;
  Checker check_;
  std::unique_ptr<IamApi> api_;
  const Store* audited_store_ = nullptr;
  const std::vector<UserRef> shared_users_;
  Sequence& sequence_;
  std::mt19937 random_;
  std::vector<OwnUser> own_users_;
  std::vector<std::size_t> shared_keys_;   // live keys this worker made on shared users
  std::vector<std::size_t> deleted_keys_;  // keys this worker deleted
  int next_user_ = 0;
};

// --- Checks over every ledger ----------------------------------------------------------------

class LedgerAudit {
 public:
  LedgerAudit(const std::vector<Ledger>& ledgers, const std::vector<UserRef>& shared_users)
      : ledgers_(ledgers), shared_users_(shared_users) {
    for (const Ledger& ledger : ledgers_) {
      for (const KeyRecord& key : ledger.keys) {
        keys_by_user_[key.user].push_back(&key);
        key_by_id_.emplace(key.id, &key);
      }
    }
  }

  std::uint64_t checks() const { return check_.checks(); }

  void Run(const Store& store) {
    IdsAreUnique();
    StoreHoldsWhatTheLedgersSay(store.Snapshot());
    WalksNeitherSkippedNorRepeated();
    LimitExceededOnlyAtTheQuota();
  }

 private:
  // Across every worker, both dialects and in-process calls.
  void IdsAreUnique() {
    std::set<std::string> key_ids, user_ids;
    for (const UserRef& user : shared_users_) user_ids.insert(user.id);
    for (const Ledger& ledger : ledgers_) {
      for (const KeyRecord& key : ledger.keys) {
        check_.That(key_ids.insert(key.id).second, "key id " + key.id + " issued twice");
      }
      for (const UserRecord& user : ledger.users) {
        check_.That(user_ids.insert(user.user.id).second, "user id " + user.user.id + " twice");
      }
    }
  }

  // Users and keys: what was created less what was deleted, each key with its last status.
  void StoreHoldsWhatTheLedgersSay(const StoreState& state) {
    std::set<std::string> expected_users, expected_keys, users, keys;
    for (const UserRef& user : shared_users_) expected_users.insert(user.name + " " + user.id);
    for (const Ledger& ledger : ledgers_) {
      for (const UserRecord& user : ledger.users) {
        if (!user.deleted) expected_users.insert(user.user.name + " " + user.user.id);
      }
      for (const KeyRecord& key : ledger.keys) {
        if (!key.deleted) expected_keys.insert(key.user + " " + key.id + " " + key.status);
      }
    }
    for (const StoredUser& user : state.users) {
      users.insert(user.user.name + " " + user.user.id);
      check_.That(user.access_keys.size() <= kQuota, user.user.name + " is over the quota");
      for (const StoredAccessKey& key : user.access_keys) {
        keys.insert(user.user.name + " " + key.key.id + " " +
                    std::string(ToString(key.key.status)));
      }
    }
    check_.That(users == expected_users, "the store's users are not the ledgers'");
    check_.That(keys == expected_keys, "the store's keys are not the ledgers'");
    check_.That(state.root_access_keys.empty(), "a root key appeared");
  }

  // Every key that existed for the whole walk is in it; every key in it may have existed during
  // it, belongs to the user walked, and comes after the keys created before it.
  void WalksNeitherSkippedNorRepeated() {
    for (const Ledger& ledger : ledgers_) {
      for (const WalkRecord& walk : ledger.walks) {
        const std::set<std::string> seen(walk.seen.begin(), walk.seen.end());
        for (const KeyRecord* key : keys_by_user_[walk.user]) {
          if (key->ExistedThroughout(walk.span)) {
            check_.That(seen.count(key->id) == 1, "a walk of " + walk.user + " skipped " + key->id);
          }
        }
        std::vector<const KeyRecord*> listed;
        for (const std::string& id : walk.seen) {
          const auto found = key_by_id_.find(id);
          check_.That(found != key_by_id_.end() && found->second->user == walk.user &&
                          found->second->MayHaveExistedDuring(walk.span),
                      "a walk of " + walk.user + " listed " + id + ", which was not there");
          listed.push_back(found->second);
        }
        for (std::size_t i = 0; i < listed.size(); ++i) {
          for (std::size_t j = i + 1; j < listed.size(); ++j) {
            check_.That(listed[j]->created.answered > listed[i]->created.sent,
                        "a walk of " + walk.user + " listed keys out of creation order");
          }
        }
      }
    }
  }

  // A success while the quota was certainly full, or a LimitExceeded while it certainly was not,
  // is wrong.
  void LimitExceededOnlyAtTheQuota() {
    for (const Ledger& ledger : ledgers_) {
      for (const SharedCreateRecord& create : ledger.shared_creates) {
        std::size_t certainly_held = 0, possibly_held = 0;
        for (const KeyRecord* key : keys_by_user_[create.user]) {
          if (create.created_key && key->id == *create.created_key) continue;
          certainly_held += key->ExistedThroughout(create.span);
          possibly_held += key->MayHaveExistedDuring(create.span);
        }
        if (create.created_key) {
          check_.That(certainly_held < kQuota, "a key was created on " + create.user +
                                                   " while it held " +
                                                   std::to_string(certainly_held));
        } else {
          check_.That(possibly_held >= kQuota, "LimitExceeded on " + create.user +
                                                   " though it held at most " +
                                                   std::to_string(possibly_held));
        }
      }
    }
  }

  const std::vector<Ledger>& ledgers_;
  const std::vector<UserRef>& shared_users_;
  std::map<std::string, std::vector<const KeyRecord*>> keys_by_user_;
  std::map<std::string, const KeyRecord*> key_by_id_;
  Checker check_;
};

TEST(StressTest, MixedClientsOverBothDialectsAndInProcessKeepEveryInvariant) {
  const ProcessResources baseline = Baseline();
  StoreOptions options;
  options.access_key_quota = static_cast<int>(kQuota);
  auto store = std::make_shared<Store>(options);
  std::vector<UserRef> shared_users;
  for (int i = 0; i < kSharedUsers; ++i) {
    const Result<User> user = store->CreateUser("shared" + std::to_string(i));
    ASSERT_TRUE(user.ok());
    shared_users.push_back({user->name, user->id});
  }

  std::vector<Ledger> ledgers;
  {
    std::vector<std::unique_ptr<Server>> servers;
    for (int i = 0; i < kServers; ++i) {
      servers.push_back(std::make_unique<Server>(store));
      ASSERT_TRUE(servers.back()->Start().ok());
    }
    Sequence sequence;
    std::vector<std::unique_ptr<Worker>> workers;
    for (int i = 0; i < kWorkers; ++i) {
      const bool aws = i < kAwsThreads;
      const bool huawei = !aws && i < kAwsThreads + kHuaweiThreads;
      const std::string name = aws ? "aws" : huawei ? "huawei" : "inproc";
      auto worker =
          std::make_unique<Worker>(name + std::to_string(i), 1000u + i, shared_users, sequence);
      const int port = servers[i % kServers]->port();
      if (aws) {
        worker->set_api(std::make_unique<AwsQueryApi>(port, worker->checker()));
      } else if (huawei) {
        worker->set_api(std::make_unique<HuaweiV5Api>(port, worker->checker()));
      } else {
        worker->set_api(std::make_unique<InProcessApi>(*store));
        worker->set_audited_store(store.get());
      }
      workers.push_back(std::move(worker));
    }
    const auto deadline = SteadyClock::now() + kChurnTime;
    RunTogether(kWorkers, [&](int i) { workers[i]->Run(deadline); });
    for (auto& worker : workers) ledgers.push_back(worker->TakeLedger());
    workers.clear();  // their connections close before the servers stop
    for (auto& server : servers) server->Stop();
  }

  std::uint64_t calls = 0, checks = 0, walks = 0, keys = 0;
  for (const Ledger& ledger : ledgers) {
    EXPECT_EQ(ledger.failure, "") << ledger.worker;
    EXPECT_GT(ledger.calls, 0u) << ledger.worker;
    calls += ledger.calls;
    checks += ledger.checks;
    walks += ledger.walks.size();
    keys += ledger.keys.size();
  }
  LedgerAudit audit(ledgers, shared_users);
  try {
    audit.Run(*store);
  } catch (const InvariantViolation& violation) {
    ADD_FAILURE() << violation.what();
  }
  checks += audit.checks();
  ExpectBackAtBaseline(baseline);
  std::cout << "stress: " << kWorkers << " workers made " << calls << " calls (" << keys
            << " keys created, " << walks << " paged walks under churn); " << checks
            << " invariant checks\n";
}

// --- Many servers ----------------------------------------------------------------------------

constexpr int kServersAtOnce = 4;
constexpr int kMaxServerRounds = 50;
constexpr std::chrono::seconds kServerLoopTime{6};

TEST(StressTest, ManyServersStartAndStopWithoutLeakingThreadsOrDescriptors) {
  const ProcessResources baseline = Baseline();
  const auto deadline = SteadyClock::now() + kServerLoopTime;
  std::atomic<int> answered{0};
  int rounds = 0;
  for (; rounds < kMaxServerRounds && SteadyClock::now() < deadline; ++rounds) {
    // Each server starts, answers in one dialect or the other, and stops while others do too.
    RunTogether(kServersAtOnce, [&](int i) {
      auto store = std::make_shared<Store>();
      const Result<User> user = store->CreateUser("Bob");
      ASSERT_TRUE(user.ok());
      Server server(store);
      ASSERT_TRUE(server.Start().ok());
      const auto client = LoopbackClient(server.port());
      const httplib::Result result = i % 2 == 0
                                         ? client->Post("/", "Action=ListUsers&Version=2010-05-08",
                                                        "application/x-www-form-urlencoded")
                                         : client->Get("/v5/users/" + user->id + "/access-keys");
      ASSERT_TRUE(result) << httplib::to_string(result.error());
      EXPECT_EQ(result->status, 200) << result->body;
      answered.fetch_add(1);
      if (i % 2 == 0) server.Stop();  // the others stop in the destructor
    });
  }
  EXPECT_EQ(answered.load(), rounds * kServersAtOnce);
  ExpectBackAtBaseline(baseline);
  std::cout << "stress: " << rounds << " rounds of " << kServersAtOnce << " servers at once, "
            << answered.load() << " servers started, answered and stopped\n";
}

}  // namespace
}  // namespace fakeiam
