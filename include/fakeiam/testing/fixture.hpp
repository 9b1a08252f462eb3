// GoogleTest fixtures: a fresh, seeded fake per test, or one server shared by a whole test
// binary and reset between tests.
//
//   class RotationTest : public fakeiam::testing::FakeIamTest {};
//   TEST_F(RotationTest, Works) {
//     store().CreateUser("Bob");                // a fresh store, seed 0, stepping clock
//     Rotate(api(), "Bob");                     // the in-process AccessKeyApi
//     aws_client(endpoint());                   // an embedded server, started on first use
//   }
//
// Every server listens on 127.0.0.1 and an ephemeral port, so tests running in parallel (ctest
// -j, sharding) never clash.
#ifndef FAKEIAM_TESTING_FIXTURE_HPP_
#define FAKEIAM_TESTING_FIXTURE_HPP_

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "fakeiam/fake_iam.hpp"

namespace fakeiam::testing {

class FakeIamTest : public ::testing::Test {
 protected:
  // The options of this fixture's stores; override to change the seed, clock, profile, quota.
  virtual StoreOptions Options() const { return StoreOptions(); }
  // How the handler and server treat requests: strict authentication, size limits.
  virtual HandlerOptions Handling() const { return HandlerOptions(); }

  // For one test: options to use instead of Options(). Call before the fake is first used.
  void UseOptions(StoreOptions options);

  // The fake, created on first use.
  FakeIam& fake();
  Store& store() { return fake().store(); }
  const std::shared_ptr<Store>& shared_store() { return fake().shared_store(); }
  FakeAccessKeyApi& api() { return fake().api(); }
  Handler& handler() { return fake().handler(); }
  // The embedded server, started on first use.
  Server& server() { return fake().server(); }
  std::string endpoint() { return fake().endpoint(); }

 private:
  std::optional<StoreOptions> options_;
  std::unique_ptr<FakeIam> fake_;
};

// One fake and its server for a whole test binary, for suites whose clients are expensive to
// set up. Register it before RUN_ALL_TESTS (a namespace-scope variable works with gtest_main):
//
//   auto* const kIam = ::testing::AddGlobalTestEnvironment(new SharedServerEnvironment);
//
// and derive the suites' fixtures from SharedServerTest, which resets the fake before each test.
class SharedServerEnvironment : public ::testing::Environment {
 public:
  explicit SharedServerEnvironment(StoreOptions options = {});
  ~SharedServerEnvironment() override;

  void SetUp() override;     // starts the server
  void TearDown() override;  // stops it

  FakeIam& fake() { return *fake_; }
  std::string endpoint() { return fake_->endpoint(); }

  // The environment constructed last, or nullptr.
  static SharedServerEnvironment* Current();

 private:
  std::unique_ptr<FakeIam> fake_;
};

class SharedServerTest : public ::testing::Test {
 protected:
  // Resets the shared fake: no users, keys or fault rules; ids, request ids and the default
  // clock from their start, as in a fresh store.
  void SetUp() override;

  FakeIam& fake();
  Store& store() { return fake().store(); }
  FakeAccessKeyApi& api() { return fake().api(); }
  std::string endpoint() { return fake().endpoint(); }
};

}  // namespace fakeiam::testing

#endif  // FAKEIAM_TESTING_FIXTURE_HPP_
