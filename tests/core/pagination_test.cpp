// Pagination that clients can trust: markers encode a stable position, so keys created or
// deleted between pages are never skipped or repeated, and a marker from elsewhere is refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "fakeiam/store.hpp"
#include "test_support.hpp"

namespace fakeiam {
namespace {

using ::testing::ElementsAreArray;

class PaginationTest : public ::testing::Test {
 protected:
  PaginationTest() : store_(Options()) {}

  static StoreOptions Options() {
    StoreOptions options;
    options.access_key_quota = 1000;
    return options;
  }

  void SetUp() override {
    ASSERT_TRUE(store_.CreateUser("Bob").ok());
    for (int i = 0; i < 10; ++i) created_.push_back(store_.CreateAccessKey("Bob")->id);
  }

  // Walks all pages of `size`, calling `between` after each page; returns the ids seen.
  template <typename Between>
  std::vector<std::string> Walk(int size, Between between) {
    std::vector<std::string> seen;
    PageRequest request{size, std::nullopt};
    for (int pages = 0; pages < 100; ++pages) {
      const Result<Page<AccessKey>> page = store_.ListAccessKeys("Bob", request);
      EXPECT_TRUE(page.ok()) << page.error().message;
      if (!page.ok()) break;
      for (const AccessKey& k : page->items) seen.push_back(k.id);
      if (!page->is_truncated) break;
      EXPECT_FALSE(page->marker.empty());
      request.marker = page->marker;
      between(seen);
    }
    return seen;
  }

  Store store_;
  std::vector<std::string> created_;
};

TEST_F(PaginationTest, WalksAllKeysInOrder) {
  for (int size : {1, 3, 4, 10, 11, 1000}) {
    EXPECT_THAT(Walk(size, [](const auto&) {}), ElementsAreArray(created_)) << size;
  }
}

TEST_F(PaginationTest, TruncationIsExact) {
  const auto full = store_.ListAccessKeys("Bob", {10, std::nullopt});
  EXPECT_FALSE(full->is_truncated);
  EXPECT_TRUE(full->marker.empty());
  const auto short_page = store_.ListAccessKeys("Bob", {9, std::nullopt});
  EXPECT_TRUE(short_page->is_truncated);
  const auto last = store_.ListAccessKeys("Bob", {9, short_page->marker});
  EXPECT_EQ(last->items.size(), 1u);
  EXPECT_FALSE(last->is_truncated);
}

TEST_F(PaginationTest, DefaultPageIs100Items) {
  for (int i = 0; i < 140; ++i) ASSERT_TRUE(store_.CreateAccessKey("Bob").ok());
  const auto page = store_.ListAccessKeys("Bob");
  EXPECT_EQ(page->items.size(), 100u);
  EXPECT_TRUE(page->is_truncated);
}

TEST_F(PaginationTest, DeletingTheLastReturnedKeyDoesNotSkipTheNext) {
  const auto seen = Walk(3, [this](const std::vector<std::string>& seen) {
    ASSERT_TRUE(store_.DeleteAccessKey("Bob", seen.back()).ok());
  });
  EXPECT_THAT(seen, ElementsAreArray(created_));
}

TEST_F(PaginationTest, DeletingKeysAlreadySeenDoesNotShiftThePosition) {
  const auto seen = Walk(2, [this](const std::vector<std::string>& seen) {
    for (const std::string& id : seen) (void)store_.DeleteAccessKey("Bob", id);
  });
  EXPECT_THAT(seen, ElementsAreArray(created_));
}

TEST_F(PaginationTest, DeletingKeysNotYetSeenRemovesOnlyThem) {
  int page = 0;
  const auto seen = Walk(2, [&](const std::vector<std::string>&) {
    if (page++ == 0) {
      ASSERT_TRUE(store_.DeleteAccessKey("Bob", created_[5]).ok());
    }
  });
  std::vector<std::string> expected = created_;
  expected.erase(expected.begin() + 5);
  EXPECT_THAT(seen, ElementsAreArray(expected));
}

TEST_F(PaginationTest, KeysCreatedDuringTheWalkAppearOnceAtTheEnd) {
  std::vector<std::string> expected = created_;
  const auto seen = Walk(4, [&](const std::vector<std::string>&) {
    const auto k = store_.CreateAccessKey("Bob");
    ASSERT_TRUE(k.ok());
    expected.push_back(k->id);
  });
  EXPECT_THAT(seen, ElementsAreArray(expected));
}

TEST_F(PaginationTest, MarkerSurvivesDeletingEverythingAfterIt) {
  const auto first = store_.ListAccessKeys("Bob", {5, std::nullopt});
  for (int i = 5; i < 10; ++i) ASSERT_TRUE(store_.DeleteAccessKey("Bob", created_[i]).ok());
  const auto rest = store_.ListAccessKeys("Bob", {5, first->marker});
  ASSERT_TRUE(rest.ok());
  EXPECT_TRUE(rest->items.empty());
  EXPECT_FALSE(rest->is_truncated);
}

TEST_F(PaginationTest, GarbageMarkerIsInvalidInput) {
  for (const char* garbage :
       {"x", "AAAA", "not-a-marker", "////", "QUJD", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "0123456789abcdef0123456789abcdef0123"}) {
    EXPECT_TRUE(testing_support::FailsWith(
        store_.ListAccessKeys("Bob", {std::nullopt, garbage}), ErrorCode::InvalidInput, 400,
        "Invalid Marker: it is malformed or was issued for another listing."))
        << garbage;
  }
}

TEST_F(PaginationTest, TamperedMarkerIsInvalidInput) {
  const std::string marker = store_.ListAccessKeys("Bob", {2, std::nullopt})->marker;
  for (std::size_t i = 0; i < marker.size(); ++i) {
    std::string tampered = marker;
    tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
    EXPECT_EQ(store_.ListAccessKeys("Bob", {2, tampered}).error().code, ErrorCode::InvalidInput)
        << tampered;
  }
}

TEST_F(PaginationTest, MarkerOfAnotherUserIsInvalidInput) {
  ASSERT_TRUE(store_.CreateUser("Alice").ok());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_.CreateAccessKey("Alice").ok());
  const std::string bobs = store_.ListAccessKeys("Bob", {2, std::nullopt})->marker;
  EXPECT_EQ(store_.ListAccessKeys("Alice", {2, bobs}).error().code, ErrorCode::InvalidInput);
  EXPECT_EQ(store_.ListAccessKeys(kAccountRoot, {2, bobs}).error().code, ErrorCode::InvalidInput);
  // A user listing's marker is not a key listing's marker either.
  const std::string users = store_.ListUsers("/", {1, std::nullopt})->marker;
  EXPECT_EQ(store_.ListAccessKeys("Bob", {2, users}).error().code, ErrorCode::InvalidInput);
}

TEST_F(PaginationTest, MarkerOfARecreatedUserIsInvalidInput) {
  ASSERT_TRUE(store_.CreateUser("Carol").ok());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_.CreateAccessKey("Carol").ok());
  const std::string marker = store_.ListAccessKeys("Carol", {1, std::nullopt})->marker;
  const Page<AccessKey> keys = *store_.ListAccessKeys("Carol");
  for (const AccessKey& k : keys.items) ASSERT_TRUE(store_.DeleteAccessKey("Carol", k.id).ok());
  ASSERT_TRUE(store_.DeleteUser("Carol").ok());
  ASSERT_TRUE(store_.CreateUser("Carol").ok());
  EXPECT_EQ(store_.ListAccessKeys("Carol", {1, marker}).error().code, ErrorCode::InvalidInput);
}

TEST_F(PaginationTest, MarkerOfAnotherStoreIsInvalidInput) {
  StoreOptions other_options = Options();
  other_options.seed = 12345;
  Store other(other_options);
  ASSERT_TRUE(other.CreateUser("Bob").ok());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(other.CreateAccessKey("Bob").ok());
  const std::string foreign = other.ListAccessKeys("Bob", {1, std::nullopt})->marker;
  EXPECT_EQ(store_.ListAccessKeys("Bob", {1, foreign}).error().code, ErrorCode::InvalidInput);
}

TEST_F(PaginationTest, MarkersFitBothCloudsMarkerAlphabets) {
  const std::string marker = store_.ListAccessKeys("Bob", {2, std::nullopt})->marker;
  // Huawei: 4..400 characters of [A-Za-z0-9+/=_-]; AWS: 1..320 characters.
  EXPECT_GE(marker.size(), 4u);
  EXPECT_LE(marker.size(), 320u);
  EXPECT_EQ(marker.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-"),
            std::string::npos);
}

}  // namespace
}  // namespace fakeiam
