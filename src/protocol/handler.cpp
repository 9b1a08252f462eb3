#include "fakeiam/handler.hpp"

#include <stdexcept>

#include "aws/query_dialect.hpp"
#include "core/ascii.hpp"

namespace fakeiam {
namespace {

constexpr std::string_view kReservedPrefix = "/_fakeiam/";

HttpResponse Health() {
  HttpResponse response;
  response.headers.Add("Content-Type", "application/json");
  response.body = "{\"status\":\"ok\"}";
  response.operation = "Health";
  return response;
}

}  // namespace

Handler::Handler(std::shared_ptr<Store> store, HandlerOptions options)
    : store_(std::move(store)), options_(options) {
  if (!store_) throw std::invalid_argument("fakeiam::Handler needs a store");
}

HttpResponse Handler::Reject(const HttpRequest&, const Error& error) const {
  return internal::AwsErrorResponse(*store_, error);
}

HttpResponse Handler::Handle(const HttpRequest& request) const {
  if (request.body.size() > options_.max_body_bytes) {
    return Reject(
        request,
        Error::Make(ErrorCode::RequestEntityTooLarge,
                    "The request body is " + std::to_string(request.body.size()) +
                        " bytes; the limit is " + std::to_string(options_.max_body_bytes) + "."));
  }
  if (internal::StartsWith(request.path, kReservedPrefix) && request.path == "/_fakeiam/health") {
    return Health();
  }
  return internal::HandleAwsQuery(*store_, request);
}

}  // namespace fakeiam
