#include "aws_query_access_key_api.hpp"

#include <pugixml.hpp>

namespace example {
namespace {

using fakeiam::AccessKey;
using fakeiam::Error;
using fakeiam::ErrorCode;
using fakeiam::Result;

AccessKey ReadKey(const pugi::xml_node& node) {
  AccessKey key;
  key.id = node.child_value("AccessKeyId");
  key.secret = node.child_value("SecretAccessKey");
  key.user_name = node.child_value("UserName");
  key.status =
      fakeiam::ParseKeyStatus(node.child_value("Status")).value_or(fakeiam::KeyStatus::Active);
  key.create_date =
      fakeiam::ParseIso8601(node.child_value("CreateDate")).value_or(fakeiam::Timestamp{});
  return key;
}

Result<pugi::xml_document> Parse(const std::string& body) {
  pugi::xml_document doc;
  if (!doc.load_string(body.c_str())) {
    return Error::Make(ErrorCode::ServiceFailure, "the response is not XML");
  }
  return doc;
}

}  // namespace

AwsQueryAccessKeyApi::AwsQueryAccessKeyApi(const std::string& endpoint) : client_(endpoint) {
  client_.set_tcp_nodelay(true);
  client_.set_keep_alive(true);
}

Result<std::string> AwsQueryAccessKeyApi::Call(const std::string& action,
                                               const std::map<std::string, std::string>& params) {
  httplib::Params form{{"Action", action}, {"Version", "2010-05-08"}};
  form.insert(params.begin(), params.end());
  const httplib::Result response = client_.Post("/", form);
  if (!response) {
    return Error::Make(ErrorCode::ServiceUnavailable,
                       "no response: " + httplib::to_string(response.error()));
  }
  if (response->status == 200) return response->body;
  Result<pugi::xml_document> doc = Parse(response->body);
  if (!doc.ok()) return doc.error();
  const pugi::xml_node error = doc->child("ErrorResponse").child("Error");
  Error result = Error::Make(
      fakeiam::ParseErrorCode(error.child_value("Code")).value_or(ErrorCode::ServiceFailure),
      error.child_value("Message"));
  result.http_status = response->status;
  return result;
}

Result<AccessKey> AwsQueryAccessKeyApi::CreateAccessKey(const std::string& user_name) {
  Result<std::string> body = Call("CreateAccessKey", {{"UserName", user_name}});
  if (!body.ok()) return body.error();
  Result<pugi::xml_document> doc = Parse(*body);
  if (!doc.ok()) return doc.error();
  return ReadKey(
      doc->child("CreateAccessKeyResponse").child("CreateAccessKeyResult").child("AccessKey"));
}

Result<std::vector<AccessKey>> AwsQueryAccessKeyApi::ListAccessKeys(const std::string& user_name) {
  std::vector<AccessKey> keys;
  std::map<std::string, std::string> params{{"UserName", user_name}};
  for (;;) {
    Result<std::string> body = Call("ListAccessKeys", params);
    if (!body.ok()) return body.error();
    Result<pugi::xml_document> doc = Parse(*body);
    if (!doc.ok()) return doc.error();
    const pugi::xml_node result =
        doc->child("ListAccessKeysResponse").child("ListAccessKeysResult");
    for (const pugi::xml_node member : result.child("AccessKeyMetadata").children("member")) {
      keys.push_back(ReadKey(member));
    }
    if (std::string(result.child_value("IsTruncated")) != "true") return keys;
    params["Marker"] = result.child_value("Marker");
  }
}

Result<void> AwsQueryAccessKeyApi::UpdateAccessKey(const std::string& user_name,
                                                   const std::string& access_key_id,
                                                   fakeiam::KeyStatus status) {
  Result<std::string> body =
      Call("UpdateAccessKey", {{"UserName", user_name},
                               {"AccessKeyId", access_key_id},
                               {"Status", std::string(fakeiam::ToString(status))}});
  if (!body.ok()) return body.error();
  return {};
}

Result<void> AwsQueryAccessKeyApi::DeleteAccessKey(const std::string& user_name,
                                                   const std::string& access_key_id) {
  Result<std::string> body =
      Call("DeleteAccessKey", {{"UserName", user_name}, {"AccessKeyId", access_key_id}});
  if (!body.ok()) return body.error();
  return {};
}

Result<fakeiam::AccessKeyLastUsed> AwsQueryAccessKeyApi::GetAccessKeyLastUsed(
    const std::string& access_key_id) {
  Result<std::string> body = Call("GetAccessKeyLastUsed", {{"AccessKeyId", access_key_id}});
  if (!body.ok()) return body.error();
  Result<pugi::xml_document> doc = Parse(*body);
  if (!doc.ok()) return doc.error();
  const pugi::xml_node result =
      doc->child("GetAccessKeyLastUsedResponse").child("GetAccessKeyLastUsedResult");
  fakeiam::AccessKeyLastUsed last_used;
  last_used.user_name = result.child_value("UserName");
  const pugi::xml_node used = result.child("AccessKeyLastUsed");
  if (const auto date = fakeiam::ParseIso8601(used.child_value("LastUsedDate"))) {
    last_used.last_used =
        fakeiam::KeyUsage{*date, used.child_value("ServiceName"), used.child_value("Region")};
  }
  return last_used;
}

}  // namespace example
