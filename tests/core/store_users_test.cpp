// Users: create, get, delete and list, with IAM's names, paths, ids, ARNs and errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeiam/store.hpp"
#include "test_support.hpp"

namespace fakeiam {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::MatchesRegex;
using testing_support::FailsWith;

std::vector<std::string> Names(const Page<User>& page) {
  std::vector<std::string> names;
  for (const User& u : page.items) names.push_back(u.name);
  return names;
}

TEST(StoreUsersTest, CreateReturnsTheUserWithIdArnAndDate) {
  Store store;
  const Result<User> bob = store.CreateUser("Bob");
  ASSERT_TRUE(bob.ok());
  EXPECT_EQ(bob->name, "Bob");
  EXPECT_EQ(bob->path, "/");
  EXPECT_THAT(bob->id, MatchesRegex("AIDA[A-Z2-7]{17}"));
  EXPECT_EQ(bob->arn, "arn:aws:iam::123456789012:user/Bob");
  EXPECT_EQ(FormatIso8601(bob->create_date), "2025-01-01T00:00:00Z");
}

TEST(StoreUsersTest, ArnIncludesThePathAndTheAccount) {
  StoreOptions options;
  options.account_id = "111122223333";
  Store store(options);
  EXPECT_EQ(store.CreateUser("Bob", "/division_abc/subdivision_xyz/")->arn,
            "arn:aws:iam::111122223333:user/division_abc/subdivision_xyz/Bob");
  EXPECT_EQ(store.root_arn(), "arn:aws:iam::111122223333:root");
}

TEST(StoreUsersTest, HuaweiProfileUsesHuaweiIdsAndUrns) {
  StoreOptions options;
  options.profile = Cloud::Huawei;
  Store store(options);
  const Result<User> bob = store.CreateUser("Bob");
  EXPECT_THAT(bob->id, MatchesRegex("[0-9a-f]{32}"));
  EXPECT_EQ(bob->arn, "iam::0123456789abcdef0123456789abcdef:user:Bob");
  EXPECT_EQ(store.GetUserById(bob->id)->name, "Bob");
}

TEST(StoreUsersTest, GetFindsTheUserWhateverTheCase) {
  Store store;
  const Result<User> bob = store.CreateUser("Bob");
  EXPECT_EQ(store.GetUser("Bob")->id, bob->id);
  EXPECT_EQ(store.GetUser("bOB")->name, "Bob");
  EXPECT_EQ(store.GetUserById(bob->id)->name, "Bob");
}

TEST(StoreUsersTest, GetOfAMissingUserIsNoSuchEntity) {
  Store store;
  EXPECT_TRUE(FailsWith(store.GetUser("Nobody"), ErrorCode::NoSuchEntity, 404,
                        "The user with name Nobody cannot be found."));
  const Result<User> missing = store.GetUserById("0123");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::NoSuchEntity);
  EXPECT_EQ(missing.error().subject, Subject::User);
  EXPECT_EQ(missing.error().subject_id, "0123");
}

TEST(StoreUsersTest, NamesAreUniqueRegardlessOfCase) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  EXPECT_TRUE(FailsWith(store.CreateUser("Bob"), ErrorCode::EntityAlreadyExists, 409,
                        "User with name Bob already exists."));
  EXPECT_TRUE(FailsWith(store.CreateUser("BOB"), ErrorCode::EntityAlreadyExists, 409,
                        "User with name BOB already exists."));
}

TEST(StoreUsersTest, DeleteRemovesTheUser) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  ASSERT_TRUE(store.DeleteUser("bob").ok());
  EXPECT_FALSE(store.GetUser("Bob").ok());
  EXPECT_TRUE(FailsWith(store.DeleteUser("Bob"), ErrorCode::NoSuchEntity, 404,
                        "The user with name Bob cannot be found."));
  EXPECT_TRUE(store.CreateUser("Bob").ok());
}

TEST(StoreUsersTest, DeletingAUserWithKeysIsAConflict) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  const auto key = store.CreateAccessKey("Bob");
  EXPECT_TRUE(FailsWith(store.DeleteUser("Bob"), ErrorCode::DeleteConflict, 409,
                        "Cannot delete entity, must delete access keys first."));
  EXPECT_TRUE(store.GetUser("Bob").ok());
  ASSERT_TRUE(store.DeleteAccessKey("Bob", key->id).ok());
  EXPECT_TRUE(store.DeleteUser("Bob").ok());
}

TEST(StoreUsersTest, ListIsInNameOrderIgnoringCase) {
  Store store;
  for (const char* name : {"carol", "Alice", "bob", "Dave"})
    ASSERT_TRUE(store.CreateUser(name).ok());
  const auto page = store.ListUsers();
  EXPECT_THAT(Names(*page), ElementsAre("Alice", "bob", "carol", "Dave"));
  EXPECT_FALSE(page->is_truncated);
  EXPECT_TRUE(page->marker.empty());
}

TEST(StoreUsersTest, ListFiltersByPathPrefix) {
  Store store;
  ASSERT_TRUE(store.CreateUser("a", "/eng/").ok());
  ASSERT_TRUE(store.CreateUser("b", "/eng/infra/").ok());
  ASSERT_TRUE(store.CreateUser("c", "/sales/").ok());
  ASSERT_TRUE(store.CreateUser("d").ok());
  EXPECT_THAT(Names(*store.ListUsers("/eng/")), ElementsAre("a", "b"));
  EXPECT_THAT(Names(*store.ListUsers("/eng/infra")), ElementsAre("b"));
  EXPECT_THAT(Names(*store.ListUsers("/")), ElementsAre("a", "b", "c", "d"));
  EXPECT_THAT(Names(*store.ListUsers("/none/")), ElementsAre());
}

TEST(StoreUsersTest, ListPagesWithMaxItemsAndMarker) {
  Store store;
  for (const char* name : {"u1", "u2", "u3", "u4", "u5"}) ASSERT_TRUE(store.CreateUser(name).ok());
  const auto first = store.ListUsers("/", {2, std::nullopt});
  EXPECT_THAT(Names(*first), ElementsAre("u1", "u2"));
  ASSERT_TRUE(first->is_truncated);
  const auto second = store.ListUsers("/", {2, first->marker});
  EXPECT_THAT(Names(*second), ElementsAre("u3", "u4"));
  const auto third = store.ListUsers("/", {2, second->marker});
  EXPECT_THAT(Names(*third), ElementsAre("u5"));
  EXPECT_FALSE(third->is_truncated);
}

TEST(StoreUsersTest, UserMarkerIsBoundToItsPathPrefix) {
  Store store;
  for (const char* name : {"u1", "u2", "u3"}) ASSERT_TRUE(store.CreateUser(name).ok());
  const auto first = store.ListUsers("/", {1, std::nullopt});
  EXPECT_EQ(store.ListUsers("/other/", {1, first->marker}).error().code, ErrorCode::InvalidInput);
}

TEST(StoreUsersTest, CreateValidatesNameAndPath) {
  Store store;
  EXPECT_TRUE(FailsWith(store.CreateUser("x y"), ErrorCode::ValidationError, 400,
                        "1 validation error detected: Value 'x y' at 'userName' failed to satisfy "
                        "constraint: Member must satisfy regular expression pattern: "
                        "[\\w+=,.@-]+"));
  EXPECT_TRUE(FailsWith(store.CreateUser(std::string(65, 'a')), ErrorCode::ValidationError, 400,
                        "1 validation error detected: Value '" + std::string(65, 'a') +
                            "' at 'userName' failed to satisfy constraint: Member must have "
                            "length less than or equal to 64"));
  EXPECT_TRUE(FailsWith(store.CreateUser("ok", "nopath"), ErrorCode::ValidationError, 400,
                        "1 validation error detected: Value 'nopath' at 'path' failed to satisfy "
                        "constraint: Member must satisfy regular expression pattern: "
                        "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"));
  EXPECT_TRUE(store.CreateUser("a_b+c=d,e.f@g-h").ok());
}

}  // namespace
}  // namespace fakeiam
