// Fixture files at 1k and 100k access keys: loading (read, parse, restore) and saving (snapshot,
// render, write), each step alone and whole, in keys/s and fixture bytes/s. The store has two keys
// per user, every key used once, so that each key's entry carries a last use as well.
//
//   fakeiam_fixture_bench --benchmark_min_time=0.5 [--benchmark_filter=/100k]
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "fakeiam/fixture.hpp"
#include "fakeiam/store.hpp"
#include "result_check.hpp"

namespace {

using fakeiam::Fixture;
using fakeiam::Store;
using fakeiam::bench::Failed;

constexpr int kKeysPerUser = 2;

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("fakeiam_fixture_bench_" + std::to_string(getpid()) + "_" + name + ".json"))
      .string();
}

// A filled store and its fixture in each form, kept across benchmarks. A failed call throws, which
// ends the program with the store's error message.
struct Bed {
  explicit Bed(std::size_t key_count);
  ~Bed() {
    std::filesystem::remove(load_path);
    std::filesystem::remove(save_path);
  }
  Bed(const Bed&) = delete;
  Bed& operator=(const Bed&) = delete;

  std::size_t key_count;
  Store store;
  Store target;  // what restores and loads replace, so that `store` stays as filled
  Fixture fixture;
  std::string text;
  std::string load_path;  // holds `text`
  std::string save_path;  // rewritten by SaveFixture
};

Bed::Bed(std::size_t key_count_in)
    : key_count(key_count_in),
      load_path(TempPath("load_" + std::to_string(key_count_in))),
      save_path(TempPath("save_" + std::to_string(key_count_in))) {
  for (std::size_t u = 0; u < key_count / kKeysPerUser; ++u) {
    const std::string user = "user" + std::to_string(u);
    store.CreateUser(user).value();
    for (int k = 0; k < kKeysPerUser; ++k) {
      store.RecordKeyUse(store.CreateAccessKey(user).value().id, "iam", "us-east-1");
    }
  }
  fixture = Fixture{store.profile(), store.account_id(), store.Snapshot()};
  text = fakeiam::RenderFixture(fixture);
  const fakeiam::Result<void> saved = fakeiam::SaveFixture(store, load_path);
  if (!saved.ok()) throw std::runtime_error(saved.error().message);
}

// Built on first use: filling 100k keys takes a while.
Bed& GetBed(std::size_t key_count) {
  static std::map<std::size_t, std::unique_ptr<Bed>> beds;
  std::unique_ptr<Bed>& bed = beds[key_count];
  if (!bed) bed = std::make_unique<Bed>(key_count);
  return *bed;
}

void Snapshot(benchmark::State& state, Bed& bed) {
  for (auto _ : state) benchmark::DoNotOptimize(bed.store.Snapshot());
}

void Render(benchmark::State& state, Bed& bed) {
  for (auto _ : state) benchmark::DoNotOptimize(fakeiam::RenderFixture(bed.fixture));
}

void Save(benchmark::State& state, Bed& bed) {
  for (auto _ : state) {
    if (Failed(state, fakeiam::SaveFixture(bed.store, bed.save_path))) break;
  }
}

void Parse(benchmark::State& state, Bed& bed) {
  for (auto _ : state) {
    auto parsed = fakeiam::ParseFixture(bed.text, "bench");
    if (Failed(state, parsed)) break;
    benchmark::DoNotOptimize(parsed);
  }
}

void Restore(benchmark::State& state, Bed& bed) {
  for (auto _ : state) {
    if (Failed(state, bed.target.Restore(bed.fixture.state))) break;
  }
}

void Load(benchmark::State& state, Bed& bed) {
  for (auto _ : state) {
    if (Failed(state, fakeiam::LoadFixture(bed.target, bed.load_path))) break;
  }
}

using Body = void (*)(benchmark::State&, Bed&);

// Registers `body` at both sizes, named <step>/<size>, counting keys and fixture bytes.
void Register(const char* step, Body body) {
  struct Size {
    std::size_t keys;
    const char* label;
  };
  for (const Size size : {Size{1000, "1k"}, Size{100000, "100k"}}) {
    const std::string name = std::string(step) + "/" + size.label;
    benchmark::RegisterBenchmark(name.c_str(), [body, keys = size.keys](benchmark::State& state) {
      Bed& bed = GetBed(keys);
      body(state, bed);
      state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(bed.key_count));
      state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bed.text.size()));
    })->Unit(benchmark::kMicrosecond);
  }
}

bool RegisterAll() {
  Register("Snapshot", Snapshot);
  Register("RenderFixture", Render);
  Register("SaveFixture", Save);
  Register("ParseFixture", Parse);
  Register("Restore", Restore);
  Register("LoadFixture", Load);
  return true;
}
[[maybe_unused]] const bool kRegistered = RegisterAll();

}  // namespace

BENCHMARK_MAIN();
