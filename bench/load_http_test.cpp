// The load driver's response parser: framing by Content-Length, chunks and connection end, and the
// answers it must refuse rather than misread (a misread frame would skew every later request).
#include "load_http.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fakeiam::load {
namespace {

using State = ParsedResponse::State;

ParsedResponse Parse(const std::string& bytes, bool eof = false) {
  static std::string chunked;
  return ParseResponse(bytes, eof, chunked);
}

TEST(LoadHttpTest, ContentLengthFramesTheBodyWhateverTheSplit) {
  const std::string response =
      "HTTP/1.1 200 OK\r\ncontent-LENGTH:  5 \r\nContent-Type: text/xml\r\n\r\nhello";
  for (std::size_t cut = 0; cut < response.size(); ++cut) {
    EXPECT_EQ(Parse(response.substr(0, cut)).state, State::kIncomplete) << cut;
  }
  const ParsedResponse parsed = Parse(response + "HTTP/1.1 404 Not Found\r\n");
  EXPECT_EQ(parsed.state, State::kComplete);
  EXPECT_EQ(parsed.status, 200);
  EXPECT_EQ(parsed.body, "hello");
  EXPECT_EQ(parsed.size, response.size());
  EXPECT_FALSE(parsed.close);
}

TEST(LoadHttpTest, ChunkedBodiesAreDecoded) {
  const std::string response =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n";
  EXPECT_EQ(Parse(response.substr(0, response.size() - 2)).state, State::kIncomplete);
  const ParsedResponse parsed = Parse(response);
  EXPECT_EQ(parsed.state, State::kComplete);
  EXPECT_EQ(parsed.body, "abc0123456789");
  EXPECT_EQ(parsed.size, response.size());
  EXPECT_EQ(Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").state,
            State::kMalformed);
}

TEST(LoadHttpTest, BodilessAndClosingAnswers) {
  const ParsedResponse no_content = Parse("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(no_content.state, State::kComplete);
  EXPECT_EQ(no_content.status, 204);
  EXPECT_TRUE(no_content.close);
  EXPECT_TRUE(Parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").close);
  // Without a length the body ends with the connection.
  const std::string unframed = "HTTP/1.1 200 OK\r\n\r\nto the end";
  EXPECT_EQ(Parse(unframed).state, State::kIncomplete);
  const ParsedResponse ended = Parse(unframed, /*eof=*/true);
  EXPECT_EQ(ended.state, State::kComplete);
  EXPECT_EQ(ended.body, "to the end");
  EXPECT_TRUE(ended.close);
}

TEST(LoadHttpTest, MalformedAnswersAreRefused) {
  for (const std::string bad :
       {"HTTP/2 200 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nNoColon\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"}) {
    EXPECT_EQ(Parse(bad).state, State::kMalformed) << bad;
  }
}

TEST(LoadHttpTest, TextHelpers) {
  const std::string xml =
      "<R><member><AccessKeyId>AKIA1</AccessKeyId></member><IsTruncated>true</IsTruncated>"
      "<Marker>ab+/=</Marker></R>";
  EXPECT_EQ(LastXmlElement(xml, "IsTruncated"), "true");
  EXPECT_EQ(LastXmlElement(xml, "Marker"), "ab+/=");
  EXPECT_EQ(LastXmlElement(xml, "UserId"), "");
  std::string form;
  AppendFormEncoded(form, "ab+/= x~");
  EXPECT_EQ(form, "ab%2B%2F%3D%20x~");
}

}  // namespace
}  // namespace fakeiam::load
