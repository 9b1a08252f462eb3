#include "xml_equivalence.hpp"

#include <pugixml.hpp>

namespace fakeiam::testing_support {
namespace {

std::string Describe(const pugi::xml_node& node) {
  switch (node.type()) {
    case pugi::node_element:
      return "<" + std::string(node.name()) + ">";
    case pugi::node_pcdata:
    case pugi::node_cdata:
      return "text \"" + std::string(node.value()) + "\"";
    default:
      return "a node of type " + std::to_string(node.type());
  }
}

// Empty when equal, else where and how they differ.
std::string Difference(const pugi::xml_node& a, const pugi::xml_node& b, const std::string& path) {
  if (a.type() != b.type() || std::string(a.name()) != b.name() ||
      std::string(a.value()) != b.value()) {
    return path + ": expected " + Describe(a) + ", got " + Describe(b);
  }
  for (auto x = a.first_attribute(), y = b.first_attribute(); x || y;
       x = x.next_attribute(), y = y.next_attribute()) {
    if (!x || !y || std::string(x.name()) != y.name() || std::string(x.value()) != y.value()) {
      return path + ": attributes differ";
    }
  }
  auto x = a.first_child();
  auto y = b.first_child();
  for (int i = 0; x || y; ++i, x = x.next_sibling(), y = y.next_sibling()) {
    const std::string child_path =
        path + "/" + (x ? Describe(x) : Describe(y)) + "[" + std::to_string(i) + "]";
    if (!x) return child_path + ": unexpected extra " + Describe(y);
    if (!y) return child_path + ": missing " + Describe(x);
    if (std::string d = Difference(x, y, child_path); !d.empty()) return d;
  }
  return "";
}

}  // namespace

::testing::AssertionResult XmlEquivalent(const std::string& expected, const std::string& actual) {
  pugi::xml_document a, b;
  if (!a.load_string(expected.c_str()))
    return ::testing::AssertionFailure() << "expected is not XML";
  if (!b.load_string(actual.c_str())) {
    return ::testing::AssertionFailure() << "actual is not XML:\n" << actual;
  }
  const std::string difference = Difference(a, b, "");
  if (difference.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << difference << "\nactual:\n" << actual;
}

std::string XmlText(const std::string& xml, const std::string& element) {
  pugi::xml_document doc;
  doc.load_string(xml.c_str());
  const pugi::xpath_node found = doc.select_node(("//" + element).c_str());
  return found ? found.node().text().get() : "";
}

}  // namespace fakeiam::testing_support
