#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "fakeiam/fixture.hpp"
#include "fakeiam/handler.hpp"
#include "http/header_section.hpp"
#include "protocol/routing.hpp"

namespace fakeiam::fuzz {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Takes the first line off `text`, without its "\n" or "\r\n".
std::string_view TakeLine(std::string_view& text) {
  const std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Each target serves only its own dialect's requests: fakeiam's control API could add fault
// rules that sleep for minutes, and the other dialect has a target of its own.
void KeepInDialect(Cloud dialect, std::string& path) {
  if (dialect == Cloud::Huawei) {
    if (internal::DialectOf(path) != Cloud::Huawei)
      path.insert(0, path.empty() || path[0] != '/' ? "/v5/" : "/v5");
  } else if (internal::DialectOf(path) != Cloud::Aws || internal::IsControlPath(path)) {
    path = "/";
  }
}

Fixture ReadExampleFixture(Cloud dialect) {
  const std::string path =
      std::string(FAKEIAM_SOURCE_DIR) + (dialect == Cloud::Aws ? "/fixtures/aws/bob-two-keys.json"
                                                               : "/fixtures/huawei/two-users.json");
  std::ifstream in(path);
  const std::string text(std::istreambuf_iterator<char>(in), {});
  Result<Fixture> fixture = ParseFixture(text, path);
  if (!fixture.ok()) {
    std::fprintf(stderr, "%s\n", fixture.error().message.c_str());
    std::abort();
  }
  return std::move(*fixture);
}

// A store per input rather than one for the process: each input then runs alone, so a crash
// reproduces from its input, and the store stays small (about 20 µs to build and fill).
std::shared_ptr<Store> ExampleStore(Cloud dialect) {
  static const Fixture aws = ReadExampleFixture(Cloud::Aws);
  static const Fixture huawei = ReadExampleFixture(Cloud::Huawei);
  const Fixture& fixture = dialect == Cloud::Aws ? aws : huawei;
  StoreOptions options;
  options.profile = dialect;
  options.account_id = fixture.account_id.value_or("");
  auto store = std::make_shared<Store>(options);
  Require(store->Restore(fixture.state).ok(), "the example fixture loads");
  return store;
}

}  // namespace

HttpRequest ReadRequest(std::string_view text) {
  HttpRequest request;
  const std::string_view request_line = TakeLine(text);
  const std::size_t space = request_line.find(' ');
  request.method = std::string(request_line.substr(0, space));
  std::string_view target =
      space == std::string_view::npos ? std::string_view() : request_line.substr(space + 1);
  target = target.substr(0, target.find(' '));
  const std::size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  for (std::string_view line = TakeLine(text); !line.empty(); line = TakeLine(text)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !internal::IsToken(line.substr(0, colon))) continue;
    request.headers.Add(std::string(line.substr(0, colon)),
                        std::string(Trim(line.substr(colon + 1))));
  }
  request.body = std::string(text);
  return request;
}

void Require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "fuzz property does not hold: %s\n", property);
  std::abort();
}

void ServeInDialect(Cloud dialect, HttpRequest request) {
  KeepInDialect(dialect, request.path);
  const Handler handler(ExampleStore(dialect));
  const HttpResponse response = handler.Handle(request);
  Require(response.status >= 200 && response.status < 500,
          "a request, however malformed, is answered with a 2xx, 3xx or 4xx");
  if (dialect == Cloud::Aws) {
    Require(response.headers.Get("x-amzn-RequestId").has_value(), "AWS answers have a request id");
    pugi::xml_document document;
    Require(document.load_buffer(response.body.data(), response.body.size()),
            "AWS answers are XML");
  } else {
    Require(response.headers.Get("X-Request-Id").has_value(), "v5 answers have a request id");
    Require(response.body.empty() || nlohmann::json::accept(response.body),
            "v5 answers are JSON or empty");
  }
}

}  // namespace fakeiam::fuzz
