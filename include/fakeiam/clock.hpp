// Time in fakeiam: one timestamp type, ISO 8601 text, and injectable clocks.
#ifndef FAKEIAM_CLOCK_HPP_
#define FAKEIAM_CLOCK_HPP_

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace fakeiam {

// A UTC instant with millisecond precision (what both clouds show).
using Timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

// `2015-03-09T18:39:23Z`, or `2015-03-09T18:39:23.411Z` when `with_millis` is set.
std::string FormatIso8601(Timestamp t, bool with_millis = false);
// The same text appended to `out`, for writers that build a document without temporaries.
void AppendIso8601(Timestamp t, std::string& out, bool with_millis = false);

// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z` (1 to 9 fraction digits, kept to milliseconds) or the same
// with a `+HH:MM`/`-HH:MM` offset. Returns nothing for anything else.
std::optional<Timestamp> ParseIso8601(std::string_view text);

// The source of every timestamp a store writes. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  // The time of one event (a user or key created, a key used).
  virtual Timestamp Now() = 0;
  // The time now without counting an event, for checks that only read it (a signature's clock
  // skew). By default, Now().
  virtual Timestamp Peek() { return Now(); }
};

// The default clock: the n-th call (from 0) returns `start + n * step`, so the same sequence of
// events gets the same timestamps on every run.
class SteppingClock : public Clock {
 public:
  // 2025-01-01T00:00:00Z.
  static constexpr Timestamp kDefaultStart{std::chrono::milliseconds{1735689600000}};
  static constexpr std::chrono::milliseconds kDefaultStep{1000};

  explicit SteppingClock(Timestamp start = kDefaultStart,
                         std::chrono::milliseconds step = kDefaultStep);
  Timestamp Now() override;
  // The time the next event will get.
  Timestamp Peek() override;

 private:
  const Timestamp start_;
  const std::chrono::milliseconds step_;
  std::atomic<std::int64_t> events_{0};
};

// A clock that stands still until the test moves it.
class ManualClock : public Clock {
 public:
  explicit ManualClock(Timestamp start = SteppingClock::kDefaultStart);
  Timestamp Now() override;
  void Set(Timestamp t);
  void Advance(std::chrono::milliseconds d);

 private:
  std::mutex mu_;
  Timestamp now_;
};

// The wall clock, truncated to milliseconds.
class SystemClock : public Clock {
 public:
  Timestamp Now() override;
};

}  // namespace fakeiam

#endif  // FAKEIAM_CLOCK_HPP_
