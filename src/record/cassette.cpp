#include "fakeiam/cassette.hpp"

#include <set>

#include "core/base64.hpp"
#include "core/files.hpp"
#include "core/json_reader.hpp"
#include "core/utf8.hpp"
#include "http/content_type.hpp"
#include "http/url_encoding.hpp"
#include "record/cassette_format.hpp"

namespace fakeiam {
namespace {

using internal::Json;
using internal::JsonObjectReader;

constexpr char kFormat[] = "fakeiam cassette";
constexpr int kIndent = 2;

bool IsUtf8(std::string_view text) {
  return internal::ForEachCodePoint(text, [](char32_t) {});
}

// Fields (of a header or a form) go in an object; a name that repeats gets an array of its
// values.
void AddField(Json& fields, const std::string& name, const std::string& value) {
  auto it = fields.find(name);
  if (it == fields.end()) {
    fields[name] = value;
    return;
  }
  if (!it->is_array()) *it = Json::array({*it});
  it->push_back(value);
}

Json HeadersJson(const Headers& headers) {
  Json out = Json::object();
  for (const auto& [name, value] : headers) AddField(out, name, value);
  return out;
}

// Form fields as an object, or nothing when the body is not a form that decodes.
std::optional<Json> FormJson(const HttpRequest& request) {
  if (!internal::IsFormContent(request.headers)) return std::nullopt;
  const std::optional<internal::FormFields> fields = internal::ParseForm(request.body);
  if (!fields) return std::nullopt;
  Json out = Json::object();
  for (const auto& [name, value] : *fields) {
    if (!IsUtf8(name) || !IsUtf8(value)) return std::nullopt;
    AddField(out, name, value);
  }
  return out;
}

std::optional<Json> JsonBody(const Headers& headers, const std::string& body) {
  if (!internal::IsJsonContent(headers)) return std::nullopt;
  Json value = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

// Text that is not JSON or a form: one string, or one string per line when there are several,
// so that a recorded XML document reads (and diffs) line by line.
void PutText(Json& out, const std::string& body, bool split_lines) {
  if (body.empty()) return;
  if (!IsUtf8(body)) {
    out["body_base64"] = internal::Base64Encode(body);
    return;
  }
  if (!split_lines || body.find('\n') == std::string::npos) {
    out["body"] = body;
    return;
  }
  Json lines = Json::array();
  std::size_t start = 0;
  for (std::size_t end; (end = body.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(body.substr(start, end - start));
  }
  lines.push_back(body.substr(start));
  out["body_lines"] = std::move(lines);
}

Json RequestJson(const HttpRequest& request) {
  Json out = {{"method", request.method}, {"path", request.path}};
  if (!request.query.empty()) out["query"] = request.query;
  if (!request.headers.fields().empty()) out["headers"] = HeadersJson(request.headers);
  if (std::optional<Json> form = FormJson(request)) {
    out["form"] = std::move(*form);
  } else if (std::optional<Json> json = JsonBody(request.headers, request.body)) {
    out["json"] = std::move(*json);
  } else {
    PutText(out, request.body, /*split_lines=*/false);
  }
  return out;
}

Json ResponseJson(const HttpResponse& response) {
  Json out = {{"status", response.status}};
  if (!response.headers.fields().empty()) out["headers"] = HeadersJson(response.headers);
  if (std::optional<Json> json = JsonBody(response.headers, response.body)) {
    out["json"] = std::move(*json);
  } else {
    PutText(out, response.body, /*split_lines=*/true);
  }
  return out;
}

std::string Dump(const Json& value) {
  // Header values may hold bytes that are not UTF-8; show them as U+FFFD rather than fail.
  return value.dump(kIndent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

// --- Reading ---

Headers ReadHeaders(const Json* value, const std::string& pointer) {
  Headers headers;
  if (!value) return headers;
  if (!value->is_object()) {
    throw internal::JsonProblem{pointer, "expected an object of header fields"};
  }
  for (const auto& [name, field] : value->items()) {
    const std::string at = pointer + "/" + name;
    if (field.is_string()) {
      headers.Add(name, field.get<std::string>());
      continue;
    }
    if (!field.is_array() || field.empty()) {
      throw internal::JsonProblem{at,
                                  "expected a string, or an array of strings for a header "
                                  "that repeats, got " +
                                      internal::Describe(field)};
    }
    for (std::size_t i = 0; i < field.size(); ++i) {
      if (!field[i].is_string()) {
        throw internal::JsonProblem{at + "/" + std::to_string(i),
                                    "expected a string, got " + internal::Describe(field[i])};
      }
      headers.Add(name, field[i].get<std::string>());
    }
  }
  return headers;
}

std::string ReadForm(const Json& form, const std::string& pointer) {
  if (!form.is_object()) throw internal::JsonProblem{pointer, "expected an object of form fields"};
  std::string body;
  const auto append = [&body](const std::string& name, const Json& value, const std::string& at) {
    if (!value.is_string()) {
      throw internal::JsonProblem{at, "expected a string, got " + internal::Describe(value)};
    }
    if (!body.empty()) body += '&';
    body += internal::PercentEncode(name) + '=' + internal::PercentEncode(value.get<std::string>());
  };
  for (const auto& [name, value] : form.items()) {
    const std::string at = pointer + "/" + name;
    if (!value.is_array()) {
      append(name, value, at);
      continue;
    }
    for (std::size_t i = 0; i < value.size(); ++i)
      append(name, value[i], at + "/" + std::to_string(i));
  }
  return body;
}

// The body of a request or response: whichever one of the body fields `allowed` names is there.
std::string ReadBody(JsonObjectReader& r, const std::vector<std::string>& allowed) {
  std::string body;
  std::string found;
  for (const std::string& name : allowed) {
    const Json* value = r.Field(name);
    if (!value) continue;
    if (!found.empty()) {
      r.Fail("/" + name, "a message has one body, and this one also has \"" + found + "\"");
    }
    found = name;
    const std::string at = r.pointer() + "/" + name;
    if (name == "form") {
      body = ReadForm(*value, at);
    } else if (name == "json") {
      body = value->dump();
    } else if (name == "body_lines") {
      if (!value->is_array()) r.Fail("/" + name, "expected an array of lines");
      for (std::size_t i = 0; i < value->size(); ++i) {
        if (!(*value)[i].is_string()) {
          throw internal::JsonProblem{at + "/" + std::to_string(i), "expected a string"};
        }
        if (i > 0) body += '\n';
        body += (*value)[i].get<std::string>();
      }
    } else if (!value->is_string()) {
      r.Fail("/" + name, "expected a string, got " + internal::Describe(*value));
    } else if (name == "body_base64") {
      std::optional<std::string> bytes = internal::Base64Decode(value->get<std::string>());
      if (!bytes) r.Fail("/" + name, "expected base64 text");
      body = std::move(*bytes);
    } else {
      body = value->get<std::string>();
    }
  }
  return body;
}

HttpRequest ReadRequest(const Json& value, const std::string& pointer) {
  JsonObjectReader r(value, pointer);
  HttpRequest request;
  request.method = *r.String("method", /*required=*/true);
  if (request.method.empty() ||
      request.method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
    r.Fail("/method", "expected an HTTP method in capitals, like \"POST\"");
  }
  request.path = *r.String("path", /*required=*/true);
  if (request.path.empty() || request.path[0] != '/') {
    r.Fail("/path", "expected a path that starts with \"/\"");
  }
  request.query = r.String("query").value_or("");
  request.headers = ReadHeaders(r.Field("headers"), pointer + "/headers");
  request.body = ReadBody(r, {"form", "json", "body", "body_base64"});
  r.Finish();
  return request;
}

HttpResponse ReadResponse(const Json& value, const std::string& pointer) {
  JsonObjectReader r(value, pointer);
  HttpResponse response;
  const std::optional<std::int64_t> status = r.Integer("status", 100, 599);
  if (!status) r.Fail("", "missing required field \"status\"");
  response.status = static_cast<int>(*status);
  response.headers = ReadHeaders(r.Field("headers"), pointer + "/headers");
  response.body = ReadBody(r, {"json", "body_lines", "body", "body_base64"});
  r.Finish();
  return response;
}

Cassette ReadCassette(const Json& root) {
  JsonObjectReader r(root, "");
  const std::optional<std::string> format = r.String("format");
  if (format != kFormat) {
    r.Fail("/format",
           std::string("not a fakeiam cassette: expected \"format\": \"") + kFormat + "\"");
  }
  const std::optional<std::int64_t> version = r.Integer("version", 1, 1'000'000);
  if (!version) r.Fail("", "missing required field \"version\"");
  if (*version > Cassette::kFormatVersion) {
    r.Fail("/version", "version " + std::to_string(*version) +
                           " is newer than this fakeiam reads (" +
                           std::to_string(Cassette::kFormatVersion) + "); upgrade fakeiam");
  }
  const Json* interactions = r.Array("interactions");
  if (!interactions) r.Fail("", "missing required field \"interactions\"");
  r.Finish();

  Cassette cassette;
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < interactions->size(); ++i) {
    const std::string pointer = "/interactions/" + std::to_string(i);
    JsonObjectReader item((*interactions)[i], pointer);
    Interaction interaction;
    const std::int64_t id = item.Integer("id", 1, 1'000'000'000).value_or(i + 1);
    if (!ids.insert(id).second) item.Fail("/id", "id " + std::to_string(id) + " is taken");
    interaction.id = static_cast<int>(id);
    interaction.operation = item.String("operation").value_or("");
    interaction.request = ReadRequest(*item.Field("request", true), pointer + "/request");
    interaction.response = ReadResponse(*item.Field("response", true), pointer + "/response");
    interaction.response.operation = interaction.operation;
    item.Finish();
    cassette.interactions.push_back(std::move(interaction));
  }
  return cassette;
}

}  // namespace

namespace internal {

std::string FormatInteraction(const Interaction& interaction) {
  Json out = {{"id", interaction.id}};
  const std::string& operation =
      interaction.operation.empty() ? interaction.response.operation : interaction.operation;
  if (!operation.empty()) out["operation"] = operation;
  out["request"] = RequestJson(interaction.request);
  out["response"] = ResponseJson(interaction.response);
  // Indent every line for its place in the array, two levels down, as a dump of the whole
  // cassette would.
  const std::string text = Dump(out);
  std::string indented = "    ";
  for (char c : text) {
    indented += c;
    if (c == '\n') indented += "    ";
  }
  return indented;
}

std::string AssembleCassette(const std::vector<std::string>& formatted_interactions) {
  std::string text = std::string("{\n  \"format\": \"") + kFormat +
                     "\",\n  \"version\": " + std::to_string(Cassette::kFormatVersion) +
                     ",\n  \"interactions\": [";
  for (std::size_t i = 0; i < formatted_interactions.size(); ++i) {
    text += i == 0 ? "\n" : ",\n";
    text += formatted_interactions[i];
  }
  text += formatted_interactions.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return text;
}

}  // namespace internal

Result<Cassette> ParseCassette(std::string_view text, std::string_view source) {
  return internal::ReadJson<Cassette>(text, source, ReadCassette);
}

Result<Cassette> LoadCassette(const std::string& path) {
  const Result<std::string> text = internal::ReadFile(path);
  if (!text.ok()) return text.error();
  return ParseCassette(*text, path);
}

std::string FormatCassette(const Cassette& cassette) {
  std::vector<std::string> formatted;
  formatted.reserve(cassette.interactions.size());
  for (const Interaction& interaction : cassette.interactions) {
    formatted.push_back(internal::FormatInteraction(interaction));
  }
  return internal::AssembleCassette(formatted);
}

Result<void> SaveCassette(const Cassette& cassette, const std::string& path) {
  return internal::WriteFileAtomically(path, FormatCassette(cassette));
}

}  // namespace fakeiam
