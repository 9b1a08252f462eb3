// Parameter constraints: every store call rejects bad input with AWS's ValidationError wording.
#include <gtest/gtest.h>

#include "fakeiam/store.hpp"
#include "test_support.hpp"

namespace fakeiam {
namespace {

using testing_support::FailsWith;

constexpr char kPrefix[] = "1 validation error detected: ";

TEST(ValidationTest, AccessKeyIdLengthAndPattern) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  EXPECT_TRUE(FailsWith(store.DeleteAccessKey("Bob", "AKIASHORT"), ErrorCode::ValidationError, 400,
                        std::string(kPrefix) +
                            "Value 'AKIASHORT' at 'accessKeyId' failed to satisfy constraint: "
                            "Member must have length greater than or equal to 16"));
  EXPECT_TRUE(FailsWith(store.UpdateAccessKey("Bob", "AKIA-NOT-A-WORD-ID!", KeyStatus::Active),
                        ErrorCode::ValidationError, 400,
                        std::string(kPrefix) +
                            "Value 'AKIA-NOT-A-WORD-ID!' at 'accessKeyId' failed to satisfy "
                            "constraint: Member must satisfy regular expression pattern: [\\w]+"));
  EXPECT_EQ(store.GetAccessKeyLastUsed(std::string(129, 'A')).error().code,
            ErrorCode::ValidationError);
}

TEST(ValidationTest, SeveralViolationsAreReportedTogether) {
  Store store;
  EXPECT_TRUE(FailsWith(store.DeleteAccessKey("bad name", "short"), ErrorCode::ValidationError, 400,
                        "2 validation errors detected: Value 'bad name' at 'userName' failed to "
                        "satisfy constraint: Member must satisfy regular expression pattern: "
                        "[\\w+=,.@-]+; Value 'short' at 'accessKeyId' failed to satisfy "
                        "constraint: Member must have length greater than or equal to 16"));
}

TEST(ValidationTest, ExistingUserNamesMayBeLongerThanNewOnes) {
  Store store;
  // 65..128 characters: a valid name to look up (and not found), never a valid name to create.
  const std::string name(100, 'n');
  EXPECT_EQ(store.GetUser(name).error().code, ErrorCode::NoSuchEntity);
  EXPECT_EQ(store.CreateUser(name).error().code, ErrorCode::ValidationError);
  EXPECT_TRUE(FailsWith(store.ListAccessKeys(std::string(129, 'n')), ErrorCode::ValidationError,
                        400,
                        std::string(kPrefix) + "Value '" + std::string(129, 'n') +
                            "' at 'userName' failed to satisfy constraint: Member must have "
                            "length less than or equal to 128"));
}

TEST(ValidationTest, EmptyUserNameIsTooShort) {
  Store store;
  EXPECT_TRUE(FailsWith(store.CreateAccessKey(""), ErrorCode::ValidationError, 400,
                        std::string(kPrefix) +
                            "Value '' at 'userName' failed to satisfy constraint: Member must "
                            "have length greater than or equal to 1"));
}

TEST(ValidationTest, MaxItemsMustBeFrom1To1000) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  EXPECT_TRUE(FailsWith(
      store.ListAccessKeys("Bob", {0, std::nullopt}), ErrorCode::ValidationError, 400,
      std::string(kPrefix) + "Value '0' at 'maxItems' failed to satisfy constraint: Member must "
                             "have value greater than or equal to 1"));
  EXPECT_TRUE(FailsWith(store.ListUsers("/", {1001, std::nullopt}), ErrorCode::ValidationError, 400,
                        std::string(kPrefix) +
                            "Value '1001' at 'maxItems' failed to satisfy constraint: Member must "
                            "have value less than or equal to 1000"));
  EXPECT_TRUE(store.ListAccessKeys("Bob", {1000, std::nullopt}).ok());
  EXPECT_TRUE(store.ListAccessKeys("Bob", {1, std::nullopt}).ok());
}

TEST(ValidationTest, MarkerLengthAndCharacters) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  EXPECT_TRUE(FailsWith(
      store.ListAccessKeys("Bob", {std::nullopt, std::string()}), ErrorCode::ValidationError, 400,
      std::string(kPrefix) + "Value '' at 'marker' failed to satisfy constraint: Member must have "
                             "length greater than or equal to 1"));
  EXPECT_EQ(store.ListAccessKeys("Bob", {std::nullopt, std::string(321, 'm')}).error().code,
            ErrorCode::ValidationError);
  EXPECT_TRUE(FailsWith(store.ListAccessKeys("Bob", {std::nullopt, std::string("a\tb")}),
                        ErrorCode::ValidationError, 400,
                        std::string(kPrefix) +
                            "Value 'a\tb' at 'marker' failed to satisfy constraint: Member must "
                            "satisfy regular expression pattern: [\\u0020-\\u00FF]+"));
  // U+00E9 is inside the pattern's range, U+0100 is not.
  EXPECT_EQ(store.ListAccessKeys("Bob", {std::nullopt, std::string("caf\xC3\xA9")}).error().code,
            ErrorCode::InvalidInput);
  EXPECT_EQ(store.ListAccessKeys("Bob", {std::nullopt, std::string("\xC4\x80")}).error().code,
            ErrorCode::ValidationError);
}

TEST(ValidationTest, InvalidUtf8NeverMatchesAPattern) {
  Store store;
  for (const std::string& bad :
       {std::string("Bob\xFF"), std::string("\xC3"), std::string("\xE2\x82"),
        std::string("\xC0\xAF"), std::string("\xED\xA0\x80")}) {
    const Result<User> r = store.CreateUser(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::ValidationError);
    EXPECT_NE(r.error().message.find("regular expression pattern"), std::string::npos);
  }
}

TEST(ValidationTest, LengthsCountCharactersNotBytes) {
  Store store;
  // 64 two-byte characters: the right length for a new user name, but outside its pattern.
  std::string name;
  for (int i = 0; i < 64; ++i) name += "\xC3\xA9";
  const Result<User> r = store.CreateUser(name);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.find("length"), std::string::npos) << r.error().message;
}

TEST(ValidationTest, PathAndPathPrefixPatterns) {
  Store store;
  int n = 0;
  for (const char* good : {"/", "/a/", "/a/b/", "/!~/"}) {
    EXPECT_TRUE(store.CreateUser("user" + std::to_string(n++), good).ok()) << good;
  }
  for (const char* bad : {"a/", "/a", "//", "/a b/", "/\x7F/"}) {
    EXPECT_EQ(store.CreateUser("x", bad).error().code, ErrorCode::ValidationError) << bad;
  }
  EXPECT_TRUE(store.ListUsers("/a").ok());
  EXPECT_TRUE(FailsWith(store.ListUsers("a"), ErrorCode::ValidationError, 400,
                        std::string(kPrefix) +
                            "Value 'a' at 'pathPrefix' failed to satisfy constraint: Member must "
                            "satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*"));
  EXPECT_EQ(store.ListUsers("").error().code, ErrorCode::ValidationError);
}

}  // namespace
}  // namespace fakeiam
