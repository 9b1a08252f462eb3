// One fake cloud account for a test: a store, the in-process AccessKeyApi over it, the
// transport-independent handler and, on first use, an embedded server on 127.0.0.1 and an
// ephemeral port. Everything shares the one store, so a key created over HTTP is visible in-process
// and the other way round. The server stops when the FakeIam goes away.
#ifndef FAKEIAM_FAKE_IAM_HPP_
#define FAKEIAM_FAKE_IAM_HPP_

#include <memory>
#include <string>

#include "fakeiam/access_key_api.hpp"
#include "fakeiam/handler.hpp"
#include "fakeiam/server.hpp"
#include "fakeiam/store.hpp"

namespace fakeiam {

class FakeIam {
 public:
  explicit FakeIam(StoreOptions options = {}, HandlerOptions handling = {});
  ~FakeIam();
  FakeIam(const FakeIam&) = delete;
  FakeIam& operator=(const FakeIam&) = delete;

  Store& store() const { return *store_; }
  const std::shared_ptr<Store>& shared_store() const { return store_; }
  FakeAccessKeyApi& api() { return api_; }
  Handler& handler() const { return *handler_; }
  const std::shared_ptr<Handler>& shared_handler() const { return handler_; }

  // The embedded server, started on first use. Throws std::runtime_error when it cannot start
  // (a test cannot go on without it).
  Server& server();
  // "http://127.0.0.1:PORT" of server().
  std::string endpoint();

  // Back to a new account (see Store::Reset); the server, if started, keeps serving it.
  void Reset() { store_->Reset(); }

 private:
  std::shared_ptr<Store> store_;
  FakeAccessKeyApi api_;
  std::shared_ptr<Handler> handler_;
  std::unique_ptr<Server> server_;
};

}  // namespace fakeiam

#endif  // FAKEIAM_FAKE_IAM_HPP_
