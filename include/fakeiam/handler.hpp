// The transport-independent front door of fakeiam: an HTTP request value in, a response value
// out, in the dialect the request speaks. No sockets: tests can drive the whole protocol path
// in-process, and the embedded server is a thin adapter over it.
#ifndef FAKEIAM_HANDLER_HPP_
#define FAKEIAM_HANDLER_HPP_

#include <cstddef>
#include <memory>

#include "fakeiam/auth_options.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/http_service.hpp"
#include "fakeiam/store.hpp"

namespace fakeiam {

struct HandlerOptions {
  // Larger request bodies are refused with 413 RequestEntityTooLarge. IAM's own requests are a
  // few hundred bytes.
  std::size_t max_body_bytes = 64 * 1024;
  AuthOptions auth;
};

// Routes each request by its path: `/_fakeiam/...` is fakeiam's own control API (health, fault
// rules, the fault log; see README); `/v5/...` (any `/v<digits>/...`) is Huawei Cloud IAM v5's
// REST API; everything else is the AWS IAM Query API.
// Thread-safe: many threads may call Handle at once.
class Handler : public HttpService {
 public:
  explicit Handler(std::shared_ptr<Store> store, HandlerOptions options = {});

  HttpResponse Handle(const HttpRequest& request) const override;
  HttpResponse Reject(const HttpRequest& request, const Error& error) const override;
  // Only a fault rule's latency blocks the fake.
  bool MayBlock(const HttpRequest& request) const override;

  Store& store() const { return *store_; }
  const std::shared_ptr<Store>& shared_store() const { return store_; }

 private:
  std::shared_ptr<Store> store_;
  HandlerOptions options_;
};

}  // namespace fakeiam

#endif  // FAKEIAM_HANDLER_HPP_
