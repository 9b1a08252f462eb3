// Fault injection: make chosen calls fail (or slow down, or lose their connection) on purpose,
// precisely and repeatably, in whichever dialect the call arrives.
//
// A FaultPlan belongs to a Store, so every path honours it: in-process calls get the injected
// Error value, the AWS dialect renders it as an ErrorResponse and the Huawei dialect as a v5
// error. A faulted call changes nothing in the store. Each rule that fires is written to the
// fault log, so a test can see which requests failed and how often a client retried.
//
//   store.faults().Add(FaultRule::For(Operation::CreateAccessKey)
//                          .WithError(ErrorCode::ServiceUnavailable).Times(1));
#ifndef FAKEIAM_FAULTS_HPP_
#define FAKEIAM_FAULTS_HPP_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/cloud.hpp"
#include "fakeiam/error.hpp"
#include "fakeiam/operation.hpp"
#include "fakeiam/result.hpp"

namespace fakeiam {

// What a rule matches, when it fires, and what it does then.
//
// Matching: every filter that is set must hold. `user` matches the user a call addresses, by
// name (ignoring case) or by user id; `access_key_id` the key a call addresses;
// `caller_access_key_id` the key that signed the request.
//
// Firing: of the calls a rule matches, it skips the first `after`, then fires on each with
// `probability` (drawn from the store's seed, so a run is repeatable), until it has fired
// `times` times. Rules are tried in the order they were added; the first that fires decides the
// call, and later ones do not count it as fired.
//
// Effect: `latency` delays the call; `error` (or `http_status` alone, which picks the usual error
// of that status for the operation) fails it; `code` and `message` override the error's wire code
// and text; `drop_connection` makes the embedded server close the connection without answering
// (in-process callers get ServiceUnavailable). A rule with only latency lets the call go on.
struct FaultRule {
  std::string id;  // empty: "rule-<n>" is assigned

  std::vector<Operation> operations;  // empty: every operation
  std::optional<std::string> user;
  std::optional<std::string> access_key_id;
  std::optional<std::string> caller_access_key_id;
  std::optional<Cloud> dialect;

  std::uint64_t after = 0;
  std::optional<std::uint64_t> times;  // empty: no limit
  double probability = 1.0;

  std::chrono::milliseconds latency{0};
  std::optional<ErrorCode> error;
  int http_status = 0;  // 0: the error's own status
  std::string code;     // a custom wire code (both dialects), e.g. "EntityTemporarilyUnmodifiable"
  std::string message;  // a custom message
  bool drop_connection = false;

  // Fluent construction, for C++ tests.
  static FaultRule For(Operation operation);
  static FaultRule ForAnyOperation();
  FaultRule& Also(Operation operation);
  FaultRule& OnUser(std::string name_or_id);
  FaultRule& OnAccessKey(std::string access_key_id);
  FaultRule& FromCaller(std::string access_key_id);
  FaultRule& InDialect(Cloud dialect);
  FaultRule& After(std::uint64_t calls);
  FaultRule& OnCall(std::uint64_t nth);  // only the nth matching call (from 1)
  FaultRule& Times(std::uint64_t n);
  FaultRule& Once() { return Times(1); }
  FaultRule& WithProbability(double p);
  FaultRule& WithError(ErrorCode error);
  FaultRule& WithStatus(int http_status);
  FaultRule& WithCode(std::string code);
  FaultRule& WithMessage(std::string message);
  FaultRule& WithLatency(std::chrono::milliseconds latency);
  FaultRule& DropConnection();
  FaultRule& Named(std::string id);
};

// Whether `rule` is complete and consistent; the error names the offending field.
Result<void> ValidateFaultRule(const FaultRule& rule);

struct FaultRuleState {
  FaultRule rule;
  std::uint64_t matched = 0;  // calls the rule matched
  std::uint64_t fired = 0;    // calls it decided
};

// One call a rule decided.
struct FaultLogEntry {
  std::uint64_t sequence = 0;  // from 1, in firing order; clearing the log does not restart it
  std::string rule_id;
  Operation operation = Operation::ListAccessKeys;
  Cloud dialect = Cloud::Aws;
  std::string request_id;  // empty for in-process calls
  std::string user;
  std::string access_key_id;
  std::string caller_access_key_id;
  std::chrono::milliseconds latency{0};
  std::string error_code;  // empty when the rule only delayed the call or dropped its connection
  int http_status = 0;
  bool dropped_connection = false;
};

// What a call is about, for matching.
struct FaultTarget {
  Operation operation = Operation::ListAccessKeys;
  std::string user_name;  // empty: the account root, or no user
  std::string user_id;
  std::string access_key_id;
};

// The rules of one store and the log of what they did. Thread-safe.
class FaultPlan {
 public:
  // The seed drives probability draws; the account id and quota word the errors rules inject.
  FaultPlan(std::uint64_t seed, std::string account_id, int access_key_quota);
  ~FaultPlan();
  FaultPlan(const FaultPlan&) = delete;
  FaultPlan& operator=(const FaultPlan&) = delete;

  // Adds a rule after the others; returns its id. Errors: InvalidInput naming the field, or a
  // duplicate id; nothing changes then.
  Result<std::string> Add(FaultRule rule);
  // Adds all or none.
  Result<std::vector<std::string>> AddAll(std::vector<FaultRule> rules);
  bool Remove(std::string_view id);
  void Clear();  // rules only; the log stays
  std::vector<FaultRuleState> Rules() const;
  bool empty() const;  // no rules
  // Whether a rule has a latency, so that a call may sleep in Decide.
  bool delays() const;

  std::vector<FaultLogEntry> Log() const;
  void ClearLog();
  // No rules, an empty log, and rule ids and log sequence numbers from 1 again.
  void Reset();

  // For the store: decides a call. Sleeps for the firing rule's latency; returns the error to
  // answer with, or nothing to let the call go on.
  std::optional<Error> Decide(const FaultTarget& target, const CallContext& context);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Fault rules as JSON (the format of `fakeiam-server --faults FILE` and of the control API): a
// rule object, an array of them, or {"rules": [...]}. Errors name the source and JSON pointer.
Result<std::vector<FaultRule>> ParseFaultRules(std::string_view json, std::string_view source_name);

}  // namespace fakeiam

#endif  // FAKEIAM_FAULTS_HPP_
