// A retry loop under test: the code under test creates an access key and retries when the
// service is unavailable. fakeiam fails its first attempt with a 503, once; the test checks that
// the code retried, that the retry succeeded, and that the failed attempt left nothing behind.
#include <cstdio>
#include <string>

#include "fakeiam/fakeiam.hpp"

namespace {

// The code under test: what an application would write against any IAM client.
fakeiam::Result<fakeiam::AccessKey> CreateKeyWithRetry(fakeiam::Store& iam, const std::string& user,
                                                       int attempts) {
  for (int attempt = 1;; ++attempt) {
    fakeiam::Result<fakeiam::AccessKey> key = iam.CreateAccessKey(user);
    const bool transient = !key.ok() && (key.error().http_status >= 500 ||
                                         key.error().code == fakeiam::ErrorCode::Throttling);
    if (key.ok() || !transient || attempt == attempts) return key;
    std::printf("attempt %d failed: %s (HTTP %d); retrying\n", attempt,
                key.error().wire_code().c_str(), key.error().http_status);
  }
}

int Check(bool ok, const char* what) {
  std::printf("%s %s\n", ok ? "ok:  " : "FAIL:", what);
  return ok ? 0 : 1;
}

}  // namespace

int main() {
  fakeiam::Store store;
  if (!store.CreateUser("Bob").ok()) return 1;
  // The first CreateAccessKey fails with ServiceUnavailable (503); later ones go through.
  const auto rule = store.faults().Add(
      fakeiam::FaultRule::For(fakeiam::Operation::CreateAccessKey).WithStatus(503).Once());
  if (!rule.ok()) return 1;

  const fakeiam::Result<fakeiam::AccessKey> key = CreateKeyWithRetry(store, "Bob", 3);

  const auto log = store.faults().Log();
  int failures = 0;
  failures += Check(key.ok(), "the retry created a key");
  failures += Check(log.size() == 1 && log[0].http_status == 503, "exactly one attempt got a 503");
  failures +=
      Check(store.ListAccessKeys("Bob")->items.size() == 1, "the failed attempt created no key");
  return failures == 0 ? 0 : 1;
}
