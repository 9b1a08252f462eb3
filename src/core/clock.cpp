#include "fakeiam/clock.hpp"

#include <algorithm>

namespace fakeiam {
namespace {

using std::chrono::milliseconds;

constexpr std::int64_t kMillisPerDay = 86400000;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct CivilDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

// The inverse of DaysFromCivil.
CivilDate CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

unsigned DaysInMonth(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Reads exactly `digits` decimal digits at `pos`, advancing it.
bool ReadNumber(std::string_view text, std::size_t& pos, int digits, int& out) {
  if (pos + static_cast<std::size_t>(digits) > text.size()) return false;
  out = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = text[pos++];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

bool Expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::string FormatIso8601(Timestamp t, bool with_millis) {
  std::string out;
  out.reserve(24);
  AppendIso8601(t, out, with_millis);
  return out;
}

void AppendIso8601(Timestamp t, std::string& out, bool with_millis) {
  const std::int64_t ms = t.time_since_epoch().count();
  std::int64_t days = ms / kMillisPerDay;
  std::int64_t rest = ms % kMillisPerDay;
  if (rest < 0) {
    rest += kMillisPerDay;
    --days;
  }
  const CivilDate date = CivilFromDays(days);
  const int secs = static_cast<int>(rest / 1000);
  // By hand, into a buffer appended once, rather than with snprintf, which took a tenth of a
  // rendered ListAccessKeys.
  char text[32];
  char* end = text;
  const auto put_digits = [&end](long long value, int width) {
    char* const first = end;
    for (int n = 0; n < width || value > 0; ++n, value /= 10) {
      *end++ = static_cast<char>('0' + value % 10);
    }
    std::reverse(first, end);
  };
  if (date.year < 0) *end++ = '-';
  put_digits(date.year < 0 ? -static_cast<long long>(date.year) : date.year, 4);
  *end++ = '-';
  put_digits(date.month, 2);
  *end++ = '-';
  put_digits(date.day, 2);
  *end++ = 'T';
  put_digits(secs / 3600, 2);
  *end++ = ':';
  put_digits(secs / 60 % 60, 2);
  *end++ = ':';
  put_digits(secs % 60, 2);
  if (with_millis) {
    *end++ = '.';
    put_digits(rest % 1000, 3);
  }
  *end++ = 'Z';
  out.append(text, end);
}

std::optional<Timestamp> ParseIso8601(std::string_view text) {
  std::size_t pos = 0;
  int year, month, day, hour, minute, second;
  if (!ReadNumber(text, pos, 4, year) || !Expect(text, pos, '-') ||
      !ReadNumber(text, pos, 2, month) || !Expect(text, pos, '-') ||
      !ReadNumber(text, pos, 2, day) || !Expect(text, pos, 'T') ||
      !ReadNumber(text, pos, 2, hour) || !Expect(text, pos, ':') ||
      !ReadNumber(text, pos, 2, minute) || !Expect(text, pos, ':') ||
      !ReadNumber(text, pos, 2, second)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > DaysInMonth(year, static_cast<unsigned>(month)) || hour > 23 ||
      minute > 59 || second > 59) {
    return std::nullopt;
  }
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0 || digits > 9) return std::nullopt;
    for (int i = digits; i < 3; ++i) millis *= 10;
  }
  std::int64_t offset_minutes = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos++] == '-' ? -1 : 1;
    int oh, om;
    if (!ReadNumber(text, pos, 2, oh) || !Expect(text, pos, ':') || !ReadNumber(text, pos, 2, om) ||
        oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = sign * (oh * 60 + om);
  } else if (!Expect(text, pos, 'Z')) {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  const std::int64_t days =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t ms =
      days * kMillisPerDay + ((hour * 60 + minute - offset_minutes) * 60 + second) * 1000 + millis;
  return Timestamp{milliseconds{ms}};
}

SteppingClock::SteppingClock(Timestamp start, milliseconds step) : start_(start), step_(step) {}

Timestamp SteppingClock::Now() {
  return start_ + step_ * events_.fetch_add(1, std::memory_order_relaxed);
}

Timestamp SteppingClock::Peek() { return start_ + step_ * events_.load(std::memory_order_relaxed); }

ManualClock::ManualClock(Timestamp start) : now_(start) {}

Timestamp ManualClock::Now() {
  std::lock_guard<std::mutex> lock(mu_);
  return now_;
}

void ManualClock::Set(Timestamp t) {
  std::lock_guard<std::mutex> lock(mu_);
  now_ = t;
}

void ManualClock::Advance(milliseconds d) {
  std::lock_guard<std::mutex> lock(mu_);
  now_ += d;
}

Timestamp SystemClock::Now() {
  return std::chrono::time_point_cast<milliseconds>(std::chrono::system_clock::now());
}

}  // namespace fakeiam
