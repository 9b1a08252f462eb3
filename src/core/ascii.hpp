// ASCII helpers shared by the store and the dialects.
#ifndef FAKEIAM_SRC_CORE_ASCII_HPP_
#define FAKEIAM_SRC_CORE_ASCII_HPP_

#include <algorithm>
#include <string>
#include <string_view>

namespace fakeiam::internal {

inline char ToLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLower(c);
  return out;
}

// Header names and HTTP tokens compare without regard to ASCII case.
inline bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ToLower(x) == ToLower(y);
         });
}

// `s` without leading and trailing spaces and tabs (HTTP's optional white space).
inline std::string_view TrimSpacesAndTabs(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_ASCII_HPP_
