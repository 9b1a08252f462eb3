// Forwarding to an upstream endpoint: requests arrive there as the client sent them, but signed
// with the recorder's own credentials for the upstream's address; failures are the client's
// dialect's errors.
#include "fakeiam/upstream.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <mutex>
#include <thread>

#include "fakeiam/handler.hpp"
#include "fakeiam/recorder.hpp"
#include "fakeiam/server.hpp"

namespace fakeiam {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

// The upstream: a fake that remembers the last request it was sent.
class CapturingFake : public HttpService {
 public:
  explicit CapturingFake(std::shared_ptr<Store> store) : handler_(std::move(store)) {}
  HttpResponse Handle(const HttpRequest& request) const override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      last_ = request;
    }
    return handler_.Handle(request);
  }
  HttpResponse Reject(const HttpRequest& request, const Error& error) const override {
    return handler_.Reject(request, error);
  }
  HttpRequest last() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_;
  }

 private:
  Handler handler_;
  mutable std::mutex mutex_;
  mutable HttpRequest last_;
};

HttpRequest AwsQuery(const std::string& form, const std::string& region = "us-east-1") {
  HttpRequest request;
  request.method = "POST";
  request.headers.Add("Host", "127.0.0.1:1");
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.headers.Add("X-Amz-Date", "20200101T000000Z");
  request.headers.Add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIACLIENT/20200101/" + region +
                                           "/iam/aws4_request, SignedHeaders=host, Signature=00");
  request.body = form + "&Version=2010-05-08";
  return request;
}

class UpstreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.profile = profile_;
    store_ = std::make_shared<Store>(options);
    ASSERT_TRUE(store_->CreateUser("recorder").ok());
    const Result<AccessKey> key = store_->CreateAccessKey("recorder");
    ASSERT_TRUE(key.ok());
    credentials_ = {key->id, key->secret, ""};
    upstream_ = std::make_shared<CapturingFake>(store_);
    server_ = std::make_unique<Server>(upstream_);
    ASSERT_TRUE(server_->Start().ok());
  }

  UpstreamOptions Options() const {
    UpstreamOptions options;
    options.url = server_->endpoint();
    options.aws = credentials_;
    options.huawei = credentials_;
    return options;
  }

  Cloud profile_ = Cloud::Aws;
  std::shared_ptr<Store> store_;
  Credentials credentials_;
  std::shared_ptr<CapturingFake> upstream_;
  std::unique_ptr<Server> server_;
};

TEST_F(UpstreamTest, ForwardsTheRequestSignedWithTheRecordersKeyForTheUpstreamsAddress) {
  const Upstream upstream(Options());
  const HttpResponse response = upstream.Handle(AwsQuery("Action=CreateUser&UserName=Bob"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.operation, "CreateUser");
  EXPECT_THAT(response.body, HasSubstr("<UserName>Bob</UserName>"));
  EXPECT_TRUE(store_->FindUser("Bob"));

  const HttpRequest arrived = upstream_->last();
  EXPECT_EQ(arrived.body, "Action=CreateUser&UserName=Bob&Version=2010-05-08");
  EXPECT_EQ(arrived.headers.Get("Host"), "127.0.0.1:" + std::to_string(server_->port()));
  EXPECT_THAT(std::string(*arrived.headers.Get("X-Amz-Date")), MatchesRegex("[0-9]{8}T[0-9]{6}Z"));
  EXPECT_NE(*arrived.headers.Get("X-Amz-Date"), "20200101T000000Z");
  EXPECT_THAT(std::string(*arrived.headers.Get("Authorization")),
              MatchesRegex("AWS4-HMAC-SHA256 Credential=" + credentials_.access_key_id +
                           "/[0-9]{8}/us-east-1/iam/aws4_request, "
                           "SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}"));
  // The upstream took the recorder's key for the caller.
  EXPECT_TRUE(store_->GetAccessKeyLastUsed(credentials_.access_key_id)->last_used);
}

TEST_F(UpstreamTest, SignsForTheRegionTheClientSignedFor) {
  const Upstream upstream(Options());
  upstream.Handle(AwsQuery("Action=ListUsers", "eu-west-1"));
  EXPECT_THAT(std::string(*upstream_->last().headers.Get("Authorization")),
              HasSubstr("/eu-west-1/iam/aws4_request"));
}

TEST_F(UpstreamTest, WithoutCredentialsTheRequestGoesUnsigned) {
  UpstreamOptions options = Options();
  options.aws = {};
  const Upstream upstream(options);
  EXPECT_EQ(upstream.Handle(AwsQuery("Action=ListUsers")).status, 200);
  EXPECT_FALSE(upstream_->last().headers.Get("Authorization"));
  EXPECT_FALSE(upstream_->last().headers.Get("X-Amz-Date"));
}

class HuaweiUpstreamTest : public UpstreamTest {
 protected:
  HuaweiUpstreamTest() { profile_ = Cloud::Huawei; }
};

TEST_F(HuaweiUpstreamTest, SignsHuaweiRequestsWithSdkHmacAndKeepsPathAndQueryAsSent) {
  const Upstream upstream(Options());
  HttpRequest request;
  request.method = "GET";
  request.path = "/v5/users/" + store_->GetUser("recorder")->id + "/access-keys";
  request.query = "limit=1&marker=ab%2Bcd+e";
  request.headers.Add("Content-Type", "application/json");
  request.headers.Add("X-Sdk-Date", "20200101T000000Z");
  const HttpResponse response = upstream.Handle(request);
  EXPECT_EQ(response.operation, "ListAccessKeysV5");
  const HttpRequest arrived = upstream_->last();
  EXPECT_EQ(arrived.path, request.path);
  EXPECT_EQ(arrived.query, request.query);
  EXPECT_NE(*arrived.headers.Get("X-Sdk-Date"), "20200101T000000Z");
  EXPECT_THAT(std::string(*arrived.headers.Get("Authorization")),
              MatchesRegex("SDK-HMAC-SHA256 Access=" + credentials_.access_key_id +
                           ", SignedHeaders=content-type;host;x-sdk-date, Signature=[0-9a-f]{64}"));
  // An invalid marker, answered by the upstream in its dialect: the answer is passed on as is.
  EXPECT_EQ(response.status, 400);
  EXPECT_THAT(response.body, HasSubstr("PAP5.0010"));
}

TEST_F(UpstreamTest, AnUpstreamThatDoesNotAnswerIsA502InTheClientsDialect) {
  UpstreamOptions options = Options();
  server_->Stop();
  options.timeout = std::chrono::milliseconds(500);
  const Upstream upstream(options);
  const HttpResponse aws = upstream.Handle(AwsQuery("Action=ListUsers"));
  EXPECT_EQ(aws.status, 502);
  EXPECT_THAT(aws.body, HasSubstr("<Code>UpstreamUnavailable</Code>"));
  EXPECT_THAT(aws.body, HasSubstr("The upstream " + options.url +
                                  " did not answer: no connection could be made [Connection]."));
  HttpRequest v5;
  v5.path = "/v5/users/0123456789abcdef0123456789abcdef/access-keys";
  const HttpResponse huawei = upstream.Handle(v5);
  EXPECT_EQ(huawei.status, 502);
  EXPECT_THAT(huawei.body, HasSubstr(R"("error_code":"UpstreamUnavailable")"));
  EXPECT_FALSE(aws.recordable);
  // fakeiam's own API is answered here, upstream or not.
  HttpRequest health;
  health.path = "/_fakeiam/health";
  EXPECT_EQ(upstream.Handle(health).status, 200);
}

TEST_F(UpstreamTest, RecordsThroughAServerInFront) {
  const std::string path = ::testing::TempDir() + "/upstream_recording.json";
  auto recorder =
      std::make_shared<Recorder>(std::make_shared<Upstream>(Options()), RecordOptions{path});
  Server front(recorder);
  ASSERT_TRUE(front.Start().ok());
  httplib::Client client("127.0.0.1", front.port());
  const auto created =
      client.Post("/", "Action=CreateAccessKey&UserName=recorder&Version=2010-05-08",
                  "application/x-www-form-urlencoded");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 200);
  const Result<Cassette> cassette = LoadCassette(path);
  ASSERT_TRUE(cassette.ok()) << cassette.error().message;
  ASSERT_EQ(cassette->interactions.size(), 1u);
  EXPECT_EQ(cassette->interactions[0].operation, "CreateAccessKey");
  EXPECT_THAT(cassette->interactions[0].response.body,
              HasSubstr("<SecretAccessKey>REDACTEDREDACTED"));
  EXPECT_EQ(store_->FindAccessKeys("recorder")->size(), 2u);
  std::remove(path.c_str());
}

// An https upstream with the test certificate of fixtures/tls, answering every request with an
// empty AWS response.
class TlsUpstream {
 public:
  TlsUpstream()
      : server_(FAKEIAM_SOURCE_DIR "/fixtures/tls/localhost.pem",
                FAKEIAM_SOURCE_DIR "/fixtures/tls/localhost.key") {
    server_.Post("/", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("<ListUsersResponse/>", "text/xml");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~TlsUpstream() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::SSLServer server_;
  int port_ = 0;
  std::thread thread_;
};

TEST(TlsUpstreamTest, AnHttpsUpstreamIsVerifiedAgainstTheGivenAuthorities) {
  TlsUpstream tls;
  UpstreamOptions options;
  options.url = tls.url();
  options.ca_file = FAKEIAM_SOURCE_DIR "/fixtures/tls/localhost.pem";
  const HttpResponse trusted = Upstream(options).Handle(AwsQuery("Action=ListUsers"));
  EXPECT_EQ(trusted.status, 200);
  EXPECT_EQ(trusted.body, "<ListUsersResponse/>");

  // The system's authorities do not vouch for a self-signed certificate.
  options.ca_file.clear();
  const HttpResponse untrusted = Upstream(options).Handle(AwsQuery("Action=ListUsers"));
  EXPECT_EQ(untrusted.status, 502);
  EXPECT_THAT(untrusted.body, HasSubstr("did not answer: its TLS certificate is not trusted"));
}

TEST(UpstreamUrlTest, AnEndpointIsAnHttpOrHttpsOrigin) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"ftp://example.com", "the scheme must be http or https"},
      {"example.com", "the scheme must be http or https"},
      {"http://", "it names no host"},
      {"http://example.com:0", "the port must be a number from 1 to 65535"},
      {"http://example.com/iam", "it must have no path, query or fragment"},
      {"http://example.com?x=1", "it must have no path, query or fragment"},
      {"http://user:pw@example.com", "credentials do not belong in the URL"},
      {"http://exa mple.com", "it does not parse"},
  };
  for (const auto& [url, why] : bad) {
    UpstreamOptions options;
    options.url = url;
    try {
      Upstream upstream(options);
      ADD_FAILURE() << url << " was taken";
    } catch (const std::invalid_argument& e) {
      EXPECT_THAT(e.what(), HasSubstr("\"" + url + "\" is not an endpoint URL: " + why));
    }
  }
  for (const std::string good : {"http://127.0.0.1:8080", "https://iam.amazonaws.com",
                                 "https://iam.myhuaweicloud.com/", "http://[::1]:9000"}) {
    UpstreamOptions options;
    options.url = good;
    EXPECT_NO_THROW(Upstream{options}) << good;
  }
}

}  // namespace
}  // namespace fakeiam
