#include "fakeiam/testing/printers.hpp"

#include <string>

namespace fakeiam {
namespace {

// "wJal…(40 characters)": enough to tell secrets apart, too little to use one.
std::string SecretPrefix(const std::string& secret) {
  if (secret.empty()) return "(none)";
  return secret.substr(0, 4) + "…(" + std::to_string(secret.size()) + " characters)";
}

// Long bodies are cut: a failure message is for reading.
std::string Shortened(const std::string& text) {
  constexpr std::size_t kMax = 500;
  return text.size() <= kMax
             ? text
             : text.substr(0, kMax) + "…(" + std::to_string(text.size()) + " bytes)";
}

}  // namespace

void PrintTo(KeyStatus status, std::ostream* os) { *os << ToString(status); }

void PrintTo(ErrorCode code, std::ostream* os) { *os << ToString(code); }

void PrintTo(const Error& error, std::ostream* os) {
  *os << error.wire_code() << " (HTTP " << error.http_status << "): \"" << error.message << "\"";
  if (!error.fault_rule.empty()) *os << " [injected by fault rule " << error.fault_rule << "]";
}

void PrintTo(const User& user, std::ostream* os) {
  *os << "User{" << user.name << ", path " << user.path << ", id " << user.id << ", created "
      << FormatIso8601(user.create_date) << "}";
}

void PrintTo(const AccessKey& key, std::ostream* os) {
  *os << "AccessKey{" << key.id << ", " << ToString(key.status) << ", user "
      << (key.user_name.empty() ? "(account root)" : key.user_name) << ", created "
      << FormatIso8601(key.create_date);
  if (!key.secret.empty()) *os << ", secret " << SecretPrefix(key.secret);
  *os << "}";
}

void PrintTo(const AccessKeyLastUsed& last_used, std::ostream* os) {
  *os << "AccessKeyLastUsed{user "
      << (last_used.user_name.empty() ? "(account root)" : last_used.user_name);
  if (last_used.last_used) {
    *os << ", " << FormatIso8601(last_used.last_used->date) << " in "
        << last_used.last_used->service_name << " " << last_used.last_used->region;
  } else {
    *os << ", never used";
  }
  *os << "}";
}

void PrintTo(const HttpRequest& request, std::ostream* os) {
  *os << request.method << " " << request.path << (request.query.empty() ? "" : "?")
      << request.query;
  if (!request.body.empty()) *os << " body " << Shortened(request.body);
}

void PrintTo(const HttpResponse& response, std::ostream* os) {
  *os << "HTTP " << response.status;
  if (!response.operation.empty()) *os << " to " << response.operation;
  if (response.drop_connection) *os << " (connection dropped)";
  if (!response.body.empty()) *os << ": " << Shortened(response.body);
}

void PrintTo(const FaultLogEntry& entry, std::ostream* os) {
  *os << "FaultLogEntry{#" << entry.sequence << " rule " << entry.rule_id << ", "
      << ToString(entry.operation) << " in " << ToString(entry.dialect);
  if (!entry.user.empty()) *os << ", user " << entry.user;
  if (!entry.access_key_id.empty()) *os << ", key " << entry.access_key_id;
  if (!entry.error_code.empty()) *os << ", " << entry.error_code << " " << entry.http_status;
  if (entry.latency.count()) *os << ", " << entry.latency.count() << " ms late";
  if (entry.dropped_connection) *os << ", connection dropped";
  *os << "}";
}

void PrintTo(const ResponseDifference& difference, std::ostream* os) {
  *os << ToString(difference);
}

void PrintTo(const UnmatchedRequest& miss, std::ostream* os) { *os << miss.message; }

}  // namespace fakeiam
