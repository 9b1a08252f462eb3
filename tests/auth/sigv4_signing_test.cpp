// SigV4 signing against the public SigV4 test suite: every case folder found under
// ../shared/vectors/sigv4 beside the checkout (see ORIGIN.md there), plus what SignSigV4 does to
// the headers of the request it signs.
#include "aws/sigv4_signing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "aws/sigv4_credential.hpp"
#include "aws/sigv4_verification.hpp"
#include "core/ascii.hpp"
#include "http/canonical_request.hpp"

namespace fakeiam::internal {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kAmzDate = "20150830T123600Z";
constexpr std::string_view kRegion = "us-east-1";
constexpr std::string_view kService = "service";
constexpr std::string_view kScope = "20150830/us-east-1/service/aws4_request";
constexpr std::string_view kSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
// The session-token case's .req lacks the token its canonical request signs: the suite's
// harnesses give it to the signer as a credential, and so do these tests.
constexpr std::string_view kSessionTokenCase = "get-vanilla-with-session-token";
constexpr std::string_view kSessionToken =
    "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";

fs::path SuiteDir() { return fs::path(FAKEIAM_SOURCE_DIR) / ".." / "shared" / "vectors" / "sigv4"; }

// Every folder holding a .req named after it, relative to the suite: "normalize-path/get-slash".
std::vector<std::string> SuiteCases() {
  std::vector<std::string> cases;
  std::error_code error;
  for (fs::recursive_directory_iterator it(SuiteDir(), error), end; !error && it != end;
       it.increment(error)) {
    const fs::path& dir = it->path();
    if (fs::exists(dir / (dir.filename().string() + ".req"))) {
      cases.push_back(fs::relative(dir, SuiteDir()).generic_string());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string ReadCaseFile(const std::string& name, std::string_view extension) {
  const fs::path dir = SuiteDir() / name;
  const fs::path file = dir / (dir.filename().string() + std::string(extension));
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The suite's raw requests: a request line, `Name:value` fields, a blank line and the body. A
// line starting with white space continues the previous field (obsolete line folding), which is
// unfolded into spaces as HTTP/1.1 parsers do.
HttpRequest ParseRawRequest(const std::string& raw) {
  std::istringstream in(raw);
  std::string line;
  std::getline(in, line);
  HttpRequest request;
  const std::size_t method_end = line.find(' ');
  const std::size_t target_end = line.rfind(' ');
  request.method = line.substr(0, method_end);
  const std::string target = line.substr(method_end + 1, target_end - method_end - 1);
  const std::size_t question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) request.query = target.substr(question + 1);
  std::vector<std::pair<std::string, std::string>> fields;
  while (std::getline(in, line) && !line.empty()) {
    if ((line.front() == ' ' || line.front() == '\t') && !fields.empty()) {
      fields.back().second += ' ' + line;
      continue;
    }
    // A value starts after the colon and any white space, as HTTP parsers (httplib's too) read it.
    const std::size_t colon = line.find(':');
    const std::size_t value = line.find_first_not_of(" \t", colon + 1);
    fields.emplace_back(line.substr(0, colon),
                        value == std::string::npos ? "" : line.substr(value));
  }
  for (auto& [name, value] : fields) request.headers.Add(std::move(name), std::move(value));
  request.body.assign(std::istreambuf_iterator<char>(in), {});
  return request;
}

struct SuiteCase {
  HttpRequest request;
  std::string session_token;
  std::string canonical_request;
  std::string string_to_sign;
  std::string authorization;
  // The .authz as a request's Authorization header, which the expected credential views.
  HttpRequest authorization_carrier;

  SigV4Credential Expected() const {
    const Result<std::optional<SigV4Credential>> credential =
        ReadSigV4Credential(authorization_carrier);
    EXPECT_TRUE(credential.ok() && credential->has_value()) << authorization;
    return credential.ok() && credential->has_value() ? **credential : SigV4Credential{};
  }
};

SuiteCase LoadCase(const std::string& name) {
  SuiteCase c;
  c.request = ParseRawRequest(ReadCaseFile(name, ".req"));
  if (name == kSessionTokenCase) {
    c.request.headers.Add("X-Amz-Security-Token", std::string(kSessionToken));
  }
  c.session_token = std::string(c.request.headers.Get("X-Amz-Security-Token").value_or(""));
  c.canonical_request = ReadCaseFile(name, ".creq");
  c.string_to_sign = ReadCaseFile(name, ".sts");
  c.authorization = ReadCaseFile(name, ".authz");
  c.authorization_carrier.headers.Add("Authorization", c.authorization);
  return c;
}

Credentials SuiteCredentials(std::string session_token = "") {
  return {"AKIDEXAMPLE", std::string(kSecret), std::move(session_token)};
}

std::string CaseTestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

TEST(SigV4SuiteTest, TheWholeSuiteIsThere) {
  EXPECT_GE(SuiteCases().size(), 25u) << "the SigV4 suite is expected at " << SuiteDir();
}

class SigV4SuiteCaseTest : public testing::TestWithParam<std::string> {};

TEST_P(SigV4SuiteCaseTest, CanonicalRequestStringToSignAndSignature) {
  const SuiteCase c = LoadCase(GetParam());
  const SigV4Credential expected = c.Expected();
  const std::string canonical_request =
      SigV4CanonicalRequest(c.request, SplitSignedHeaders(expected.signed_headers));
  EXPECT_EQ(canonical_request, c.canonical_request);
  EXPECT_EQ(SigV4StringToSign(kAmzDate, kScope, canonical_request), c.string_to_sign);
  EXPECT_EQ(SigV4Signature(kSecret, kAmzDate, kRegion, kService, canonical_request),
            expected.signature);
}

// The verifier, on each case's signed request (.sreq) with the case's expected Authorization
// (.authz; the session-token case's .sreq carries get-vanilla's signature instead): it holds with
// the suite's secret, and not with another secret, another body or another value of a signed
// header.
TEST_P(SigV4SuiteCaseTest, TheSignedRequestVerifies) {
  HttpRequest signed_request = ParseRawRequest(ReadCaseFile(GetParam(), ".sreq"));
  signed_request.headers.Set("Authorization", ReadCaseFile(GetParam(), ".authz"));
  const Result<std::optional<SigV4Credential>> credential = ReadSigV4Credential(signed_request);
  ASSERT_TRUE(credential.ok() && credential->has_value());
  const SigV4Credential& c = **credential;
  EXPECT_TRUE(SigV4SignatureMatches(signed_request, c, kAmzDate, kSecret));

  EXPECT_FALSE(SigV4SignatureMatches(signed_request, c, kAmzDate, std::string(kSecret) + "x"));
  HttpRequest other_body = signed_request;
  other_body.body += "x";
  EXPECT_FALSE(SigV4SignatureMatches(other_body, c, kAmzDate, kSecret));
  HttpRequest other_date = signed_request;
  other_date.headers.Set("X-Amz-Date", "20150830T123601Z");
  EXPECT_FALSE(SigV4SignatureMatches(other_date, c, "20150830T123601Z", kSecret));
  HttpRequest other_host = signed_request;
  other_host.headers.Set("Host", "example.amazonaws.com.evil");
  EXPECT_FALSE(SigV4SignatureMatches(other_host, c, kAmzDate, kSecret));
}

INSTANTIATE_TEST_SUITE_P(Suite, SigV4SuiteCaseTest, testing::ValuesIn(SuiteCases()), CaseTestName);

// SignSigV4 signs host, content-type and the x-amz-* headers, so it can reproduce the cases whose
// requests carry no other header.
bool SignSigV4SignsEveryHeaderOf(const std::string& name) {
  const HttpRequest request = ParseRawRequest(ReadCaseFile(name, ".req"));
  return std::all_of(request.headers.begin(), request.headers.end(), [](const auto& field) {
    const std::string lower = ToLower(field.first);
    return lower == "host" || lower == "content-type" || StartsWith(lower, "x-amz-");
  });
}

std::vector<std::string> CasesSignSigV4Reproduces() {
  std::vector<std::string> cases = SuiteCases();
  cases.erase(
      std::remove_if(cases.begin(), cases.end(),
                     [](const std::string& name) { return !SignSigV4SignsEveryHeaderOf(name); }),
      cases.end());
  return cases;
}

class SignSigV4SuiteCaseTest : public testing::TestWithParam<std::string> {};

TEST_P(SignSigV4SuiteCaseTest, SetsTheCaseAuthorization) {
  SuiteCase c = LoadCase(GetParam());
  SignSigV4(c.request, SuiteCredentials(c.session_token), kAmzDate, kRegion, kService);
  EXPECT_EQ(c.request.headers.Get("Authorization"), c.authorization);
}

INSTANTIATE_TEST_SUITE_P(Suite, SignSigV4SuiteCaseTest,
                         testing::ValuesIn(CasesSignSigV4Reproduces()), CaseTestName);

TEST(SignSigV4Test, AddsTheSessionTokenHeaderAndSignsIt) {
  // get-vanilla's request is the session-token case's, before the token.
  HttpRequest request = ParseRawRequest(ReadCaseFile("get-vanilla", ".req"));
  SignSigV4(request, SuiteCredentials(std::string(kSessionToken)), kAmzDate, kRegion, kService);
  EXPECT_EQ(request.headers.Get("X-Amz-Security-Token"), kSessionToken);
  EXPECT_EQ(request.headers.Get("Authorization"),
            ReadCaseFile(std::string(kSessionTokenCase), ".authz"));
}

TEST(SignSigV4Test, ReplacesAnEarlierSignatureDateAndToken) {
  HttpRequest request = ParseRawRequest(ReadCaseFile("get-vanilla", ".req"));
  request.headers.Add("authorization", "AWS4-HMAC-SHA256 Credential=OTHER/...");
  request.headers.Add("x-amz-date", "20000101T000000Z");
  request.headers.Add("X-Amz-Security-Token", "a token of other credentials");
  SignSigV4(request, SuiteCredentials(), kAmzDate, kRegion, kService);
  EXPECT_EQ(request.headers.Count("Authorization"), 1u);
  EXPECT_EQ(request.headers.Get("Authorization"), ReadCaseFile("get-vanilla", ".authz"));
  EXPECT_EQ(request.headers.Count("X-Amz-Date"), 1u);
  EXPECT_EQ(request.headers.Get("X-Amz-Date"), kAmzDate);
  EXPECT_EQ(request.headers.Count("X-Amz-Security-Token"), 0u);
}

TEST(SignSigV4Test, NeedsAHostHeader) {
  HttpRequest request;
  EXPECT_THROW(SignSigV4(request, SuiteCredentials(), kAmzDate, kRegion, kService),
               std::invalid_argument);
}

TEST(SigV4CanonicalRequestTest, TakesThePayloadHashFromXAmzContentSha256) {
  HttpRequest request;
  request.method = "PUT";
  request.headers = {{"Host", "example.amazonaws.com"},
                     {"X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD"}};
  request.body = "not hashed";
  EXPECT_THAT(SigV4CanonicalRequest(request, {"host", "x-amz-content-sha256"}),
              testing::EndsWith("\nhost;x-amz-content-sha256\nUNSIGNED-PAYLOAD"));
}

TEST(SigV4CanonicalRequestTest, EncodesAnEscapeInThePathAgain) {
  HttpRequest request;
  request.path = "/a%20b/c";
  EXPECT_THAT(SigV4CanonicalRequest(request, {}), testing::StartsWith("GET\n/a%2520b/c\n"));
}

TEST(SigV4CanonicalRequestTest, RefusesAMalformedQueryEscape) {
  HttpRequest request;
  request.query = "a=%zz";
  EXPECT_THROW(SigV4CanonicalRequest(request, {}), std::invalid_argument);
}

}  // namespace
}  // namespace fakeiam::internal
