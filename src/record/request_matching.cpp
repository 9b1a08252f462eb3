#include "record/request_matching.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/ascii.hpp"
#include "http/content_type.hpp"
#include "http/url_encoding.hpp"

namespace fakeiam::internal {
namespace {

// Long parameter values are cut in messages; methods and paths never are.
constexpr std::size_t kShownValueLength = 80;

// Query-string authentication (presigned requests) varies with every signature.
bool IsSignatureParameter(std::string_view name) { return StartsWith(ToLower(name), "x-amz-"); }

void AddParameters(RequestFields& fields, std::string_view text) {
  const std::optional<FormFields> parsed = ParseForm(text);
  if (!parsed) {
    fields["body"].emplace_back(text);
    return;
  }
  for (const auto& [name, value] : *parsed) {
    if (!IsSignatureParameter(name)) fields[name].push_back(value);
  }
}

void AddJsonValues(RequestFields& fields, const nlohmann::json& value, const std::string& pointer) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, item] : value.items()) AddJsonValues(fields, item, pointer + "/" + key);
  } else if (value.is_array() && !value.empty()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      AddJsonValues(fields, value[i], pointer + "/" + std::to_string(i));
    }
  } else {
    fields[pointer.empty() ? "/" : pointer].push_back(value.is_string() ? value.get<std::string>()
                                                                        : value.dump());
  }
}

std::string Shown(const std::string& field, const std::vector<std::string>& values) {
  const bool cut = field != "method" && field != "path";
  std::string text;
  for (const std::string& value : values) {
    if (!text.empty()) text += ", ";
    text += cut && value.size() > kShownValueLength ? value.substr(0, kShownValueLength) + "..."
                                                    : value;
  }
  return text;
}

std::string Quoted(const std::optional<std::string>& value) {
  return value ? "\"" + *value + "\"" : "missing";
}

}  // namespace

RequestFields FieldsOf(const HttpRequest& request) {
  RequestFields fields;
  fields["method"].push_back(request.method);
  fields["path"].push_back(PercentDecode(request.path).value_or(request.path));
  if (!request.query.empty()) AddParameters(fields, request.query);
  if (request.body.empty()) return fields;
  if (IsFormContent(request.headers) || !request.headers.Get("Content-Type")) {
    AddParameters(fields, request.body);
  } else if (IsJsonContent(request.headers)) {
    const nlohmann::json json = nlohmann::json::parse(request.body, nullptr, false);
    if (json.is_discarded()) {
      fields["body"].push_back(request.body);
    } else {
      AddJsonValues(fields, json, "");
    }
  } else {
    fields["body"].push_back(request.body);
  }
  return fields;
}

std::vector<FieldDifference> Differences(const RequestFields& actual,
                                         const RequestFields& recorded) {
  std::vector<FieldDifference> out;
  auto a = actual.begin();
  auto r = recorded.begin();
  while (a != actual.end() || r != recorded.end()) {
    if (r == recorded.end() || (a != actual.end() && a->first < r->first)) {
      out.push_back({a->first, Shown(a->first, a->second), std::nullopt});
      ++a;
    } else if (a == actual.end() || r->first < a->first) {
      out.push_back({r->first, std::nullopt, Shown(r->first, r->second)});
      ++r;
    } else {
      if (a->second != r->second)
        out.push_back({a->first, Shown(a->first, a->second), Shown(r->first, r->second)});
      ++a;
      ++r;
    }
  }
  // What a person checks first: the method and the path, then the parameters.
  std::stable_partition(out.begin(), out.end(), [](const FieldDifference& d) {
    return d.field == "method" || d.field == "path";
  });
  return out;
}

std::string Describe(const std::vector<FieldDifference>& differences) {
  std::string text;
  for (const FieldDifference& d : differences) {
    if (!text.empty()) text += "; ";
    text +=
        d.field + " is " + Quoted(d.actual) + " here, " + Quoted(d.recorded) + " in the recording";
  }
  return text;
}

std::string Summary(const RequestFields& fields) {
  const auto first = [&fields](const std::string& name) {
    auto it = fields.find(name);
    return it == fields.end() || it->second.empty() ? std::string() : it->second.front();
  };
  std::string text = first("method") + " " + first("path");
  if (const std::string action = first("Action"); !action.empty()) text += " " + action;
  for (const auto& [name, values] : fields) {
    if (name == "method" || name == "path" || name == "Action" || name == "Version") continue;
    text += " " + name + "=" + Shown(name, values);
  }
  return text;
}

}  // namespace fakeiam::internal
