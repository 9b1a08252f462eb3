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

TEST(ServerOptionsTest, ReadsTheCassetteModes) {
  const Result<ServerCommand> record =
      Parse({"--record", "r.json", "--upstream", "https://iam.amazonaws.com", "--upstream-region",
             "eu-west-1", "--upstream-ca=ca.pem", "--no-redact"});
  ASSERT_TRUE(record.ok()) << record.error().message;
  EXPECT_EQ(record->cassette_mode, CassetteMode::Record);
  EXPECT_EQ(record->cassette_file, "r.json");
  EXPECT_EQ(record->upstream_url, "https://iam.amazonaws.com");
  EXPECT_EQ(record->upstream_region, "eu-west-1");
  EXPECT_EQ(record->upstream_ca_file, "ca.pem");
  EXPECT_FALSE(record->redact_secrets);

  const Result<ServerCommand> replay =
      Parse({"--replay", "r.json", "--match-order", "strict", "--allow-repeats", "--allow-unused"});
  ASSERT_TRUE(replay.ok()) << replay.error().message;
  EXPECT_EQ(replay->cassette_mode, CassetteMode::Replay);
  EXPECT_EQ(replay->playback.order, MatchOrder::Strict);
  EXPECT_TRUE(replay->playback.allow_repeats);
  EXPECT_TRUE(replay->playback.allow_unused);

  const Result<ServerCommand> expect =
      Parse({"--expect", "r.json", "--expect-ignore", "RequestId,x-amzn-RequestId,"});
  ASSERT_TRUE(expect.ok()) << expect.error().message;
  EXPECT_EQ(expect->cassette_mode, CassetteMode::Expect);
  EXPECT_EQ(expect->playback.order, MatchOrder::Any);
  EXPECT_EQ(expect->expect_ignore, (std::vector<std::string>{"RequestId", "x-amzn-RequestId"}));

  EXPECT_EQ(Parse({})->cassette_mode, CassetteMode::None);
  EXPECT_TRUE(Parse({"--record", "r.json"})->redact_secrets);
}

TEST(ServerOptionsTest, RefusesCassetteOptionsThatWouldDoNothing) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--record", "a", "--replay", "b"}, "--record, --replay and --expect are modes; give one"},
      {{"--upstream", "http://127.0.0.1:1"}, "--upstream goes with --record"},
      {{"--replay", "a", "--no-redact"}, "--no-redact goes with --record"},
      {{"--record", "a", "--upstream-region", "eu-west-1"},
       "--upstream-region goes with --upstream"},
      {{"--allow-repeats"}, "--allow-repeats goes with --replay or --expect"},
      {{"--record", "a", "--match-order", "strict"},
       "--match-order goes with --replay or --expect"},
      {{"--replay", "a", "--expect-ignore", "RequestId"}, "--expect-ignore goes with --expect"},
      {{"--replay", "a", "--state", "s.json"}, "--state has no effect with --replay"},
      {{"--record", "a", "--upstream", "http://127.0.0.1:1", "--faults", "f.json"},
       "--faults has no effect with --upstream"},
      {{"--replay", "a", "--match-order", "random"}, "--match-order takes any or strict"},
      {{"--record", "a", "--upstream", "ftp://example.com"}, "the scheme must be http or https"},
      {{"--record", "a", "--upstream", "http://127.0.0.1:1/iam"},
       "it must have no path, query or fragment"},
      {{"--record", "a", "--upstream", "http://127.0.0.1:99999"}, "the port must be a number"},
      {{"--record", "a", "--upstream", "http://:80"}, "it names no host"},
      {{"--record", ""}, "a cassette option takes a file name"},
  };
  for (const auto& [args, expected] : cases) {
    const Result<ServerCommand> c = Parse(args);
    ASSERT_FALSE(c.ok()) << args[0] << " " << args[1];
    EXPECT_THAT(c.error().message, HasSubstr(expected));
  }
  // Faults still make sense when recording the fake itself.
  EXPECT_TRUE(Parse({"--record", "a", "--faults", "f.json", "--state", "s.json"}).ok());
}

TEST(ServerOptionsTest, ReadsTheAuthenticationOptions) {
  const Result<ServerCommand> c =
      Parse({"--strict-auth", "--root-key", "AKIAROOT:secret", "--root-key=ASIATEMP:s2:token",
             "--clock-skew", "900", "--access-policy", "own-user"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->auth.strict);
  ASSERT_EQ(c->auth.root_credentials.size(), 2u);
  EXPECT_EQ(c->auth.root_credentials[0].access_key_id, "AKIAROOT");
  EXPECT_EQ(c->auth.root_credentials[0].secret_access_key, "secret");
  EXPECT_EQ(c->auth.root_credentials[0].session_token, "");
  EXPECT_EQ(c->auth.root_credentials[1].session_token, "token");
  EXPECT_EQ(c->auth.max_clock_skew, std::chrono::seconds(900));
  EXPECT_EQ(c->store.access_policy, AccessPolicy::OwnUserOnly);
  EXPECT_FALSE(Parse({})->auth.strict);
  EXPECT_EQ(Parse({})->store.access_policy, AccessPolicy::Unrestricted);

  const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
      {{"--root-key", "AKIAROOT:secret"}, "--root-key goes with --strict-auth"},
      {{"--clock-skew", "60"}, "--clock-skew goes with --strict-auth"},
      {{"--strict-auth", "--root-key", "AKIAROOT"}, "--root-key takes ACCESS_KEY_ID:SECRET"},
      {{"--strict-auth", "--root-key", ":secret"}, "--root-key takes ACCESS_KEY_ID:SECRET"},
      {{"--strict-auth", "--root-key", "AKIAROOT:"}, "--root-key takes ACCESS_KEY_ID:SECRET"},
      {{"--strict-auth", "--clock-skew", "-1"}, "--clock-skew takes a whole number"},
      {{"--access-policy", "mine"}, "--access-policy takes unrestricted or own-user"},
  };
  for (const auto& [args, expected] : bad) {
    const Result<ServerCommand> refused = Parse(args);
    ASSERT_FALSE(refused.ok()) << args[0];
    EXPECT_THAT(refused.error().message, HasSubstr(expected));
  }
}

TEST(ServerOptionsTest, UpstreamCredentialsComeFromTheEnvironment) {
  const std::map<std::string, std::string> env = {{"AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"},
                                                  {"AWS_SECRET_ACCESS_KEY", "aws-secret"},
                                                  {"AWS_SESSION_TOKEN", "aws-token"},
                                                  {"HUAWEICLOUD_SDK_AK", "HWAK"},
                                                  {"HUAWEICLOUD_SDK_SK", "huawei-secret"}};
  const Result<ServerCommand> c =
      Parse({"--record", "r.json", "--upstream", "http://127.0.0.1:8080", "--upstream-region",
             "eu-west-1"});
  ASSERT_TRUE(c.ok());
  const UpstreamOptions upstream = UpstreamOf(*c, [&env](const char* name) {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
  EXPECT_EQ(upstream.url, "http://127.0.0.1:8080");
  EXPECT_EQ(upstream.aws_region, "eu-west-1");
  EXPECT_EQ(upstream.aws.access_key_id, "AKIAEXAMPLE");
  EXPECT_EQ(upstream.aws.secret_access_key, "aws-secret");
  EXPECT_EQ(upstream.aws.session_token, "aws-token");
  EXPECT_EQ(upstream.huawei.access_key_id, "HWAK");
  EXPECT_EQ(upstream.huawei.secret_access_key, "huawei-secret");
  EXPECT_EQ(upstream.huawei.session_token, "");
}

}  // namespace
}  // namespace fakeiam::cli
