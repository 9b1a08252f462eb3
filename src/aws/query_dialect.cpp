#include "aws/query_dialect.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <vector>

#include "aws/query_operations.hpp"
#include "http/content_type.hpp"
#include "http/url_encoding.hpp"
#include "protocol/authentication.hpp"

namespace fakeiam::internal {
namespace {

constexpr std::string_view kVersion = "2010-05-08";

HttpResponse XmlResponse(int status, std::string body, const std::string& request_id) {
  HttpResponse response;
  response.status = status;
  response.headers.Reserve(2);
  response.headers.Add("Content-Type", "text/xml");
  response.headers.Add("x-amzn-RequestId", request_id);
  response.body = std::move(body);
  return response;
}

HttpResponse ErrorFor(const Error& error, const std::string& request_id) {
  HttpResponse response =
      XmlResponse(error.http_status, ErrorResponseXml(error, request_id), request_id);
  response.drop_connection = error.drop_connection;
  return response;
}

bool IsFormBody(const HttpRequest& request) {
  // Clients send the form type; a bare body with no type is read as a form too, as curl -d does.
  return !request.headers.Get("Content-Type") || IsFormContent(request.headers);
}

// The query string's fields and, for form bodies, the body's. A name given twice is refused
// rather than guessed at.
// The first parameter in `fields` whose name an earlier one has, if any.
const std::string* RepeatedName(const FormFields& fields) {
  // Sorting views finds out whether any name repeats without a set's node per name.
  std::vector<std::string_view> names;
  names.reserve(fields.size());
  for (const auto& field : fields) names.emplace_back(field.first);
  std::sort(names.begin(), names.end());
  if (std::adjacent_find(names.begin(), names.end()) == names.end()) return nullptr;
  std::set<std::string_view> seen;
  for (const auto& field : fields) {
    if (!seen.insert(field.first).second) return &field.first;
  }
  return nullptr;
}

Error MalformedQuery() {
  return Error::Make(ErrorCode::MalformedQueryString, "The query string contains a syntax error.");
}

Result<QueryParams> ReadParams(const HttpRequest& request) {
  std::optional<FormFields> fields = ParseForm(request.query);
  if (!fields) return MalformedQuery();
  if (!request.body.empty() && IsFormBody(request)) {
    std::optional<FormFields> body = ParseForm(request.body);
    if (!body) return MalformedQuery();
    if (fields->empty()) {
      fields = std::move(body);
    } else {
      fields->insert(fields->end(), std::make_move_iterator(body->begin()),
                     std::make_move_iterator(body->end()));
    }
  }
  if (const std::string* repeated = RepeatedName(*fields)) {
    return Error::Make(ErrorCode::InvalidInput, "The parameter " + *repeated +
                                                    " is given more than once; IAM takes each "
                                                    "parameter once.");
  }
  return QueryParams(std::move(*fields));
}

HttpResponse Answer(Store& store, const HttpRequest& request, const AuthOptions& auth,
                    const QueryParams& params, const std::string& request_id) {
  // IAM authenticates a request before it reads what the request asks.
  const Result<Caller> caller = Authenticate(store, request, auth, Cloud::Aws);
  if (!caller.ok()) return ErrorFor(caller.error(), request_id);
  const std::optional<std::string_view> action = params.Get("Action");
  if (!action || action->empty()) {
    return ErrorFor(Error::Make(ErrorCode::MissingAction,
                                "The request is missing an action or a required parameter."),
                    request_id);
  }
  const std::string_view version = params.Get("Version").value_or("NO_VERSION_SPECIFIED");
  const std::optional<QueryOperation> operation = FindQueryOperation(*action);
  if (!operation || version != kVersion) {
    return ErrorFor(
        Error::Make(ErrorCode::InvalidAction, "Could not find operation " + std::string(*action) +
                                                  " for version " + std::string(version)),
        request_id);
  }
  const CallContext context = caller->Context(Cloud::Aws, request_id);
  QueryResponseXml xml(*action);
  const Result<void> outcome = (*operation)(QueryCall{store, params, *caller, context, xml});
  return outcome.ok() ? XmlResponse(200, xml.Finish(request_id), request_id)
                      : ErrorFor(outcome.error(), request_id);
}

}  // namespace

HttpResponse AwsErrorResponse(Store& store, const Error& error) {
  return ErrorFor(error, store.NextRequestId(Cloud::Aws));
}

HttpResponse HandleAwsQuery(Store& store, const HttpRequest& request, const AuthOptions& auth) {
  const std::string request_id = store.NextRequestId(Cloud::Aws);
  // IAM's Query API takes GET and POST only; any other method must not run an action.
  if (request.method != "GET" && request.method != "POST") {
    HttpResponse response = ErrorFor(
        Error::Make(ErrorCode::MethodNotAllowed, "The method " + request.method +
                                                     " is not allowed; the IAM Query API takes "
                                                     "GET and POST."),
        request_id);
    response.headers.Add("Allow", "GET, POST");
    return response;
  }
  const Result<QueryParams> params = ReadParams(request);
  if (!params.ok()) return ErrorFor(params.error(), request_id);
  HttpResponse response = Answer(store, request, auth, *params, request_id);
  response.operation = std::string(params->Get("Action").value_or(""));
  return response;
}

}  // namespace fakeiam::internal
