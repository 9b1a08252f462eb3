// The transport's request reader: framing (lengths, chunks, pipelining, reads split anywhere),
// keep-alive, "100 Continue", and refusals with the status to answer and what is known of the
// request for its dialect.
#include "server/request_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http/header_section.hpp"

namespace fakeiam::internal {
namespace {

constexpr char kForm[] = "Action=ListUsers&Version=2010-05-08";

std::string Post(const std::string& headers = "") {
  return "POST /?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
         "application/x-www-form-urlencoded\r\nContent-Length: " +
         std::to_string(sizeof kForm - 1) + "\r\n" + headers + "\r\n" + kForm;
}

// Feeds `bytes` in pieces of `piece` bytes, as reads of that size would, until a request is read
// or the reader fails; returns the bytes taken. (Short of either, the reader takes each piece
// whole.)
std::size_t FeedInPieces(RequestReader& reader, const std::string& bytes, std::size_t piece) {
  std::size_t at = 0;
  while (at < bytes.size() && !reader.complete() && !reader.failure()) {
    at += reader.Feed(std::string_view(bytes).substr(at, piece));
  }
  return at;
}

TEST(RequestReaderTest, ReadsARequestWholeWhateverTheReadsItArrivesIn) {
  const std::string bytes = Post("X-Empty:\r\nX-Trace: a b\r\n");
  for (const std::size_t piece : {bytes.size(), std::size_t{1}, std::size_t{7}}) {
    RequestReader reader(RequestLimits{});
    EXPECT_EQ(FeedInPieces(reader, bytes, piece), bytes.size()) << piece;
    ASSERT_TRUE(reader.complete()) << piece;
    bool keep_alive = false;
    const HttpRequest request = reader.TakeRequest(keep_alive);
    EXPECT_TRUE(keep_alive);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/");
    EXPECT_EQ(request.query, "x=1");
    EXPECT_EQ(request.body, kForm);
    const std::vector<std::pair<std::string, std::string>> fields = {
        {"Host", "127.0.0.1"},
        {"Content-Type", "application/x-www-form-urlencoded"},
        {"Content-Length", std::to_string(sizeof kForm - 1)},
        {"X-Empty", ""},
        {"X-Trace", "a b"}};
    EXPECT_EQ(request.headers.fields(), fields) << piece;
  }
}

TEST(RequestReaderTest, StopsAtTheEndOfEachPipelinedRequest) {
  const std::string first = Post();
  const std::string second = "GET /v5/users HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
  const std::string bytes = first + second;
  RequestReader reader(RequestLimits{});
  EXPECT_EQ(reader.Feed(bytes), first.size());
  bool keep_alive = false;
  EXPECT_EQ(reader.TakeRequest(keep_alive).method, "POST");
  EXPECT_TRUE(keep_alive);
  EXPECT_FALSE(reader.started());
  EXPECT_EQ(reader.Feed(std::string_view(bytes).substr(first.size())), second.size());
  const HttpRequest next = reader.TakeRequest(keep_alive);
  EXPECT_EQ(next.method, "GET");
  EXPECT_EQ(next.path, "/v5/users");
  EXPECT_FALSE(keep_alive);
}

TEST(RequestReaderTest, DecodesAChunkedBody) {
  RequestReader reader(RequestLimits{});
  const std::string bytes =
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nAction\r\n5\r\n=List\r\n0\r\n\r\n";
  EXPECT_EQ(reader.Feed(bytes), bytes.size());
  ASSERT_TRUE(reader.complete());
  bool keep_alive = false;
  EXPECT_EQ(reader.TakeRequest(keep_alive).body, "Action=List");
}

TEST(RequestReaderTest, KeepAliveFollowsTheVersionAndConnectionField) {
  const std::pair<std::string, bool> cases[] = {
      {"GET / HTTP/1.1\r\n\r\n", true},
      {"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", false},
      {"GET / HTTP/1.0\r\n\r\n", false},
      {"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true},
  };
  for (const auto& [bytes, expected] : cases) {
    RequestReader reader(RequestLimits{});
    reader.Feed(bytes);
    ASSERT_TRUE(reader.complete()) << bytes;
    bool keep_alive = !expected;
    reader.TakeRequest(keep_alive);
    EXPECT_EQ(keep_alive, expected) << bytes;
  }
}

TEST(RequestReaderTest, AwaitsContinueOnlyUntilTheAnnouncedBodyStarts) {
  RequestReader reader(RequestLimits{});
  const std::string head = "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
  reader.Feed(head);
  EXPECT_TRUE(reader.started());
  EXPECT_TRUE(reader.awaits_continue());
  reader.Feed("ab");
  EXPECT_FALSE(reader.awaits_continue());
  reader.Feed("cd");
  EXPECT_TRUE(reader.complete());

  RequestReader bodiless(RequestLimits{});
  bodiless.Feed("GET / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_FALSE(bodiless.awaits_continue());
}

// The status a refusal of `bytes` carries, or 0 if the reader does not refuse them.
int RefusalStatus(const std::string& bytes, RequestLimits limits = {}) {
  RequestReader reader(limits);
  FeedInPieces(reader, bytes, bytes.size());
  return reader.failure() ? reader.failure()->http_status : 0;
}

TEST(RequestReaderTest, RefusesALongTargetButKeepsItsStartForTheDialect) {
  RequestReader reader(RequestLimits{});
  reader.Feed("GET /v5/users/u/access-keys?pad=" + std::string(9000, 'p') + " HTTP/1.1\r\n\r\n");
  ASSERT_TRUE(reader.failure());
  EXPECT_EQ(reader.failure()->http_status, 414);
  EXPECT_EQ(reader.partial().path, "/v5/users/u/access-keys");
  EXPECT_EQ(reader.partial().method, "GET");
}

TEST(RequestReaderTest, RefusesABodyOverTheLimitBeforeItArrives) {
  RequestLimits limits;
  limits.max_body_bytes = 10;
  EXPECT_EQ(RefusalStatus("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", limits), 413);
  EXPECT_EQ(RefusalStatus("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789", limits), 0);
  EXPECT_EQ(RefusalStatus("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "6\r\nAction\r\n6\r\nAction\r\n0\r\n\r\n",
                          limits),
            413);
}

TEST(RequestReaderTest, RefusesAHeaderSectionOverItsLimits) {
  std::string many;
  for (std::size_t i = 0; i <= kMaxHeaderFields; ++i) many += "X-F" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(RefusalStatus("GET / HTTP/1.1\r\n" + many + "\r\n"), 431);
  EXPECT_EQ(
      RefusalStatus("GET / HTTP/1.1\r\nX-Pad: " + std::string(kMaxHeaderBytes, 'p') + "\r\n\r\n"),
      431);
}

// The status a refusal carries of `start` followed by up to `kibibytes` KiB of padding that never
// ends, fed a KiB a read; 0 if the reader has not refused it by then.
int RefusalStatusOfEndless(const std::string& start, int kibibytes) {
  RequestReader reader(RequestLimits{});
  reader.Feed(start);
  for (int i = 0; i < kibibytes && !reader.failure(); ++i) reader.Feed(std::string(1024, 'p'));
  return reader.failure() ? reader.failure()->http_status : 0;
}

// A client that never ends its request line or header section is refused once the head passes
// 80 KiB, rather than read for ever.
TEST(RequestReaderTest, RefusesAnEndlessTargetOrSectionBeforeItEnds) {
  EXPECT_EQ(RefusalStatusOfEndless("GET /?pad=", 81), 414);
  EXPECT_EQ(RefusalStatusOfEndless("GET / HTTP/1.1\r\nX-Pad: ", 81), 431);
}

// A section that passes the field limit but breaks the syntax before it ends is refused for the
// syntax wherever the reads split: the limits are checked where the head ends, not where llhttp
// hands on a piece of a name it has not finished checking. (Found by http_request_fuzzer.)
TEST(RequestReaderTest, RefusesTheSameWhereverTheReadsSplit) {
  std::string fields;
  for (std::size_t i = 0; i < kMaxHeaderFields; ++i)
    fields += "X-F" + std::to_string(i) + ": v\r\n";
  const std::string bytes = "GET / HTTP/1.1\r\n" + fields + "X-Bad\x01Name: v\r\n\r\n";
  for (const std::size_t piece : {bytes.size(), std::size_t{1}, std::size_t{3}}) {
    RequestReader reader(RequestLimits{});
    FeedInPieces(reader, bytes, piece);
    ASSERT_TRUE(reader.failure()) << piece;
    EXPECT_EQ(reader.failure()->http_status, 400) << piece;
  }
}

TEST(RequestReaderTest, RefusesAFoldedFieldValueWhereverTheReadsSplit) {
  const std::string bytes = "GET / HTTP/1.1\r\nX-A: b\r\n c\r\n\r\n";
  for (const std::size_t piece : {bytes.size(), std::size_t{1}, std::size_t{24}}) {
    RequestReader reader(RequestLimits{});
    FeedInPieces(reader, bytes, piece);
    ASSERT_TRUE(reader.failure()) << piece;
    EXPECT_EQ(reader.failure()->http_status, 400);
  }
}

TEST(RequestReaderTest, RefusesWhatIsNotHttp11) {
  EXPECT_EQ(RefusalStatus("GET / HTTP/2.0\r\n\r\n"), 400);
  EXPECT_EQ(RefusalStatus("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: "
                          "chunked\r\n\r\n0\r\n\r\n"),
            400);
  EXPECT_EQ(RefusalStatus("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), 400);
  EXPECT_EQ(RefusalStatus(std::string("\x16\x03\x01\x02\x00", 5)), 400);
}

TEST(RequestReaderTest, AnUnknownMethodStillNamesItsPath) {
  RequestReader reader(RequestLimits{});
  reader.Feed("get /v5/users/u/access-keys?limit=1 HTTP/1.1\r\n\r\n");
  ASSERT_TRUE(reader.failure());
  EXPECT_EQ(reader.failure()->http_status, 400);
  EXPECT_EQ(reader.partial().method, "get");
  EXPECT_EQ(reader.partial().path, "/v5/users/u/access-keys");
  EXPECT_EQ(reader.partial().query, "limit=1");
}

}  // namespace
}  // namespace fakeiam::internal
