// The wire form of a response's head: status line, the service's fields, and the framing the
// transport owns.
#include "server/response_writer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace fakeiam::internal {
namespace {

std::string Head(const HttpResponse& response, bool keep_alive = true) {
  std::string out;
  AppendResponseHead(response, keep_alive, out);
  return out;
}

TEST(ResponseWriterTest, WritesTheStatusFieldsAndLength) {
  HttpResponse response;
  response.status = 404;
  response.headers.Add("Content-Type", "text/xml");
  response.headers.Add("x-amzn-RequestId", "r-1");
  response.body = "<x/>";
  EXPECT_EQ(Head(response),
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/xml\r\nx-amzn-RequestId: r-1\r\n"
            "Content-Length: 4\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_NE(Head(response, false).find("Connection: close\r\n"), std::string::npos);
}

// The phrases of statuses fault rules and the transport's refusals answer with, as RFC 9110
// section 15 and RFC 6585 name them.
TEST(ResponseWriterTest, GivesEachStatusItsRfcPhrase) {
  const std::pair<int, std::string> cases[] = {{200, "OK"},
                                               {413, "Content Too Large"},
                                               {429, "Too Many Requests"},
                                               {431, "Request Header Fields Too Large"},
                                               {503, "Service Unavailable"}};
  for (const auto& [status, phrase] : cases) {
    HttpResponse response;
    response.status = status;
    const std::string line = "HTTP/1.1 " + std::to_string(status) + " " + phrase + "\r\n";
    EXPECT_EQ(Head(response).substr(0, line.size()), line);
  }
}

TEST(ResponseWriterTest, AStatusWithoutAPhraseGetsAnEmptyOne) {
  HttpResponse response;
  response.status = 499;
  EXPECT_EQ(Head(response).substr(0, 15), "HTTP/1.1 499 \r\n");
}

TEST(ResponseWriterTest, TypesAnUntypedBodyAsText) {
  HttpResponse response;
  response.body = "ok";
  EXPECT_NE(Head(response).find("Content-Type: text/plain\r\n"), std::string::npos);
}

TEST(ResponseWriterTest, ANoContentAnswerHasNoLength) {
  HttpResponse response;
  response.status = 204;
  EXPECT_EQ(Head(response), "HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n");
}

TEST(ResponseWriterTest, LeavesOutFieldsThatWouldBreakTheFraming) {
  HttpResponse response;
  response.headers.Add("Content-Length", "999");
  response.headers.Add("transfer-encoding", "chunked");
  response.headers.Add("Connection", "close");
  response.headers.Add("X-Injected", "a\r\nSet-Cookie: b");
  response.headers.Add("Bad Name", "v");
  response.headers.Add("X-Kept", "v");
  response.body = "{}";
  EXPECT_EQ(Head(response),
            "HTTP/1.1 200 OK\r\nX-Kept: v\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
            "Connection: keep-alive\r\n\r\n");
}

TEST(ResponseWriterTest, LeavesOutFieldsWhoseValueHoldsACrAnLfOrANul) {
  HttpResponse response;
  response.headers.Add("X-Cr", "a\rb");
  response.headers.Add("X-Lf", "a\nb");
  response.headers.Add("X-Nul", std::string("a\0b", 3));
  response.headers.Add("X-Tab", "a\tb");
  EXPECT_EQ(
      Head(response),
      "HTTP/1.1 200 OK\r\nX-Tab: a\tb\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n");
}

}  // namespace
}  // namespace fakeiam::internal
