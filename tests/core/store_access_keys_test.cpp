// Access keys: create (with the quota), list, update, delete, last use, owners, root keys.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeiam/store.hpp"
#include "test_support.hpp"

namespace fakeiam {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using testing_support::FailsWith;

std::vector<std::string> Ids(const Page<AccessKey>& page) {
  std::vector<std::string> ids;
  for (const AccessKey& k : page.items) ids.push_back(k.id);
  return ids;
}

class StoreAccessKeysTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(store_.CreateUser("Bob").ok()); }
  Store store_;
};

TEST_F(StoreAccessKeysTest, CreateReturnsAnActiveKeyWithItsSecret) {
  const Result<AccessKey> key = store_.CreateAccessKey("Bob");
  ASSERT_TRUE(key.ok());
  EXPECT_THAT(key->id, MatchesRegex("AKIA[A-Z2-7]{16}"));
  EXPECT_THAT(key->secret, MatchesRegex("[A-Za-z0-9+/]{40}"));
  EXPECT_EQ(key->user_name, "Bob");
  EXPECT_EQ(key->user_id, store_.GetUser("Bob")->id);
  EXPECT_EQ(key->status, KeyStatus::Active);
  EXPECT_EQ(FormatIso8601(key->create_date), "2025-01-01T00:00:01Z");
}

TEST_F(StoreAccessKeysTest, CreateForAMissingUserIsNoSuchEntity) {
  EXPECT_TRUE(FailsWith(store_.CreateAccessKey("Nobody"), ErrorCode::NoSuchEntity, 404,
                        "The user with name Nobody cannot be found."));
}

TEST_F(StoreAccessKeysTest, QuotaIsTwoKeysByDefault) {
  ASSERT_TRUE(store_.CreateAccessKey("Bob").ok());
  ASSERT_TRUE(store_.CreateAccessKey("Bob").ok());
  EXPECT_TRUE(FailsWith(store_.CreateAccessKey("Bob"), ErrorCode::LimitExceeded, 409,
                        "Cannot exceed quota for AccessKeysPerUser: 2"));
  EXPECT_EQ(store_.ListAccessKeys("Bob")->items.size(), 2u);
}

TEST_F(StoreAccessKeysTest, DeletingAKeyFreesItsQuotaSlot) {
  const auto first = store_.CreateAccessKey("Bob");
  ASSERT_TRUE(store_.CreateAccessKey("Bob").ok());
  ASSERT_TRUE(store_.DeleteAccessKey("Bob", first->id).ok());
  EXPECT_TRUE(store_.CreateAccessKey("Bob").ok());
}

TEST(StoreQuotaTest, QuotaIsConfigurable) {
  StoreOptions options;
  options.access_key_quota = 5;
  Store store(options);
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(store.CreateAccessKey("Bob").ok()) << i;
  EXPECT_TRUE(FailsWith(store.CreateAccessKey("Bob"), ErrorCode::LimitExceeded, 409,
                        "Cannot exceed quota for AccessKeysPerUser: 5"));
  options.access_key_quota = -1;
  EXPECT_FALSE(ValidateOptions(options).ok());
  EXPECT_THROW(Store{options}, std::invalid_argument);
}

TEST_F(StoreAccessKeysTest, ListReturnsKeysInCreationOrderWithoutSecrets) {
  const auto a = store_.CreateAccessKey("Bob");
  const auto b = store_.CreateAccessKey("Bob");
  const auto page = store_.ListAccessKeys("Bob");
  EXPECT_THAT(Ids(*page), ElementsAre(a->id, b->id));
  for (const AccessKey& k : page->items) {
    EXPECT_THAT(k.secret, IsEmpty());
    EXPECT_EQ(k.user_name, "Bob");
  }
  EXPECT_EQ(page->items[0].create_date, a->create_date);
  EXPECT_FALSE(page->is_truncated);
}

TEST_F(StoreAccessKeysTest, ListOfAUserWithoutKeysIsEmpty) {
  const auto page = store_.ListAccessKeys("Bob");
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(page->items, IsEmpty());
  EXPECT_TRUE(FailsWith(store_.ListAccessKeys("Nobody"), ErrorCode::NoSuchEntity, 404,
                        "The user with name Nobody cannot be found."));
}

TEST_F(StoreAccessKeysTest, UpdateChangesTheStatus) {
  const auto key = store_.CreateAccessKey("Bob");
  ASSERT_TRUE(store_.UpdateAccessKey("Bob", key->id, KeyStatus::Inactive).ok());
  EXPECT_EQ(store_.ListAccessKeys("Bob")->items[0].status, KeyStatus::Inactive);
  ASSERT_TRUE(store_.UpdateAccessKey("Bob", key->id, KeyStatus::Active).ok());
  EXPECT_EQ(store_.ListAccessKeys("Bob")->items[0].status, KeyStatus::Active);
}

TEST_F(StoreAccessKeysTest, UpdateCannotSetExpired) {
  const auto key = store_.CreateAccessKey("Bob");
  EXPECT_TRUE(FailsWith(store_.UpdateAccessKey("Bob", key->id, KeyStatus::Expired),
                        ErrorCode::InvalidInput, 400,
                        "The status of an access key cannot be set to Expired; use Active or "
                        "Inactive."));
  ASSERT_TRUE(store_.ExpireAccessKey(key->id).ok());
  EXPECT_EQ(store_.ListAccessKeys("Bob")->items[0].status, KeyStatus::Expired);
}

TEST_F(StoreAccessKeysTest, KeysOfAnotherUserCountAsMissing) {
  ASSERT_TRUE(store_.CreateUser("Alice").ok());
  const auto alices = store_.CreateAccessKey("Alice");
  const std::string missing = "The Access Key with id " + alices->id + " cannot be found.";
  EXPECT_TRUE(FailsWith(store_.UpdateAccessKey("Bob", alices->id, KeyStatus::Inactive),
                        ErrorCode::NoSuchEntity, 404, missing));
  EXPECT_TRUE(
      FailsWith(store_.DeleteAccessKey("Bob", alices->id), ErrorCode::NoSuchEntity, 404, missing));
  EXPECT_TRUE(FailsWith(store_.DeleteAccessKey(kAccountRoot, alices->id), ErrorCode::NoSuchEntity,
                        404, missing));
  EXPECT_EQ(store_.ListAccessKeys("Alice")->items.size(), 1u);
}

TEST_F(StoreAccessKeysTest, DeleteRemovesTheKeyEverywhere) {
  const auto key = store_.CreateAccessKey("Bob");
  ASSERT_TRUE(store_.RecordKeyUse(key->id, "iam", "us-east-1"));
  ASSERT_TRUE(store_.DeleteAccessKey("Bob", key->id).ok());
  EXPECT_THAT(store_.ListAccessKeys("Bob")->items, IsEmpty());
  EXPECT_FALSE(store_.FindKeyOwner(key->id).has_value());
  EXPECT_EQ(store_.GetAccessKeyLastUsed(key->id).error().code, ErrorCode::NoSuchEntity);
  const Result<void> again = store_.DeleteAccessKey("Bob", key->id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().subject, Subject::AccessKey);
  EXPECT_EQ(again.error().subject_id, key->id);
}

TEST_F(StoreAccessKeysTest, LastUsedIsEmptyUntilTheKeySignsARequest) {
  const auto key = store_.CreateAccessKey("Bob");
  const auto before = store_.GetAccessKeyLastUsed(key->id);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->user_name, "Bob");
  EXPECT_FALSE(before->last_used.has_value());

  ASSERT_TRUE(store_.RecordKeyUse(key->id, "iam", "eu-west-1"));
  const auto after = store_.GetAccessKeyLastUsed(key->id);
  ASSERT_TRUE(after->last_used.has_value());
  EXPECT_EQ(after->last_used->service_name, "iam");
  EXPECT_EQ(after->last_used->region, "eu-west-1");
  EXPECT_EQ(FormatIso8601(after->last_used->date), "2025-01-01T00:00:02Z");
  EXPECT_FALSE(store_.RecordKeyUse("AKIAUNKNOWNUNKNOWN00", "iam", "us-east-1"));
}

TEST_F(StoreAccessKeysTest, OnlyActiveKeysRecordUse) {
  const auto key = store_.CreateAccessKey("Bob");
  ASSERT_TRUE(store_.UpdateAccessKey("Bob", key->id, KeyStatus::Inactive).ok());
  EXPECT_FALSE(store_.RecordKeyUse(key->id, "iam", "us-east-1"));
  EXPECT_FALSE(store_.GetAccessKeyLastUsed(key->id)->last_used.has_value());
  ASSERT_TRUE(store_.ExpireAccessKey(key->id).ok());
  EXPECT_FALSE(store_.RecordKeyUse(key->id, "iam", "us-east-1"));
}

TEST_F(StoreAccessKeysTest, FindKeyOwnerNamesTheUserOrTheRoot) {
  const auto bobs = store_.CreateAccessKey("Bob");
  const auto roots = store_.CreateAccessKey(kAccountRoot);
  const auto bob = store_.FindKeyOwner(bobs->id);
  ASSERT_TRUE(bob.has_value());
  EXPECT_FALSE(bob->is_root);
  EXPECT_EQ(bob->user_name, "Bob");
  EXPECT_EQ(bob->arn, "arn:aws:iam::123456789012:user/Bob");
  const auto root = store_.FindKeyOwner(roots->id);
  ASSERT_TRUE(root.has_value());
  EXPECT_TRUE(root->is_root);
  EXPECT_EQ(root->arn, "arn:aws:iam::123456789012:root");
  EXPECT_FALSE(store_.FindKeyOwner("AKIANOTAKEYNOTAKEY00").has_value());
}

TEST_F(StoreAccessKeysTest, TheRootHasItsOwnKeysAndQuota) {
  const auto a = store_.CreateAccessKey(kAccountRoot);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->user_name, "");
  EXPECT_EQ(a->user_id, "123456789012");
  ASSERT_TRUE(store_.CreateAccessKey(kAccountRoot).ok());
  EXPECT_EQ(store_.CreateAccessKey(kAccountRoot).error().code, ErrorCode::LimitExceeded);
  EXPECT_EQ(store_.ListAccessKeys(kAccountRoot)->items.size(), 2u);
  EXPECT_THAT(store_.ListAccessKeys("Bob")->items, IsEmpty());
  ASSERT_TRUE(store_.UpdateAccessKey(kAccountRoot, a->id, KeyStatus::Inactive).ok());
  ASSERT_TRUE(store_.DeleteAccessKey(kAccountRoot, a->id).ok());
  EXPECT_EQ(store_.ListAccessKeys(kAccountRoot)->items.size(), 1u);
}

TEST_F(StoreAccessKeysTest, UserNamesInKeyCallsIgnoreCase) {
  const auto key = store_.CreateAccessKey("BOB");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->user_name, "Bob");
  EXPECT_TRUE(store_.DeleteAccessKey("bob", key->id).ok());
}

TEST(StoreHuaweiKeysTest, HuaweiProfileIssuesHuaweiKeys) {
  StoreOptions options;
  options.profile = Cloud::Huawei;
  Store store(options);
  const auto user = store.CreateUser("Bob");
  const auto key = store.CreateAccessKey("Bob");
  EXPECT_THAT(key->id, MatchesRegex("[A-Z0-9]{20}"));
  EXPECT_THAT(key->secret, MatchesRegex("[A-Za-z0-9]{40}"));
  EXPECT_EQ(key->user_id, user->id);
}

}  // namespace
}  // namespace fakeiam
