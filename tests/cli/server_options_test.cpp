// fakeiam-server's command line: every option, both spellings, and clear errors.
#include "cli/server_options.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace fakeiam::cli {
namespace {

using ::testing::HasSubstr;

Result<ServerCommand> Parse(std::vector<std::string> args) { return ParseServerCommand(args); }

TEST(ServerOptionsTest, DefaultsServeLoopbackOnAnEphemeralPortWithTheWallClock) {
  const Result<ServerCommand> c = Parse({});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->server.host, "127.0.0.1");
  EXPECT_EQ(c->server.port, 0);
  EXPECT_EQ(c->store.seed, 0u);
  EXPECT_EQ(c->store.access_key_quota, 2);
  EXPECT_EQ(c->clock, ClockChoice::Wall);
  EXPECT_EQ(c->store.profile, Cloud::Aws);
  EXPECT_FALSE(c->quiet);
  EXPECT_FALSE(c->state_file.has_value());
}

TEST(ServerOptionsTest, ReadsEveryOption) {
  const Result<ServerCommand> c =
      Parse({"--host", "0.0.0.0", "--port=8080", "--seed", "42", "--account-id", "111122223333",
             "--key-quota", "10", "--state", "in.json", "--save-state=out.json", "--quiet",
             "--faults", "faults.json", "--clock", "2030-01-02T03:04:05Z"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->server.host, "0.0.0.0");
  EXPECT_EQ(c->server.port, 8080);
  EXPECT_EQ(c->store.seed, 42u);
  EXPECT_EQ(c->store.account_id, "111122223333");
  EXPECT_EQ(c->store.access_key_quota, 10);
  EXPECT_EQ(c->state_file, "in.json");
  EXPECT_EQ(c->save_state_file, "out.json");
  EXPECT_EQ(c->faults_file, "faults.json");
  EXPECT_TRUE(c->quiet);
  EXPECT_EQ(c->clock, ClockChoice::Stepping);
  EXPECT_EQ(FormatIso8601(c->clock_start), "2030-01-02T03:04:05Z");
}

TEST(ServerOptionsTest, HuaweiProfileTakesAHuaweiAccountId) {
  const Result<ServerCommand> c =
      Parse({"--profile", "huawei", "--account-id", "07609fb9358010e21f7bc003751c7c32"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->store.profile, Cloud::Huawei);
  EXPECT_FALSE(Parse({"--profile=huawei", "--account-id", "123456789012"}).ok());
  EXPECT_THAT(Parse({"--profile", "gcp"}).error().message,
              HasSubstr("--profile takes aws or huawei, not 'gcp'"));
}

TEST(ServerOptionsTest, FixedClockStepsFromTheDefaultStart) {
  const Result<ServerCommand> c = Parse({"--clock", "fixed"});
  EXPECT_EQ(c->clock, ClockChoice::Stepping);
  EXPECT_EQ(c->clock_start, SteppingClock::kDefaultStart);
  EXPECT_EQ(Parse({"--clock=wall"})->clock, ClockChoice::Wall);
}

TEST(ServerOptionsTest, HelpAndVersion) {
  EXPECT_TRUE(Parse({"--help"})->show_help);
  EXPECT_TRUE(Parse({"-h"})->show_help);
  EXPECT_TRUE(Parse({"--version"})->show_version);
  EXPECT_THAT(ServerUsage(), HasSubstr("--save-state FILE"));
}

TEST(ServerOptionsTest, ErrorsNameTheOption) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--bogus"}, "unknown option '--bogus'"},
      {{"--port"}, "--port needs a value"},
      {{"--port", "70000"}, "--port takes a whole number from 0 to 65535, not '70000'"},
      {{"--port", "80x"}, "--port takes a whole number"},
      {{"--seed", "-1"}, "--seed takes a whole number"},
      {{"--key-quota", "-3"}, "--key-quota takes a whole number from 0"},
      {{"--clock", "yesterday"}, "--clock takes wall, fixed or an ISO 8601 instant"},
      {{"--account-id", "12"}, "--account-id: an AWS account id is 12 digits, not '12'"},
      {{"--host="}, "--host takes an address"},
  };
  for (const auto& [args, expected] : cases) {
    const Result<ServerCommand> c = Parse(args);
    ASSERT_FALSE(c.ok()) << args[0];
    EXPECT_THAT(c.error().message, HasSubstr(expected));
  }
}

}  // namespace
}  // namespace fakeiam::cli
