#include "aws/query_xml.hpp"

#include "core/utf8.hpp"

namespace fakeiam::internal {
namespace {

class StringWriter : public pugi::xml_writer {
 public:
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
  std::string out;
};

std::string Serialize(const pugi::xml_document& doc) {
  StringWriter writer;
  doc.save(writer, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  return std::move(writer.out);
}

// Text XML 1.0 can carry: echoed input may hold malformed UTF-8 or control characters, which
// would make a client's XML parser reject the whole response.
std::string XmlText(std::string_view text) {
  std::string out = ValidUtf8(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') c = '?';
  }
  return out;
}

bool IsPlainAscii(std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

pugi::xml_node AppendRoot(pugi::xml_document& doc, const std::string& name) {
  pugi::xml_node root = doc.append_child(name.c_str());
  root.append_attribute("xmlns") = kIamXmlNamespace;
  return root;
}

}  // namespace

QueryResponseXml::QueryResponseXml(std::string_view operation) : operation_(operation) {
  response_ = AppendRoot(doc_, operation_ + "Response");
}

pugi::xml_node QueryResponseXml::Result() {
  if (!result_) result_ = response_.append_child((operation_ + "Result").c_str());
  return result_;
}

std::string QueryResponseXml::Finish(std::string_view request_id) {
  AppendText(response_.append_child("ResponseMetadata"), "RequestId", request_id);
  return Serialize(doc_);
}

pugi::xml_node AppendText(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node node = parent.append_child(name);
  pugi::xml_node pcdata = node.append_child(pugi::node_pcdata);
  // Ids, dates and statuses are plain ASCII: only other text needs XmlText's checked copy.
  if (IsPlainAscii(text)) {
    pcdata.set_value(text.data(), text.size());
  } else {
    pcdata.set_value(XmlText(text).c_str());
  }
  return node;
}

std::string ErrorResponseXml(const Error& error, std::string_view request_id) {
  pugi::xml_document doc;
  pugi::xml_node root = AppendRoot(doc, "ErrorResponse");
  pugi::xml_node body = root.append_child("Error");
  AppendText(body, "Type", error.http_status >= 500 ? "Receiver" : "Sender");
  AppendText(body, "Code", error.wire_code());
  AppendText(body, "Message", error.message);
  AppendText(root, "RequestId", request_id);
  return Serialize(doc);
}

}  // namespace fakeiam::internal
