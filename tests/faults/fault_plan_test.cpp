// Fault rules on the store itself: each match key, each trigger (the probability pattern checked
// against the independent Python reference), each effect, the no-side-effect rule and the log.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fakeiam/store.hpp"

namespace fakeiam {
namespace {

using ::testing::HasSubstr;

class FaultPlanTest : public ::testing::Test {
 protected:
  FaultPlanTest() {
    EXPECT_TRUE(store_.CreateUser("Bob").ok());
    EXPECT_TRUE(store_.CreateUser("Alice").ok());
  }

  std::string Add(FaultRule rule) {
    const Result<std::string> id = store_.faults().Add(std::move(rule));
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : "";
  }

  // Which of `n` ListAccessKeys calls for Bob failed: "1" failed, "0" went through.
  std::string ListPattern(int n, const std::string& user = "Bob") {
    std::string pattern;
    for (int i = 0; i < n; ++i) pattern += store_.ListAccessKeys(user).ok() ? "0" : "1";
    return pattern;
  }

  Store store_;
};

TEST_F(FaultPlanTest, MatchesOnTheOperation) {
  Add(FaultRule::For(Operation::CreateAccessKey).WithError(ErrorCode::ServiceUnavailable));
  EXPECT_TRUE(store_.ListAccessKeys("Bob").ok());
  EXPECT_EQ(store_.CreateAccessKey("Bob").error().code, ErrorCode::ServiceUnavailable);
}

TEST_F(FaultPlanTest, MatchesAnyOfSeveralOperationsOrAll) {
  Add(FaultRule::For(Operation::GetUser).Also(Operation::ListUsers).WithStatus(500));
  EXPECT_FALSE(store_.GetUser("Bob").ok());
  EXPECT_FALSE(store_.ListUsers().ok());
  EXPECT_TRUE(store_.ListAccessKeys("Bob").ok());
  store_.faults().Clear();
  Add(FaultRule::ForAnyOperation().WithStatus(503));
  for (const Result<void>& r :
       {Result<void>(store_.DeleteUser("Bob")),
        Result<void>(store_.DeleteAccessKey("Bob", "AKIAIOSFODNN7EXAMPLE"))}) {
    EXPECT_EQ(r.error().code, ErrorCode::ServiceUnavailable);
  }
}

TEST_F(FaultPlanTest, MatchesOnTheUserByNameIgnoringCaseOrById) {
  Add(FaultRule::For(Operation::ListAccessKeys).OnUser("bob").WithStatus(500));
  EXPECT_FALSE(store_.ListAccessKeys("Bob").ok());
  EXPECT_TRUE(store_.ListAccessKeys("Alice").ok());
  EXPECT_TRUE(store_.ListAccessKeys(kAccountRoot).ok());
  store_.faults().Clear();
  Add(FaultRule::For(Operation::ListAccessKeys)
          .OnUser(store_.GetUser("Alice")->id)
          .WithStatus(500));
  EXPECT_TRUE(store_.ListAccessKeys("Bob").ok());
  EXPECT_FALSE(store_.ListAccessKeys("ALICE").ok());
}

TEST_F(FaultPlanTest, MatchesOnTheAccessKey) {
  const auto a = store_.CreateAccessKey("Bob");
  const auto b = store_.CreateAccessKey("Bob");
  Add(FaultRule::ForAnyOperation().OnAccessKey(a->id).WithStatus(500));
  EXPECT_FALSE(store_.UpdateAccessKey("Bob", a->id, KeyStatus::Inactive).ok());
  EXPECT_FALSE(store_.GetAccessKeyLastUsed(a->id).ok());
  EXPECT_TRUE(store_.UpdateAccessKey("Bob", b->id, KeyStatus::Inactive).ok());
  EXPECT_TRUE(store_.ListAccessKeys("Bob").ok());  // names no key
}

TEST_F(FaultPlanTest, GetAccessKeyLastUsedMatchesTheKeysOwner) {
  const auto key = store_.CreateAccessKey("Alice");
  Add(FaultRule::For(Operation::GetAccessKeyLastUsed).OnUser("Alice").WithStatus(500));
  EXPECT_FALSE(store_.GetAccessKeyLastUsed(key->id).ok());
}

TEST_F(FaultPlanTest, MatchesOnTheCallersKeyAndDialect) {
  Add(FaultRule::ForAnyOperation().FromCaller("AKIACALLER0000000001").WithStatus(403));
  CallContext caller;
  caller.caller_access_key_id = "AKIACALLER0000000001";
  EXPECT_TRUE(store_.ListUsers().ok());
  EXPECT_EQ(store_.ListUsers("/", {}, caller).error().code, ErrorCode::AccessDenied);
  store_.faults().Clear();
  Add(FaultRule::ForAnyOperation().InDialect(Cloud::Huawei).WithStatus(500));
  CallContext huawei;
  huawei.dialect = Cloud::Huawei;
  EXPECT_TRUE(store_.ListUsers().ok());
  EXPECT_FALSE(store_.ListUsers("/", {}, huawei).ok());
}

TEST_F(FaultPlanTest, FiresOnceThenLetsCallsThrough) {
  Add(FaultRule::For(Operation::ListAccessKeys).WithStatus(503).Once());
  EXPECT_EQ(ListPattern(4), "1000");
}

TEST_F(FaultPlanTest, FiresNTimes) {
  Add(FaultRule::For(Operation::ListAccessKeys).WithStatus(503).Times(3));
  EXPECT_EQ(ListPattern(6), "111000");
}

TEST_F(FaultPlanTest, FiresOnTheNthMatchingCallOnly) {
  Add(FaultRule::For(Operation::ListAccessKeys).OnUser("Bob").WithStatus(503).OnCall(3));
  // Alice's calls do not match, so they do not count.
  EXPECT_EQ(ListPattern(2), "00");
  EXPECT_EQ(ListPattern(2, "Alice"), "00");
  EXPECT_EQ(ListPattern(3), "100");
}

TEST_F(FaultPlanTest, FiresOnEveryCallAfterN) {
  Add(FaultRule::For(Operation::ListAccessKeys).WithStatus(503).After(2));
  EXPECT_EQ(ListPattern(5), "00111");
  Add(FaultRule::For(Operation::ListUsers).WithStatus(503).After(1).Times(2));
  std::string users;
  for (int i = 0; i < 5; ++i) users += store_.ListUsers().ok() ? "0" : "1";
  EXPECT_EQ(users, "01100");
}

TEST(FaultProbabilityTest, FiringPatternFollowsTheDocumentedDraws) {
  std::ifstream in(std::string(FAKEIAM_SOURCE_DIR) + "/fixtures/determinism/vectors.json");
  const nlohmann::json doc = nlohmann::json::parse(in);
  int checked = 0;
  for (const auto& v : doc["vectors"]) {
    for (const auto& expected : v["fault_patterns"]) {
      StoreOptions options;
      options.seed = v["seed"].get<std::uint64_t>();
      Store store(options);
      ASSERT_TRUE(store.CreateUser("Bob").ok());
      ASSERT_TRUE(store.faults()
                      .Add(FaultRule::For(Operation::ListAccessKeys)
                               .Named(expected["rule"])
                               .WithProbability(expected["probability"])
                               .WithStatus(503))
                      .ok());
      std::string pattern;
      for (int i = 0; i < 40; ++i) pattern += store.ListAccessKeys("Bob").ok() ? "0" : "1";
      EXPECT_EQ(pattern, expected["pattern"].get<std::string>())
          << "seed " << options.seed << " rule " << expected["rule"];
      ++checked;
    }
  }
  EXPECT_EQ(checked, 6);
}

TEST(FaultProbabilityTest, OneRulesPatternDoesNotDependOnAnother) {
  const auto pattern = [](bool with_other_rule) {
    Store store;
    EXPECT_TRUE(store.CreateUser("Bob").ok());
    if (with_other_rule) {
      EXPECT_TRUE(store.faults()
                      .Add(FaultRule::For(Operation::GetUser).WithProbability(0.5).WithStatus(500))
                      .ok());
    }
    EXPECT_TRUE(store.faults()
                    .Add(FaultRule::For(Operation::ListAccessKeys)
                             .Named("flaky")
                             .WithProbability(0.3)
                             .WithStatus(503))
                    .ok());
    std::string out;
    for (int i = 0; i < 30; ++i) {
      (void)store.GetUser("Bob");
      out += store.ListAccessKeys("Bob").ok() ? "0" : "1";
    }
    return out;
  };
  EXPECT_EQ(pattern(false), pattern(true));
}

TEST_F(FaultPlanTest, TheFirstFiringRuleDecidesAndLaterOnesOnlyCount) {
  Add(FaultRule::For(Operation::ListAccessKeys).Named("first").WithStatus(503).Once());
  Add(FaultRule::For(Operation::ListAccessKeys).Named("second").WithStatus(500).Once());
  EXPECT_EQ(store_.ListAccessKeys("Bob").error().code, ErrorCode::ServiceUnavailable);
  EXPECT_EQ(store_.ListAccessKeys("Bob").error().code, ErrorCode::ServiceFailure);
  EXPECT_TRUE(store_.ListAccessKeys("Bob").ok());
  const auto rules = store_.faults().Rules();
  EXPECT_EQ(rules[0].matched, 3u);
  EXPECT_EQ(rules[0].fired, 1u);
  EXPECT_EQ(rules[1].matched, 3u);
  EXPECT_EQ(rules[1].fired, 1u);
}

TEST_F(FaultPlanTest, StatusAloneMeansTheUsualErrorOfTheOperation) {
  const std::vector<std::tuple<Operation, int, ErrorCode>> cases = {
      {Operation::ListAccessKeys, 400, ErrorCode::ValidationError},
      {Operation::ListAccessKeys, 403, ErrorCode::AccessDenied},
      {Operation::ListAccessKeys, 404, ErrorCode::NoSuchEntity},
      {Operation::CreateAccessKey, 409, ErrorCode::LimitExceeded},
      {Operation::CreateUser, 409, ErrorCode::EntityAlreadyExists},
      {Operation::DeleteUser, 409, ErrorCode::DeleteConflict},
      {Operation::ListAccessKeys, 429, ErrorCode::Throttling},
      {Operation::ListAccessKeys, 500, ErrorCode::ServiceFailure},
      {Operation::ListAccessKeys, 503, ErrorCode::ServiceUnavailable},
  };
  for (const auto& [operation, status, code] : cases) {
    store_.faults().Clear();
    Add(FaultRule::For(operation).WithStatus(status));
    Result<void> r = operation == Operation::CreateAccessKey
                         ? Result<void>(store_.CreateAccessKey("Bob").error())
                     : operation == Operation::CreateUser ? store_.CreateUser("Carol").error()
                     : operation == Operation::DeleteUser
                         ? store_.DeleteUser("Bob")
                         : Result<void>(store_.ListAccessKeys("Bob").error());
    ASSERT_FALSE(r.ok()) << status;
    EXPECT_EQ(r.error().code, code) << status;
    EXPECT_EQ(r.error().http_status, status) << status;
  }
}

TEST_F(FaultPlanTest, InjectedErrorsUseTheCloudsWording) {
  const auto key = store_.CreateAccessKey("Bob");
  Add(FaultRule::For(Operation::UpdateAccessKey).WithError(ErrorCode::NoSuchEntity).Once());
  const Error missing_key = store_.UpdateAccessKey("Bob", key->id, KeyStatus::Inactive).error();
  EXPECT_EQ(missing_key.message, "The Access Key with id " + key->id + " cannot be found.");
  EXPECT_EQ(missing_key.subject, Subject::AccessKey);

  Add(FaultRule::For(Operation::ListAccessKeys).WithError(ErrorCode::NoSuchEntity).Once());
  EXPECT_EQ(store_.ListAccessKeys("bob").error().message,
            "The user with name Bob cannot be found.");

  Add(FaultRule::For(Operation::ListAccessKeys).WithError(ErrorCode::AccessDenied).Once());
  CallContext alice;
  alice.caller_arn = "arn:aws:iam::123456789012:user/Alice";
  EXPECT_EQ(store_.ListAccessKeys("Bob", {}, alice).error().message,
            "User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: "
            "iam:ListAccessKeys on resource: user Bob");
  Add(FaultRule::For(Operation::CreateAccessKey).WithError(ErrorCode::AccessDenied).Once());
  CallContext huawei;
  huawei.dialect = Cloud::Huawei;
  EXPECT_EQ(store_.CreateAccessKey("Bob", huawei).error().message,
            "User: iam::123456789012:root is not authorized to perform: "
            "iam:credentials:createCredentialV5 on resource: iam::123456789012:user:Bob");

  Add(FaultRule::For(Operation::ListUsers).WithError(ErrorCode::Throttling).Once());
  const Error throttled = store_.ListUsers().error();
  EXPECT_EQ(throttled.message, "Rate exceeded");
  EXPECT_EQ(throttled.http_status, 400);  // IAM throttles with 400
  EXPECT_EQ(throttled.fault_rule, store_.faults().Rules().back().rule.id);
}

TEST_F(FaultPlanTest, CustomCodeMessageAndStatus) {
  Add(FaultRule::For(Operation::DeleteUser)
          .WithStatus(409)
          .WithCode("EntityTemporarilyUnmodifiable")
          .WithMessage("The user is being modified."));
  const Error error = store_.DeleteUser("Alice").error();
  EXPECT_EQ(error.wire_code(), "EntityTemporarilyUnmodifiable");
  EXPECT_EQ(error.http_status, 409);
  EXPECT_EQ(error.message, "The user is being modified.");
  EXPECT_TRUE(store_.GetUser("Alice").ok());
}

TEST_F(FaultPlanTest, LatencyDelaysTheCallAndLetsItThrough) {
  Add(FaultRule::For(Operation::ListUsers).WithLatency(std::chrono::milliseconds(60)).Once());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(store_.ListUsers().ok());
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(60));
  ASSERT_EQ(store_.faults().Log().size(), 1u);
  EXPECT_EQ(store_.faults().Log()[0].latency, std::chrono::milliseconds(60));
  EXPECT_EQ(store_.faults().Log()[0].error_code, "");
}

TEST_F(FaultPlanTest, ADroppedConnectionIsServiceUnavailableInProcess) {
  Add(FaultRule::For(Operation::GetUser).DropConnection());
  const Error error = store_.GetUser("Bob").error();
  EXPECT_EQ(error.code, ErrorCode::ServiceUnavailable);
  EXPECT_TRUE(error.drop_connection);
}

TEST_F(FaultPlanTest, AFaultedCallChangesNothing) {
  // A twin store without faults: after the faulted calls the two must still agree exactly.
  Store twin;
  ASSERT_TRUE(twin.CreateUser("Bob").ok());
  ASSERT_TRUE(twin.CreateUser("Alice").ok());
  const auto key = store_.CreateAccessKey("Bob");
  ASSERT_TRUE(twin.CreateAccessKey("Bob").ok());

  Add(FaultRule::ForAnyOperation().WithStatus(500).Times(5));
  EXPECT_FALSE(store_.CreateAccessKey("Bob").ok());
  EXPECT_FALSE(store_.DeleteAccessKey("Bob", key->id).ok());
  EXPECT_FALSE(store_.UpdateAccessKey("Bob", key->id, KeyStatus::Inactive).ok());
  EXPECT_FALSE(store_.CreateUser("Carol").ok());
  EXPECT_FALSE(store_.DeleteUser("Alice").ok());

  EXPECT_EQ(store_.ListAccessKeys("Bob")->items.size(), 1u);
  EXPECT_EQ(store_.ListAccessKeys("Bob")->items[0].status, KeyStatus::Active);
  EXPECT_FALSE(store_.GetUser("Carol").ok());
  // Ids, secrets and timestamps go on as if the faulted calls had never happened.
  const auto next = store_.CreateAccessKey("Bob");
  const auto twin_next = twin.CreateAccessKey("Bob");
  EXPECT_EQ(next->id, twin_next->id);
  EXPECT_EQ(next->secret, twin_next->secret);
  EXPECT_EQ(next->create_date, twin_next->create_date);
}

TEST_F(FaultPlanTest, TheLogSaysWhichRuleFiredForWhichCall) {
  const auto key = store_.CreateAccessKey("Bob");
  Add(FaultRule::For(Operation::DeleteAccessKey).Named("flaky-delete").WithStatus(503).Times(2));
  CallContext context;
  context.request_id = "req-1";
  context.caller_access_key_id = key->id;
  EXPECT_FALSE(store_.DeleteAccessKey("Bob", key->id, context).ok());
  context.request_id = "req-2";
  EXPECT_FALSE(store_.DeleteAccessKey("Bob", key->id, context).ok());
  context.request_id = "req-3";
  EXPECT_TRUE(store_.DeleteAccessKey("Bob", key->id, context).ok());
  const std::vector<FaultLogEntry> log = store_.faults().Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].sequence, 1u);
  EXPECT_EQ(log[1].sequence, 2u);
  EXPECT_EQ(log[1].rule_id, "flaky-delete");
  EXPECT_EQ(log[1].operation, Operation::DeleteAccessKey);
  EXPECT_EQ(log[1].request_id, "req-2");
  EXPECT_EQ(log[1].user, "Bob");
  EXPECT_EQ(log[1].access_key_id, key->id);
  EXPECT_EQ(log[1].caller_access_key_id, key->id);
  EXPECT_EQ(log[1].error_code, "ServiceUnavailable");
  EXPECT_EQ(log[1].http_status, 503);
  store_.faults().ClearLog();
  EXPECT_TRUE(store_.faults().Log().empty());
  EXPECT_EQ(store_.faults().Rules().size(), 1u);  // clearing the log keeps the rules
}

TEST_F(FaultPlanTest, RulesCanBeListedRemovedAndCleared) {
  const std::string a = Add(FaultRule::For(Operation::GetUser).WithStatus(500));
  Add(FaultRule::For(Operation::ListUsers).Named("mine").WithStatus(500));
  EXPECT_EQ(a, "rule-1");
  EXPECT_EQ(store_.faults().Rules().size(), 2u);
  EXPECT_TRUE(store_.faults().Remove("mine"));
  EXPECT_FALSE(store_.faults().Remove("mine"));
  EXPECT_TRUE(store_.ListUsers().ok());
  store_.faults().Clear();
  EXPECT_TRUE(store_.faults().empty());
  EXPECT_TRUE(store_.GetUser("Bob").ok());
}

// The embedded server asks, to answer a store's requests on its event loops only while no rule
// can make a call sleep.
TEST_F(FaultPlanTest, DelaysWhileARuleHasALatency) {
  EXPECT_FALSE(store_.faults().delays());
  Add(FaultRule::For(Operation::GetUser).WithStatus(500));
  EXPECT_FALSE(store_.faults().delays());
  Add(FaultRule::For(Operation::ListUsers).Named("slow").WithLatency(std::chrono::seconds(1)));
  EXPECT_TRUE(store_.faults().delays());
  EXPECT_TRUE(store_.faults().Remove("slow"));
  EXPECT_FALSE(store_.faults().delays());
  Add(FaultRule::For(Operation::ListUsers).WithLatency(std::chrono::seconds(1)));
  store_.faults().Reset();
  EXPECT_FALSE(store_.faults().delays());
}

TEST_F(FaultPlanTest, BadRulesAreRefusedNamingTheField) {
  const std::vector<std::pair<FaultRule, std::string>> cases = {
      {FaultRule::For(Operation::GetUser), "effect: a rule needs an error"},
      {FaultRule::For(Operation::GetUser).WithStatus(200), "status: must be an error status"},
      {FaultRule::For(Operation::GetUser).WithStatus(418), "status: 418 has no usual error"},
      {FaultRule::For(Operation::GetUser).WithStatus(500).WithProbability(0), "probability:"},
      {FaultRule::For(Operation::GetUser).WithStatus(500).WithProbability(1.5), "probability:"},
      {FaultRule::For(Operation::GetUser).WithStatus(500).Times(0), "times: must be at least 1"},
      {FaultRule::For(Operation::GetUser).WithCode("X"), "code: needs an error or a status"},
      {FaultRule::For(Operation::GetUser).WithStatus(500).OnUser(""), "user: must not be empty"},
  };
  for (const auto& [rule, expected] : cases) {
    const Result<std::string> added = store_.faults().Add(rule);
    ASSERT_FALSE(added.ok()) << expected;
    EXPECT_EQ(added.error().code, ErrorCode::InvalidInput);
    EXPECT_THAT(added.error().message, HasSubstr(expected));
  }
  EXPECT_TRUE(store_.faults().empty());
  // A custom code makes an unusual status acceptable.
  EXPECT_TRUE(store_.faults()
                  .Add(FaultRule::For(Operation::GetUser).WithStatus(418).WithCode("Teapot"))
                  .ok());
}

TEST_F(FaultPlanTest, AddAllAddsAllOrNone) {
  std::vector<FaultRule> rules = {FaultRule::For(Operation::GetUser).Named("x").WithStatus(500),
                                  FaultRule::For(Operation::GetUser).Named("x").WithStatus(503)};
  const auto added = store_.faults().AddAll(rules);
  ASSERT_FALSE(added.ok());
  EXPECT_THAT(added.error().message, HasSubstr("rule 1: id: x is taken"));
  EXPECT_TRUE(store_.faults().empty());
}

}  // namespace
}  // namespace fakeiam
