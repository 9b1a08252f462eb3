#include "core/json_writer.hpp"

#include "core/utf8.hpp"

namespace fakeiam::internal {
namespace {

// A v5 listing of two keys is about 300 bytes.
constexpr std::size_t kTypicalDocumentBytes = 512;

}  // namespace

JsonWriter::JsonWriter() { out_.reserve(kTypicalDocumentBytes); }

void JsonWriter::BeginObject() { Open('{'); }

void JsonWriter::EndObject() { Close('}'); }

void JsonWriter::BeginArray() { Open('['); }

void JsonWriter::EndArray() { Close(']'); }

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  after_value_ = false;
}

void JsonWriter::Close(char bracket) {
  out_ += bracket;
  after_value_ = true;
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendQuoted(key);
  out_ += ':';
  after_value_ = false;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendQuoted(value);
  after_value_ = true;
}

void JsonWriter::Number(std::uint64_t value) {
  BeforeValue();
  out_ += std::to_string(value);
  after_value_ = true;
}

void JsonWriter::Time(Timestamp t) {
  BeforeValue();
  out_ += '"';
  AppendIso8601(t, out_, /*with_millis=*/true);
  out_ += '"';
  after_value_ = true;
}

void JsonWriter::BeforeValue() {
  if (after_value_) out_ += ',';
}

void JsonWriter::AppendQuoted(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Only malformed text needs the checked copy; checking well-formed text allocates nothing.
  std::string checked;
  if (!ForEachCodePoint(text, [](char32_t) {})) {
    checked = ValidUtf8(text);
    text = checked;
  }
  out_ += '"';
  // Runs without a character to escape go in whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
    }
  }
  out_.append(text.data() + run, text.size() - run);
  out_ += '"';
}

}  // namespace fakeiam::internal
