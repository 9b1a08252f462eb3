// Printers: failure messages show fakeiam's values as text, and never a whole secret.
#include "fakeiam/gtest.hpp"

namespace fakeiam {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::PrintToString;

TEST(PrintersTest, AccessKeysShowOnlyASecretPrefix) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  const Result<AccessKey> key = store.CreateAccessKey("Bob");
  const std::string text = PrintToString(*key);
  EXPECT_EQ(text, "AccessKey{" + key->id + ", Active, user Bob, created 2025-01-01T00:00:01Z, " +
                      "secret " + key->secret.substr(0, 4) + "…(40 characters)}");
  EXPECT_THAT(text, Not(HasSubstr(key->secret)));
  EXPECT_THAT(PrintToString(key), HasSubstr("ok: AccessKey{"));
}

TEST(PrintersTest, ErrorsUsersAndResults) {
  Store store;
  EXPECT_EQ(PrintToString(store.GetUser("Nobody")),
            "failed: NoSuchEntity (HTTP 404): \"The user with name Nobody cannot be found.\"");
  const Result<User> bob = store.CreateUser("Bob");
  EXPECT_EQ(PrintToString(bob),
            "ok: User{Bob, path /, id " + bob->id + ", created 2025-01-01T00:00:00Z}");
  EXPECT_EQ(PrintToString(store.DeleteUser("Bob")), "ok");
  EXPECT_EQ(PrintToString(KeyStatus::Expired), "Expired");
  EXPECT_EQ(PrintToString(ErrorCode::DeleteConflict), "DeleteConflict");
  ASSERT_TRUE(
      store.faults().Add(FaultRule::For(Operation::ListUsers).Named("r").WithStatus(503)).ok());
  EXPECT_EQ(PrintToString(store.ListUsers()),
            "failed: ServiceUnavailable (HTTP 503): \"The request has failed due to a temporary "
            "failure of the server.\" [injected by fault rule r]");
  EXPECT_EQ(PrintToString(store.faults().Log()[0]),
            "FaultLogEntry{#1 rule r, ListUsers in aws, ServiceUnavailable 503}");
}

TEST(PrintersTest, PagesAndLastUse) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  const auto key = store.CreateAccessKey("Bob");
  ASSERT_TRUE(store.CreateAccessKey("Bob").ok());
  EXPECT_THAT(PrintToString(*store.ListAccessKeys("Bob", {1, std::nullopt})),
              HasSubstr("Page{1 items, AccessKey{" + key->id));
  EXPECT_THAT(PrintToString(*store.ListAccessKeys("Bob", {1, std::nullopt})),
              HasSubstr("truncated, marker "));
  EXPECT_EQ(PrintToString(*store.GetAccessKeyLastUsed(key->id)),
            "AccessKeyLastUsed{user Bob, never used}");
}

TEST(PrintersTest, HttpValues) {
  HttpRequest request;
  request.method = "POST";
  request.body = "Action=ListUsers";
  EXPECT_EQ(PrintToString(request), "POST / body Action=ListUsers");
  HttpResponse response;
  response.status = 503;
  response.operation = "ListUsers";
  response.body = std::string(600, 'x');
  EXPECT_EQ(PrintToString(response),
            "HTTP 503 to ListUsers: " + std::string(500, 'x') + "…(600 bytes)");
}

}  // namespace
}  // namespace fakeiam
