// The cassette file: readable, stable, lossless, and clear about what is wrong with a bad one.
#include "fakeiam/cassette.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "exchanges.hpp"
#include "fakeiam/recorder.hpp"

namespace fakeiam {
namespace {

using record_test::AwsQuery;
using record_test::SeededFake;
using record_test::V5;
using ::testing::HasSubstr;
using ::testing::Not;

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/" + name + "_" +
         ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json";
}

// A cassette of a short AWS and Huawei session against a seeded fake.
Cassette RecordSession(std::uint64_t seed = 7) {
  SeededFake aws(Cloud::Aws, seed);
  SeededFake huawei(Cloud::Huawei, seed);
  Cassette cassette;
  const auto add = [&cassette](const HttpRequest& request, const HttpResponse& response) {
    Interaction interaction;
    interaction.id = static_cast<int>(cassette.interactions.size()) + 1;
    interaction.operation = response.operation;
    interaction.request = request;
    interaction.response = response;
    cassette.interactions.push_back(interaction);
  };
  for (const HttpRequest& request : {AwsQuery("Action=CreateAccessKey&UserName=Bob"),
                                     AwsQuery("Action=ListAccessKeys&UserName=Bob"),
                                     AwsQuery("Action=GetUser&UserName=Nobody%20Here")}) {
    add(request, aws.handler->Handle(request));
  }
  const HttpRequest create = V5("POST", huawei.KeysPath());
  const HttpResponse created = huawei.handler->Handle(create);
  add(create, created);
  const std::string key = huawei.store->FindAccessKeys("Bob")->front().id;
  for (const HttpRequest& request :
       {V5("PUT", huawei.KeysPath() + "/" + key, R"({"status":"inactive"})"),
        V5("GET", huawei.KeysPath(), "") /* with a query below */,
        V5("DELETE", huawei.KeysPath() + "/" + key)}) {
    HttpRequest sent = request;
    if (sent.method == "GET") sent.query = "limit=1";
    add(sent, huawei.handler->Handle(sent));
  }
  return cassette;
}

TEST(CassetteTest, ReadsAsAPersonWouldWriteIt) {
  const std::string text = FormatCassette(RecordSession());
  EXPECT_THAT(text, HasSubstr("\"format\": \"fakeiam cassette\",\n  \"version\": 1,"));
  EXPECT_THAT(text, HasSubstr("\"operation\": \"CreateAccessKey\""));
  // Form fields decoded, one per line.
  EXPECT_THAT(text, HasSubstr("\"form\": {\n          \"Action\": \"CreateAccessKey\",\n"));
  EXPECT_THAT(text, HasSubstr("\"UserName\": \"Nobody Here\""));
  // XML line by line; JSON as JSON.
  EXPECT_THAT(text, HasSubstr("\"body_lines\": [\n          \"<CreateAccessKeyResponse xmlns="));
  EXPECT_THAT(text, HasSubstr("\"json\": {\n          \"status\": \"inactive\"\n"));
  EXPECT_THAT(text, HasSubstr("\"query\": \"limit=1\""));
}

TEST(CassetteTest, ParsingWhatWasFormattedGivesTheSameExchanges) {
  const Cassette recorded = RecordSession();
  const Result<Cassette> parsed = ParseCassette(FormatCassette(recorded), "session.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->interactions.size(), recorded.interactions.size());
  for (std::size_t i = 0; i < recorded.interactions.size(); ++i) {
    const Interaction& a = recorded.interactions[i];
    const Interaction& b = parsed->interactions[i];
    SCOPED_TRACE(a.operation);
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.operation, a.operation);
    EXPECT_EQ(b.request.method, a.request.method);
    EXPECT_EQ(b.request.path, a.request.path);
    EXPECT_EQ(b.request.query, a.request.query);
    EXPECT_EQ(b.request.headers.fields(), a.request.headers.fields());
    EXPECT_EQ(b.response.status, a.response.status);
    EXPECT_EQ(b.response.headers.fields(), a.response.headers.fields());
    // Responses come back byte for byte: fakeiam's XML by its lines, its JSON compact.
    EXPECT_EQ(b.response.body, a.response.body);
  }
  // Form bodies are re-encoded, so compare what they say.
  EXPECT_EQ(parsed->interactions[2].request.body,
            "Action=GetUser&UserName=Nobody%20Here&Version=2010-05-08");
  EXPECT_EQ(parsed->interactions[3].request.body, "");
  EXPECT_EQ(parsed->interactions[4].request.body, R"({"status":"inactive"})");
  // And the format is a fixed point.
  EXPECT_EQ(FormatCassette(*parsed), FormatCassette(recorded));
}

TEST(CassetteTest, TheSameSeedGivesTheSameBytes) {
  EXPECT_EQ(FormatCassette(RecordSession(7)), FormatCassette(RecordSession(7)));
  EXPECT_NE(FormatCassette(RecordSession(7)), FormatCassette(RecordSession(8)));
}

TEST(CassetteTest, KeepsBytesThatAreNotTextAndHeadersThatRepeat) {
  Cassette cassette;
  Interaction interaction;
  interaction.id = 1;
  interaction.request.method = "POST";
  interaction.request.headers.Add("Content-Type", "application/octet-stream");
  interaction.request.body = std::string("\xff\xfe\x00\x01", 4);
  interaction.response.headers.Add("Set-Cookie", "a=1");
  interaction.response.headers.Add("Set-Cookie", "b=2");
  interaction.response.body = "plain text";
  cassette.interactions.push_back(interaction);
  const std::string text = FormatCassette(cassette);
  EXPECT_THAT(text, HasSubstr("\"body_base64\": \"//4AAQ==\""));
  EXPECT_THAT(text, HasSubstr("\"Set-Cookie\": [\n"));
  const Result<Cassette> parsed = ParseCassette(text, "bytes.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->interactions[0].request.body, interaction.request.body);
  EXPECT_EQ(parsed->interactions[0].response.headers.Count("Set-Cookie"), 2u);
  EXPECT_EQ(parsed->interactions[0].response.body, "plain text");
}

TEST(CassetteTest, AnEmptyCassetteIsACassette) {
  const Result<Cassette> parsed = ParseCassette(FormatCassette(Cassette{}), "empty.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_TRUE(parsed->interactions.empty());
}

TEST(CassetteTest, SaveAndLoadGoThroughAFile) {
  const std::string path = TempPath("cassette");
  const Cassette recorded = RecordSession();
  ASSERT_TRUE(SaveCassette(recorded, path).ok());
  const Result<Cassette> loaded = LoadCassette(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(FormatCassette(*loaded), FormatCassette(recorded));
  std::remove(path.c_str());
}

struct BadCassette {
  const char* name;
  std::string text;
  const char* message;  // after "bad.json: "
};

class BadCassetteTest : public ::testing::TestWithParam<BadCassette> {};

TEST_P(BadCassetteTest, IsAClearErrorNamingFileAndPosition) {
  const Result<Cassette> parsed = ParseCassette(GetParam().text, "bad.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::InvalidInput);
  EXPECT_EQ(parsed.error().message, std::string("bad.json: ") + GetParam().message);
}

const std::string kHead = R"({"format": "fakeiam cassette", "version": 1, "interactions": [)";
const std::string kRequest = R"("request": {"method": "GET", "path": "/"})";

INSTANTIATE_TEST_SUITE_P(
    Cases, BadCassetteTest,
    ::testing::Values(
        BadCassette{"Truncated",
                    "{\n  \"format\": \"fakeiam cassette\",\n  \"version\": 1,\n  \"interac",
                    "line 4, column 11: syntax error while parsing object key - invalid string: "
                    "missing closing quote; last read: '\"interac'; expected string literal"},
        BadCassette{"Empty", "",
                    "line 1, column 1: syntax error while parsing value - "
                    "unexpected end of input; expected '[', '{', or a literal"},
        BadCassette{"NotACassette", R"({"users": []})",
                    "/format: not a fakeiam cassette: expected \"format\": \"fakeiam cassette\""},
        BadCassette{"NewerVersion",
                    R"({"format": "fakeiam cassette", "version": 2, "interactions": []})",
                    "/version: version 2 is newer than this fakeiam reads (1); upgrade fakeiam"},
        BadCassette{"NoInteractions", R"({"format": "fakeiam cassette", "version": 1})",
                    "/: missing required field \"interactions\""},
        BadCassette{"NoStatus", kHead + "{" + kRequest + R"(, "response": {}}]})",
                    "/interactions/0/response: missing required field \"status\""},
        BadCassette{"StatusOutOfRange",
                    kHead + "{" + kRequest + R"(, "response": {"status": 999}}]})",
                    "/interactions/0/response/status: expected a whole number from 100 to 599, "
                    "got 999"},
        BadCassette{
            "LowerCaseMethod",
            kHead + R"({"request": {"method": "get", "path": "/"}, "response": {"status": 200}}]})",
            "/interactions/0/request/method: expected an HTTP method in capitals, like "
            "\"POST\""},
        BadCassette{
            "TwoBodies",
            kHead +
                R"({"request": {"method": "GET", "path": "/", "json": 1, "body": "x"}, "response": {"status": 200}}]})",
            "/interactions/0/request/body: a message has one body, and this one also has "
            "\"json\""},
        BadCassette{"UnknownField",
                    kHead + "{" + kRequest + R"(, "response": {"status": 200, "bdy": "x"}}]})",
                    "/interactions/0/response/bdy: unknown field"},
        BadCassette{"DuplicateId",
                    kHead + "{\"id\": 1, " + kRequest +
                        R"(, "response": {"status": 200}}, {"id": 1, )" + kRequest +
                        R"(, "response": {"status": 200}}]})",
                    "/interactions/1/id: id 1 is taken"},
        BadCassette{
            "BadBase64",
            kHead + "{" + kRequest + R"(, "response": {"status": 200, "body_base64": "%%"}}]})",
            "/interactions/0/response/body_base64: expected base64 text"},
        BadCassette{
            "BadHeader",
            kHead +
                R"({"request": {"method": "GET", "path": "/", "headers": {"A": 1}}, "response": {"status": 200}}]})",
            "/interactions/0/request/headers/A: expected a string, or an array of strings "
            "for a header that repeats, got 1"}),
    [](const ::testing::TestParamInfo<BadCassette>& info) { return info.param.name; });

TEST(CassetteTest, AMissingFileIsNamed) {
  const Result<Cassette> loaded = LoadCassette("/nonexistent/rotation.json");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error().message, HasSubstr("/nonexistent/rotation.json"));
}

}  // namespace
}  // namespace fakeiam
