// Ids, secrets and request ids: the real formats of each cloud, the documented algorithm (checked
// against vectors from the independent Python reference), and determinism of whole stores.
#include "fakeiam/id_generator.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "fakeiam/store.hpp"

namespace fakeiam {
namespace {

using ::testing::MatchesRegex;

nlohmann::json LoadVectors() {
  std::ifstream in(std::string(FAKEIAM_SOURCE_DIR) + "/fixtures/determinism/vectors.json");
  EXPECT_TRUE(in.good());
  return nlohmann::json::parse(in);
}

// Decodes the account id from an AWS access key id the way `aws sts get-access-key-info` and
// the published analyses of AWS key ids do: base32-decode what follows the 4-letter prefix, take
// the first 6 bytes, mask 0x7fffffffff80 and shift right by 7.
std::uint64_t AccountFromAccessKeyId(const std::string& id) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::uint64_t first48 = 0;
  int bits = 0;
  for (char c : id.substr(4)) {
    if (bits >= 48) break;
    first48 = (first48 << 5) | alphabet.find(c);
    bits += 5;
  }
  first48 >>= (bits - 48);
  return (first48 & 0x7fffffffff80ULL) >> 7;
}

TEST(IdGeneratorTest, MatchesTheReferenceVectors) {
  const nlohmann::json doc = LoadVectors();
  ASSERT_EQ(doc["vectors"].size(), 2u);
  for (const auto& v : doc["vectors"]) {
    const std::uint64_t seed = v["seed"].get<std::uint64_t>();
    const IdGenerator aws(Cloud::Aws, seed, v["aws_account_id"].get<std::string>());
    const IdGenerator huawei(Cloud::Huawei, seed, "");
    for (const auto& e : v["aws"]) {
      const std::uint64_t n = e["n"];
      EXPECT_EQ(aws.UserId(n), e["user_id"]) << "seed " << seed << " n " << n;
      EXPECT_EQ(aws.AccessKeyId(n), e["access_key_id"]) << "seed " << seed << " n " << n;
      EXPECT_EQ(aws.SecretAccessKey(n), e["secret_access_key"]) << "seed " << seed << " n " << n;
    }
    for (const auto& e : v["huawei"]) {
      const std::uint64_t n = e["n"];
      EXPECT_EQ(huawei.UserId(n), e["user_id"]) << "seed " << seed << " n " << n;
      EXPECT_EQ(huawei.AccessKeyId(n), e["access_key_id"]) << "seed " << seed << " n " << n;
      EXPECT_EQ(huawei.SecretAccessKey(n), e["secret_access_key"]) << "seed " << seed << " n " << n;
    }
    for (const auto& e : v["request_ids"]) {
      const std::uint64_t n = e["n"];
      EXPECT_EQ(aws.RequestId(n, Cloud::Aws), e["aws"]);
      EXPECT_EQ(aws.RequestId(n, Cloud::Huawei), e["huawei"]);
    }
  }
}

TEST(IdGeneratorTest, AwsFormatsAreTheCloudsOwn) {
  const IdGenerator ids(Cloud::Aws, 7, "123456789012");
  for (std::uint64_t n = 0; n < 200; ++n) {
    EXPECT_THAT(ids.UserId(n), MatchesRegex("AIDA[A-Z2-7]{17}"));
    EXPECT_THAT(ids.AccessKeyId(n), MatchesRegex("AKIA[A-Z2-7]{16}"));
    EXPECT_THAT(ids.SecretAccessKey(n), MatchesRegex("[A-Za-z0-9+/]{40}"));
    EXPECT_THAT(
        ids.RequestId(n, Cloud::Aws),
        MatchesRegex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  }
}

TEST(IdGeneratorTest, HuaweiFormatsAreTheCloudsOwn) {
  const IdGenerator ids(Cloud::Huawei, 7, "");
  for (std::uint64_t n = 0; n < 200; ++n) {
    EXPECT_THAT(ids.UserId(n), MatchesRegex("[0-9a-f]{32}"));
    EXPECT_THAT(ids.AccessKeyId(n), MatchesRegex("[A-Z0-9]{20}"));
    EXPECT_THAT(ids.SecretAccessKey(n), MatchesRegex("[A-Za-z0-9]{40}"));
    EXPECT_THAT(ids.RequestId(n, Cloud::Huawei), MatchesRegex("[0-9a-f]{32}"));
  }
}

TEST(IdGeneratorTest, AwsAccessKeyIdsCarryTheAccountId) {
  for (const char* account : {"123456789012", "000000000000", "999999999999", "171436882533"}) {
    const IdGenerator ids(Cloud::Aws, 3, account);
    for (std::uint64_t n = 0; n < 20; ++n) {
      EXPECT_EQ(AccountFromAccessKeyId(ids.AccessKeyId(n)), std::stoull(account)) << account;
    }
  }
  // A real key id, as a check of the decoder itself.
  EXPECT_EQ(AccountFromAccessKeyId("AKIASP2TPHJSQH3FJXYZ"), 171436882533u);
}

TEST(IdGeneratorTest, RejectsAnAwsAccountIdThatIsNotTwelveDigits) {
  EXPECT_THROW(IdGenerator(Cloud::Aws, 0, "12345"), std::invalid_argument);
  EXPECT_THROW(IdGenerator(Cloud::Aws, 0, "12345678901x"), std::invalid_argument);
}

TEST(IdGeneratorTest, DifferentSeedsDoNotCollide) {
  std::set<std::string> key_ids, secrets, user_ids;
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    const IdGenerator ids(Cloud::Aws, seed, "123456789012");
    for (std::uint64_t n = 0; n < 100; ++n) {
      EXPECT_TRUE(key_ids.insert(ids.AccessKeyId(n)).second);
      EXPECT_TRUE(secrets.insert(ids.SecretAccessKey(n)).second);
      EXPECT_TRUE(user_ids.insert(ids.UserId(n)).second);
    }
  }
}

// The seed scenario run on a store; everything it returns, as text.
std::string RunScenario(Store& store) {
  std::string out;
  const auto user = store.CreateUser("Bob");
  out += user->id + user->arn + FormatIso8601(user->create_date) + "\n";
  for (int i = 0; i < 2; ++i) {
    const auto key = store.CreateAccessKey("Bob");
    out += key->id + " " + key->secret + " " + FormatIso8601(key->create_date) + "\n";
  }
  const auto page = store.ListAccessKeys("Bob", {1, std::nullopt});
  out += page->marker + "\n";
  out += store.NextRequestId(Cloud::Aws) + store.NextRequestId(Cloud::Huawei) + "\n";
  return out;
}

std::string RunScenario(const StoreOptions& options) {
  Store store(options);
  return RunScenario(store);
}

TEST(StoreDeterminismTest, SameSeedGivesIdenticalStores) {
  StoreOptions options;
  options.seed = 99;
  EXPECT_EQ(RunScenario(options), RunScenario(options));
  options.profile = Cloud::Huawei;
  EXPECT_EQ(RunScenario(options), RunScenario(options));
}

TEST(StoreDeterminismTest, ResetStoreBehavesAsANewOne) {
  StoreOptions options;
  options.seed = 99;
  Store store(options);
  const std::string first = RunScenario(store);
  ASSERT_TRUE(store.faults().Add(FaultRule::For(Operation::GetUser).WithStatus(500)).ok());
  store.Reset();
  EXPECT_TRUE(store.ListUsers()->items.empty());
  EXPECT_TRUE(store.faults().empty());
  EXPECT_EQ(RunScenario(store), first);
  EXPECT_EQ(store.faults().Add(FaultRule::For(Operation::GetUser).WithStatus(500)).value(),
            "rule-1");
}

TEST(StoreDeterminismTest, DifferentSeedsGiveDifferentStores) {
  StoreOptions a, b;
  a.seed = 1;
  b.seed = 2;
  EXPECT_NE(RunScenario(a), RunScenario(b));
}

TEST(StoreDeterminismTest, StoreIssuesTheGeneratorsValuesInOrder) {
  StoreOptions options;
  options.seed = 20261122;
  Store store(options);
  const IdGenerator ids(Cloud::Aws, options.seed, "123456789012");
  EXPECT_EQ(store.CreateUser("Bob")->id, ids.UserId(0));
  EXPECT_EQ(store.CreateUser("Alice")->id, ids.UserId(1));
  const auto first = store.CreateAccessKey("Bob");
  const auto second = store.CreateAccessKey("Alice");
  EXPECT_EQ(first->id, ids.AccessKeyId(0));
  EXPECT_EQ(first->secret, ids.SecretAccessKey(0));
  EXPECT_EQ(second->id, ids.AccessKeyId(1));
  EXPECT_EQ(second->secret, ids.SecretAccessKey(1));
  EXPECT_EQ(store.NextRequestId(Cloud::Aws), ids.RequestId(0, Cloud::Aws));
  EXPECT_EQ(store.NextRequestId(Cloud::Huawei), ids.RequestId(1, Cloud::Huawei));
}

TEST(StoreDeterminismTest, TimestampsFollowTheSteppingClock) {
  Store store;
  EXPECT_EQ(FormatIso8601(store.CreateUser("Bob")->create_date), "2025-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601(store.CreateAccessKey("Bob")->create_date), "2025-01-01T00:00:01Z");
  // A failed call reads no time.
  EXPECT_FALSE(store.CreateUser("Bob").ok());
  EXPECT_EQ(FormatIso8601(store.CreateAccessKey("Bob")->create_date), "2025-01-01T00:00:02Z");
}

TEST(StoreDeterminismTest, GeneratedIdsSkipIdsTheStoreAlreadyHolds) {
  const IdGenerator ids(Cloud::Aws, 0, "123456789012");
  Store store;
  StoreState state;
  StoredUser bob;
  bob.user.name = "Bob";
  bob.user.id = ids.UserId(0);
  StoredAccessKey taken;
  taken.key.id = ids.AccessKeyId(0);
  taken.key.secret = "restored-secret";
  bob.access_keys.push_back(taken);
  state.users.push_back(bob);
  ASSERT_TRUE(store.Restore(state).ok());
  EXPECT_EQ(store.CreateUser("Alice")->id, ids.UserId(1));
  const auto key = store.CreateAccessKey("Alice");
  EXPECT_EQ(key->id, ids.AccessKeyId(1));
  EXPECT_EQ(key->secret, ids.SecretAccessKey(1));
}

}  // namespace
}  // namespace fakeiam
