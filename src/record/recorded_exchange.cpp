#include "record/recorded_exchange.hpp"

#include <set>
#include <string>

#include "core/ascii.hpp"
#include "record/redaction.hpp"

namespace fakeiam::internal {
namespace {

// Request fields worth keeping; the rest (Host with its port, User-Agent, Accept-Encoding, ...)
// differ between machines and runs and say nothing about what was asked.
bool KeptInRequest(std::string_view name) {
  static const std::set<std::string, std::less<>> kKept = {
      "authorization",        "content-type",         "x-amz-content-sha256", "x-amz-date",
      "x-amz-security-token", "x-amz-target",         "x-auth-token",         "x-domain-id",
      "x-project-id",         "x-sdk-content-sha256", "x-sdk-date",           "x-security-token"};
  return kKept.count(ToLower(name)) > 0;
}

// Response fields that belong to one connection or one moment.
bool KeptInResponse(std::string_view name) {
  static const std::set<std::string, std::less<>> kDropped = {
      "connection", "content-length", "date", "keep-alive", "transfer-encoding"};
  return kDropped.count(ToLower(name)) == 0;
}

template <typename Keep>
Headers Filtered(const Headers& headers, Keep keep) {
  Headers out;
  for (const auto& [name, value] : headers) {
    if (keep(name)) out.Add(name, value);
  }
  return out;
}

}  // namespace

Interaction RecordedExchange(int id, const HttpRequest& request, const HttpResponse& response,
                             bool redact_secrets) {
  Interaction interaction;
  interaction.id = id;
  interaction.operation = response.operation;
  interaction.request = request;
  interaction.request.headers = Filtered(request.headers, KeptInRequest);
  interaction.response = response;
  interaction.response.headers = Filtered(response.headers, KeptInResponse);
  interaction.response.drop_connection = false;
  if (redact_secrets) {
    RedactSecrets(interaction.request);
    RedactSecrets(interaction.response);
  }
  return interaction;
}

}  // namespace fakeiam::internal
