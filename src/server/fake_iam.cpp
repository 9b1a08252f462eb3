#include "fakeiam/fake_iam.hpp"

#include <stdexcept>

namespace fakeiam {

FakeIam::FakeIam(StoreOptions options, HandlerOptions handling)
    : store_(std::make_shared<Store>(std::move(options))),
      api_(store_),
      handler_(std::make_shared<Handler>(store_, std::move(handling))) {}

FakeIam::~FakeIam() = default;

Server& FakeIam::server() {
  if (!server_) {
    auto server = std::make_unique<Server>(handler_);
    if (Result<void> started = server->Start(); !started.ok()) {
      throw std::runtime_error("fakeiam::FakeIam: " + started.error().message);
    }
    server_ = std::move(server);
  }
  return *server_;
}

std::string FakeIam::endpoint() { return server().endpoint(); }

}  // namespace fakeiam
