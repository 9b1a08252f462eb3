// SDK-HMAC-SHA256 signing: the canonical request the Huawei fact sheet captured from the real Node
// SDK, and signatures the SDK's own signer made (fixtures/signing/huawei_sdk_signatures.json,
// written by tests/clients/huawei/sdk_hmac_signer_check.mjs).
#include "huawei/sdk_hmac_signing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "huawei/sdk_hmac_credential.hpp"
#include "huawei/sdk_hmac_verification.hpp"

namespace fakeiam::internal {
namespace {

constexpr std::string_view kSdkDate = "20261122T194006Z";
const std::vector<std::string> kSignedByTheNodeSdk = {"content-type", "host", "x-sdk-date"};

HttpRequest AccessKeysRequest(std::string method) {
  HttpRequest request;
  request.method = std::move(method);
  request.path = "/v5/users/07609fb9358010e21f7bc003751c7c32/access-keys";
  request.headers = {{"Content-Type", "application/json"},
                     {"host", "127.0.0.1:45041"},
                     {"X-Sdk-Date", std::string(kSdkDate)}};
  return request;
}

// The second line of the canonical request.
std::string CanonicalUriOf(const std::string& path) {
  HttpRequest request;
  request.path = path;
  const std::string canonical = SdkHmacCanonicalRequest(request, {});
  const std::size_t start = canonical.find('\n') + 1;
  return canonical.substr(start, canonical.find('\n', start) - start);
}

TEST(SdkHmacCanonicalRequestTest, IsTheOneTheFactSheetRebuiltForTheMarkerCall) {
  HttpRequest request = AccessKeysRequest("GET");
  request.query = "limit=1&marker=bWFya2VyLTI%3D";
  EXPECT_EQ(SdkHmacCanonicalRequest(request, kSignedByTheNodeSdk),
            "GET\n"
            "/v5/users/07609fb9358010e21f7bc003751c7c32/access-keys/\n"
            "limit=1&marker=bWFya2VyLTI%3D\n"
            "content-type:application/json\n"
            "host:127.0.0.1:45041\n"
            "x-sdk-date:20261122T194006Z\n"
            "\n"
            "content-type;host;x-sdk-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SdkHmacCanonicalRequestTest, EndsWithTheHashOfTheBody) {
  HttpRequest request = AccessKeysRequest("PUT");
  request.path += "/HPUAEXAMPLEAKID00001";
  request.body = R"({"status":"inactive"})";
  EXPECT_THAT(
      SdkHmacCanonicalRequest(request, kSignedByTheNodeSdk),
      testing::EndsWith("\n0587694d437b2079ff3aa2a258fec1436c9bf404b4161d29f84c39f3ba9fdd01"));
}

TEST(SdkHmacCanonicalRequestTest, EndsTheUriWithOneSlash) {
  EXPECT_EQ(CanonicalUriOf("/v5/users"), "/v5/users/");
  EXPECT_EQ(CanonicalUriOf("/v5/users/"), "/v5/users/");
  EXPECT_EQ(CanonicalUriOf("/"), "/");
}

TEST(SdkHmacCanonicalRequestTest, EncodesEachPathSegmentOnceHoweverItWasSent) {
  EXPECT_EQ(CanonicalUriOf("/v5/a b/ü"), "/v5/a%20b/%C3%BC/");
  EXPECT_EQ(CanonicalUriOf("/v5/a%20b/%C3%BC"), "/v5/a%20b/%C3%BC/");
}

TEST(SdkHmacCanonicalRequestTest, RefusesAMalformedPathEscape) {
  EXPECT_THROW(CanonicalUriOf("/v5/%zz"), std::invalid_argument);
}

TEST(SignSdkHmacTest, NeedsAHostHeader) {
  HttpRequest request;
  EXPECT_THROW(SignSdkHmac(request, {"AK", "SK", ""}, kSdkDate), std::invalid_argument);
}

TEST(SignSdkHmacTest, ReplacesAnEarlierSignatureDateAndToken) {
  HttpRequest request = AccessKeysRequest("GET");
  request.headers.Add("x-sdk-date", "20000101T000000Z");
  request.headers.Add("Authorization", "SDK-HMAC-SHA256 Access=OTHER, ...");
  request.headers.Add("x-security-token", "a token of other credentials");
  SignSdkHmac(request, {"AK", "SK", ""}, kSdkDate);
  EXPECT_EQ(request.headers.Count("X-Sdk-Date"), 1u);
  EXPECT_EQ(request.headers.Get("X-Sdk-Date"), kSdkDate);
  EXPECT_EQ(request.headers.Count("X-Security-Token"), 0u);
  EXPECT_EQ(request.headers.Count("Authorization"), 1u);
  EXPECT_THAT(std::string(request.headers.Get("Authorization").value_or("")),
              testing::StartsWith("SDK-HMAC-SHA256 Access=AK, "
                                  "SignedHeaders=content-type;host;x-sdk-date, Signature="));
}

// The requests the Huawei Node SDK signed (fixtures/signing), as they were before signing.
nlohmann::json SignedBySdk() {
  const std::string path = FAKEIAM_SOURCE_DIR "/fixtures/signing/huawei_sdk_signatures.json";
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  nlohmann::json entries = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  EXPECT_GE(entries.size(), 8u);
  return entries.is_array() ? entries : nlohmann::json::array();
}

HttpRequest UnsignedRequestOf(const nlohmann::json& entry) {
  HttpRequest request;
  request.method = entry.at("method");
  request.path = entry.at("path");
  request.query = entry.at("query");
  request.body = entry.at("body");
  for (const auto& [name, value] : entry.at("headers").items()) request.headers.Add(name, value);
  return request;
}

// Each request of the fixture, signed again by SignSdkHmac, must carry the date, the session token
// and the Authorization the SDK gave it.
TEST(SignSdkHmacTest, SignsAsTheHuaweiNodeSdkDoes) {
  for (const nlohmann::json& entry : SignedBySdk()) {
    SCOPED_TRACE(entry.at("case").get<std::string>());
    HttpRequest request = UnsignedRequestOf(entry);
    const Credentials credentials{entry.at("access_key_id"), entry.at("secret_access_key"),
                                  entry.at("security_token")};
    SignSdkHmac(request, credentials, entry.at("sdk_date").get<std::string>());
    EXPECT_EQ(request.headers.Get("Authorization"), entry.at("authorization").get<std::string>());
    EXPECT_EQ(request.headers.Get("X-Sdk-Date"), entry.at("sdk_date").get<std::string>());
    EXPECT_EQ(request.headers.Get("X-Security-Token").value_or(""),
              entry.at("security_token").get<std::string>());
  }
}

// The verifier accepts what the SDK signed, with the SDK's secret only, and not once the request
// has changed.
TEST(VerifySdkHmacTest, AcceptsWhatTheHuaweiNodeSdkSignedAndNothingElse) {
  for (const nlohmann::json& entry : SignedBySdk()) {
    SCOPED_TRACE(entry.at("case").get<std::string>());
    HttpRequest request = UnsignedRequestOf(entry);
    request.headers.Add("X-Sdk-Date", entry.at("sdk_date").get<std::string>());
    if (!entry.at("security_token").get<std::string>().empty()) {
      request.headers.Add("X-Security-Token", entry.at("security_token").get<std::string>());
    }
    request.headers.Add("Authorization", entry.at("authorization").get<std::string>());
    const Result<std::optional<SdkHmacCredential>> credential = ReadSdkHmacCredential(request);
    ASSERT_TRUE(credential.ok() && credential->has_value());
    const std::string secret = entry.at("secret_access_key");
    const Timestamp now{};
    EXPECT_FALSE(VerifySdkHmac(request, **credential, secret, now, std::chrono::seconds(0)));

    const std::optional<Error> wrong_secret =
        VerifySdkHmac(request, **credential, secret + "x", now, std::chrono::seconds(0));
    ASSERT_TRUE(wrong_secret);
    EXPECT_EQ(wrong_secret->code, ErrorCode::SignatureDoesNotMatch);
    EXPECT_EQ(wrong_secret->message, "verify aksk signature fail");
    HttpRequest other_path = request;
    other_path.path += "x";
    EXPECT_TRUE(VerifySdkHmac(other_path, **credential, secret, now, std::chrono::seconds(0)));
    // A body is signed unless the request says it is not (X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD).
    HttpRequest other_body = request;
    other_body.body += " ";
    EXPECT_EQ(
        VerifySdkHmac(other_body, **credential, secret, now, std::chrono::seconds(0)).has_value(),
        !request.headers.Get("X-Sdk-Content-Sha256"));
  }
}

TEST(VerifySdkHmacTest, NeedsADateAndHonoursTheSkewWindow) {
  HttpRequest request;
  request.method = "GET";
  request.path = "/v5/users/0123456789abcdef0123456789abcdef/access-keys";
  request.headers.Add("Host", "127.0.0.1:1");
  const Credentials credentials{"HPUAEXAMPLE", "secret", ""};
  SignSdkHmac(request, credentials, "20250101T000000Z");
  const SdkHmacCredential credential = **ReadSdkHmacCredential(request);
  const Timestamp signed_at = *ParseIso8601("2025-01-01T00:00:00Z");
  const std::chrono::seconds window(900);
  EXPECT_FALSE(VerifySdkHmac(request, credential, "secret", signed_at + window, window));
  const std::optional<Error> late = VerifySdkHmac(
      request, credential, "secret", signed_at + window + std::chrono::seconds(1), window);
  ASSERT_TRUE(late);
  EXPECT_EQ(late->message,
            "verify aksk signature fail, X-Sdk-Date 20250101T000000Z is more than 900 seconds from "
            "the server time 20250101T001501Z");
  EXPECT_TRUE(VerifySdkHmac(request, credential, "secret",
                            signed_at - window - std::chrono::seconds(1), window));
  HttpRequest undated = request;
  undated.headers.Set("X-Sdk-Date", "yesterday");
  EXPECT_EQ(VerifySdkHmac(undated, credential, "secret", signed_at, window)->code,
            ErrorCode::IncompleteSignature);
}

}  // namespace
}  // namespace fakeiam::internal
