#include "aws/query_xml.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "core/utf8.hpp"

namespace fakeiam::internal {
namespace {

// A 2-key list is about 900 bytes, 5 elements deep.
constexpr std::size_t kTypicalDocumentBytes = 1024;
constexpr std::size_t kTypicalDepth = 8;

// Text XML 1.0 can carry: echoed input may hold malformed UTF-8 or control characters, which
// would make a client's XML parser reject the whole response.
std::string XmlText(std::string_view text) {
  std::string out = ValidUtf8(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') c = '?';
  }
  return out;
}

// What a byte of text needs before it can go in as it is: nothing (printable ASCII), an entity
// (&, <, >), or XmlText's checked copy (control characters and non-ASCII, which may be malformed).
enum class TextByte : unsigned char { kPlain, kEntity, kCheck };

constexpr std::array<TextByte, 256> TextBytes() {
  std::array<TextByte, 256> bytes{};
  for (int c = 0; c < 256; ++c) {
    bytes[c] = c < 0x20 || c > 0x7E ? TextByte::kCheck : TextByte::kPlain;
  }
  bytes['&'] = bytes['<'] = bytes['>'] = TextByte::kEntity;
  return bytes;
}

constexpr std::array<TextByte, 256> kTextBytes = TextBytes();

TextByte Kind(char c) { return kTextBytes[static_cast<unsigned char>(c)]; }

// `indent` spaces, then `opening` ("<" or "</"), the name and its suffix, then `after`: the tag
// goes in through one growth of the document, not one append per piece, as a listing is mostly
// tags.
void AppendTag(std::string& out, std::size_t indent, std::string_view opening,
               std::string_view name, std::string_view suffix, std::string_view after) {
  const std::size_t size = out.size();
  out.resize(size + indent + opening.size() + name.size() + suffix.size() + after.size());
  char* at = std::fill_n(&out[size], indent, ' ');
  for (const std::string_view piece : {opening, name, suffix, after}) {
    at = std::copy(piece.begin(), piece.end(), at);
  }
}

void AppendEscaped(std::string_view text, std::string& out) {
  // Runs without a character to escape go in whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (Kind(text[i]) != TextByte::kEntity) continue;
    out.append(text.data() + run, i - run);
    out += text[i] == '&' ? "&amp;" : text[i] == '<' ? "&lt;" : "&gt;";
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace

XmlWriter::XmlWriter() {
  out_.reserve(kTypicalDocumentBytes);
  open_.reserve(kTypicalDepth);
}

void XmlWriter::Open(std::string_view name, std::string_view suffix) {
  EndStartTag();
  AppendTag(out_, 2 * open_.size(), "<", name, suffix, {});
  if (open_.empty()) {
    out_ += " xmlns=\"";
    out_ += kIamXmlNamespace;
    out_ += '"';
  }
  open_.push_back({name, suffix});
  start_tag_open_ = true;
}

void XmlWriter::Close() {
  const OpenElement element = open_.back();
  open_.pop_back();
  if (start_tag_open_) {
    out_ += " />\n";
    start_tag_open_ = false;
    return;
  }
  AppendTag(out_, 2 * open_.size(), "</", element.name, element.suffix, ">\n");
}

void XmlWriter::Text(std::string_view name, std::string_view text) {
  StartTextElement(name);
  // Ids, dates and statuses are printable ASCII without entities: they go in whole, in one pass.
  TextByte worst = TextByte::kPlain;
  for (const char c : text) worst = std::max(worst, Kind(c));
  if (worst == TextByte::kPlain) {
    out_.append(text);
  } else if (worst == TextByte::kEntity) {
    AppendEscaped(text, out_);
  } else {
    AppendEscaped(XmlText(text), out_);
  }
  EndTextElement(name);
}

void XmlWriter::Time(std::string_view name, Timestamp t) {
  StartTextElement(name);
  AppendIso8601(t, out_);
  EndTextElement(name);
}

void XmlWriter::StartTextElement(std::string_view name) {
  EndStartTag();
  AppendTag(out_, 2 * open_.size(), "<", name, {}, ">");
}

void XmlWriter::EndTextElement(std::string_view name) { AppendTag(out_, 0, "</", name, {}, ">\n"); }

std::string XmlWriter::Take() {
  while (!open_.empty()) Close();
  return std::move(out_);
}

void XmlWriter::EndStartTag() {
  if (!start_tag_open_) return;
  out_ += ">\n";
  start_tag_open_ = false;
}

QueryResponseXml::QueryResponseXml(std::string_view operation) : operation_(operation) {
  xml_.Open(operation_, "Response");
}

XmlWriter& QueryResponseXml::Result() {
  if (!in_result_) {
    xml_.Open(operation_, "Result");
    in_result_ = true;
  }
  return xml_;
}

std::string QueryResponseXml::Finish(std::string_view request_id) {
  if (in_result_) xml_.Close();
  {
    const XmlElement metadata(xml_, "ResponseMetadata");
    xml_.Text("RequestId", request_id);
  }
  return xml_.Take();
}

std::string ErrorResponseXml(const Error& error, std::string_view request_id) {
  XmlWriter xml;
  xml.Open("ErrorResponse");
  {
    const XmlElement body(xml, "Error");
    xml.Text("Type", error.http_status >= 500 ? "Receiver" : "Sender");
    xml.Text("Code", error.wire_code());
    xml.Text("Message", error.message);
  }
  xml.Text("RequestId", request_id);
  return xml.Take();
}

}  // namespace fakeiam::internal
