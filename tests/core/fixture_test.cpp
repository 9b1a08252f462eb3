// Fixture files: load, save (atomically), round-trip, and errors that name file, path and problem.
#include "fakeiam/fixture.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "test_support.hpp"

namespace fakeiam {
namespace {

using ::testing::HasSubstr;

const std::string kBobFixture = std::string(FAKEIAM_SOURCE_DIR) + "/fixtures/aws/bob-two-keys.json";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class FixtureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("fakeiam-fixture-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  std::string WriteFixture(const std::string& name, const std::string& text) const {
    std::ofstream(PathOf(name)) << text;
    return PathOf(name);
  }

  std::filesystem::path dir_;
};

TEST_F(FixtureTest, LoadsTheSeedExample) {
  Store store;
  ASSERT_TRUE(testing_support::Ok(LoadFixture(store, kBobFixture)));
  const auto keys = store.ListAccessKeys("Bob");
  ASSERT_EQ(keys->items.size(), 2u);
  EXPECT_EQ(keys->items[0].id, "AKIAIOSFODNN7EXAMPLE");
  EXPECT_EQ(FormatIso8601(keys->items[0].create_date), "2013-06-04T18:17:34Z");
  EXPECT_EQ(keys->items[1].status, KeyStatus::Inactive);
  EXPECT_EQ(store.GetUser("Bob")->id, "AIDAJQABLZS4A3QDU576Q");
  EXPECT_EQ(store.FindKeyOwner("AKIAI44QH8DHBEXAMPLE")->user_name, "Bob");
  const auto used = store.GetAccessKeyLastUsed("AKIAIOSFODNN7EXAMPLE");
  ASSERT_TRUE(used->last_used.has_value());
  EXPECT_EQ(used->last_used->region, "us-east-1");
}

TEST_F(FixtureTest, SaveWritesWhatWasLoadedByteForByte) {
  Store store;
  ASSERT_TRUE(testing_support::Ok(LoadFixture(store, kBobFixture)));
  ASSERT_TRUE(testing_support::Ok(SaveFixture(store, PathOf("saved.json"))));
  EXPECT_EQ(ReadAll(PathOf("saved.json")), ReadAll(kBobFixture));
}

TEST_F(FixtureTest, RoundTripKeepsEveryField) {
  StoreOptions options;
  options.seed = 5;
  Store original(options);
  ASSERT_TRUE(original.CreateUser("Alice", "/eng/").ok());
  ASSERT_TRUE(original.CreateUser("Bob").ok());
  const auto a = original.CreateAccessKey("Alice");
  ASSERT_TRUE(original.CreateAccessKey("Alice").ok());
  ASSERT_TRUE(original.CreateAccessKey(kAccountRoot).ok());
  ASSERT_TRUE(original.RecordKeyUse(a->id, "iam", "ap-south-1"));
  ASSERT_TRUE(original.UpdateAccessKey("Alice", a->id, KeyStatus::Inactive).ok());
  ASSERT_TRUE(testing_support::Ok(SaveFixture(original, PathOf("state.json"))));

  Store restored(options);
  ASSERT_TRUE(testing_support::Ok(LoadFixture(restored, PathOf("state.json"))));
  const Fixture before{Cloud::Aws, "123456789012", original.Snapshot()};
  const Fixture after{Cloud::Aws, "123456789012", restored.Snapshot()};
  EXPECT_EQ(RenderFixture(after), RenderFixture(before));
  EXPECT_EQ(restored.GetAccessKeyLastUsed(a->id)->last_used->region, "ap-south-1");
  EXPECT_EQ(restored.ListAccessKeys(kAccountRoot)->items.size(), 1u);
}

TEST_F(FixtureTest, MissingIdsSecretsAndDatesAreGenerated) {
  Store store;
  const std::string path = WriteFixture(
      "sparse.json", R"({"version": 1, "users": [{"name": "Bob", "access_keys": [{}]}]})");
  ASSERT_TRUE(testing_support::Ok(LoadFixture(store, path)));
  const StoreState state = store.Snapshot();
  ASSERT_EQ(state.users.size(), 1u);
  EXPECT_THAT(state.users[0].user.id, ::testing::MatchesRegex("AIDA[A-Z2-7]{17}"));
  ASSERT_EQ(state.users[0].access_keys.size(), 1u);
  const AccessKey& key = state.users[0].access_keys[0].key;
  EXPECT_THAT(key.id, ::testing::MatchesRegex("AKIA[A-Z2-7]{16}"));
  EXPECT_EQ(key.secret.size(), 40u);
  EXPECT_EQ(key.status, KeyStatus::Active);
  EXPECT_EQ(FormatIso8601(state.users[0].user.create_date), "2025-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601(key.create_date), "2025-01-01T00:00:01Z");
}

TEST_F(FixtureTest, HuaweiFixturePreloadsHuaweiUsers) {
  StoreOptions options;
  options.profile = Cloud::Huawei;
  Store store(options);
  const std::string path = WriteFixture("huawei.json", R"({
    "version": 1, "profile": "huawei",
    "users": [{"name": "alice", "id": "07609fb9358010e21f7bc003751c7c32",
               "access_keys": [{"id": "QTWAOYTTINDUT2QVKYUC", "status": "inactive"}]}]})");
  ASSERT_TRUE(testing_support::Ok(LoadFixture(store, path)));
  EXPECT_EQ(store.GetUserById("07609fb9358010e21f7bc003751c7c32")->name, "alice");
  EXPECT_EQ(store.ListAccessKeys("alice")->items[0].status, KeyStatus::Inactive);
  EXPECT_EQ(store.Snapshot().users[0].access_keys[0].key.secret.size(), 40u);
}

struct BadFixture {
  const char* name;
  const char* text;
  const char* expected_error;  // after "<file>: "
};

void PrintTo(const BadFixture& f, std::ostream* os) { *os << f.name; }

class BadFixtureTest : public FixtureTest, public ::testing::WithParamInterface<BadFixture> {};

TEST_P(BadFixtureTest, NamesFilePathAndProblem) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Existing").ok());
  const std::string path = WriteFixture("bad.json", GetParam().text);
  const Result<void> r = LoadFixture(store, path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidInput);
  EXPECT_EQ(r.error().message, path + ": " + GetParam().expected_error);
  // A refused file changes nothing.
  EXPECT_TRUE(store.GetUser("Existing").ok());
}

INSTANTIATE_TEST_SUITE_P(
    Errors, BadFixtureTest,
    ::testing::Values(
        BadFixture{"NotJson", "{\"version\": 1,\n  \"users\": [}",
                   "line 2, column 13: syntax error while parsing value - unexpected '}'; "
                   "expected '[', '{', or a literal"},
        // nlohmann reports this one with another exception than a syntax error (found by the
        // fixture fuzzer).
        BadFixture{"NumberTooLarge", R"({"version": 1e999})", "number overflow parsing '1e999'"},
        BadFixture{"NotAnObject", "[]", "/: expected an object, got []"},
        BadFixture{"NoVersion", "{}", "/: missing required field \"version\""},
        BadFixture{"WrongVersion", R"({"version": 2})",
                   "/version: this fakeiam reads fixture version 1, got 2"},
        BadFixture{"UnknownField", R"({"version": 1, "userz": []})", "/userz: unknown field"},
        BadFixture{"UsersNotArray", R"({"version": 1, "users": {}})",
                   "/users: expected an array, got {}"},
        BadFixture{"UserWithoutName", R"({"version": 1, "users": [{"path": "/"}]})",
                   "/users/0: missing required field \"name\""},
        BadFixture{"NameNotString", R"({"version": 1, "users": [{"name": 7}]})",
                   "/users/0/name: expected a string, got 7"},
        BadFixture{"BadStatus", R"({"version": 1, "users": [{"name": "a"}, {"name": "b",
                   "access_keys": [{}, {"status": "enabled"}]}]})",
                   "/users/1/access_keys/1/status: expected \"Active\", \"Inactive\" or "
                   "\"Expired\", got \"enabled\""},
        BadFixture{"BadDate",
                   R"({"version": 1, "users": [{"name": "a", "create_date": "yesterday"}]})",
                   "/users/0/create_date: expected an ISO 8601 UTC time like "
                   "2025-01-01T00:00:00Z, got \"yesterday\""},
        BadFixture{
            "LastUsedWithoutDate",
            R"({"version": 1, "users": [{"name": "a", "access_keys": [{"last_used": {}}]}]})",
            "/users/0/access_keys/0/last_used: missing required field \"date\""},
        BadFixture{"DuplicateUserName",
                   R"({"version": 1, "users": [{"name": "a"}, {"name": "A"}]})",
                   "/users/1/name: duplicate user name A"},
        BadFixture{"InvalidUserName", R"({"version": 1, "users": [{"name": "bad name"}]})",
                   "/users/0: 1 validation error detected: Value 'bad name' at 'userName' failed "
                   "to satisfy constraint: Member must satisfy regular expression pattern: "
                   "[\\w+=,.@-]+"},
        BadFixture{
            "DuplicateKeyId",
            R"({"version": 1, "users": [{"name": "a", "access_keys": [{"id": "AKIAIOSFODNN7EXAMPLE"}]}],
                   "root_access_keys": [{"id": "AKIAIOSFODNN7EXAMPLE"}]})",
            "/root_access_keys/0/id: duplicate access key id AKIAIOSFODNN7EXAMPLE"},
        BadFixture{"InvalidKeyId", R"({"version": 1, "root_access_keys": [{"id": "AKIA-BAD"}]})",
                   "/root_access_keys/0/id: an access key id is 1 to 32 characters of A-Z, a-z, "
                   "0-9 and _, not 'AKIA-BAD'"},
        BadFixture{"UnknownProfile", R"({"version": 1, "profile": "gcp"})",
                   "/profile: expected \"aws\" or \"huawei\", got \"gcp\""},
        BadFixture{"OtherProfile", R"({"version": 1, "profile": "huawei"})",
                   "/profile: the file is for huawei but the store's profile is aws"},
        BadFixture{"OtherAccount", R"({"version": 1, "account_id": "999999999999"})",
                   "/account_id: the file is for account 999999999999 but the store's account "
                   "is 123456789012"}),
    [](const ::testing::TestParamInfo<BadFixture>& info) { return info.param.name; });

TEST_F(FixtureTest, MissingFileIsAClearError) {
  Store store;
  const Result<void> r = LoadFixture(store, PathOf("absent.json"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, PathOf("absent.json") + ": cannot open: No such file or directory");
}

TEST_F(FixtureTest, SaveReplacesTheFileAndLeavesNoTemporaryFiles) {
  Store store;
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  const std::string path = WriteFixture("state.json", "old contents");
  ASSERT_TRUE(testing_support::Ok(SaveFixture(store, path)));
  EXPECT_THAT(ReadAll(path), HasSubstr("\"name\": \"Bob\""));
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1);
}

// What a writer killed mid-write leaves is removed by the next save; what a live writer holds
// (it keeps its temporary file locked) and other files are not.
TEST_F(FixtureTest, SaveRemovesTemporaryFilesLeftByKilledWritersOnly) {
  Store store;
  const std::string path = WriteFixture("state.json", "old contents");
  const std::string abandoned = WriteFixture("state.json.tmp-a1B2c3", "{\"users\": [");
  const std::string in_progress = WriteFixture("state.json.tmp-x9Y8z7", "{\"users\": [");
  const std::string unrelated = WriteFixture("other.json.tmp-a1B2c3", "{}");
  const int writer = ::open(in_progress.c_str(), O_RDONLY);
  ASSERT_GE(writer, 0);
  ASSERT_EQ(::flock(writer, LOCK_EX), 0);
  ASSERT_TRUE(testing_support::Ok(SaveFixture(store, path)));
  ::close(writer);
  EXPECT_FALSE(std::filesystem::exists(abandoned));
  EXPECT_TRUE(std::filesystem::exists(in_progress));
  EXPECT_TRUE(std::filesystem::exists(unrelated));
  EXPECT_THAT(ReadAll(path), HasSubstr("\"users\": []"));
}

TEST_F(FixtureTest, SaveIntoAMissingDirectoryFailsWithoutTouchingAnything) {
  Store store;
  const std::string path = PathOf("no/such/dir/state.json");
  const Result<void> r = SaveFixture(store, path);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, HasSubstr(path));
  EXPECT_THAT(r.error().message, HasSubstr("No such file or directory"));
}

}  // namespace
}  // namespace fakeiam
