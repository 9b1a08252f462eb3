// A short string kept inside its owner, so that a million access keys cost no extra
// allocations for their ids and secrets.
#ifndef FAKEIAM_SRC_CORE_INLINE_STRING_HPP_
#define FAKEIAM_SRC_CORE_INLINE_STRING_HPP_

#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>

namespace fakeiam::internal {

template <std::size_t kCapacity>
class InlineString {
  static_assert(kCapacity < 256, "the size is kept in one byte");

 public:
  static constexpr std::size_t capacity() { return kCapacity; }
  static bool Fits(std::string_view s) { return s.size() <= kCapacity; }

  InlineString() = default;
  // REQUIRES: Fits(s).
  explicit InlineString(std::string_view s) : size_(static_cast<std::uint8_t>(s.size())) {
    std::memcpy(data_, s.data(), s.size());
  }

  std::string_view view() const { return {data_, size_}; }
  bool operator==(const InlineString& o) const { return view() == o.view(); }

 private:
  char data_[kCapacity] = {};
  std::uint8_t size_ = 0;
};

struct InlineStringHash {
  template <std::size_t kCapacity>
  std::size_t operator()(const InlineString<kCapacity>& s) const noexcept {
    return std::hash<std::string_view>{}(s.view());
  }
};

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_INLINE_STRING_HPP_
