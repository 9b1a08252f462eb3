// Compares two XML documents after parsing: element names, attributes, text and child order all
// count; indentation between elements does not.
#ifndef FAKEIAM_TESTS_SUPPORT_XML_EQUIVALENCE_HPP_
#define FAKEIAM_TESTS_SUPPORT_XML_EQUIVALENCE_HPP_

#include <gtest/gtest.h>

#include <string>

namespace fakeiam::testing_support {

// Success, or a failure naming the first place where the documents differ.
::testing::AssertionResult XmlEquivalent(const std::string& expected, const std::string& actual);

// The text of the first element with this name anywhere in `xml`, or "" when there is none.
std::string XmlText(const std::string& xml, const std::string& element);

}  // namespace fakeiam::testing_support

#endif  // FAKEIAM_TESTS_SUPPORT_XML_EQUIVALENCE_HPP_
