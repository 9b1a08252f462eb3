#include "fakeiam/testing/fixture.hpp"

#include <atomic>
#include <stdexcept>

namespace fakeiam::testing {
namespace {

std::atomic<SharedServerEnvironment*> current_environment{nullptr};

}  // namespace

void FakeIamTest::UseOptions(StoreOptions options) {
  if (fake_) {
    ADD_FAILURE() << "UseOptions() must come before the fake is first used";
    return;
  }
  options_ = std::move(options);
}

FakeIam& FakeIamTest::fake() {
  if (!fake_) fake_ = std::make_unique<FakeIam>(options_ ? *options_ : Options(), Handling());
  return *fake_;
}

SharedServerEnvironment::SharedServerEnvironment(StoreOptions options)
    : fake_(std::make_unique<FakeIam>(std::move(options))) {
  current_environment = this;
}

SharedServerEnvironment::~SharedServerEnvironment() {
  SharedServerEnvironment* self = this;
  current_environment.compare_exchange_strong(self, nullptr);
}

void SharedServerEnvironment::SetUp() { fake_->server(); }

void SharedServerEnvironment::TearDown() { fake_->server().Stop(); }

SharedServerEnvironment* SharedServerEnvironment::Current() { return current_environment; }

void SharedServerTest::SetUp() { fake().Reset(); }

FakeIam& SharedServerTest::fake() {
  SharedServerEnvironment* environment = SharedServerEnvironment::Current();
  if (!environment) {
    throw std::logic_error(
        "SharedServerTest needs a SharedServerEnvironment: register one with "
        "::testing::AddGlobalTestEnvironment(new fakeiam::testing::SharedServerEnvironment)");
  }
  return environment->fake();
}

}  // namespace fakeiam::testing
