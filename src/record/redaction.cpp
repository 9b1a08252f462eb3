#include "record/redaction.hpp"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <utility>
#include <vector>

#include "core/ascii.hpp"
#include "http/content_type.hpp"

namespace fakeiam::internal {
namespace {

constexpr std::string_view kMaskWord = "REDACTED";

std::string Mask(std::size_t length) {
  length = std::max(length, kMaskWord.size());
  std::string mask;
  while (mask.size() < length) mask += kMaskWord;
  mask.resize(length);
  return mask;
}

// Header fields that are credentials in their own right.
bool IsTokenHeader(std::string_view name) {
  const std::string lower = ToLower(name);
  return lower == "x-amz-security-token" || lower == "x-security-token" ||
         lower == "x-auth-token" || lower == "x-subject-token";
}

bool IsSecretJsonKey(std::string_view key) {
  const std::string lower = ToLower(key);
  return lower == "secret_access_key" || lower == "secret" || lower == "securitytoken" ||
         lower == "security_token" || lower == "session_token";
}

bool IsSecretXmlElement(std::string_view name) {
  return name == "SecretAccessKey" || name == "SessionToken";
}

// SigV4 and SDK-HMAC alike end the header with `Signature=<hex>`; the rest (which key signed,
// which headers) is kept, as it tells who the caller was.
std::string RedactAuthorization(std::string value) {
  const std::size_t at = value.find("Signature=");
  if (at == std::string::npos) return Mask(value.size());
  const std::size_t start = at + std::string_view("Signature=").size();
  const std::size_t end = std::min(value.find(',', start), value.size());
  return value.replace(start, end - start, Mask(end - start));
}

void RedactHeaders(Headers& headers) {
  Headers redacted;
  for (const auto& [name, value] : headers) {
    if (ToLower(name) == "authorization") {
      redacted.Add(name, RedactAuthorization(value));
    } else if (IsTokenHeader(name)) {
      redacted.Add(name, Mask(value.size()));
    } else {
      redacted.Add(name, value);
    }
  }
  headers = std::move(redacted);
}

void RedactJsonValue(nlohmann::ordered_json& value) {
  if (value.is_array()) {
    for (auto& item : value) RedactJsonValue(item);
  } else if (value.is_object()) {
    for (auto& [key, item] : value.items()) {
      if (IsSecretJsonKey(key) && item.is_string()) {
        item = Mask(item.get<std::string>().size());
      } else {
        RedactJsonValue(item);
      }
    }
  }
}

void RedactJsonBody(std::string& body) {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(body, nullptr, false);
  if (json.is_discarded()) return;
  RedactJsonValue(json);
  body = json.dump();
}

// Masks the text of each secret element in place, so that the rest of the document keeps its
// bytes: pugixml finds the elements and where their text starts in the original buffer.
void RedactXmlBody(std::string& body) {
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8)) return;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // [start, end) of secret text
  for (const pugi::xpath_node& found : doc.select_nodes("//*")) {
    const pugi::xml_node element = found.node();
    const pugi::xml_node text = element.first_child();
    if (!IsSecretXmlElement(element.name()) || text.type() != pugi::node_pcdata) continue;
    const auto start = static_cast<std::size_t>(text.offset_debug());
    spans.emplace_back(start, std::min(body.find('<', start), body.size()));
  }
  for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
    body.replace(it->first, it->second - it->first, Mask(it->second - it->first));
  }
}

void RedactBody(const Headers& headers, std::string& body) {
  if (IsJsonContent(headers)) {
    RedactJsonBody(body);
  } else if (IsXmlContent(headers) || StartsWith(body, "<")) {
    RedactXmlBody(body);
  }
}

}  // namespace

void RedactSecrets(HttpRequest& request) {
  RedactHeaders(request.headers);
  RedactBody(request.headers, request.body);
}

void RedactSecrets(HttpResponse& response) {
  RedactHeaders(response.headers);
  RedactBody(response.headers, response.body);
}

bool IsRedacted(std::string_view value) {
  return value.size() >= kMaskWord.size() && value == Mask(value.size());
}

}  // namespace fakeiam::internal
