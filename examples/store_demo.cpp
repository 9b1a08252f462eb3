// The seed scenario on the in-process store: user Bob gets two access keys, lists them, deletes
// one, and lists again. Every value printed is the same on every run (seed 0, stepping clock).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fakeiam/fakeiam.hpp"

namespace {

// Prints the error and exits: a demo has no recovery plan.
[[noreturn]] void Fail(const fakeiam::Error& error, const char* what) {
  std::fprintf(stderr, "%s failed: %s (%d): %s\n", what,
               std::string(fakeiam::ToString(error.code)).c_str(), error.http_status,
               error.message.c_str());
  std::exit(1);
}

template <typename T>
T Check(fakeiam::Result<T> result, const char* what) {
  if (!result.ok()) Fail(result.error(), what);
  return std::move(result).value();
}

void Check(const fakeiam::Result<void>& result, const char* what) {
  if (!result.ok()) Fail(result.error(), what);
}

void PrintKeys(const fakeiam::Page<fakeiam::AccessKey>& page) {
  std::printf("  AccessKeyMetadata:\n");
  for (const fakeiam::AccessKey& key : page.items) {
    std::printf("    - UserName: %s  AccessKeyId: %s  Status: %s  CreateDate: %s\n",
                key.user_name.c_str(), key.id.c_str(),
                std::string(fakeiam::ToString(key.status)).c_str(),
                fakeiam::FormatIso8601(key.create_date).c_str());
  }
  std::printf("  IsTruncated: %s\n", page.is_truncated ? "true" : "false");
}

}  // namespace

int main() {
  fakeiam::Store store;  // AWS profile, seed 0, account 123456789012

  std::printf("$ create-user --user-name Bob\n");
  const fakeiam::User bob = Check(store.CreateUser("Bob"), "CreateUser");
  std::printf("  UserName: %s  UserId: %s\n  Arn: %s  CreateDate: %s\n", bob.name.c_str(),
              bob.id.c_str(), bob.arn.c_str(), fakeiam::FormatIso8601(bob.create_date).c_str());

  std::string first_key;
  for (int i = 0; i < 2; ++i) {
    std::printf("$ create-access-key --user-name Bob\n");
    const fakeiam::AccessKey key = Check(store.CreateAccessKey("Bob"), "CreateAccessKey");
    std::printf("  AccessKeyId: %s  Status: %s\n  SecretAccessKey: %s  CreateDate: %s\n",
                key.id.c_str(), std::string(fakeiam::ToString(key.status)).c_str(),
                key.secret.c_str(), fakeiam::FormatIso8601(key.create_date).c_str());
    if (i == 0) first_key = key.id;
  }

  std::printf("$ create-access-key --user-name Bob   (a third key: over the quota of 2)\n");
  const auto third = store.CreateAccessKey("Bob");
  std::printf("  %s (HTTP %d): %s\n", std::string(fakeiam::ToString(third.error().code)).c_str(),
              third.error().http_status, third.error().message.c_str());

  std::printf("$ list-access-keys --user-name Bob\n");
  PrintKeys(Check(store.ListAccessKeys("Bob"), "ListAccessKeys"));

  std::printf("$ delete-access-key --user-name Bob --access-key-id %s\n", first_key.c_str());
  Check(store.DeleteAccessKey("Bob", first_key), "DeleteAccessKey");

  std::printf("$ list-access-keys --user-name Bob\n");
  PrintKeys(Check(store.ListAccessKeys("Bob"), "ListAccessKeys"));
  return 0;
}
