// Hostile input (issue 8): malformed requests of every kind, sent as raw bytes to the embedded
// server. Each must get a 4xx in its dialect's error format (never a 5xx, a crash or a hang), leave
// the store as it was, and leave the server serving. Slow clients must not hold up others.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <string>
#include <thread>
#include <vector>

#include "fakeiam/fixture.hpp"
#include "fakeiam/server.hpp"
#include "raw_http.hpp"

namespace fakeiam {
namespace {

using ::testing::MatchesRegex;
using testing_support::ConnectLoopback;
using testing_support::ParseRawResponse;
using testing_support::RawExchange;
using testing_support::RawResponse;
using testing_support::ReadResponse;
using testing_support::SendAll;

// The fixtures' users and keys.
constexpr char kAwsKey[] = "AKIAIOSFODNN7EXAMPLE";
constexpr char kAwsInactiveKey[] = "AKIAI44QH8DHBEXAMPLE";
constexpr char kHuaweiBob[] = "5a7e2b6c3d9f41e08b1c2d3e4f5a6b7c";
constexpr char kHuaweiKey[] = "QTWAOYTTINDUT2QVKYUC";
const std::string kBobKeys = std::string("/v5/users/") + kHuaweiBob + "/access-keys";
const std::string kBobKey = kBobKeys + "/" + kHuaweiKey;

constexpr std::size_t kMaxRequestBytes = 128 * 1024;  // the server's limit in these tests
constexpr std::size_t kHandlerBodyLimit = 64 * 1024;  // HandlerOptions::max_body_bytes

// One malformed request and what it must get. `status` 0 means the server closes the connection
// without answering; `why` then says why no answer is right.
struct HostileCase {
  std::string name;
  Cloud dialect;  // whose store serves the case, and whose error format the answer is in
  std::string request;
  int status;
  std::string code;  // AWS <Code> or Huawei error_code
  std::string why;
};

std::ostream& operator<<(std::ostream& out, const HostileCase& c) { return out << c.name; }

// --- Request builders: the request line, then Host, then `headers` (each line ending "\r\n").

std::string Request(const std::string& line, const std::string& headers,
                    const std::string& body = "") {
  return line + "\r\nHost: 127.0.0.1\r\n" + headers + "\r\n" + body;
}

std::string Length(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n";
}

// An AWS Query POST with a form body (sent as `content_type`).
std::string Form(const std::string& body, const std::string& headers = "",
                 const std::string& content_type = "application/x-www-form-urlencoded") {
  return Request("POST / HTTP/1.1",
                 "Content-Type: " + content_type + "\r\n" + Length(body) + headers, body);
}

// ListAccessKeys for Bob with more form fields.
std::string ListBob(const std::string& more, const std::string& headers = "") {
  return Form("Action=ListAccessKeys&Version=2010-05-08&UserName=Bob" + more, headers);
}

std::string Get(const std::string& target, const std::string& headers = "") {
  return Request("GET " + target + " HTTP/1.1", headers);
}

// A v5 request with a JSON content type.
std::string V5(const std::string& method, const std::string& path, const std::string& body = "",
               const std::string& headers = "") {
  return Request(method + " " + path + " HTTP/1.1",
                 "Content-Type: application/json\r\n" + Length(body) + headers, body);
}

// UpdateAccessKeyV5 of Bob's key with this body.
std::string Update(const std::string& body, const std::string& headers = "") {
  return V5("PUT", kBobKey, body, headers);
}

// A chunked request whose body is `chunks` exactly as given.
std::string Chunked(const std::string& line, const std::string& content_type,
                    const std::string& chunks, const std::string& headers = "") {
  return Request(line,
                 "Content-Type: " + content_type + "\r\nTransfer-Encoding: chunked\r\n" + headers,
                 chunks);
}

// `body` as one chunk and the last chunk.
std::string OneChunk(const std::string& body) {
  char size[32];
  std::snprintf(size, sizeof size, "%zx", body.size());
  return std::string(size) + "\r\n" + body + "\r\n0\r\n\r\n";
}

// `n` header lines "X-Filler-i: v".
std::string ManyHeaders(int n) {
  std::string headers;
  for (int i = 0; i < n; ++i) headers += "X-Filler-" + std::to_string(i) + ": v\r\n";
  return headers;
}

// [[[...]]] nested `depth` deep.
std::string Nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

HostileCase Aws(std::string name, std::string request, int status, std::string code) {
  return {std::move(name), Cloud::Aws, std::move(request), status, std::move(code), ""};
}

HostileCase Huawei(std::string name, std::string request, int status, std::string code) {
  return {std::move(name), Cloud::Huawei, std::move(request), status, std::move(code), ""};
}

HostileCase Closed(std::string name, std::string request, std::string why) {
  return {std::move(name), Cloud::Aws, std::move(request), 0, "", std::move(why)};
}

std::vector<HostileCase> Cases() {
  const std::string list_users = "Action=ListUsers&Version=2010-05-08";
  const std::string update_bob =
      std::string("Action=UpdateAccessKey&Version=2010-05-08&UserName=Bob&AccessKeyId=") + kAwsKey;
  const std::string sigv4_scope =
      "Credential=AKIAEXAMPLEEXAMPLE01/20250101/us-east-1/iam/aws4_request";
  const std::string huge_body(kHandlerBodyLimit + 100, 'x');
  const std::string over_server_limit =
      "Content-Length: " + std::to_string(kMaxRequestBytes + 1) + "\r\n";
  return {
      // Broken percent-encodings.
      Aws("aws_form_escape_not_hex", ListBob("&Marker=%ZZ"), 404, "MalformedQueryString"),
      Aws("aws_form_escape_truncated", ListBob("%"), 404, "MalformedQueryString"),
      Aws("aws_form_escape_one_digit", ListBob("%4"), 404, "MalformedQueryString"),
      Aws("aws_form_encoded_nul", ListBob("%00"), 404, "MalformedQueryString"),
      Aws("aws_form_escape_in_name", Form("Act%Zion=ListUsers&Version=2010-05-08"), 404,
          "MalformedQueryString"),
      Aws("aws_query_escape_not_hex", Get("/?" + list_users + "&PathPrefix=%G0"), 404,
          "MalformedQueryString"),
      Aws("aws_double_encoded_status", Form(update_bob + "&Status=%2541ctive"), 400,
          "ValidationError"),
      Huawei("v5_user_id_escape_not_hex", Get("/v5/users/%ZZ/access-keys"), 400, "IAM.0007"),
      Huawei("v5_key_id_escape_truncated", V5("DELETE", kBobKeys + "/ABC%4"), 400, "IAM.0007"),
      Huawei("v5_limit_escape_not_hex", Get(kBobKeys + "?limit=%ZZ"), 400, "IAM.0007"),
      Huawei("v5_marker_encoded_nul", Get(kBobKeys + "?marker=abcd%00"), 400, "IAM.0007"),

      // Invalid UTF-8.
      Aws("aws_user_name_invalid_utf8",
          Form("Action=ListAccessKeys&Version=2010-05-08&UserName=%FF%FE"), 400, "ValidationError"),
      Aws("aws_user_name_raw_invalid_utf8",
          Form("Action=CreateUser&Version=2010-05-08&UserName=Eve\xC3\x28"), 400,
          "ValidationError"),
      Aws("aws_user_name_overlong_utf8",
          Form("Action=CreateUser&Version=2010-05-08&UserName=%C0%AF"), 400, "ValidationError"),
      Aws("aws_user_name_surrogate_utf8",
          Form("Action=CreateUser&Version=2010-05-08&UserName=%ED%A0%80"), 400, "ValidationError"),
      Aws("aws_marker_invalid_utf8", ListBob("&Marker=%FF%FF%FF%FF"), 400, "ValidationError"),
      Aws("aws_action_invalid_utf8", Form("Action=List%E2%82&Version=2010-05-08"), 400,
          "InvalidAction"),
      Aws("aws_path_prefix_invalid_utf8", Form(list_users + "&PathPrefix=/%FF/"), 400,
          "ValidationError"),
      Huawei("v5_user_id_invalid_utf8", Get("/v5/users/%FF%FE/access-keys"), 400, "IAM.0007"),
      Huawei("v5_user_id_raw_invalid_utf8", Get("/v5/users/\xC3\x28/access-keys"), 400, "IAM.0007"),
      Huawei("v5_key_id_overlong_utf8", V5("DELETE", kBobKeys + "/%C0%AF"), 400, "IAM.0007"),
      Huawei("v5_json_invalid_utf8", Update("{\"status\":\"act\xFFive\"}"), 400, "IAM.0007"),
      Huawei("v5_json_lone_surrogate", Update(R"({"status":"\ud800"})"), 400, "IAM.0007"),
      Huawei("v5_marker_invalid_utf8", Get(kBobKeys + "?marker=%FF%FF%FF%FF"), 400, "PAP5.0010"),

      // Huge, negative and not-quite numbers.
      Aws("aws_max_items_huge", ListBob("&MaxItems=99999999999999999999999"), 400,
          "ValidationError"),
      Aws("aws_max_items_negative", ListBob("&MaxItems=-1"), 400, "ValidationError"),
      Aws("aws_max_items_zero", ListBob("&MaxItems=0"), 400, "ValidationError"),
      Aws("aws_max_items_over_limit", ListBob("&MaxItems=1001"), 400, "ValidationError"),
      Aws("aws_max_items_exponent", ListBob("&MaxItems=1e3"), 400, "ValidationError"),
      Aws("aws_max_items_empty", ListBob("&MaxItems="), 400, "ValidationError"),
      // A length past 2^64 - 1 is no number a server can hold.
      Aws("aws_content_length_huge",
          Request("POST / HTTP/1.1", "Content-Length: 99999999999999999999999999\r\n", list_users),
          400, "InvalidInput"),
      Aws("aws_content_length_negative",
          Request("POST / HTTP/1.1", "Content-Length: -1\r\n", list_users), 400, "InvalidInput"),
      Aws("aws_content_length_over_limit",
          Request("POST / HTTP/1.1", "Content-Length: 99999999999\r\n", list_users), 413,
          "RequestEntityTooLarge"),
      Aws("aws_content_length_not_a_number",
          Request("POST / HTTP/1.1", "Content-Length: 35abc\r\n", list_users), 400, "InvalidInput"),
      Huawei("v5_limit_huge", Get(kBobKeys + "?limit=99999999999999999999"), 400, "IAM.0007"),
      Huawei("v5_limit_negative", Get(kBobKeys + "?limit=-1"), 400, "IAM.0007"),
      Huawei("v5_limit_zero", Get(kBobKeys + "?limit=0"), 400, "IAM.0007"),
      Huawei("v5_limit_over_limit", Get(kBobKeys + "?limit=201"), 400, "IAM.0007"),
      Huawei("v5_limit_fraction", Get(kBobKeys + "?limit=1.5"), 400, "IAM.0007"),
      Huawei("v5_content_length_huge",
             Request("PUT " + kBobKey + " HTTP/1.1",
                     "Content-Type: application/json\r\nContent-Length: 18446744073709551616\r\n",
                     R"({"status":"inactive"})"),
             400, "IAM.0007"),
      Huawei("v5_content_length_over_limit",
             Request("PUT " + kBobKey + " HTTP/1.1",
                     "Content-Type: application/json\r\nContent-Length: 999999999999\r\n",
                     R"({"status":"inactive"})"),
             413, "APIGW.0201"),
      Huawei("v5_json_huge_exponent", Update(R"({"status": 1e999999})"), 400, "IAM.0007"),
      Huawei("v5_json_huge_integer", Update(R"({"status": 123456789012345678901234567890})"), 400,
             "IAM.0007"),

      // Duplicated parameters.
      Aws("aws_duplicate_action", Form("Action=ListUsers&Action=CreateUser&Version=2010-05-08"),
          400, "InvalidInput"),
      Aws("aws_duplicate_user_name_query_and_body",
          Request("POST /?UserName=Alice HTTP/1.1",
                  "Content-Type: application/x-www-form-urlencoded\r\n" +
                      Length("Action=ListAccessKeys&Version=2010-05-08&UserName=Bob"),
                  "Action=ListAccessKeys&Version=2010-05-08&UserName=Bob"),
          400, "InvalidInput"),
      Aws("aws_duplicate_status", Form(update_bob + "&Status=Inactive&Status=Active"), 400,
          "InvalidInput"),
      Aws("aws_duplicate_content_length_differing",
          Request("POST / HTTP/1.1",
                  "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 35\r\n"
                  "Content-Length: 10\r\n",
                  list_users),
          400, "InvalidInput"),
      Huawei("v5_duplicate_limit", Get(kBobKeys + "?limit=1&limit=200"), 400, "IAM.0007"),
      Huawei("v5_duplicate_marker", Get(kBobKeys + "?marker=abcd&marker=efgh"), 400, "IAM.0007"),
      Huawei("v5_duplicate_json_key", Update(R"({"status":"inactive","status":"active"})"), 400,
             "IAM.0007"),

      // Oversized bodies, headers and request targets.
      Aws("aws_body_over_handler_limit", Form(list_users + "&Pad=" + huge_body), 413,
          "RequestEntityTooLarge"),
      Aws("aws_body_over_server_limit",
          Request("POST / HTTP/1.1",
                  "Content-Type: application/x-www-form-urlencoded\r\n" + over_server_limit,
                  list_users +
                      "&Pad=" + std::string(kMaxRequestBytes + 1 - list_users.size() - 5, 'x')),
          413, "RequestEntityTooLarge"),
      Aws("aws_chunked_body_over_handler_limit",
          Chunked("POST / HTTP/1.1", "application/x-www-form-urlencoded",
                  OneChunk(list_users + "&Pad=" + huge_body)),
          413, "RequestEntityTooLarge"),
      Aws("aws_header_line_over_section_limit",
          ListBob("", "X-Pad: " + std::string(70000, 'p') + "\r\n"), 431, "InvalidInput"),
      Aws("aws_too_many_headers", ListBob("", ManyHeaders(5000)), 431, "InvalidInput"),
      Aws("aws_request_target_over_limit",
          Get("/?" + list_users + "&Pad=" + std::string(9000, 'p')), 414, "InvalidInput"),
      Huawei("v5_body_over_handler_limit",
             Update(R"({"status":"inactive","pad":")" + huge_body + "\"}"), 413, "APIGW.0201"),
      Huawei("v5_body_over_server_limit",
             Request("PUT " + kBobKey + " HTTP/1.1",
                     "Content-Type: application/json\r\n" + over_server_limit,
                     std::string(kMaxRequestBytes + 1, ' ')),
             413, "APIGW.0201"),
      Huawei("v5_header_line_over_section_limit",
             Get(kBobKeys, "X-Pad: " + std::string(70000, 'p') + "\r\n"), 400, "IAM.0007"),
      Huawei("v5_request_target_over_limit",
             Get(kBobKeys + "?limit=1&pad=" + std::string(9000, 'p')), 400, "IAM.0007"),
      Huawei("v5_too_many_headers", Get(kBobKeys, ManyHeaders(5000)), 400, "IAM.0007"),

      // Bad JSON in the update body.
      Huawei("v5_json_truncated", Update(R"({"status":"inac)"), 400, "IAM.0007"),
      Huawei("v5_json_empty", Update(""), 400, "IAM.0007"),
      Huawei("v5_json_array", Update(R"(["inactive"])"), 400, "IAM.0007"),
      Huawei("v5_json_status_number", Update(R"({"status":0})"), 400, "IAM.0007"),
      Huawei("v5_json_status_null", Update(R"({"status":null})"), 400, "IAM.0007"),
      Huawei("v5_json_status_object", Update(R"({"status":{"status":"inactive"}})"), 400,
             "IAM.0007"),
      Huawei("v5_json_status_upper_case", Update(R"({"status":"INACTIVE"})"), 400, "IAM.0007"),
      Huawei("v5_json_deep_nesting", Update("{\"status\":" + Nested(30000) + "}"), 400, "IAM.0007"),
      Huawei("v5_json_nul_in_string", Update(std::string("{\"status\":\"inactive\0\"}", 22)), 400,
             "IAM.0007"),
      Huawei("v5_json_nul_after_object", Update(std::string("{\"status\":\"inactive\"}\0", 22)),
             400, "IAM.0007"),
      Huawei("v5_json_comment", Update(R"({/* c */"status":"inactive"})"), 400, "IAM.0007"),
      Huawei("v5_json_single_quotes", Update("{'status':'inactive'}"), 400, "IAM.0007"),

      // Path tricks.
      Huawei("v5_dot_dot_segment", Get("/v5/users/../access-keys"), 400, "IAM.0007"),
      Huawei("v5_encoded_dot_dot", Get("/v5/users/%2E%2E/access-keys"), 400, "IAM.0007"),
      Huawei("v5_half_encoded_dot_dot", V5("DELETE", kBobKeys + "/.%2e"), 400, "IAM.0007"),
      Huawei("v5_dot_key_segment", V5("DELETE", kBobKeys + "/."), 400, "IAM.0007"),
      Huawei("v5_encoded_slash_in_user_id", Get("/v5/users/a%2Fb/access-keys"), 400, "IAM.0007"),
      Huawei("v5_encoded_backslash", Get("/v5/users/..%5C..%5Cetc/access-keys"), 400, "IAM.0007"),
      Huawei("v5_encoded_nul_in_key_id", V5("DELETE", kBobKey + "%00"), 400, "IAM.0007"),
      Huawei("v5_double_slash", Get("/v5/users//access-keys"), 404, "APIGW.0101"),
      Huawei("v5_trailing_slash", V5("DELETE", kBobKey + "/"), 404, "APIGW.0101"),
      Huawei("v5_overlong_user_id", Get("/v5/users/" + std::string(65, 'a') + "/access-keys"), 400,
             "IAM.0007"),
      Huawei("v5_overlong_key_id", V5("DELETE", kBobKeys + "/" + std::string(41, 'A')), 400,
             "IAM.0007"),

      // Header injection.
      Aws("aws_bare_cr_in_header_value", ListBob("", "X-Amz-Date: 20250101\rInjected: yes\r\n"),
          400, "InvalidInput"),
      Aws("aws_nul_in_header_value",
          ListBob("", std::string("X-Amz-Date: 20250101\0Injected: yes\r\n", 35)), 400,
          "InvalidInput"),
      Aws("aws_space_before_colon",
          Request("POST / HTTP/1.1",
                  "Content-Type : application/x-www-form-urlencoded\r\n" + Length(list_users),
                  list_users),
          400, "InvalidInput"),
      Aws("aws_obs_fold_in_authorization",
          ListBob("", "Authorization: AWS4-HMAC-SHA256 " + sigv4_scope +
                          ",\r\n SignedHeaders=host, Signature=abc\r\n"),
          400, "InvalidInput"),
      Aws("aws_crlf_in_action", Form("Action=Nope%0D%0AInjected:%20yes&Version=2010-05-08"), 400,
          "InvalidAction"),
      Huawei("v5_bare_cr_in_header_value", Get(kBobKeys, "X-Sdk-Date: 20250101\rInjected: yes\r\n"),
             400, "IAM.0007"),
      Huawei("v5_nul_in_header_name",
             Get(kBobKeys, std::string("X-Sdk\0Date: 20250101T000000Z\r\n", 30)), 400, "IAM.0007"),
      Huawei("v5_obs_fold_header",
             Get(kBobKeys, "X-Sdk-Date: 20250101T000000Z\r\n Injected: yes\r\n"), 400, "IAM.0007"),

      // Wrong content types.
      Aws("aws_form_sent_as_json", Form(list_users, "", "application/json"), 400, "MissingAction"),
      Aws("aws_form_sent_as_multipart", Form(list_users, "", "multipart/form-data; boundary=x"),
          400, "MissingAction"),
      Aws("aws_form_sent_as_control_bytes", Form(list_users, "", "\x01\x02"), 400, "InvalidInput"),
      Huawei(
          "v5_update_as_form",
          Request("PUT " + kBobKey + " HTTP/1.1",
                  "Content-Type: application/x-www-form-urlencoded\r\n" + Length("status=inactive"),
                  "status=inactive"),
          400, "IAM.0007"),
      Huawei("v5_update_as_text",
             Request("PUT " + kBobKey + " HTTP/1.1",
                     "Content-Type: text/plain\r\n" + Length(R"({"status":"inactive"})"),
                     R"({"status":"inactive"})"),
             400, "IAM.0007"),
      Huawei("v5_update_as_jsonx",
             Request("PUT " + kBobKey + " HTTP/1.1",
                     "Content-Type: application/jsonx\r\n" + Length(R"({"status":"inactive"})"),
                     R"({"status":"inactive"})"),
             400, "IAM.0007"),

      // Bad methods.
      Aws("aws_put_creates_nothing",
          Request("PUT /?Action=CreateUser&UserName=Eve&Version=2010-05-08 HTTP/1.1", ""), 405,
          "MethodNotAllowed"),
      Aws("aws_delete_deletes_nothing",
          Request(std::string("DELETE /?Action=DeleteAccessKey&UserName=Bob&AccessKeyId=") +
                      kAwsInactiveKey + "&Version=2010-05-08 HTTP/1.1",
                  ""),
          405, "MethodNotAllowed"),
      Aws("aws_trace", Request("TRACE /?" + list_users + " HTTP/1.1", ""), 405, "MethodNotAllowed"),
      Aws("aws_unknown_method", Request("BREW / HTTP/1.1", ""), 400, "InvalidInput"),
      Aws("aws_lower_case_method", Form(list_users).replace(0, 4, "post"), 400, "InvalidInput"),
      Aws("aws_http_version_2", Request("GET /?" + list_users + " HTTP/2.0", ""), 400,
          "InvalidInput"),
      Huawei("v5_patch", V5("PATCH", kBobKey, R"({"status":"inactive"})"), 405, "APIGW.0101"),
      Huawei("v5_put_on_collection", V5("PUT", kBobKeys, R"({"status":"inactive"})"), 405,
             "APIGW.0101"),
      Huawei("v5_options", Request("OPTIONS " + kBobKeys + " HTTP/1.1", ""), 405, "APIGW.0101"),
      Huawei("v5_lower_case_method", Get(kBobKeys).replace(0, 3, "get"), 400, "IAM.0007"),

      // Bad Authorization headers.
      Aws("aws_sigv4_scheme_only", ListBob("", "Authorization: AWS4-HMAC-SHA256\r\n"), 400,
          "IncompleteSignature"),
      Aws("aws_sigv4_no_parameters", ListBob("", "Authorization: AWS4-HMAC-SHA256 ,,,\r\n"), 400,
          "IncompleteSignature"),
      Aws("aws_sigv4_missing_signature",
          ListBob("",
                  "Authorization: AWS4-HMAC-SHA256 " + sigv4_scope + ", SignedHeaders=host\r\n"),
          400, "IncompleteSignature"),
      Aws("aws_sigv4_short_scope",
          ListBob("",
                  "Authorization: AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20250101/iam, "
                  "SignedHeaders=host, Signature=abc\r\n"),
          400, "IncompleteSignature"),
      Aws("aws_sigv4_duplicate_credential",
          ListBob("", "Authorization: AWS4-HMAC-SHA256 " + sigv4_scope + ", " + sigv4_scope +
                          ", SignedHeaders=host, Signature=abc\r\n"),
          400, "IncompleteSignature"),
      Huawei("v5_sdk_hmac_scheme_only", Get(kBobKeys, "Authorization: SDK-HMAC-SHA256\r\n"), 401,
             "APIGW.0301"),
      Huawei("v5_sdk_hmac_missing_signature",
             Get(kBobKeys,
                 "Authorization: SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, "
                 "SignedHeaders=host\r\n"),
             401, "APIGW.0301"),
      Huawei("v5_sdk_hmac_empty_access",
             Get(kBobKeys,
                 "Authorization: SDK-HMAC-SHA256 Access=, SignedHeaders=host, "
                 "Signature=abc\r\n"),
             401, "APIGW.0301"),
      Huawei("v5_sdk_hmac_commas_only", Get(kBobKeys, "Authorization: SDK-HMAC-SHA256 ,,,,\r\n"),
             401, "APIGW.0301"),

      // Chunked encoding garbage, and Content-Length against Transfer-Encoding.
      Aws("aws_chunk_size_not_hex",
          Chunked("POST / HTTP/1.1", "application/x-www-form-urlencoded", "zz\r\nabc\r\n0\r\n\r\n"),
          400, "InvalidInput"),
      Aws("aws_chunk_size_overflow",
          Chunked("POST / HTTP/1.1", "application/x-www-form-urlencoded",
                  "fffffffffffffffffffff\r\nabc\r\n0\r\n\r\n"),
          400, "InvalidInput"),
      // A chunk that runs past its announced size leaves the framing unreadable.
      Aws("aws_chunk_longer_than_its_size",
          Chunked("POST / HTTP/1.1", "application/x-www-form-urlencoded", "5\r\nAction\r\n"), 400,
          "InvalidInput"),
      // The rest never comes: the request is refused once io_timeout has passed.
      Aws("aws_chunk_without_last_chunk",
          Chunked("POST / HTTP/1.1", "application/x-www-form-urlencoded", "6\r\nAction\r\n"), 408,
          "InvalidInput"),
      Aws("aws_transfer_encoding_gzip",
          Request("POST / HTTP/1.1",
                  "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: gzip\r\n",
                  list_users),
          400, "InvalidInput"),
      Aws("aws_content_length_and_chunked",
          Chunked("POST / HTTP/1.1", "application/x-www-form-urlencoded", OneChunk(list_users),
                  "Content-Length: 4\r\n"),
          400, "InvalidInput"),
      Huawei("v5_chunk_size_not_hex",
             Chunked("PUT " + kBobKey + " HTTP/1.1", "application/json", "xyz\r\n{}\r\n0\r\n\r\n"),
             400, "IAM.0007"),
      Huawei("v5_content_length_and_chunked",
             Chunked("PUT " + kBobKey + " HTTP/1.1", "application/json",
                     OneChunk(R"({"status":"inactive"})"), "Content-Length: 2\r\n"),
             400, "IAM.0007"),
      Huawei(
          "v5_chunked_twice",
          Chunked("PUT " + kBobKey + " HTTP/1.1", "application/json",
                  OneChunk(OneChunk(R"({"status":"inactive"})")), "Transfer-Encoding: chunked\r\n"),
          400, "IAM.0007"),

      // Not HTTP at all.
      // A TLS handshake on the plain-HTTP port is no request line.
      Aws("tls_client_hello", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11), 400,
          "InvalidInput"),
      Closed("nothing_sent", "", "a client that connects and closes asked nothing"),
  };
}

// --- Checks.

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool IsUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t n = 0;
    char32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    const char32_t min = n == 1 ? 0x80 : n == 2 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// `bytes` with control and non-ASCII bytes escaped, cut short, for failure messages.
std::string Printable(const std::string& bytes) {
  std::string out;
  for (const char ch : bytes.substr(0, 600)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F) {
      out += ch;
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
      out += escaped;
    }
  }
  return bytes.size() > 600 ? out + "...(" + std::to_string(bytes.size()) + " bytes)" : out;
}

void ExpectAwsError(const RawResponse& response, const std::string& code) {
  EXPECT_EQ(response.Header("Content-Type").value_or(""), "text/xml");
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(response.body.c_str())) << response.body;
  const pugi::xml_node root = xml.child("ErrorResponse");
  ASSERT_TRUE(root) << response.body;
  EXPECT_STREQ(root.attribute("xmlns").value(), "https://iam.amazonaws.com/doc/2010-05-08/");
  const pugi::xml_node error = root.child("Error");
  EXPECT_STREQ(error.child_value("Type"), "Sender");
  EXPECT_EQ(error.child_value("Code"), code) << response.body;
  EXPECT_STRNE(error.child_value("Message"), "") << response.body;
  EXPECT_THAT(root.child_value("RequestId"), MatchesRegex("[0-9a-f-]{36}"));
  EXPECT_EQ(response.Header("x-amzn-RequestId").value_or(""), root.child_value("RequestId"));
}

void ExpectHuaweiError(const RawResponse& response, const std::string& code) {
  EXPECT_EQ(response.Header("Content-Type").value_or(""), "application/json");
  const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << response.body;
  EXPECT_EQ(body.value("error_code", ""), code) << response.body;
  ASSERT_TRUE(body.contains("error_msg") && body["error_msg"].is_string()) << response.body;
  EXPECT_NE(body["error_msg"], "");
  const std::string request_id = body.value("request_id", "");
  EXPECT_THAT(request_id, MatchesRegex("[0-9a-f]{32}"));
  EXPECT_EQ(response.Header("X-Request-Id").value_or(""), request_id);
}

class HostileInputTest : public ::testing::TestWithParam<HostileCase> {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.profile = GetParam().dialect;
    store_ = std::make_shared<Store>(options);
    ASSERT_TRUE(LoadFixture(*store_,
                            std::string(FAKEIAM_SOURCE_DIR) +
                                (options.profile == Cloud::Aws ? "/fixtures/aws/bob-two-keys.json"
                                                               : "/fixtures/huawei/two-users.json"))
                    .ok());
    ServerOptions server_options;
    server_options.max_request_bytes = kMaxRequestBytes;
    // Short, so that cases where the server waits for bytes that never come end soon.
    server_options.io_timeout = std::chrono::milliseconds(500);
    server_options.keep_alive_timeout = std::chrono::seconds(1);
    server_ = std::make_unique<Server>(store_, server_options);
    ASSERT_TRUE(server_->Start().ok());
  }

  // The store's users and keys (with secrets and last uses) as fixture text.
  std::string State() const {
    return RenderFixture(Fixture{store_->profile(), store_->account_id(), store_->Snapshot()});
  }

  // A well-formed ListAccessKeys in the case's dialect, answered with Bob's keys.
  void ExpectStillServes() const {
    const bool aws = GetParam().dialect == Cloud::Aws;
    const std::string reply = RawExchange(
        server_->port(),
        aws ? Form("Action=ListAccessKeys&Version=2010-05-08&UserName=Bob") : Get(kBobKeys));
    const std::optional<RawResponse> response = ParseRawResponse(reply);
    ASSERT_TRUE(response) << Printable(reply);
    EXPECT_EQ(response->status, 200) << response->body;
    EXPECT_THAT(response->body, ::testing::HasSubstr(aws ? kAwsKey : kHuaweiKey));
  }

  std::shared_ptr<Store> store_;
  std::unique_ptr<Server> server_;
};

TEST_P(HostileInputTest, IsRefusedInItsDialectAndChangesNothing) {
  const HostileCase& c = GetParam();
  const std::string before = State();
  const std::string reply = RawExchange(server_->port(), c.request);
  if (c.status == 0) {
    EXPECT_EQ(reply, "") << c.why;
  } else {
    const std::optional<RawResponse> response = ParseRawResponse(reply);
    ASSERT_TRUE(response) << "no HTTP response: " << Printable(reply);
    EXPECT_EQ(response->status, c.status) << response->body;
    EXPECT_TRUE(IsUtf8(response->body)) << Printable(response->body);
    // Nothing the request smuggled in becomes a response header.
    EXPECT_FALSE(response->Header("Injected"));
    if (c.dialect == Cloud::Aws) {
      ExpectAwsError(*response, c.code);
    } else {
      ExpectHuaweiError(*response, c.code);
    }
  }
  EXPECT_EQ(State(), before);
  ExpectStillServes();
}

INSTANTIATE_TEST_SUITE_P(Hostile, HostileInputTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<HostileCase>& info) {
                           return info.param.name;
                         });

TEST(HostileInputCasesTest, CoverBothDialectsWithAtLeastSixtyCases) {
  int aws = 0, huawei = 0;
  for (const HostileCase& c : Cases()) {
    if (c.status != 0) (c.dialect == Cloud::Aws ? aws : huawei)++;
  }
  EXPECT_GE(aws + huawei, 60);
  EXPECT_GE(aws, 25);
  EXPECT_GE(huawei, 25);
}

// --- Slow clients. The server's event loops serve every connection, slow ones too, so others
// are served only if a slow connection never holds up its loop; a connection that stays slow is
// dropped after io_timeout.

constexpr int kSlowClients = 20;

ServerOptions SlowClientOptions() {
  ServerOptions options;
  options.io_timeout = std::chrono::milliseconds(300);
  return options;
}

// Sends a padded ListUsers to each of `fds` one byte every `gap`, on a thread of its own, until
// it is all sent or the trickle is destroyed; a connection the server closed is skipped over.
class Trickle {
 public:
  Trickle(std::vector<int> fds, std::chrono::milliseconds gap)
      : thread_([this, fds = std::move(fds), gap] {
          const std::string request = Form("Action=ListUsers&Version=2010-05-08",
                                           "X-Pad: " + std::string(200, 'p') + "\r\n");
          for (std::size_t at = 0; at < request.size() && !stop_; ++at) {
            for (const int fd : fds) SendAll(fd, request.substr(at, 1));
            std::this_thread::sleep_for(gap);
          }
        }) {}
  ~Trickle() {
    stop_ = true;
    thread_.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// ListUsers on a fresh connection: its status, or 0, and how long the answer took.
std::pair<int, std::chrono::milliseconds> TimedListUsers(int port) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<RawResponse> response =
      ParseRawResponse(RawExchange(port, Form("Action=ListUsers&Version=2010-05-08")));
  return {response ? response->status : 0, std::chrono::duration_cast<std::chrono::milliseconds>(
                                               std::chrono::steady_clock::now() - start)};
}

TEST(HostileSlowClientTest, StalledClientsAreDroppedAndOthersAreServedMeanwhile) {
  Server server(std::make_shared<Store>(), SlowClientOptions());
  ASSERT_TRUE(server.Start().ok());
  // Half stall in the middle of their headers, half after them, before the promised body.
  std::vector<int> stalled;
  for (int i = 0; i < kSlowClients; ++i) {
    const int fd = ConnectLoopback(server.port(), std::chrono::seconds(5));
    ASSERT_GE(fd, 0);
    const std::string sent =
        i % 2 ? "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le"
              : "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 35\r\n\r\n";
    ASSERT_TRUE(SendAll(fd, sent));
    stalled.push_back(fd);
  }
  const auto start = std::chrono::steady_clock::now();
  const auto [status, took] = TimedListUsers(server.port());
  EXPECT_EQ(status, 200);
  EXPECT_LT(took, std::chrono::seconds(3));
  // Each stalled connection is ended by the server soon after io_timeout, with no success.
  for (const int fd : stalled) {
    const std::string reply = ReadResponse(fd);
    close(fd);
    if (const std::optional<RawResponse> response = ParseRawResponse(reply)) {
      EXPECT_GE(response->status, 400) << Printable(reply);
      EXPECT_LT(response->status, 500) << Printable(reply);
    } else {
      EXPECT_EQ(reply, "");
    }
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
  EXPECT_EQ(TimedListUsers(server.port()).first, 200);
}

TEST(HostileSlowClientTest, ClientsSendingAByteAtATimeDoNotHoldUpOthers) {
  Server server(std::make_shared<Store>(), SlowClientOptions());
  ASSERT_TRUE(server.Start().ok());
  std::vector<int> slow;
  for (int i = 0; i < kSlowClients; ++i) {
    slow.push_back(ConnectLoopback(server.port()));
    ASSERT_GE(slow.back(), 0);
  }
  std::pair<int, std::chrono::milliseconds> answered;
  {
    // Each byte comes well within io_timeout, so no single read times out: these connections
    // stay busy until their requests have taken io_timeout in all.
    const Trickle trickle(slow, std::chrono::milliseconds(100));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // every slow client is read
    answered = TimedListUsers(server.port());
  }
  for (const int fd : slow) close(fd);
  const auto [status, took] = answered;
  EXPECT_EQ(status, 200);
  EXPECT_LT(took, std::chrono::seconds(3));
}

// A client that keeps sending, but too slowly for its request to arrive whole within
// io_timeout, is answered 408 then rather than held for as long as it trickles.
TEST(HostileSlowClientTest, ARequestStillArrivingAfterIoTimeoutIsRefusedWith408) {
  Server server(std::make_shared<Store>(), SlowClientOptions());
  ASSERT_TRUE(server.Start().ok());
  const int fd = ConnectLoopback(server.port());
  ASSERT_GE(fd, 0);
  const auto start = std::chrono::steady_clock::now();
  std::optional<RawResponse> response;
  std::chrono::steady_clock::duration took{};
  {
    const Trickle trickle({fd}, std::chrono::milliseconds(20));
    response = ParseRawResponse(ReadResponse(fd));
    took = std::chrono::steady_clock::now() - start;
  }
  close(fd);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 408);
  EXPECT_GE(took, SlowClientOptions().io_timeout);
  EXPECT_LT(took, std::chrono::seconds(3));
}

// A client that sends requests but never reads the answers fills the socket: the server waits
// for it to read no longer than io_timeout, then drops it, and serves the others meanwhile.
TEST(HostileSlowClientTest, AClientThatNeverReadsIsDroppedAfterIoTimeout) {
  auto store = std::make_shared<Store>();
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(store->CreateUser("user" + std::to_string(i)).ok());
  ServerOptions options = SlowClientOptions();
  options.threads = 1;
  Server server(store, options);
  ASSERT_TRUE(server.Start().ok());
  const int fd = ConnectLoopback(server.port());
  ASSERT_GE(fd, 0);
  // About 15 KB each: far more answers than loopback's socket buffers hold.
  constexpr int kRequests = 2000;
  std::string requests;
  for (int i = 0; i < kRequests; ++i) {
    requests +=
        "GET /?Action=ListUsers&MaxItems=100&Version=2010-05-08 HTTP/1.1\r\nHost: h\r\n\r\n";
  }
  // Sent from a thread: the server stops reading while it cannot write.
  std::thread sender([fd, &requests] { SendAll(fd, requests); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto [status, took] = TimedListUsers(server.port());
  EXPECT_EQ(status, 200);
  EXPECT_LT(took, std::chrono::seconds(3));
  std::this_thread::sleep_for(3 * options.io_timeout);
  // What the socket held before the server gave up, then the end.
  std::size_t answers = 0;
  std::string received;
  char buffer[64 * 1024];
  for (ssize_t got; (got = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    received.append(buffer, static_cast<std::size_t>(got));
    for (std::size_t at; (at = received.find("HTTP/1.1 200 ")) != std::string::npos;) {
      ++answers;
      received.erase(0, at + 1);
    }
  }
  shutdown(fd, SHUT_RDWR);
  sender.join();
  close(fd);
  EXPECT_LT(answers, static_cast<std::size_t>(kRequests));
}

}  // namespace
}  // namespace fakeiam
