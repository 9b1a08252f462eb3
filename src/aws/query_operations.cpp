#include "aws/query_operations.hpp"

#include <charconv>
#include <limits>

#include "core/validation.hpp"

namespace fakeiam::internal {
namespace {

// The date IAM shows for the account root's own user record.
constexpr Timestamp kRootCreateDate = SteppingClock::kDefaultStart;

// A parameter that must be present; absent is AWS's "Member must not be null".
Result<std::string_view> Required(const QueryCall& call, std::string_view name,
                                  std::string_view member) {
  const std::optional<std::string_view> value = call.params.Get(name);
  if (value) return *value;
  Validation v;
  v.Required(member, false);
  return *v.ToError();
}

// UserName, or the caller's own user when the request names none.
KeyHolder HolderOf(const QueryCall& call) {
  if (const std::optional<std::string_view> name = call.params.Get("UserName")) return *name;
  return call.caller.ImplicitHolder();
}

// MaxItems and Marker. MaxItems that is not an integer, or is out of int's range, is reported
// with the range constraint the way IAM reports any out-of-range value.
Result<PageRequest> ReadPage(const QueryCall& call) {
  PageRequest page;
  if (const std::optional<std::string_view> text = call.params.Get("MaxItems")) {
    long long value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec == std::errc() && end == text->data() + text->size()) {
      if (value >= 1 && value <= 1000) {
        page.max_items = static_cast<int>(value);
      } else {
        Validation v;
        v.MaxItems(value);
        return *v.ToError();
      }
    } else if (ec == std::errc::result_out_of_range) {
      Validation v;
      v.MaxItems(text->front() == '-' ? std::numeric_limits<long long>::min()
                                      : std::numeric_limits<long long>::max());
      return *v.ToError();
    } else {
      return Error::Make(ErrorCode::ValidationError,
                         "1 validation error detected: Value '" + std::string(*text) +
                             "' at 'maxItems' failed to satisfy constraint: Member must be an "
                             "integer");
    }
  }
  if (const std::optional<std::string_view> marker = call.params.Get("Marker")) {
    page.marker = std::string(*marker);
  }
  return page;
}

void WriteUser(XmlWriter& xml, std::string_view element, const User& user) {
  const XmlElement node(xml, element);
  xml.Text("Path", user.path);
  xml.Text("UserName", user.name);
  xml.Text("UserId", user.id);
  xml.Text("Arn", user.arn);
  xml.Time("CreateDate", user.create_date);
}

void WritePageEnd(XmlWriter& xml, bool is_truncated, const std::string& marker) {
  xml.Text("IsTruncated", is_truncated ? "true" : "false");
  if (is_truncated) xml.Text("Marker", marker);
}

Result<void> CreateAccessKey(const QueryCall& call) {
  const Result<AccessKey> key = call.store.CreateAccessKey(HolderOf(call), call.context);
  if (!key.ok()) return key.error();
  XmlWriter& xml = call.response.Result();
  const XmlElement node(xml, "AccessKey");
  if (!key->user_name.empty()) xml.Text("UserName", key->user_name);
  xml.Text("AccessKeyId", key->id);
  xml.Text("Status", ToString(key->status));
  xml.Text("SecretAccessKey", key->secret);
  xml.Time("CreateDate", key->create_date);
  return {};
}

Result<void> ListAccessKeys(const QueryCall& call) {
  const Result<PageRequest> request = ReadPage(call);
  if (!request.ok()) return request.error();
  const KeyHolder holder = HolderOf(call);
  const Result<Page<AccessKey>> page = call.store.ListAccessKeys(holder, *request, call.context);
  if (!page.ok()) return page.error();
  XmlWriter& xml = call.response.Result();
  if (holder) {
    // The listed user's name as stored, which may differ in case from the request's: its keys
    // carry it, and only a user without keys needs looking up.
    if (!page->items.empty()) {
      xml.Text("UserName", page->items.front().user_name);
    } else {
      const std::optional<User> user = call.store.FindUser(*holder);
      xml.Text("UserName", user ? user->name : std::string(*holder));
    }
  }
  {
    const XmlElement list(xml, "AccessKeyMetadata");
    for (const AccessKey& key : page->items) {
      const XmlElement member(xml, "member");
      if (!key.user_name.empty()) xml.Text("UserName", key.user_name);
      xml.Text("AccessKeyId", key.id);
      xml.Text("Status", ToString(key.status));
      xml.Time("CreateDate", key.create_date);
    }
  }
  WritePageEnd(xml, page->is_truncated, page->marker);
  return {};
}

Result<void> DeleteAccessKey(const QueryCall& call) {
  const Result<std::string_view> id = Required(call, "AccessKeyId", "accessKeyId");
  if (!id.ok()) return id.error();
  return call.store.DeleteAccessKey(HolderOf(call), *id, call.context);
}

Result<void> UpdateAccessKey(const QueryCall& call) {
  const Result<std::string_view> id = Required(call, "AccessKeyId", "accessKeyId");
  if (!id.ok()) return id.error();
  const Result<std::string_view> status_text = Required(call, "Status", "status");
  if (!status_text.ok()) return status_text.error();
  const std::optional<KeyStatus> status = ParseKeyStatus(*status_text);
  if (!status) {
    return Error::Make(ErrorCode::ValidationError,
                       "1 validation error detected: Value '" + std::string(*status_text) +
                           "' at 'status' failed to satisfy constraint: Member must satisfy "
                           "enum value set: [Active, Inactive, Expired]");
  }
  const Result<AccessKey> updated =
      call.store.UpdateAccessKey(HolderOf(call), *id, *status, call.context);
  if (!updated.ok()) return updated.error();
  return {};
}

Result<void> GetAccessKeyLastUsed(const QueryCall& call) {
  const Result<std::string_view> id = Required(call, "AccessKeyId", "accessKeyId");
  if (!id.ok()) return id.error();
  const Result<AccessKeyLastUsed> used = call.store.GetAccessKeyLastUsed(*id, call.context);
  if (!used.ok()) {
    // An injected error is the rule's; a missing key is answered as IAM answers it.
    if (used.error().code != ErrorCode::NoSuchEntity || !used.error().fault_rule.empty()) {
      return used.error();
    }
    // IAM does not say "no such key" here: it denies access to the resource.
    return Error::Make(ErrorCode::AccessDenied,
                       "User: " + call.caller.Arn(call.store) +
                           " is not authorized to perform iam:GetAccessKeyLastUsed on resource: "
                           "access key " +
                           std::string(*id),
                       Subject::AccessKey, std::string(*id));
  }
  XmlWriter& xml = call.response.Result();
  if (!used->user_name.empty()) xml.Text("UserName", used->user_name);
  const XmlElement node(xml, "AccessKeyLastUsed");
  if (used->last_used) {
    xml.Time("LastUsedDate", used->last_used->date);
    xml.Text("ServiceName", used->last_used->service_name);
    xml.Text("Region", used->last_used->region);
  } else {
    xml.Text("ServiceName", "N/A");
    xml.Text("Region", "N/A");
  }
  return {};
}

Result<void> CreateUser(const QueryCall& call) {
  const Result<std::string_view> name = Required(call, "UserName", "userName");
  if (!name.ok()) return name.error();
  const Result<User> user =
      call.store.CreateUser(*name, call.params.Get("Path").value_or("/"), call.context);
  if (!user.ok()) return user.error();
  WriteUser(call.response.Result(), "User", *user);
  return {};
}

Result<void> GetUser(const QueryCall& call) {
  const KeyHolder holder = HolderOf(call);
  if (!holder) {
    // The root's own record has no name or path, as in IAM.
    XmlWriter& xml = call.response.Result();
    const XmlElement node(xml, "User");
    xml.Text("UserId", call.store.account_id());
    xml.Text("Arn", call.store.root_arn());
    xml.Time("CreateDate", kRootCreateDate);
    return {};
  }
  const Result<User> user = call.store.GetUser(*holder, call.context);
  if (!user.ok()) return user.error();
  WriteUser(call.response.Result(), "User", *user);
  return {};
}

Result<void> DeleteUser(const QueryCall& call) {
  const Result<std::string_view> name = Required(call, "UserName", "userName");
  if (!name.ok()) return name.error();
  return call.store.DeleteUser(*name, call.context);
}

Result<void> ListUsers(const QueryCall& call) {
  const Result<PageRequest> request = ReadPage(call);
  if (!request.ok()) return request.error();
  const Result<Page<User>> page =
      call.store.ListUsers(call.params.Get("PathPrefix").value_or("/"), *request, call.context);
  if (!page.ok()) return page.error();
  XmlWriter& xml = call.response.Result();
  {
    const XmlElement list(xml, "Users");
    for (const User& user : page->items) WriteUser(xml, "member", user);
  }
  WritePageEnd(xml, page->is_truncated, page->marker);
  return {};
}

struct NamedOperation {
  std::string_view action;
  QueryOperation run;
};

constexpr NamedOperation kOperations[] = {
    {"CreateAccessKey", CreateAccessKey},
    {"ListAccessKeys", ListAccessKeys},
    {"DeleteAccessKey", DeleteAccessKey},
    {"UpdateAccessKey", UpdateAccessKey},
    {"GetAccessKeyLastUsed", GetAccessKeyLastUsed},
    {"CreateUser", CreateUser},
    {"GetUser", GetUser},
    {"DeleteUser", DeleteUser},
    {"ListUsers", ListUsers},
};

}  // namespace

std::optional<std::string_view> QueryParams::Get(std::string_view name) const {
  for (const auto& [n, v] : fields_) {
    if (n == name) return std::string_view(v);
  }
  return std::nullopt;
}

std::optional<QueryOperation> FindQueryOperation(std::string_view action) {
  for (const NamedOperation& op : kOperations) {
    if (op.action == action) return op.run;
  }
  return std::nullopt;
}

}  // namespace fakeiam::internal
