// Per-operation cost of fakeiam::Store at 1k and 1M access keys, in two shapes: keys spread 2 per
// user ("pairs"), and all keys in one user ("one_user"). The figures to read are 1k against 1M:
// an operation on one key, one user or one page may pay a few more cache misses in the big store,
// but should not grow with the number of keys it does not touch.
//
//   fakeiam_store_bench --benchmark_min_time=0.2 [--benchmark_filter=ListKeysMiddlePage]
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fakeiam/store.hpp"
#include "result_check.hpp"

namespace {

using fakeiam::KeyStatus;
using fakeiam::PageRequest;
using fakeiam::Store;
using fakeiam::StoreOptions;
using fakeiam::bench::Failed;

enum class Shape { kPairs, kOneUser };

constexpr int kPageSize = 100;
constexpr std::string_view kBigUser = "big";            // one_user: holds all the keys
constexpr std::string_view kBystander = "bystander";    // one_user: a 2-key user beside it
constexpr std::string_view kSpare = "spare";            // pairs: a keyless user
constexpr std::string_view kTransient = "transient";    // made and removed by CreateDeleteUser
constexpr std::string_view kUnusedPrefix = "/nobody/";  // a path no user has

// A cheap, repeatable spread of the keys and users touched, so that lookups in a big store pay
// for its cache misses instead of hitting the same entry every time.
class Picker {
 public:
  std::size_t Next(std::size_t n) {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return static_cast<std::size_t>(state_ % n);
  }

 private:
  std::uint64_t state_ = 0x9E3779B97F4A7C15ULL;
};

StoreOptions OptionsFor(std::size_t key_count, Shape shape) {
  StoreOptions options;
  // One slot over, so that CreateDeleteKey can add a key to the full user.
  if (shape == Shape::kOneUser) options.access_key_quota = static_cast<int>(key_count) + 1;
  return options;
}

// The marker that resumes a listing after about `count` items, found by walking it in pages
// (markers are opaque, so there is no other way to get one).
template <typename List>
std::string MarkerAfter(std::size_t count, List list) {
  PageRequest request;
  request.max_items = kPageSize;
  for (std::size_t seen = 0;;) {
    auto page = list(request).value();
    seen += page.items.size();
    if (seen >= count || !page.is_truncated) return page.marker;
    request.marker = page.marker;
  }
}

// A filled store, kept across benchmarks, with the names and ids the benchmarks address.
struct Bed {
  Bed(std::size_t key_count, Shape shape);

  Shape shape;
  Store store;
  std::size_t keys_per_user;
  // Key i belongs to users[i / keys_per_user]. A user's slots form a ring whose oldest key is at
  // oldest[user], so that rotating a key (delete the oldest, create one) rewrites one slot.
  std::vector<std::string> users;
  std::vector<std::string> key_ids;
  std::vector<std::size_t> oldest;
  std::string_view room_holder;  // a user below the quota, for CreateDeleteKey
  std::string key_page_marker;   // one_user: ListAccessKeys of the big user, after half its keys
  std::string user_page_marker;  // pairs: ListUsers, after half the users
};

// value() throws on a failed call, which ends the program with the store's error message.
Bed::Bed(std::size_t key_count, Shape shape_in)
    : shape(shape_in),
      store(OptionsFor(key_count, shape_in)),
      keys_per_user(shape_in == Shape::kPairs ? 2 : key_count) {
  const std::size_t user_count = key_count / keys_per_user;
  users.reserve(user_count);
  key_ids.reserve(key_count);
  oldest.assign(user_count, 0);
  for (std::size_t u = 0; u < user_count; ++u) {
    users.push_back(shape == Shape::kPairs ? "user" + std::to_string(u) : std::string(kBigUser));
    store.CreateUser(users.back()).value();
    for (std::size_t k = 0; k < keys_per_user; ++k) {
      key_ids.push_back(store.CreateAccessKey(users.back()).value().id);
      // Every key has signed a request, so GetAccessKeyLastUsed takes its costlier path.
      store.RecordKeyUse(key_ids.back(), "iam", "us-east-1");
    }
  }
  if (shape == Shape::kPairs) {
    store.CreateUser(kSpare).value();
    room_holder = kSpare;
    user_page_marker = MarkerAfter(
        user_count / 2, [this](const PageRequest& page) { return store.ListUsers("/", page); });
  } else {
    store.CreateUser(kBystander).value();
    store.CreateAccessKey(kBystander).value();
    store.CreateAccessKey(kBystander).value();
    room_holder = kBigUser;
    key_page_marker = MarkerAfter(key_count / 2, [this](const PageRequest& page) {
      return store.ListAccessKeys(kBigUser, page);
    });
  }
}

// Built on first use and kept for every later benchmark: filling a million keys takes seconds.
Bed& GetBed(std::size_t key_count, Shape shape) {
  static std::map<std::pair<std::size_t, Shape>, std::unique_ptr<Bed>> beds;
  std::unique_ptr<Bed>& bed = beds[{key_count, shape}];
  if (!bed) bed = std::make_unique<Bed>(key_count, shape);
  return *bed;
}

PageRequest PageAfter(const std::string& marker) {
  PageRequest request;
  request.max_items = kPageSize;
  request.marker = marker;
  return request;
}

// What the per-key benchmarks pay outside the store: picking a key and touching its id and its
// holder's name. Subtracting it leaves the store's own share.
void PickKey(benchmark::State& state, Bed& bed) {
  Picker picker;
  for (auto _ : state) {
    const std::size_t i = picker.Next(bed.key_ids.size());
    benchmark::DoNotOptimize(bed.key_ids[i].back() + bed.users[i / bed.keys_per_user].back());
  }
}

// The size stays constant: the key just created is deleted again.
void CreateDeleteKey(benchmark::State& state, Bed& bed) {
  for (auto _ : state) {
    auto created = bed.store.CreateAccessKey(bed.room_holder);
    if (Failed(state, created)) break;
    auto deleted = bed.store.DeleteAccessKey(bed.room_holder, created->id);
    if (Failed(state, deleted)) break;
  }
}

// Key rotation as a client does it: delete the user's oldest key, then create its replacement.
void RotateKey(benchmark::State& state, Bed& bed) {
  Picker picker;
  for (auto _ : state) {
    const std::size_t u = picker.Next(bed.users.size());
    std::string& slot = bed.key_ids[u * bed.keys_per_user + bed.oldest[u]];
    auto deleted = bed.store.DeleteAccessKey(bed.users[u], slot);
    if (Failed(state, deleted)) break;
    auto created = bed.store.CreateAccessKey(bed.users[u]);
    if (Failed(state, created)) break;
    slot = std::move(created->id);
    bed.oldest[u] = (bed.oldest[u] + 1) % bed.keys_per_user;
  }
}

void ListTwoKeyUser(benchmark::State& state, Bed& bed) {
  Picker picker;
  for (auto _ : state) {
    const std::string_view user = bed.shape == Shape::kPairs
                                      ? std::string_view(bed.users[picker.Next(bed.users.size())])
                                      : kBystander;
    auto page = bed.store.ListAccessKeys(user);
    if (Failed(state, page)) break;
    benchmark::DoNotOptimize(page);
  }
}

void ListKeysMiddlePage(benchmark::State& state, Bed& bed) {
  const PageRequest request = PageAfter(bed.key_page_marker);
  for (auto _ : state) {
    auto page = bed.store.ListAccessKeys(kBigUser, request);
    if (Failed(state, page)) break;
    benchmark::DoNotOptimize(page);
  }
}

void WalkAllKeys(benchmark::State& state, Bed& bed) {
  std::int64_t items = 0;
  for (auto _ : state) {
    PageRequest request;
    request.max_items = kPageSize;
    for (bool more = true; more;) {
      auto page = bed.store.ListAccessKeys(kBigUser, request);
      if (Failed(state, page)) return;
      items += static_cast<std::int64_t>(page->items.size());
      more = page->is_truncated;
      request.marker = std::move(page->marker);
    }
  }
  state.SetItemsProcessed(items);
}

void UpdateKey(benchmark::State& state, Bed& bed) {
  Picker picker;
  KeyStatus status = KeyStatus::Inactive;
  for (auto _ : state) {
    const std::size_t i = picker.Next(bed.key_ids.size());
    auto updated =
        bed.store.UpdateAccessKey(bed.users[i / bed.keys_per_user], bed.key_ids[i], status);
    if (Failed(state, updated)) break;
    status = status == KeyStatus::Active ? KeyStatus::Inactive : KeyStatus::Active;
  }
}

void GetKeyLastUsed(benchmark::State& state, Bed& bed) {
  Picker picker;
  for (auto _ : state) {
    auto last_used = bed.store.GetAccessKeyLastUsed(bed.key_ids[picker.Next(bed.key_ids.size())]);
    if (Failed(state, last_used)) break;
    benchmark::DoNotOptimize(last_used);
  }
}

void FindKeyOwner(benchmark::State& state, Bed& bed) {
  Picker picker;
  for (auto _ : state) {
    auto owner = bed.store.FindKeyOwner(bed.key_ids[picker.Next(bed.key_ids.size())]);
    if (!owner) {
      state.SkipWithError("FindKeyOwner did not find a key the store holds");
      break;
    }
    benchmark::DoNotOptimize(owner);
  }
}

void CreateDeleteUser(benchmark::State& state, Bed& bed) {
  for (auto _ : state) {
    auto created = bed.store.CreateUser(kTransient);
    if (Failed(state, created)) break;
    auto deleted = bed.store.DeleteUser(kTransient);
    if (Failed(state, deleted)) break;
  }
}

void ListUsersMiddlePage(benchmark::State& state, Bed& bed) {
  const PageRequest request = PageAfter(bed.user_page_marker);
  for (auto _ : state) {
    auto page = bed.store.ListUsers("/", request);
    if (Failed(state, page)) break;
    benchmark::DoNotOptimize(page);
  }
}

// A path prefix that matches nobody: the answer is empty, but the store still looks at every user.
void ListUsersNoMatch(benchmark::State& state, Bed& bed) {
  PageRequest request;
  request.max_items = kPageSize;
  for (auto _ : state) {
    auto page = bed.store.ListUsers(kUnusedPrefix, request);
    if (Failed(state, page)) break;
    benchmark::DoNotOptimize(page);
  }
}

using Body = void (*)(benchmark::State&, Bed&);

// Registers `body` at both store sizes, named <op>/<shape>/<size>.
void Register(const char* op, Body body, Shape shape,
              benchmark::TimeUnit unit = benchmark::kNanosecond) {
  struct Size {
    std::size_t keys;
    const char* label;
  };
  for (const Size size : {Size{1000, "1k"}, Size{1000000, "1M"}}) {
    const std::string name =
        std::string(op) + (shape == Shape::kPairs ? "/pairs/" : "/one_user/") + size.label;
    benchmark::RegisterBenchmark(name.c_str(), [body, shape,
                                                keys = size.keys](benchmark::State& state) {
      body(state, GetBed(keys, shape));
    })->Unit(unit);
  }
}

void RegisterAll() {
  const auto both = [](const char* op, Body body) {
    Register(op, body, Shape::kPairs);
    Register(op, body, Shape::kOneUser);
  };
  // Read-only calls first: deleting keys that were used leaves glibc's heap fragmented, and every
  // later allocation-heavy call in the process (a listing page: about 2.5x) pays for it, whatever
  // its store.
  both("PickKey", PickKey);
  both("ListTwoKeyUser", ListTwoKeyUser);
  // Only one shape has a big key listing, and only the other has many users.
  Register("ListKeysMiddlePage", ListKeysMiddlePage, Shape::kOneUser);
  Register("WalkAllKeys", WalkAllKeys, Shape::kOneUser, benchmark::kMillisecond);
  Register("ListUsersMiddlePage", ListUsersMiddlePage, Shape::kPairs);
  Register("ListUsersNoMatch", ListUsersNoMatch, Shape::kPairs, benchmark::kMicrosecond);
  both("GetKeyLastUsed", GetKeyLastUsed);
  both("FindKeyOwner", FindKeyOwner);
  both("UpdateKey", UpdateKey);
  both("CreateDeleteUser", CreateDeleteUser);
  both("CreateDeleteKey", CreateDeleteKey);
  both("RotateKey", RotateKey);
}

}  // namespace

int main(int argc, char** argv) {
  RegisterAll();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
