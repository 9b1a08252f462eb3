#include "http/signing_time.hpp"

#include <ctime>
#include <iomanip>
#include <sstream>

namespace fakeiam::internal {
namespace {

// `text` read with strptime-style `format` as UTC, all of it.
std::optional<Timestamp> ParseUtc(std::string_view text, const char* format) {
  std::tm tm{};
  std::istringstream in{std::string(text)};
  in.imbue(std::locale::classic());
  in >> std::get_time(&tm, format);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  const std::time_t seconds = timegm(&tm);
  if (seconds == -1) return std::nullopt;
  return std::chrono::time_point_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::from_time_t(seconds));
}

}  // namespace

std::string FormatSigningTime(Timestamp t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[17];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

std::optional<Timestamp> ParseSigningTime(std::string_view text) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  std::optional<Timestamp> t = ParseUtc(text, "%Y%m%dT%H%M%SZ");
  // get_time accepts 31 February; a date that does not come back as written is not one.
  if (!t || FormatSigningTime(*t) != text) return std::nullopt;
  return t;
}

std::optional<Timestamp> ParseHttpDate(std::string_view text) {
  return ParseUtc(text, "%a, %d %b %Y %H:%M:%S GMT");
}

}  // namespace fakeiam::internal
