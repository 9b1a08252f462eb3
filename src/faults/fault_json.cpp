#include "faults/fault_json.hpp"

#include <limits>

namespace fakeiam {
namespace {

using internal::Json;
using internal::JsonObjectReader;

constexpr std::int64_t kMaxCount = std::numeric_limits<std::int64_t>::max();

std::vector<Operation> ReadOperations(JsonObjectReader& r) {
  const Json* value = r.Field("operation");
  if (!value) return {};
  const Json list = value->is_array() ? *value : Json::array({*value});
  std::vector<Operation> operations;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = value->is_array() ? "/operation/" + std::to_string(i) : "/operation";
    if (!list[i].is_string())
      r.Fail(at, "expected an operation name, got " + internal::Describe(list[i]));
    const std::optional<Operation> op = ParseOperation(list[i].get<std::string>());
    if (!op) {
      r.Fail(at, "unknown operation " + internal::Describe(list[i]) +
                     "; expected an AWS action (ListAccessKeys, ...) or a Huawei v5 name "
                     "(ListAccessKeysV5, ...)");
    }
    operations.push_back(*op);
  }
  return operations;
}

FaultRule ReadRule(const Json& value, const std::string& pointer) {
  JsonObjectReader r(value, pointer);
  FaultRule rule;
  rule.id = r.String("id").value_or("");
  rule.operations = ReadOperations(r);
  rule.user = r.String("user");
  rule.access_key_id = r.String("access_key_id");
  rule.caller_access_key_id = r.String("caller_access_key_id");
  if (const std::optional<std::string> dialect = r.String("dialect")) {
    rule.dialect = ParseCloud(*dialect);
    if (!rule.dialect)
      r.Fail("/dialect", "expected \"aws\" or \"huawei\", got \"" + *dialect + "\"");
  }
  const std::optional<std::int64_t> nth = r.Integer("nth", 1, kMaxCount);
  const std::optional<std::int64_t> after = r.Integer("after", 0, kMaxCount);
  const std::optional<std::int64_t> times = r.Integer("times", 1, kMaxCount);
  if (nth && (after || times)) r.Fail("/nth", "nth cannot go with after or times");
  if (nth) rule.OnCall(static_cast<std::uint64_t>(*nth));
  if (after) rule.after = static_cast<std::uint64_t>(*after);
  if (times) rule.times = static_cast<std::uint64_t>(*times);
  rule.probability = r.Number("probability").value_or(1.0);
  rule.latency = std::chrono::milliseconds(r.Integer("latency_ms", 0, 600000).value_or(0));
  if (const std::optional<std::string> error = r.String("error")) {
    rule.error = ParseErrorCode(*error);
    if (!rule.error) {
      r.Fail("/error", "unknown error \"" + *error +
                           "\"; expected one of fakeiam's codes (ValidationError, NoSuchEntity, "
                           "ServiceUnavailable, ...) or a custom \"code\" with a \"status\"");
    }
  }
  rule.http_status = static_cast<int>(r.Integer("status", 400, 599).value_or(0));
  rule.code = r.String("code").value_or("");
  rule.message = r.String("message").value_or("");
  rule.drop_connection = r.Bool("drop_connection").value_or(false);
  r.Finish();
  if (const Result<void> valid = ValidateFaultRule(rule); !valid.ok()) {
    // ValidateFaultRule says "<field>: <problem>".
    const std::string& message = valid.error().message;
    const std::size_t colon = message.find(": ");
    r.Fail("/" + message.substr(0, colon), message.substr(colon + 2));
  }
  return rule;
}

std::vector<FaultRule> ReadRules(const Json& root) {
  const bool wrapped = root.is_object() && root.contains("rules");
  if (wrapped) {
    JsonObjectReader r(root, "");
    const Json* rules = r.Array("rules");
    r.Finish();
    if (!rules) return {};
    std::vector<FaultRule> out;
    for (std::size_t i = 0; i < rules->size(); ++i) {
      out.push_back(ReadRule((*rules)[i], "/rules/" + std::to_string(i)));
    }
    return out;
  }
  if (root.is_array()) {
    std::vector<FaultRule> out;
    for (std::size_t i = 0; i < root.size(); ++i) {
      out.push_back(ReadRule(root[i], "/" + std::to_string(i)));
    }
    return out;
  }
  return {ReadRule(root, "")};
}

}  // namespace

Result<std::vector<FaultRule>> ParseFaultRules(std::string_view json,
                                               std::string_view source_name) {
  return internal::ReadJson<std::vector<FaultRule>>(json, source_name, ReadRules);
}

namespace internal {

Json FaultRulesJson(const std::vector<FaultRuleState>& rules) {
  Json list = Json::array();
  for (const FaultRuleState& state : rules) {
    const FaultRule& rule = state.rule;
    Json j;
    j["id"] = rule.id;
    if (!rule.operations.empty()) {
      Json ops = Json::array();
      for (Operation op : rule.operations) ops.push_back(std::string(ToString(op)));
      j["operation"] = std::move(ops);
    }
    if (rule.user) j["user"] = *rule.user;
    if (rule.access_key_id) j["access_key_id"] = *rule.access_key_id;
    if (rule.caller_access_key_id) j["caller_access_key_id"] = *rule.caller_access_key_id;
    if (rule.dialect) j["dialect"] = std::string(ToString(*rule.dialect));
    if (rule.after) j["after"] = rule.after;
    if (rule.times) j["times"] = *rule.times;
    if (rule.probability < 1.0) j["probability"] = rule.probability;
    if (rule.latency.count()) j["latency_ms"] = rule.latency.count();
    if (rule.error) j["error"] = std::string(ToString(*rule.error));
    if (rule.http_status) j["status"] = rule.http_status;
    if (!rule.code.empty()) j["code"] = rule.code;
    if (!rule.message.empty()) j["message"] = rule.message;
    if (rule.drop_connection) j["drop_connection"] = true;
    j["matched"] = state.matched;
    j["fired"] = state.fired;
    list.push_back(std::move(j));
  }
  return Json{{"rules", std::move(list)}};
}

Json FaultLogJson(const std::vector<FaultLogEntry>& entries) {
  Json list = Json::array();
  for (const FaultLogEntry& e : entries) {
    Json j;
    j["sequence"] = e.sequence;
    j["rule"] = e.rule_id;
    j["operation"] = std::string(ToString(e.operation));
    j["dialect"] = std::string(ToString(e.dialect));
    j["request_id"] = e.request_id;
    j["user"] = e.user;
    j["access_key_id"] = e.access_key_id;
    j["caller_access_key_id"] = e.caller_access_key_id;
    j["latency_ms"] = e.latency.count();
    j["error_code"] = e.error_code;
    j["status"] = e.http_status;
    j["dropped_connection"] = e.dropped_connection;
    list.push_back(std::move(j));
  }
  return Json{{"entries", std::move(list)}};
}

}  // namespace internal
}  // namespace fakeiam
