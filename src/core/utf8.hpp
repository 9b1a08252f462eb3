// UTF-8 decoding, strict: overlong forms, surrogates and code points past U+10FFFF are malformed.
#ifndef FAKEIAM_SRC_CORE_UTF8_HPP_
#define FAKEIAM_SRC_CORE_UTF8_HPP_

#include <string>
#include <string_view>

namespace fakeiam::internal {

// DecodeCodePoint for a sequence of two to four bytes.
bool DecodeMultiByteCodePoint(std::string_view s, std::size_t& i, char32_t& cp);

// Decodes the code point at `s[i]`, advancing `i` past it. Returns false, leaving `i` alone, when
// the bytes there are not a well-formed UTF-8 sequence. Inline for ASCII, which names, ids and
// dates are: validating them is then a loop without calls.
inline bool DecodeCodePoint(std::string_view s, std::size_t& i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 >= 0x80) return DecodeMultiByteCodePoint(s, i, cp);
  cp = b0;
  ++i;
  return true;
}

// Calls `fn` with each code point of `s`; returns false at the first malformed sequence.
template <typename Fn>
bool ForEachCodePoint(std::string_view s, Fn fn) {
  std::size_t i = 0;
  char32_t cp;
  while (i < s.size()) {
    if (!DecodeCodePoint(s, i, cp)) return false;
    fn(cp);
  }
  return true;
}

// `s` with every malformed byte replaced by U+FFFD, so that it can be echoed in a response.
std::string ValidUtf8(std::string_view s);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_UTF8_HPP_
