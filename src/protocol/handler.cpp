#include "fakeiam/handler.hpp"

#include <stdexcept>

#include "aws/query_dialect.hpp"
#include "huawei/v5_dialect.hpp"
#include "protocol/control_plane.hpp"
#include "protocol/routing.hpp"

namespace fakeiam {

Handler::Handler(std::shared_ptr<Store> store, HandlerOptions options)
    : store_(std::move(store)), options_(options) {
  if (!store_) throw std::invalid_argument("fakeiam::Handler needs a store");
}

HttpResponse Handler::Reject(const HttpRequest& request, const Error& error) const {
  return internal::DialectOf(request.path) == Cloud::Huawei
             ? internal::HuaweiErrorResponse(*store_, error)
             : internal::AwsErrorResponse(*store_, error);
}

bool Handler::MayBlock(const HttpRequest&) const { return store_->faults().delays(); }

HttpResponse Handler::Handle(const HttpRequest& request) const {
  if (request.body.size() > options_.max_body_bytes) {
    return Reject(
        request,
        Error::Make(ErrorCode::RequestEntityTooLarge,
                    "The request body is " + std::to_string(request.body.size()) +
                        " bytes; the limit is " + std::to_string(options_.max_body_bytes) + "."));
  }
  if (internal::IsControlPath(request.path)) return internal::HandleControlPlane(*store_, request);
  if (internal::DialectOf(request.path) == Cloud::Huawei)
    return internal::HandleHuaweiV5(*store_, request, options_.auth);
  return internal::HandleAwsQuery(*store_, request, options_.auth);
}

}  // namespace fakeiam
