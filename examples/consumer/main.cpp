// A consumer's smallest use of fakeiam: one user and one key in the store, listed back, and the
// embedded server started on an ephemeral port and stopped.
#include <cstdio>
#include <fakeiam/fakeiam.hpp>
#include <fakeiam/server.hpp>
#include <memory>

int main() {
  auto store = std::make_shared<fakeiam::Store>();
  if (!store->CreateUser("Bob").ok()) return 1;
  const auto key = store->CreateAccessKey("Bob");
  const auto keys = store->ListAccessKeys("Bob");
  if (!key.ok() || !keys.ok() || keys->items.size() != 1 || keys->items[0].id != key->id) return 1;
  fakeiam::Server server(store);
  if (!server.Start().ok()) return 1;
  std::printf("consumer ok: %s served at %s\n", key->id.c_str(), server.endpoint().c_str());
  return 0;
}
