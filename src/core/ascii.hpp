// ASCII helpers shared by the store and the dialects.
#ifndef FAKEIAM_SRC_CORE_ASCII_HPP_
#define FAKEIAM_SRC_CORE_ASCII_HPP_

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

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_ASCII_HPP_
