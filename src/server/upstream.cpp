#include "fakeiam/upstream.hpp"

#include <httplib.h>

#include <set>
#include <stdexcept>

#include "aws/sigv4_credential.hpp"
#include "aws/sigv4_signing.hpp"
#include "core/ascii.hpp"
#include "fakeiam/handler.hpp"
#include "http/http_url.hpp"
#include "http/signing_time.hpp"
#include "huawei/sdk_hmac_signing.hpp"
#include "protocol/routing.hpp"

namespace fakeiam {
namespace {

// Fields that belong to the client's connection to fakeiam, or to its signature for fakeiam's
// address; the upstream request gets its own.
bool ForwardedInRequest(std::string_view name) {
  static const std::set<std::string, std::less<>> kDropped = {"accept-encoding",
                                                              "authorization",
                                                              "connection",
                                                              "content-length",
                                                              "expect",
                                                              "host",
                                                              "keep-alive",
                                                              "proxy-authorization",
                                                              "proxy-connection",
                                                              "te",
                                                              "transfer-encoding",
                                                              "upgrade",
                                                              "x-amz-content-sha256",
                                                              "x-amz-date",
                                                              "x-amz-security-token",
                                                              "x-sdk-date",
                                                              "x-security-token"};
  return kDropped.count(internal::ToLower(name)) == 0;
}

// Fields that belong to the upstream's connection; httplib has already undone any content
// encoding.
bool ForwardedInResponse(std::string_view name) {
  static const std::set<std::string, std::less<>> kDropped = {
      "connection", "content-encoding", "content-length", "keep-alive", "transfer-encoding"};
  return kDropped.count(internal::ToLower(name)) == 0;
}

// What went wrong, in words; httplib's own names follow in brackets.
std::string Explain(httplib::Error error) {
  std::string why;
  switch (error) {
    case httplib::Error::Connection:
      why = "no connection could be made";
      break;
    case httplib::Error::ConnectionTimeout:
    case httplib::Error::Read:
      why = "no answer came in time, or the connection broke";
      break;
    case httplib::Error::SSLConnection:
      why = "the TLS handshake failed";
      break;
    case httplib::Error::SSLServerVerification:
      why =
          "its TLS certificate is not trusted (name its authority with --upstream-ca or "
          "UpstreamOptions::ca_file)";
      break;
    case httplib::Error::SSLLoadingCerts:
      why = "the certificate authorities could not be loaded";
      break;
    default:
      why = "the exchange failed";
  }
  return why + " [" + httplib::to_string(error) + "]";
}

}  // namespace

UpstreamOptions UpstreamFromEnvironment(std::string url,
                                        const std::function<const char*(const char*)>& getenv) {
  const auto env = [&getenv](const char* name) {
    const char* value = getenv(name);
    return std::string(value ? value : "");
  };
  UpstreamOptions upstream;
  upstream.url = std::move(url);
  upstream.aws = {env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY"), env("AWS_SESSION_TOKEN")};
  upstream.huawei = {env("HUAWEICLOUD_SDK_AK"), env("HUAWEICLOUD_SDK_SK"),
                     env("HUAWEICLOUD_SDK_SECURITY_TOKEN")};
  return upstream;
}

struct Upstream::Target {
  internal::HttpUrl url;
};

Upstream::Upstream(UpstreamOptions options, std::shared_ptr<const HttpService> local)
    : options_(std::move(options)),
      local_(local ? std::move(local) : std::make_shared<Handler>(std::make_shared<Store>())) {
  Result<internal::HttpUrl> url = internal::ParseHttpUrl(options_.url);
  if (!url.ok()) throw std::invalid_argument(url.error().message);
  target_ = std::make_unique<Target>(Target{*url});
}

Upstream::~Upstream() = default;

HttpResponse Upstream::Handle(const HttpRequest& request) const {
  if (internal::IsControlPath(request.path)) return local_->Handle(request);

  HttpRequest outgoing;
  outgoing.method = request.method;
  outgoing.path = request.path;
  outgoing.query = request.query;
  outgoing.body = request.body;
  outgoing.headers.Add("Host", target_->url.HostHeader());
  for (const auto& [name, value] : request.headers) {
    if (ForwardedInRequest(name)) outgoing.headers.Add(name, value);
  }
  const std::string now = internal::FormatSigningTime(
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
  if (internal::DialectOf(request.path) == Cloud::Huawei) {
    if (!options_.huawei.empty()) internal::SignSdkHmac(outgoing, options_.huawei, now);
  } else if (!options_.aws.empty()) {
    const auto signed_by = internal::ReadSigV4Credential(request);
    const std::string_view region =
        signed_by.ok() && *signed_by ? (*signed_by)->region : options_.aws_region;
    internal::SignSigV4(outgoing, options_.aws, now, region, "iam");
  }

  httplib::Client client(target_->url.Origin());
  client.set_url_encode(false);  // the path and query go as the client encoded them
  client.set_connection_timeout(options_.timeout);
  client.set_read_timeout(options_.timeout);
  client.set_write_timeout(options_.timeout);
  if (!options_.ca_file.empty()) client.set_ca_cert_path(options_.ca_file);
  httplib::Request forwarded;
  forwarded.method = outgoing.method;
  forwarded.path = outgoing.query.empty() ? outgoing.path : outgoing.path + "?" + outgoing.query;
  forwarded.body = outgoing.body;
  for (const auto& [name, value] : outgoing.headers) forwarded.headers.emplace(name, value);
  httplib::Response answer;
  httplib::Error error = httplib::Error::Success;
  if (!client.send(forwarded, answer, error)) {
    Error failure =
        Error::Make(ErrorCode::ServiceUnavailable,
                    "The upstream " + options_.url + " did not answer: " + Explain(error) + ".");
    failure.custom_code = "UpstreamUnavailable";
    failure.http_status = 502;
    HttpResponse response = local_->Reject(request, failure);
    response.recordable = false;
    return response;
  }
  HttpResponse response;
  response.status = answer.status;
  response.body = std::move(answer.body);
  for (const auto& [name, value] : answer.headers) {
    if (ForwardedInResponse(name)) response.headers.Add(name, value);
  }
  response.operation = internal::OperationName(request);
  return response;
}

HttpResponse Upstream::Reject(const HttpRequest& request, const Error& error) const {
  return local_->Reject(request, error);
}

}  // namespace fakeiam
