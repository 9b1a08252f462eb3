// Compact JSON written value by value straight into its text, byte for byte as nlohmann's dump()
// writes the same document: the v5 dialect's answers, which every v5 call renders. Building an
// nlohmann document first cost two allocations per string member and most of a listing's time.
#ifndef FAKEIAM_SRC_CORE_JSON_WRITER_HPP_
#define FAKEIAM_SRC_CORE_JSON_WRITER_HPP_

#include <cstdint>
#include <string>
#include <string_view>

#include "fakeiam/clock.hpp"

namespace fakeiam::internal {

// The caller nests the calls as the document nests; a member is Key then one value.
class JsonWriter {
 public:
  JsonWriter();

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  // Malformed UTF-8 (which nlohmann refuses to write) becomes U+FFFD, as in the XML writer.
  void String(std::string_view value);
  void Number(std::uint64_t value);
  // `2015-03-09T18:39:23.411Z`, the v5 API's time.
  void Time(Timestamp t);
  std::string Take() { return std::move(out_); }

 private:
  // An object or array begins (a value itself) or ends (after its last value).
  void Open(char bracket);
  void Close(char bracket);
  // The comma before every value but the first of its object or array.
  void BeforeValue();
  void AppendQuoted(std::string_view text);

  std::string out_;
  bool after_value_ = false;
};

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_JSON_WRITER_HPP_
