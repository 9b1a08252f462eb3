// A service that forwards each request to another endpoint (the real cloud, or another fakeiam
// standing in for it) and answers with what comes back: the source of a recording made against a
// cloud.
//
//   fakeiam::UpstreamOptions upstream;
//   upstream.url = "https://iam.amazonaws.com";
//   upstream.aws = {key_id, secret};
//   auto recorder = std::make_shared<fakeiam::Recorder>(
//       std::make_shared<fakeiam::Upstream>(upstream), fakeiam::RecordOptions{"rotation.json"});
//
// The client signed its request for fakeiam's address, not the upstream's, so every request is
// signed again with the upstream credentials of its dialect: SigV4 (service iam, the region the
// client signed for, else `aws_region`) for the AWS Query API, SDK-HMAC-SHA256 for Huawei v5.
// Without credentials for a dialect its requests go unsigned.
#ifndef FAKEIAM_UPSTREAM_HPP_
#define FAKEIAM_UPSTREAM_HPP_

#include <chrono>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>

#include "fakeiam/credentials.hpp"
#include "fakeiam/http_service.hpp"

namespace fakeiam {

struct UpstreamOptions {
  std::string url;  // "http://127.0.0.1:4566", "https://iam.amazonaws.com": an origin, no path
  Credentials aws;
  std::string aws_region = "us-east-1";
  Credentials huawei;
  // A PEM file of certificate authorities to trust for https, instead of the system's.
  std::string ca_file;
  std::chrono::milliseconds timeout{30000};
};

// Options for `url` with the credentials the environment holds, as the clouds' own tools read
// them: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN for AWS requests;
// HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_SECURITY_TOKEN for Huawei's.
UpstreamOptions UpstreamFromEnvironment(
    std::string url, const std::function<const char*(const char*)>& getenv = std::getenv);

class Upstream : public HttpService {
 public:
  // `local` answers fakeiam's own API (/_fakeiam/...) and renders errors, such as an upstream
  // that does not answer (502); by default a fake with an empty store. Throws
  // std::invalid_argument when `options.url` is not an http or https origin.
  explicit Upstream(UpstreamOptions options, std::shared_ptr<const HttpService> local = nullptr);
  ~Upstream() override;

  HttpResponse Handle(const HttpRequest& request) const override;
  HttpResponse Reject(const HttpRequest& request, const Error& error) const override;

 private:
  struct Target;
  UpstreamOptions options_;
  std::unique_ptr<Target> target_;
  std::shared_ptr<const HttpService> local_;
};

}  // namespace fakeiam

#endif  // FAKEIAM_UPSTREAM_HPP_
