#include "record/response_comparison.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <pugixml.hpp>

#include "core/ascii.hpp"
#include "record/redaction.hpp"

namespace fakeiam::internal {
namespace {

constexpr char kMissing[] = "(missing)";

// Path -> value, with the name the path ends in (what `ignore` lists).
struct Leaf {
  std::string name;
  std::string value;
};
using Leaves = std::map<std::string, Leaf>;

bool Ignored(const std::vector<std::string>& ignore, std::string_view name) {
  const std::string lower = ToLower(name);
  for (const std::string& ignored : ignore) {
    if (ToLower(ignored) == lower) return true;
  }
  return false;
}

void AddJsonLeaves(Leaves& leaves, const nlohmann::json& value, const std::string& pointer,
                   const std::string& name) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, item] : value.items()) {
      AddJsonLeaves(leaves, item, pointer + "/" + key, key);
    }
  } else if (value.is_array() && !value.empty()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      AddJsonLeaves(leaves, value[i], pointer + "/" + std::to_string(i), name);
    }
  } else {
    leaves[pointer.empty() ? "/" : pointer] = {
        name, value.is_string() ? value.get<std::string>() : value.dump()};
  }
}

std::optional<Leaves> JsonLeaves(const std::string& body) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded()) return std::nullopt;
  Leaves leaves;
  AddJsonLeaves(leaves, json, "", "");
  return leaves;
}

// Elements by path; a name that repeats among siblings gets its place, member[2]. AWS Query lists
// are always `member` elements, so a member always gets its place: a list of one and a list of two
// then differ by one element, not by all of them.
void AddXmlLeaves(Leaves& leaves, const pugi::xml_node& element, const std::string& path) {
  for (const pugi::xml_attribute& attribute : element.attributes()) {
    leaves[path + "/@" + attribute.name()] = {attribute.name(), attribute.value()};
  }
  std::map<std::string, int> seen;
  std::map<std::string, int> count;
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() == pugi::node_element) ++count[child.name()];
  }
  bool has_elements = false;
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() != pugi::node_element) continue;
    has_elements = true;
    const std::string name = child.name();
    std::string step = "/" + name;
    if (count[name] > 1 || name == "member") step += "[" + std::to_string(++seen[name]) + "]";
    AddXmlLeaves(leaves, child, path + step);
  }
  if (!has_elements) leaves[path] = {element.name(), element.text().get()};
}

std::optional<Leaves> XmlLeaves(const std::string& body) {
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8) ||
      !doc.document_element()) {
    return std::nullopt;
  }
  Leaves leaves;
  AddXmlLeaves(leaves, doc.document_element(), std::string("/") + doc.document_element().name());
  return leaves;
}

std::optional<Leaves> BodyLeaves(const std::string& body) {
  if (StartsWith(body, "<")) return XmlLeaves(body);
  if (StartsWith(body, "{") || StartsWith(body, "[")) return JsonLeaves(body);
  return std::nullopt;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  lines.push_back(text.substr(start));
  return lines;
}

class Comparison {
 public:
  Comparison(const Interaction& recorded, const std::vector<std::string>& ignore)
      : recorded_(recorded), ignore_(ignore) {}

  void CompareValue(std::string where, std::string_view name,
                    const std::optional<std::string>& recorded,
                    const std::optional<std::string>& live) {
    if (recorded && live && (*recorded == *live || IsRedacted(*recorded))) return;
    if (recorded && live && Ignored(ignore_, name)) return;
    if (!recorded && !live) return;
    differences_.push_back({recorded_.id, recorded_.operation, std::move(where),
                            recorded ? *recorded : kMissing, live ? *live : kMissing});
  }

  void CompareLeaves(const Leaves& recorded, const Leaves& live) {
    for (const auto& [path, leaf] : recorded) {
      auto it = live.find(path);
      CompareValue("body " + path, leaf.name, leaf.value,
                   it == live.end() ? std::nullopt : std::optional<std::string>(it->second.value));
    }
    for (const auto& [path, leaf] : live) {
      if (recorded.count(path) == 0)
        CompareValue("body " + path, leaf.name, std::nullopt, leaf.value);
    }
  }

  void CompareText(const std::string& recorded, const std::string& live) {
    const std::vector<std::string> a = Lines(recorded);
    const std::vector<std::string> b = Lines(live);
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
      const auto line = [i](const std::vector<std::string>& lines) {
        return i < lines.size() ? std::optional<std::string>(lines[i]) : std::nullopt;
      };
      if (line(a) != line(b)) {
        // The first line that differs says enough; the rest usually follows from it.
        CompareValue("body line " + std::to_string(i + 1), "", line(a), line(b));
        return;
      }
    }
  }

  std::vector<ResponseDifference> Take() { return std::move(differences_); }

 private:
  const Interaction& recorded_;
  const std::vector<std::string>& ignore_;
  std::vector<ResponseDifference> differences_;
};

}  // namespace

std::vector<ResponseDifference> CompareResponses(const Interaction& recorded,
                                                 const HttpResponse& live,
                                                 const std::vector<std::string>& ignore) {
  Comparison comparison(recorded, ignore);
  comparison.CompareValue("status", "", std::to_string(recorded.response.status),
                          std::to_string(live.status));
  for (const auto& [name, value] : recorded.response.headers) {
    const std::optional<std::string_view> live_value = live.headers.Get(name);
    comparison.CompareValue("header " + name, name, value,
                            live_value ? std::optional<std::string>(*live_value) : std::nullopt);
  }
  const std::optional<Leaves> recorded_leaves = BodyLeaves(recorded.response.body);
  const std::optional<Leaves> live_leaves = BodyLeaves(live.body);
  if (recorded_leaves && live_leaves) {
    comparison.CompareLeaves(*recorded_leaves, *live_leaves);
  } else {
    comparison.CompareText(recorded.response.body, live.body);
  }
  return comparison.Take();
}

}  // namespace fakeiam::internal
