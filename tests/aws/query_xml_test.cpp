// The Query dialect's XML writer: what it writes is well-formed XML that gives every value back as
// given (or made fit for XML), laid out byte for byte as pugixml lays out the same document, the
// layout recorded cassettes hold.
#include "aws/query_xml.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace fakeiam::internal {
namespace {

std::string PugixmlLayout(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

pugi::xml_node AppendText(pugi::xml_node parent, const char* name, const std::string& text) {
  pugi::xml_node node = parent.append_child(name);
  node.append_child(pugi::node_pcdata).set_value(text.c_str());
  return node;
}

// A text, and the text the document holds: control characters become '?' and each malformed
// UTF-8 byte U+FFFD; the rest as sent.
const std::vector<std::pair<std::string, std::string>> kTexts = {
    {"", ""},
    {"AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"},
    {"a&b<c>d\"e'f", "a&b<c>d\"e'f"},
    {"]]> and &amp; already escaped", "]]> and &amp; already escaped"},
    {"tab\tline\ncarriage\rend", "tab\tline\ncarriage\rend"},
    {std::string("nul\0byte\x01\x1f", 10), "nul?byte??"},
    {"caf\xc3\xa9 \xe2\x82\xac", "caf\xc3\xa9 \xe2\x82\xac"},
    {"bad \xff utf-8", "bad \xef\xbf\xbd utf-8"},
    {"del \x7f", "del \x7f"},
};

TEST(QueryXmlTest, WritesWhatPugixmlWritesForTheSameTree) {
  for (const auto& [text, held] : kTexts) {
    QueryResponseXml response("ListAccessKeys");
    XmlWriter& xml = response.Result();
    xml.Text("UserName", text);
    {
      const XmlElement list(xml, "AccessKeyMetadata");
      const XmlElement member(xml, "member");
      xml.Text("Status", "Active");
    }
    { const XmlElement empty(xml, "Users"); }
    const std::string written = response.Finish("req-1");

    pugi::xml_document tree;
    pugi::xml_node root = tree.append_child("ListAccessKeysResponse");
    root.append_attribute("xmlns") = kIamXmlNamespace;
    pugi::xml_node result = root.append_child("ListAccessKeysResult");
    AppendText(result, "UserName", held);
    AppendText(result.append_child("AccessKeyMetadata").append_child("member"), "Status", "Active");
    result.append_child("Users");
    AppendText(root.append_child("ResponseMetadata"), "RequestId", "req-1");
    EXPECT_EQ(written, PugixmlLayout(tree)) << "for text '" << text << "'";

    // A client reads the text back, with XML's end-of-line handling (CR becomes LF).
    pugi::xml_document read;
    ASSERT_TRUE(read.load_string(written.c_str())) << written;
    std::string expected = held;
    for (char& c : expected) c = c == '\r' ? '\n' : c;
    EXPECT_EQ(
        read.child("ListAccessKeysResponse").child("ListAccessKeysResult").child_value("UserName"),
        expected);
  }
}

TEST(QueryXmlTest, AnOperationWithoutOutputHasNoResultElement) {
  const std::string written = QueryResponseXml("DeleteAccessKey").Finish("req-2");
  EXPECT_EQ(written, std::string("<DeleteAccessKeyResponse xmlns=\"") + kIamXmlNamespace +
                         "\">\n  <ResponseMetadata>\n    <RequestId>req-2</RequestId>\n"
                         "  </ResponseMetadata>\n</DeleteAccessKeyResponse>\n");
}

TEST(QueryXmlTest, ErrorResponsesSayWhoIsAtFault) {
  Error error = Error::Make(ErrorCode::NoSuchEntity, "The user <x> & co cannot be found.");
  pugi::xml_document doc;
  const std::string written = ErrorResponseXml(error, "req-3");
  ASSERT_TRUE(doc.load_string(written.c_str())) << written;
  const pugi::xml_node body = doc.child("ErrorResponse").child("Error");
  EXPECT_STREQ(body.child_value("Type"), "Sender");
  EXPECT_STREQ(body.child_value("Code"), "NoSuchEntity");
  EXPECT_STREQ(body.child_value("Message"), error.message.c_str());
  EXPECT_STREQ(doc.child("ErrorResponse").child_value("RequestId"), "req-3");
  EXPECT_EQ(written, PugixmlLayout(doc));
  error.http_status = 503;
  ASSERT_TRUE(doc.load_string(ErrorResponseXml(error, "req-4").c_str()));
  EXPECT_STREQ(doc.child("ErrorResponse").child("Error").child_value("Type"), "Receiver");
}

}  // namespace
}  // namespace fakeiam::internal
