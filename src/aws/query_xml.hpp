// AWS Query protocol XML: `<OpResponse xmlns=...><OpResult>...</OpResult><ResponseMetadata>`
// documents and `<ErrorResponse>`, built with pugixml.
#ifndef FAKEIAM_SRC_AWS_QUERY_XML_HPP_
#define FAKEIAM_SRC_AWS_QUERY_XML_HPP_

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "fakeiam/error.hpp"

namespace fakeiam::internal {

inline constexpr char kIamXmlNamespace[] = "https://iam.amazonaws.com/doc/2010-05-08/";

// The success document of one operation.
class QueryResponseXml {
 public:
  explicit QueryResponseXml(std::string_view operation);

  // The `<OpResult>` element, created on first use: operations without output have none.
  pugi::xml_node Result();
  // Adds `<ResponseMetadata><RequestId>` and returns the document's text.
  std::string Finish(std::string_view request_id);

 private:
  pugi::xml_document doc_;
  pugi::xml_node response_;
  pugi::xml_node result_;
  std::string operation_;
};

// Appends `<name>text</name>` to `parent` and returns it.
pugi::xml_node AppendText(pugi::xml_node parent, const char* name, std::string_view text);

// `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`; the Type is
// Receiver for 5xx statuses and Sender otherwise.
std::string ErrorResponseXml(const Error& error, std::string_view request_id);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_AWS_QUERY_XML_HPP_
