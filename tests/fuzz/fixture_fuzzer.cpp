// Fixture files (ParseFixture, then what LoadFixture does with one: Store::Restore), and the
// promise of docs/fixtures.md: a saved file loads back, and saving again gives the same bytes.
#include "fakeiam/fixture.hpp"
#include "fuzz_support.hpp"

namespace {

using fakeiam::fuzz::Require;

// A store for the fixture's profile and account, or nothing when they make no valid store.
std::unique_ptr<fakeiam::Store> StoreFor(const fakeiam::Fixture& fixture) {
  fakeiam::StoreOptions options;
  options.profile = fixture.profile.value_or(fakeiam::Cloud::Aws);
  options.account_id = fixture.account_id.value_or("");
  if (!fakeiam::ValidateOptions(options).ok()) return nullptr;
  return std::make_unique<fakeiam::Store>(options);
}

std::string Save(const fakeiam::Store& store) {
  return fakeiam::RenderFixture({store.profile(), store.account_id(), store.Snapshot()});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto fixture = fakeiam::ParseFixture(fakeiam::fuzz::AsText(data, size), "fuzz.json");
  if (!fixture.ok()) return 0;
  const std::unique_ptr<fakeiam::Store> store = StoreFor(*fixture);
  if (!store || !store->Restore(fixture->state).ok()) return 0;
  const std::string saved = Save(*store);
  const auto reloaded = fakeiam::ParseFixture(saved, "saved.json");
  Require(reloaded.ok(), "a saved fixture parses");
  const std::unique_ptr<fakeiam::Store> again = StoreFor(*reloaded);
  Require(again && again->Restore(reloaded->state).ok(), "a saved fixture loads");
  Require(Save(*again) == saved, "saving a loaded fixture again gives the same bytes");
  return 0;
}
