// The v5 dialect's JSON writer: what it writes is, byte for byte, what nlohmann's dump() writes for
// the same document (the layout recorded cassettes hold), and gives every string back as given, or
// with malformed UTF-8 replaced where nlohmann would refuse to write it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json_writer.hpp"

namespace fakeiam::internal {
namespace {

using Json = nlohmann::ordered_json;

const std::vector<std::string> kStrings = {
    "",
    "AKIAIOSFODNN7EXAMPLE",
    "quote \" backslash \\ slash /",
    "tab\tline\ncarriage\rback\bfeed\f",
    std::string("nul\0byte\x01\x1f\x7f", 12),
    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x91",
};

TEST(JsonWriterTest, WritesWhatNlohmannDumpsForTheSameDocument) {
  Json expected = Json::object();
  JsonWriter json;
  json.BeginObject();
  json.Key("strings");
  json.BeginArray();
  Json strings = Json::array();
  for (const std::string& text : kStrings) {
    json.String(text);
    strings.push_back(text);
  }
  json.EndArray();
  expected["strings"] = strings;
  json.Key("empty_object");
  json.BeginObject();
  json.EndObject();
  expected["empty_object"] = Json::object();
  json.Key("empty_array");
  json.BeginArray();
  json.EndArray();
  expected["empty_array"] = Json::array();
  json.Key("nested");
  json.BeginObject();
  json.Key("count");
  json.Number(18446744073709551615u);
  json.Key("zero");
  json.Number(0);
  json.Key("objects");
  json.BeginArray();
  for (int i = 0; i < 3; ++i) {
    json.BeginObject();
    json.Key("at");
    json.Time(Timestamp(std::chrono::milliseconds(1741545563411 + i)));
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  expected["nested"] = Json{{"count", 18446744073709551615u},
                            {"zero", 0},
                            {"objects",
                             {{{"at", "2025-03-09T18:39:23.411Z"}},
                              {{"at", "2025-03-09T18:39:23.412Z"}},
                              {{"at", "2025-03-09T18:39:23.413Z"}}}}};
  json.Key("key \"quoted\"\n");
  json.String("value");
  expected["key \"quoted\"\n"] = "value";
  json.EndObject();

  const std::string written = json.Take();
  EXPECT_EQ(written, expected.dump());
  EXPECT_EQ(Json::parse(written)["strings"].get<std::vector<std::string>>(), kStrings);
}

TEST(JsonWriterTest, MalformedUtf8BecomesTheReplacementCharacter) {
  JsonWriter json;
  json.String("bad \xff utf-8");
  const std::string written = json.Take();
  EXPECT_EQ(written, "\"bad \xef\xbf\xbd utf-8\"");
  EXPECT_EQ(Json::parse(written), "bad \xef\xbf\xbd utf-8");
  EXPECT_THROW(Json("bad \xff utf-8").dump(), nlohmann::json::type_error);
}

}  // namespace
}  // namespace fakeiam::internal
