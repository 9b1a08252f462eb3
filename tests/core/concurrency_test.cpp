// Thread safety: the quota is exact under races, concurrent pagination neither skips nor repeats,
// and mixed concurrent operations leave the store consistent.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "fakeiam/store.hpp"
#include "run_together.hpp"

namespace fakeiam {
namespace {

using testing_support::RunTogether;

TEST(ConcurrencyTest, TwoCreatesRacingForTheLastSlotExactlyOneWins) {
  for (int round = 0; round < 200; ++round) {
    Store store;
    ASSERT_TRUE(store.CreateUser("Bob").ok());
    ASSERT_TRUE(store.CreateAccessKey("Bob").ok());
    std::atomic<int> succeeded{0}, limited{0};
    RunTogether(2, [&](int) {
      const Result<AccessKey> r = store.CreateAccessKey("Bob");
      if (r.ok()) {
        succeeded.fetch_add(1);
      } else if (r.error().code == ErrorCode::LimitExceeded) {
        limited.fetch_add(1);
      }
    });
    ASSERT_EQ(succeeded.load(), 1) << "round " << round;
    ASSERT_EQ(limited.load(), 1) << "round " << round;
    ASSERT_EQ(store.ListAccessKeys("Bob")->items.size(), 2u);
  }
}

TEST(ConcurrencyTest, ManyThreadsNeverExceedTheQuota) {
  StoreOptions options;
  options.access_key_quota = 7;
  Store store(options);
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  std::atomic<int> succeeded{0};
  RunTogether(8, [&](int) {
    for (int i = 0; i < 50; ++i) {
      if (store.CreateAccessKey("Bob").ok()) succeeded.fetch_add(1);
    }
  });
  EXPECT_EQ(succeeded.load(), 7);
  EXPECT_EQ(store.ListAccessKeys("Bob")->items.size(), 7u);
}

TEST(ConcurrencyTest, PaginationUnderConcurrentCreatesAndDeletesNeitherSkipsNorRepeats) {
  StoreOptions options;
  options.access_key_quota = 100000;
  Store store(options);
  ASSERT_TRUE(store.CreateUser("Bob").ok());
  std::vector<std::string> stable;  // keys no one deletes: every walk must see all of them
  for (int i = 0; i < 300; ++i) stable.push_back(store.CreateAccessKey("Bob")->id);
  std::atomic<bool> done{false};
  std::thread churn([&] {
    // Creates keys and deletes only the keys it created itself.
    while (!done.load()) {
      const auto k = store.CreateAccessKey("Bob");
      ASSERT_TRUE(k.ok());
      ASSERT_TRUE(store.DeleteAccessKey("Bob", k->id).ok());
    }
  });
  for (int walk = 0; walk < 30; ++walk) {
    std::vector<std::string> seen;
    PageRequest request{7, std::nullopt};
    for (;;) {
      const auto page = store.ListAccessKeys("Bob", request);
      ASSERT_TRUE(page.ok()) << page.error().message;
      for (const AccessKey& k : page->items) seen.push_back(k.id);
      if (!page->is_truncated) break;
      request.marker = page->marker;
    }
    const std::set<std::string> unique(seen.begin(), seen.end());
    EXPECT_EQ(unique.size(), seen.size()) << "a key was listed twice in walk " << walk;
    for (const std::string& id : stable) {
      ASSERT_TRUE(unique.count(id)) << id << " was skipped in walk " << walk;
    }
  }
  done.store(true);
  churn.join();
}

TEST(ConcurrencyTest, MixedOperationsKeepTheStoreConsistent) {
  StoreOptions options;
  options.access_key_quota = 3;
  Store store(options);
  constexpr int kThreads = 8;
  RunTogether(kThreads, [&](int t) {
    const std::string mine = "user" + std::to_string(t);
    const std::string shared = "shared";
    (void)store.CreateUser(shared);
    ASSERT_TRUE(store.CreateUser(mine).ok());
    for (int i = 0; i < 300; ++i) {
      switch (i % 6) {
        case 0:
        case 1:
          (void)store.CreateAccessKey(i % 2 ? mine : shared);
          break;
        case 2: {
          const auto keys = store.ListAccessKeys(mine);
          ASSERT_TRUE(keys.ok());
          if (!keys->items.empty()) {
            ASSERT_TRUE(store.UpdateAccessKey(mine, keys->items[0].id, KeyStatus::Inactive).ok());
          }
          break;
        }
        case 3: {
          const auto keys = store.ListAccessKeys(shared);
          ASSERT_TRUE(keys.ok());
          // Another thread may delete it first; both outcomes are fine, a crash is not.
          if (!keys->items.empty()) (void)store.DeleteAccessKey(shared, keys->items[0].id);
          break;
        }
        case 4: {
          const auto keys = store.ListAccessKeys(mine);
          if (keys->items.size() == 3) {
            ASSERT_TRUE(store.DeleteAccessKey(mine, keys->items[1].id).ok());
          }
          break;
        }
        default:
          (void)store.ListUsers("/", {2, std::nullopt});
          (void)store.Snapshot();
      }
    }
  });
  // Invariants: quotas hold, every id is unique and owned by the user it is listed under.
  const StoreState state = store.Snapshot();
  std::set<std::string> ids;
  EXPECT_EQ(state.users.size(), kThreads + 1u);
  for (const StoredUser& user : state.users) {
    EXPECT_LE(user.access_keys.size(), 3u) << user.user.name;
    for (const StoredAccessKey& k : user.access_keys) {
      EXPECT_TRUE(ids.insert(k.key.id).second) << k.key.id;
      EXPECT_EQ(store.FindKeyOwner(k.key.id)->user_name, user.user.name);
    }
  }
}

}  // namespace
}  // namespace fakeiam
