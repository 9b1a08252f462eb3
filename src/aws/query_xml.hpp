// AWS Query protocol XML: `<OpResponse xmlns=...><OpResult>...</OpResult><ResponseMetadata>`
// documents and `<ErrorResponse>`, written element by element in document order straight into
// their text. No tree is built: building one with pugixml and serialising it was a third of a
// call's time. The layout is pugixml's indented one, which recorded cassettes hold.
#ifndef FAKEIAM_SRC_AWS_QUERY_XML_HPP_
#define FAKEIAM_SRC_AWS_QUERY_XML_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/clock.hpp"
#include "fakeiam/error.hpp"

namespace fakeiam::internal {

inline constexpr char kIamXmlNamespace[] = "https://iam.amazonaws.com/doc/2010-05-08/";

// Element names are views: what they view must outlive the writer.
class XmlWriter {
 public:
  XmlWriter();

  // Opens an element inside the one open now; the outermost carries IAM's namespace. Its name
  // is `name` followed by `suffix` ("ListAccessKeys" "Result"), which spares joining them.
  void Open(std::string_view name, std::string_view suffix = {});
  void Close();
  // `<name>text</name>` inside the open element. Text XML cannot carry (malformed UTF-8, control
  // characters, which echoed input may hold) is replaced, so that a client's parser takes it.
  void Text(std::string_view name, std::string_view text);
  // `<name>2015-03-09T18:39:23Z</name>`
  void Time(std::string_view name, Timestamp t);
  // The document, with every element still open closed.
  std::string Take();

 private:
  // Ends the start tag of the open element, now that it has content.
  void EndStartTag();
  void StartTextElement(std::string_view name);
  void EndTextElement(std::string_view name);

  struct OpenElement {
    std::string_view name, suffix;
  };

  std::string out_;
  std::vector<OpenElement> open_;
  bool start_tag_open_ = false;  // "<name" written, ">" or " />" not yet
};

// An element open for the life of this object.
class XmlElement {
 public:
  XmlElement(XmlWriter& xml, std::string_view name) : xml_(xml) { xml_.Open(name); }
  ~XmlElement() { xml_.Close(); }
  XmlElement(const XmlElement&) = delete;
  XmlElement& operator=(const XmlElement&) = delete;

 private:
  XmlWriter& xml_;
};

// The success document of one operation.
class QueryResponseXml {
 public:
  // `operation` is a view, which must outlive this object.
  explicit QueryResponseXml(std::string_view operation);

  // The writer inside `<OpResult>`, which is opened on first use: operations without output
  // have none.
  XmlWriter& Result();
  // Adds `<ResponseMetadata><RequestId>` and returns the document's text.
  std::string Finish(std::string_view request_id);

 private:
  const std::string_view operation_;
  XmlWriter xml_;
  bool in_result_ = false;
};

// `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`; the Type is
// Receiver for 5xx statuses and Sender otherwise.
std::string ErrorResponseXml(const Error& error, std::string_view request_id);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_AWS_QUERY_XML_HPP_
