#include "server/response_writer.hpp"

#include <string_view>

#include "core/ascii.hpp"
#include "http/header_section.hpp"
#include "server/reason_phrase.hpp"

namespace fakeiam::internal {
namespace {

bool IsFraming(std::string_view name) {
  for (const std::string_view framing :
       {"Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive"}) {
    if (EqualsIgnoringCase(name, framing)) return true;
  }
  return false;
}

bool Sendable(const std::string& name, const std::string& value) {
  return IsToken(name) && !HasLineBreakOrNul(value) && !IsFraming(name);
}

void AppendField(std::string_view name, std::string_view value, std::string& out) {
  out.append(name).append(": ").append(value).append("\r\n");
}

}  // namespace

bool StatusHasBody(int status) { return status >= 200 && status != 204 && status != 304; }

void AppendResponseHead(const HttpResponse& response, bool keep_alive, std::string& out) {
  out.append("HTTP/1.1 ").append(std::to_string(response.status)).append(" ");
  out.append(ReasonPhrase(response.status));
  out.append("\r\n");
  bool typed = false;
  for (const auto& [name, value] : response.headers) {
    if (!Sendable(name, value)) continue;
    typed = typed || EqualsIgnoringCase(name, "Content-Type");
    AppendField(name, value, out);
  }
  if (StatusHasBody(response.status)) {
    if (!typed && !response.body.empty()) AppendField("Content-Type", "text/plain", out);
    AppendField("Content-Length", std::to_string(response.body.size()), out);
  }
  AppendField("Connection", keep_alive ? "keep-alive" : "close", out);
  out.append("\r\n");
}

}  // namespace fakeiam::internal
