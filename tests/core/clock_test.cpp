// Timestamps: ISO 8601 text both ways, and the three clocks.
#include "fakeiam/clock.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace fakeiam {
namespace {

using std::chrono::milliseconds;

TEST(Iso8601Test, FormatsWholeSecondsAndMillis) {
  const Timestamp t{milliseconds{1425926363411}};  // the CLI docs' CreateDate example
  EXPECT_EQ(FormatIso8601(t), "2015-03-09T18:39:23Z");
  EXPECT_EQ(FormatIso8601(t, /*with_millis=*/true), "2015-03-09T18:39:23.411Z");
  EXPECT_EQ(FormatIso8601(Timestamp{}), "1970-01-01T00:00:00Z");
}

TEST(Iso8601Test, FormatsLeapDaysAndDatesBeforeTheEpoch) {
  EXPECT_EQ(FormatIso8601(*ParseIso8601("2024-02-29T23:59:59Z")), "2024-02-29T23:59:59Z");
  EXPECT_EQ(FormatIso8601(Timestamp{milliseconds{-1}}, true), "1969-12-31T23:59:59.999Z");
}

TEST(Iso8601Test, ParsesWhatItFormats) {
  for (std::int64_t ms : {0LL, 951782400000LL, 1735689600123LL, 4102444799999LL}) {
    const Timestamp t{milliseconds{ms}};
    EXPECT_EQ(ParseIso8601(FormatIso8601(t, true)), t) << ms;
  }
}

TEST(Iso8601Test, ParsesFractionsAndOffsets) {
  EXPECT_EQ(ParseIso8601("2023-09-13T06:51:20.550Z")->time_since_epoch().count(), 1694587880550);
  EXPECT_EQ(ParseIso8601("2023-09-13T06:51:20.550123456Z")->time_since_epoch().count(),
            1694587880550);
  EXPECT_EQ(ParseIso8601("2023-09-13T08:51:20.5+02:00")->time_since_epoch().count(), 1694587880500);
}

TEST(Iso8601Test, RejectsMalformedText) {
  for (const char* bad :
       {"", "2023-09-13", "2023-09-13T06:51:20", "2023-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
        "2023-09-13T24:00:00Z", "2023-09-13T06:51:20.Z", "2023-09-13 06:51:20Z",
        "2023-09-13T06:51:20Zjunk", "+2023-09-13T06:51Z"}) {
    EXPECT_FALSE(ParseIso8601(bad).has_value()) << bad;
  }
}

TEST(SteppingClockTest, AdvancesOneStepPerReading) {
  SteppingClock clock;
  EXPECT_EQ(FormatIso8601(clock.Now()), "2025-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601(clock.Now()), "2025-01-01T00:00:01Z");
  SteppingClock custom(*ParseIso8601("2030-06-01T12:00:00Z"), milliseconds{250});
  custom.Now();
  EXPECT_EQ(FormatIso8601(custom.Now(), true), "2030-06-01T12:00:00.250Z");
}

TEST(SteppingClockTest, GivesEveryReadingItsOwnInstantAcrossThreads) {
  SteppingClock clock;
  std::vector<std::vector<Timestamp>> seen(4);
  std::vector<std::thread> threads;
  for (auto& out : seen) {
    threads.emplace_back([&clock, &out] {
      for (int i = 0; i < 1000; ++i) out.push_back(clock.Now());
    });
  }
  for (auto& t : threads) t.join();
  std::vector<Timestamp> all;
  for (const auto& out : seen) all.insert(all.end(), out.begin(), out.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end());
  EXPECT_EQ(all.back() - all.front(), milliseconds{1000} * 3999);
}

TEST(ManualClockTest, MovesOnlyWhenTold) {
  ManualClock clock(*ParseIso8601("2020-01-01T00:00:00Z"));
  EXPECT_EQ(clock.Now(), clock.Now());
  clock.Advance(milliseconds{1500});
  EXPECT_EQ(FormatIso8601(clock.Now(), true), "2020-01-01T00:00:01.500Z");
  clock.Set(*ParseIso8601("2021-05-05T05:05:05Z"));
  EXPECT_EQ(FormatIso8601(clock.Now()), "2021-05-05T05:05:05Z");
}

TEST(SystemClockTest, FollowsTheWallClock) {
  SystemClock clock;
  const auto before = std::chrono::system_clock::now();
  const Timestamp now = clock.Now();
  const auto after = std::chrono::system_clock::now();
  EXPECT_GE(now + milliseconds{1}, before);
  EXPECT_LE(now, after);
}

}  // namespace
}  // namespace fakeiam
