// FakeIamTest and FakeIam: a fresh seeded fake per test, options per fixture or per test, a
// server on request, and fakes in parallel with distinct ports and independent state.
#include <gtest/gtest-spi.h>
#include <httplib.h>

#include <set>
#include <thread>

#include "fakeiam/gtest.hpp"

namespace fakeiam::testing {
namespace {

using ::testing::MatchesRegex;

class FixtureTest : public FakeIamTest {};

// The two tests below each create Bob: only possible if each gets its own store.
TEST_F(FixtureTest, EachTestGetsAFreshStoreA) {
  EXPECT_THAT(store().CreateUser("Bob"), IsOk());
  EXPECT_EQ(FormatIso8601(store().GetUser("Bob")->create_date), "2025-01-01T00:00:00Z");
}

TEST_F(FixtureTest, EachTestGetsAFreshStoreB) {
  EXPECT_THAT(store().CreateUser("Bob"), IsOk());
  EXPECT_EQ(store().GetUser("Bob")->id, Store().CreateUser("Bob")->id);  // seed 0, like new
}

class SeededFixtureTest : public FakeIamTest {
 protected:
  StoreOptions Options() const override {
    StoreOptions options;
    options.seed = 42;
    options.profile = Cloud::Huawei;
    options.clock = std::make_shared<ManualClock>(*ParseIso8601("2030-01-01T00:00:00Z"));
    return options;
  }
};

TEST_F(SeededFixtureTest, OptionsComeFromTheFixture) {
  EXPECT_EQ(store().seed(), 42u);
  EXPECT_EQ(store().profile(), Cloud::Huawei);
  EXPECT_EQ(FormatIso8601(store().CreateUser("Bob")->create_date), "2030-01-01T00:00:00Z");
  EXPECT_THAT(store().CreateAccessKey("Bob"), IsOkAndHolds(HasHuaweiKeyId()));
}

TEST_F(FixtureTest, OneTestCanUseItsOwnOptions) {
  StoreOptions options;
  options.access_key_quota = 3;
  UseOptions(options);
  ASSERT_THAT(store().CreateUser("Bob"), IsOk());
  for (int i = 0; i < 3; ++i) EXPECT_THAT(store().CreateAccessKey("Bob"), IsOk());
  EXPECT_THAT(store().CreateAccessKey("Bob"), IsError(ErrorCode::LimitExceeded));
  EXPECT_NONFATAL_FAILURE(UseOptions(options), "must come before the fake is first used");
}

TEST_F(FixtureTest, TheServerStartsOnRequestAndSharesTheStore) {
  EXPECT_THAT(endpoint(), MatchesRegex("http://127\\.0\\.0\\.1:[0-9]+"));
  EXPECT_TRUE(server().running());
  ASSERT_THAT(store().CreateUser("Bob"), IsOk());
  httplib::Client client("127.0.0.1", server().port());
  const auto response = client.Post("/", "Action=CreateAccessKey&UserName=Bob&Version=2010-05-08",
                                    "application/x-www-form-urlencoded");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(store().FindAccessKeys("Bob")->size(), 1u);
  EXPECT_THAT(api().ListAccessKeys("Bob"), IsOkAndHolds(::testing::SizeIs(1)));
}

TEST(FakeIamTest, FakesInParallelHaveDistinctPortsAndIndependentState) {
  constexpr int kFakes = 8;
  std::vector<int> ports(kFakes);
  std::vector<std::size_t> users(kFakes);
  std::vector<std::thread> threads;
  for (int i = 0; i < kFakes; ++i) {
    threads.emplace_back([&, i] {
      FakeIam fake;
      // Each fake gets i + 1 users, through its own server.
      httplib::Client client("127.0.0.1", fake.server().port());
      for (int u = 0; u <= i; ++u) {
        client.Post("/", "Action=CreateUser&UserName=u" + std::to_string(u) + "&Version=2010-05-08",
                    "application/x-www-form-urlencoded");
      }
      ports[i] = fake.server().port();
      users[i] = fake.store().ListUsers()->items.size();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::set<int>(ports.begin(), ports.end()).size(), static_cast<std::size_t>(kFakes));
  for (int i = 0; i < kFakes; ++i) EXPECT_EQ(users[i], static_cast<std::size_t>(i + 1)) << i;
}

TEST(FakeIamTest, ResetGivesANewAccountOnTheSameServer) {
  FakeIam fake;
  const int port = fake.server().port();
  ASSERT_THAT(fake.store().CreateUser("Bob"), IsOk());
  fake.Reset();
  EXPECT_THAT(fake.store().GetUser("Bob"), IsError(ErrorCode::NoSuchEntity));
  EXPECT_EQ(fake.server().port(), port);
  EXPECT_TRUE(fake.server().running());
}

}  // namespace
}  // namespace fakeiam::testing
