#include "fakeiam/handler.hpp"

#include <stdexcept>

#include "aws/query_dialect.hpp"
#include "core/ascii.hpp"
#include "huawei/v5_dialect.hpp"
#include "protocol/control_plane.hpp"

namespace fakeiam {
namespace {

// REST paths (/v5/..., and any other /v<digits>/...) are Huawei's; the AWS Query API is posted
// to "/".
bool IsHuaweiPath(std::string_view path) {
  if (!internal::StartsWith(path, "/v") || path.size() < 3) return false;
  std::size_t i = 2;
  while (i < path.size() && path[i] >= '0' && path[i] <= '9') ++i;
  return i > 2 && (i == path.size() || path[i] == '/');
}

}  // namespace

Handler::Handler(std::shared_ptr<Store> store, HandlerOptions options)
    : store_(std::move(store)), options_(options) {
  if (!store_) throw std::invalid_argument("fakeiam::Handler needs a store");
}

HttpResponse Handler::Reject(const HttpRequest& request, const Error& error) const {
  return IsHuaweiPath(request.path) ? internal::HuaweiErrorResponse(*store_, error)
                                    : internal::AwsErrorResponse(*store_, error);
}

HttpResponse Handler::Handle(const HttpRequest& request) const {
  if (request.body.size() > options_.max_body_bytes) {
    return Reject(
        request,
        Error::Make(ErrorCode::RequestEntityTooLarge,
                    "The request body is " + std::to_string(request.body.size()) +
                        " bytes; the limit is " + std::to_string(options_.max_body_bytes) + "."));
  }
  if (internal::StartsWith(request.path, internal::kControlPrefix)) {
    return internal::HandleControlPlane(*store_, request);
  }
  if (IsHuaweiPath(request.path)) return internal::HandleHuaweiV5(*store_, request);
  return internal::HandleAwsQuery(*store_, request);
}

}  // namespace fakeiam
