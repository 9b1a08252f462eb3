#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "core/ascii.hpp"
#include "core/error_catalog.hpp"
#include "fakeiam/faults.hpp"
#include "fakeiam/id_generator.hpp"

namespace fakeiam {
namespace {

Error Invalid(const std::string& field, const std::string& problem) {
  return Error::Make(ErrorCode::InvalidInput, field + ": " + problem);
}

// The error a bare HTTP status stands for, given the operation it fails.
std::optional<ErrorCode> ErrorForStatus(int status, Operation operation) {
  switch (status) {
    case 400:
      return ErrorCode::ValidationError;
    case 403:
      return ErrorCode::AccessDenied;
    case 404:
      return ErrorCode::NoSuchEntity;
    case 409:
      if (operation == Operation::CreateUser) return ErrorCode::EntityAlreadyExists;
      if (operation == Operation::DeleteUser) return ErrorCode::DeleteConflict;
      return ErrorCode::LimitExceeded;
    case 429:
      return ErrorCode::Throttling;
    case 500:
      return ErrorCode::ServiceFailure;
    case 503:
      return ErrorCode::ServiceUnavailable;
    default:
      return std::nullopt;
  }
}

// A uniform draw in [0, 1) from the rule's own stream, so that one rule's firing pattern does not
// depend on any other rule.
double Draw(std::uint64_t seed, const std::string& rule_id, std::uint64_t n) {
  std::uint64_t rule_hash = 0xCBF29CE484222325ULL;  // FNV-1a
  for (char c : rule_id) rule_hash = (rule_hash ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  SplitMix64 stream(seed ^ rule_hash, IdKind::FaultDraw, n);
  return static_cast<double>(stream.Next() >> 11) * 0x1.0p-53;
}

bool SameUser(const std::string& wanted, const FaultTarget& target) {
  return (!target.user_name.empty() &&
          internal::ToLower(wanted) == internal::ToLower(target.user_name)) ||
         (!target.user_id.empty() && wanted == target.user_id);
}

}  // namespace

FaultRule FaultRule::For(Operation operation) {
  FaultRule rule;
  rule.operations.push_back(operation);
  return rule;
}
FaultRule FaultRule::ForAnyOperation() { return FaultRule(); }
FaultRule& FaultRule::Also(Operation operation) {
  operations.push_back(operation);
  return *this;
}
FaultRule& FaultRule::OnUser(std::string name_or_id) {
  user = std::move(name_or_id);
  return *this;
}
FaultRule& FaultRule::OnAccessKey(std::string id) {
  access_key_id = std::move(id);
  return *this;
}
FaultRule& FaultRule::FromCaller(std::string id) {
  caller_access_key_id = std::move(id);
  return *this;
}
FaultRule& FaultRule::InDialect(Cloud d) {
  dialect = d;
  return *this;
}
FaultRule& FaultRule::After(std::uint64_t calls) {
  after = calls;
  return *this;
}
FaultRule& FaultRule::OnCall(std::uint64_t nth) {
  after = nth == 0 ? 0 : nth - 1;
  times = 1;
  return *this;
}
FaultRule& FaultRule::Times(std::uint64_t n) {
  times = n;
  return *this;
}
FaultRule& FaultRule::WithProbability(double p) {
  probability = p;
  return *this;
}
FaultRule& FaultRule::WithError(ErrorCode e) {
  error = e;
  return *this;
}
FaultRule& FaultRule::WithStatus(int status) {
  http_status = status;
  return *this;
}
FaultRule& FaultRule::WithCode(std::string c) {
  code = std::move(c);
  return *this;
}
FaultRule& FaultRule::WithMessage(std::string m) {
  message = std::move(m);
  return *this;
}
FaultRule& FaultRule::WithLatency(std::chrono::milliseconds l) {
  latency = l;
  return *this;
}
FaultRule& FaultRule::DropConnection() {
  drop_connection = true;
  return *this;
}
FaultRule& FaultRule::Named(std::string name) {
  id = std::move(name);
  return *this;
}

Result<void> ValidateFaultRule(const FaultRule& rule) {
  if (rule.probability <= 0.0 || rule.probability > 1.0) {
    return Invalid("probability", "must be more than 0 and at most 1");
  }
  if (rule.times && *rule.times == 0) return Invalid("times", "must be at least 1");
  if (rule.latency.count() < 0 || rule.latency > std::chrono::minutes(10)) {
    return Invalid("latency_ms", "must be from 0 to 600000");
  }
  if (rule.http_status != 0 && (rule.http_status < 400 || rule.http_status > 599)) {
    return Invalid("status", "must be an error status, 400 to 599");
  }
  const bool fails = rule.error || rule.http_status != 0;
  if (!fails && (!rule.code.empty() || !rule.message.empty())) {
    return Invalid(rule.code.empty() ? "message" : "code", "needs an error or a status to go with");
  }
  if (!fails && !rule.drop_connection && rule.latency.count() == 0) {
    return Invalid("effect", "a rule needs an error, a status, a latency or drop_connection");
  }
  if (!rule.error && rule.http_status != 0 && rule.code.empty()) {
    for (Operation op : kAllOperations) {
      if (!ErrorForStatus(rule.http_status, op)) {
        return Invalid("status", std::to_string(rule.http_status) +
                                     " has no usual error; give an error or a code with it");
      }
    }
  }
  for (const std::optional<std::string>* filter :
       {&rule.user, &rule.access_key_id, &rule.caller_access_key_id}) {
    if (*filter && (*filter)->empty()) {
      return Invalid(filter == &rule.user            ? "user"
                     : filter == &rule.access_key_id ? "access_key_id"
                                                     : "caller_access_key_id",
                     "must not be empty");
    }
  }
  return {};
}

class FaultPlan::Impl {
 public:
  Impl(std::uint64_t seed, std::string account_id, int access_key_quota)
      : seed_(seed), account_id_(std::move(account_id)), quota_(access_key_quota) {}

  Result<std::vector<std::string>> AddAll(std::vector<FaultRule> rules) {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> ids;
    std::vector<Slot> added;
    for (std::size_t i = 0; i < rules.size(); ++i) {
      FaultRule& rule = rules[i];
      const std::string where = rules.size() == 1 ? "" : "rule " + std::to_string(i) + ": ";
      if (Result<void> valid = ValidateFaultRule(rule); !valid.ok()) {
        return Error::Make(ErrorCode::InvalidInput, where + valid.error().message);
      }
      if (rule.id.empty()) rule.id = "rule-" + std::to_string(++next_id_);
      const auto taken = [&](const Slot& s) { return s.state.rule.id == rule.id; };
      if (std::any_of(slots_.begin(), slots_.end(), taken) ||
          std::any_of(added.begin(), added.end(), taken)) {
        return Error::Make(ErrorCode::InvalidInput, where + "id: " + rule.id + " is taken");
      }
      ids.push_back(rule.id);
      added.push_back(Slot{FaultRuleState{std::move(rule), 0, 0}, 0});
    }
    for (Slot& slot : added) slots_.push_back(std::move(slot));
    RecountLocked();
    return ids;
  }

  bool Remove(std::string_view id) {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = std::find_if(slots_.begin(), slots_.end(),
                                 [&](const Slot& s) { return s.state.rule.id == id; });
    if (it == slots_.end()) return false;
    slots_.erase(it);
    RecountLocked();
    return true;
  }

  void Clear() {
    std::lock_guard<std::mutex> lock(mu_);
    slots_.clear();
    RecountLocked();
  }

  // Read without the lock: every call asks, and most stores have no rules.
  bool empty() const { return rule_count_.load(std::memory_order_acquire) == 0; }
  bool delays() const { return delaying_rules_.load(std::memory_order_acquire) > 0; }

  std::vector<FaultRuleState> Rules() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<FaultRuleState> states;
    for (const Slot& s : slots_) states.push_back(s.state);
    return states;
  }

  std::vector<FaultLogEntry> Log() const {
    std::lock_guard<std::mutex> lock(mu_);
    return log_;
  }

  void ClearLog() {
    std::lock_guard<std::mutex> lock(mu_);
    log_.clear();
  }

  void Reset() {
    std::lock_guard<std::mutex> lock(mu_);
    slots_.clear();
    log_.clear();
    next_id_ = 0;
    logged_ = 0;
    RecountLocked();
  }

  std::optional<Error> Decide(const FaultTarget& target, const CallContext& context) {
    FaultRule fired;
    {
      std::lock_guard<std::mutex> lock(mu_);
      const Slot* decider = nullptr;
      for (Slot& slot : slots_) {
        if (!Matches(slot.state.rule, target, context)) continue;
        const bool would_fire = WouldFire(slot);
        if (would_fire && !decider) {
          ++slot.state.fired;
          decider = &slot;
        }
      }
      if (!decider) return std::nullopt;
      fired = decider->state.rule;
    }
    std::optional<Error> error = ErrorOf(fired, target, context);
    Record(fired, target, context, error);
    if (fired.latency.count() > 0) std::this_thread::sleep_for(fired.latency);
    return error;
  }

 private:
  struct Slot {
    FaultRuleState state;
    std::uint64_t draws;  // probability draws made, the index of the next one
  };

  void RecountLocked() {
    rule_count_ = slots_.size();
    delaying_rules_ =
        static_cast<std::size_t>(std::count_if(slots_.begin(), slots_.end(), [](const Slot& s) {
          return s.state.rule.latency.count() > 0;
        }));
  }

  static bool Matches(const FaultRule& rule, const FaultTarget& target,
                      const CallContext& context) {
    if (!rule.operations.empty() && std::find(rule.operations.begin(), rule.operations.end(),
                                              target.operation) == rule.operations.end()) {
      return false;
    }
    if (rule.dialect && *rule.dialect != context.dialect) return false;
    if (rule.user && !SameUser(*rule.user, target)) return false;
    if (rule.access_key_id && *rule.access_key_id != target.access_key_id) return false;
    if (rule.caller_access_key_id && *rule.caller_access_key_id != context.caller_access_key_id) {
      return false;
    }
    return true;
  }

  // Counts a matched call and says whether the rule's trigger lets it fire on it.
  bool WouldFire(Slot& slot) const {
    FaultRuleState& s = slot.state;
    const std::uint64_t nth = ++s.matched;
    if (nth <= s.rule.after) return false;
    if (s.rule.times && s.fired >= *s.rule.times) return false;
    if (s.rule.probability >= 1.0) return true;
    return Draw(seed_, s.rule.id, slot.draws++) < s.rule.probability;
  }

  std::optional<Error> ErrorOf(const FaultRule& rule, const FaultTarget& target,
                               const CallContext& context) const {
    std::optional<ErrorCode> code = rule.error;
    if (!code && rule.http_status != 0) code = ErrorForStatus(rule.http_status, target.operation);
    if (!code && rule.drop_connection) code = ErrorCode::ServiceUnavailable;
    if (!code && rule.code.empty()) return std::nullopt;  // latency only

    Error error =
        code ? DefaultError(*code, target, context) : Error::Make(ErrorCode::ServiceFailure, "");
    // The status the client of this dialect gets, so that the log agrees with it.
    if (code) error.http_status = DefaultHttpStatus(*code, context.dialect);
    if (rule.http_status != 0) error.http_status = rule.http_status;
    if (!rule.code.empty()) error.custom_code = rule.code;
    if (!rule.message.empty()) error.message = rule.message;
    if (error.message.empty()) error.message = "Injected by fakeiam fault rule " + rule.id + ".";
    error.fault_rule = rule.id;
    error.drop_connection = rule.drop_connection;
    return error;
  }

  // The error as the cloud would word it for this call.
  Error DefaultError(ErrorCode code, const FaultTarget& target, const CallContext& context) const {
    const bool huawei = context.dialect == Cloud::Huawei;
    switch (code) {
      case ErrorCode::NoSuchEntity:
        if (!target.access_key_id.empty()) {
          return Error::Make(code,
                             "The Access Key with id " + target.access_key_id + " cannot be found.",
                             Subject::AccessKey, target.access_key_id);
        }
        return Error::Make(code, "The user with name " + target.user_name + " cannot be found.",
                           Subject::User, huawei ? target.user_id : target.user_name);
      case ErrorCode::AccessDenied:
        return internal::AccessDenied(target.operation,
                                      context.caller_arn.empty()
                                          ? internal::RootArn(account_id_, context.dialect)
                                          : context.caller_arn,
                                      target.user_name, account_id_, context.dialect);
      case ErrorCode::LimitExceeded:
        return Error::Make(code,
                           "Cannot exceed quota for AccessKeysPerUser: " + std::to_string(quota_));
      case ErrorCode::DeleteConflict:
        return Error::Make(code, "Cannot delete entity, must delete access keys first.");
      case ErrorCode::EntityAlreadyExists:
        return Error::Make(code, "User with name " + target.user_name + " already exists.");
      case ErrorCode::Throttling:
        return Error::Make(code, "Rate exceeded");
      case ErrorCode::ServiceFailure:
        return Error::Make(code,
                           "The request processing has failed because of an unknown error, "
                           "exception or failure.");
      case ErrorCode::ServiceUnavailable:
        return Error::Make(code,
                           "The request has failed due to a temporary failure of the server.");
      default:
        return Error::Make(code, "");
    }
  }

  void Record(const FaultRule& rule, const FaultTarget& target, const CallContext& context,
              const std::optional<Error>& error) {
    FaultLogEntry entry;
    entry.rule_id = rule.id;
    entry.operation = target.operation;
    entry.dialect = context.dialect;
    entry.request_id = context.request_id;
    entry.user = target.user_name;
    entry.access_key_id = target.access_key_id;
    entry.caller_access_key_id = context.caller_access_key_id;
    entry.latency = rule.latency;
    // A dropped connection answered nothing: it has no code or status.
    if (error && !rule.drop_connection) {
      entry.error_code = error->wire_code();
      entry.http_status = error->http_status;
    }
    entry.dropped_connection = rule.drop_connection;
    std::lock_guard<std::mutex> lock(mu_);
    entry.sequence = ++logged_;
    log_.push_back(std::move(entry));
  }

  const std::uint64_t seed_;
  const std::string account_id_;
  const int quota_;
  mutable std::mutex mu_;
  std::vector<Slot> slots_;
  std::vector<FaultLogEntry> log_;
  std::uint64_t next_id_ = 0;
  std::uint64_t logged_ = 0;
  std::atomic<std::size_t> rule_count_{0};
  std::atomic<std::size_t> delaying_rules_{0};
};

FaultPlan::FaultPlan(std::uint64_t seed, std::string account_id, int access_key_quota)
    : impl_(std::make_unique<Impl>(seed, std::move(account_id), access_key_quota)) {}
FaultPlan::~FaultPlan() = default;

Result<std::string> FaultPlan::Add(FaultRule rule) {
  std::vector<FaultRule> one;
  one.push_back(std::move(rule));
  Result<std::vector<std::string>> ids = AddAll(std::move(one));
  if (!ids.ok()) return ids.error();
  return ids->front();
}
Result<std::vector<std::string>> FaultPlan::AddAll(std::vector<FaultRule> rules) {
  return impl_->AddAll(std::move(rules));
}
bool FaultPlan::Remove(std::string_view id) { return impl_->Remove(id); }
void FaultPlan::Clear() { impl_->Clear(); }
std::vector<FaultRuleState> FaultPlan::Rules() const { return impl_->Rules(); }
bool FaultPlan::empty() const { return impl_->empty(); }
bool FaultPlan::delays() const { return impl_->delays(); }
std::vector<FaultLogEntry> FaultPlan::Log() const { return impl_->Log(); }
void FaultPlan::ClearLog() { impl_->ClearLog(); }
void FaultPlan::Reset() { impl_->Reset(); }
std::optional<Error> FaultPlan::Decide(const FaultTarget& target, const CallContext& context) {
  return impl_->Decide(target, context);
}

}  // namespace fakeiam
