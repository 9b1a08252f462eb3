// HTTP as plain values: the seam between fakeiam's protocol handling and any transport. The
// embedded server, the gtest helpers and record/replay all speak these types.
#ifndef FAKEIAM_HTTP_HPP_
#define FAKEIAM_HTTP_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakeiam {

// Header fields in arrival order; names compare without regard to case.
class Headers {
 public:
  Headers() = default;
  Headers(std::initializer_list<std::pair<std::string, std::string>> fields);

  // The first field with this name.
  std::optional<std::string_view> Get(std::string_view name) const;
  // How many fields have this name.
  std::size_t Count(std::string_view name) const;
  void Add(std::string name, std::string value);
  // Replaces every field with this name by one.
  void Set(std::string name, std::string value);
  // Makes room for `fields` fields, so that adding them moves none of those already in.
  void Reserve(std::size_t fields) { fields_.reserve(fields); }

  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  auto begin() const { return fields_.begin(); }
  auto end() const { return fields_.end(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct HttpRequest {
  std::string method = "GET";
  std::string path = "/";  // as sent: still percent-encoded
  std::string query;       // as sent, without the '?'
  Headers headers;
  std::string body;
};

struct HttpResponse {
  int status = 200;
  Headers headers;
  std::string body;
  // The operation the request asked for ("ListAccessKeys", "ListAccessKeysV5", ...), or empty
  // when it named none. Not sent on the wire; for logs.
  std::string operation;
  // A fault rule asked for the connection to be closed instead of this response being sent.
  bool drop_connection = false;
  // False for an answer that is fakeiam's, not the service's: an upstream that did not answer, a
  // request a replayed cassette could not match. Recorders leave such answers out.
  bool recordable = true;
};

}  // namespace fakeiam

#endif  // FAKEIAM_HTTP_HPP_
