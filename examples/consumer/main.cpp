// A consumer's smallest use of the store: one user, one key, listed back.
#include <cstdio>
#include <fakeiam/fakeiam.hpp>

int main() {
  fakeiam::Store store;
  if (!store.CreateUser("Bob").ok()) return 1;
  const auto key = store.CreateAccessKey("Bob");
  const auto keys = store.ListAccessKeys("Bob");
  if (!key.ok() || !keys.ok() || keys->items.size() != 1 || keys->items[0].id != key->id) return 1;
  std::printf("consumer ok: %s\n", key->id.c_str());
  return 0;
}
