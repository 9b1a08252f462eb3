#include "http/canonical_request.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/ascii.hpp"
#include "http/url_encoding.hpp"

namespace fakeiam::internal {
namespace {

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

std::string CanonicalQuery(std::string_view query, QueryOrder order) {
  std::optional<FormFields> fields = ParseForm(query);
  if (!fields) {
    throw std::invalid_argument("cannot sign a query with a malformed escape: " +
                                std::string(query));
  }
  if (order == QueryOrder::kByDecodedText) std::sort(fields->begin(), fields->end());
  for (auto& [name, value] : *fields) {
    name = PercentEncode(name);
    value = PercentEncode(value);
  }
  if (order == QueryOrder::kByEncodedText) std::sort(fields->begin(), fields->end());
  std::string out;
  for (const auto& [name, value] : *fields) {
    if (!out.empty()) out += '&';
    out += name + '=' + value;
  }
  return out;
}

std::string CleanHeaderValue(std::string_view value, HeaderValueSpaces spaces) {
  value = TrimSpacesAndTabs(value);
  if (spaces == HeaderValueSpaces::kTrim) return std::string(value);
  std::string out;
  for (const char c : value) {
    if (!IsSpaceOrTab(c)) {
      out += c;
    } else if (out.back() != ' ') {  // never empty here: the value was trimmed
      out += ' ';
    }
  }
  return out;
}

std::string CanonicalHeaders(const Headers& headers, const std::vector<std::string>& signed_headers,
                             HeaderValueSpaces spaces) {
  std::string out;
  for (const std::string& name : signed_headers) {
    out += name + ':';
    bool first_value = true;
    for (const auto& [field_name, value] : headers) {
      if (ToLower(field_name) != name) continue;
      if (!first_value) out += ',';
      out += CleanHeaderValue(value, spaces);
      first_value = false;
    }
    out += '\n';
  }
  return out;
}

void RemoveHeader(Headers& headers, std::string_view name) {
  Headers kept;
  const std::string lower_name = ToLower(name);
  for (const auto& [field_name, value] : headers) {
    if (ToLower(field_name) != lower_name) kept.Add(field_name, value);
  }
  headers = std::move(kept);
}

}  // namespace

std::string HexEncode(std::string_view bytes) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += kDigits[byte >> 4];
    out += kDigits[byte & 15];
  }
  return out;
}

std::string HexSha256(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), size));
}

std::string HmacSha256(std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &size);
  return std::string(reinterpret_cast<const char*>(mac), size);
}

std::vector<std::string_view> PathSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  for (std::size_t slash; (slash = path.find('/', start)) != std::string_view::npos;
       start = slash + 1) {
    segments.push_back(path.substr(start, slash - start));
  }
  segments.push_back(path.substr(start));
  return segments;
}

std::string CanonicalRequest(const HttpRequest& request, std::string_view canonical_uri,
                             const std::vector<std::string>& signed_headers,
                             const CanonicalRequestRules& rules) {
  const std::optional<std::string_view> declared_hash =
      request.headers.Get(rules.payload_hash_header);
  return request.method + '\n' + std::string(canonical_uri) + '\n' +
         CanonicalQuery(request.query, rules.query_order) + '\n' +
         CanonicalHeaders(request.headers, signed_headers, rules.header_value_spaces) + '\n' +
         JoinSignedHeaders(signed_headers) + '\n' +
         (declared_hash ? std::string(*declared_hash) : HexSha256(request.body));
}

std::string JoinSignedHeaders(const std::vector<std::string>& signed_headers) {
  std::string out;
  for (const std::string& name : signed_headers) {
    if (!out.empty()) out += ';';
    out += name;
  }
  return out;
}

std::vector<std::string> SplitSignedHeaders(std::string_view list) {
  std::vector<std::string> names;
  for (std::size_t start = 0; start <= list.size();) {
    const std::size_t end = std::min(list.find(';', start), list.size());
    names.emplace_back(list.substr(start, end - start));
    start = end + 1;
  }
  return names;
}

bool SignaturesEqual(std::string_view expected, std::string_view given) {
  return !expected.empty() && expected.size() == given.size() &&
         CRYPTO_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

std::vector<std::string> PrepareToSign(HttpRequest& request, std::string_view date_header,
                                       std::string_view date, std::string_view token_header,
                                       const std::string& session_token,
                                       bool (*is_signed)(std::string_view lower_name)) {
  if (!request.headers.Get("Host")) {
    throw std::invalid_argument("cannot sign a request without a Host header");
  }
  request.headers.Set(std::string(date_header), std::string(date));
  if (session_token.empty()) {
    RemoveHeader(request.headers, token_header);
  } else {
    request.headers.Set(std::string(token_header), session_token);
  }
  std::set<std::string> names;
  for (const auto& field : request.headers) {
    std::string name = ToLower(field.first);
    if (is_signed(name)) names.insert(std::move(name));
  }
  return std::vector<std::string>(names.begin(), names.end());
}

}  // namespace fakeiam::internal
