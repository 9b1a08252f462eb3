// Cassettes: recorded HTTP exchanges in a JSON file a person can read and diff, for replaying
// expected responses to a client under test and for comparing a live fake with a recording.
//
//   {
//     "format": "fakeiam cassette",
//     "version": 1,
//     "interactions": [
//       {
//         "id": 1,
//         "operation": "CreateAccessKey",
//         "request": {"method": "POST", "path": "/", "headers": {...},
//                     "form": {"Action": "CreateAccessKey", "UserName": "Bob", ...}},
//         "response": {"status": 200, "headers": {...}, "body_lines": ["<CreateAccessKey...", ...]}
//       }
//     ]
//   }
//
// A request body is `form` (decoded form fields), `json` (a JSON value), `body` (text) or
// `body_base64` (bytes that are not UTF-8); a response body is `json`, `body_lines` (text of
// several lines), `body` or `body_base64`. docs/cassettes.md describes every field.
#ifndef FAKEIAM_CASSETTE_HPP_
#define FAKEIAM_CASSETTE_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "fakeiam/http.hpp"
#include "fakeiam/result.hpp"

namespace fakeiam {

// One recorded exchange. The request and response are as they went over the wire, less the
// headers that only concern one connection (Host, Content-Length, Connection, Date, ...).
struct Interaction {
  int id = 0;             // 1, 2, ...: its place in the cassette, named in messages
  std::string operation;  // "CreateAccessKey", "ListAccessKeysV5", ...; for people reading
  HttpRequest request;
  HttpResponse response;
};

struct Cassette {
  static constexpr int kFormatVersion = 1;

  std::vector<Interaction> interactions;
};

// Errors (InvalidInput) name the file and either the line and column of a syntax error or the
// JSON pointer of a bad value: "rotation.json: line 12, column 5: ..." or
// "rotation.json: /interactions/3/response/status: expected an integer".
Result<Cassette> LoadCassette(const std::string& path);
Result<Cassette> ParseCassette(std::string_view text, std::string_view source);

// The JSON text of `cassette`: stable (the same cassette gives the same bytes) and indented, one
// line per field, so that recordings diff well.
std::string FormatCassette(const Cassette& cassette);

// Writes the cassette atomically: `path` holds its old contents or its new ones, never a part.
Result<void> SaveCassette(const Cassette& cassette, const std::string& path);

}  // namespace fakeiam

#endif  // FAKEIAM_CASSETTE_HPP_
