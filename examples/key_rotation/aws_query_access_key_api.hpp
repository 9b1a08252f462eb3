// AccessKeyApi over HTTP, speaking the AWS IAM Query API: what an application's adapter over its
// cloud client does, here small enough to read. Pointed at fakeiam's embedded server it runs
// RotateAccessKey end to end over the wire.
#ifndef FAKEIAM_EXAMPLES_KEY_ROTATION_AWS_QUERY_ACCESS_KEY_API_HPP_
#define FAKEIAM_EXAMPLES_KEY_ROTATION_AWS_QUERY_ACCESS_KEY_API_HPP_

#include <httplib.h>

#include <map>
#include <string>

#include "fakeiam/access_key_api.hpp"

namespace example {

class AwsQueryAccessKeyApi : public fakeiam::AccessKeyApi {
 public:
  // `endpoint` is "http://host:port".
  explicit AwsQueryAccessKeyApi(const std::string& endpoint);

  fakeiam::Result<fakeiam::AccessKey> CreateAccessKey(const std::string& user_name) override;
  fakeiam::Result<std::vector<fakeiam::AccessKey>> ListAccessKeys(
      const std::string& user_name) override;
  fakeiam::Result<void> UpdateAccessKey(const std::string& user_name,
                                        const std::string& access_key_id,
                                        fakeiam::KeyStatus status) override;
  fakeiam::Result<void> DeleteAccessKey(const std::string& user_name,
                                        const std::string& access_key_id) override;
  fakeiam::Result<fakeiam::AccessKeyLastUsed> GetAccessKeyLastUsed(
      const std::string& access_key_id) override;

 private:
  // POSTs Action=<action>&Version=2010-05-08 and `params`; returns the response body, or the
  // ErrorResponse as an Error.
  fakeiam::Result<std::string> Call(const std::string& action,
                                    const std::map<std::string, std::string>& params);

  httplib::Client client_;
};

}  // namespace example

#endif  // FAKEIAM_EXAMPLES_KEY_ROTATION_AWS_QUERY_ACCESS_KEY_API_HPP_
