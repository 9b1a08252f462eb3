// Reads HTTP/1.1 requests off a connection's bytes into HttpRequest values, with Node.js's
// llhttp (from Debian's node-llhttp) doing the framing: request line, header fields,
// Content-Length and chunked bodies, keep-alive and pipelining.
#ifndef FAKEIAM_SRC_SERVER_REQUEST_READER_HPP_
#define FAKEIAM_SRC_SERVER_REQUEST_READER_HPP_

#include <llhttp.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "fakeiam/error.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam::internal {

struct RequestLimits {
  std::size_t max_target_bytes = 8 * 1024;   // 414 past it
  std::size_t max_body_bytes = 1024 * 1024;  // 413 past it
  // The header section's limits (431) are HeaderSectionProblem's.
};

// A request the transport refuses with `status` (an InvalidInput error carrying that status).
Error TransportRefusal(int status, std::string message);

class RequestReader {
 public:
  explicit RequestReader(RequestLimits limits);
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  // Reads `bytes` up to the end of the next request and returns how many it took. Afterwards
  // the reader has a request (complete()), has failed (failure()), or needs more bytes; the
  // bytes not taken belong to the next request.
  std::size_t Feed(std::string_view bytes);

  bool complete() const { return complete_; }
  // The request read, and whether the connection may carry another after it; the reader then
  // starts on the next request.
  HttpRequest TakeRequest(bool& keep_alive);

  // Why the bytes are not a request this server serves, with the HTTP status to answer; the
  // connection must then be closed, since where the next request starts is unknown.
  const std::optional<Error>& failure() const { return failure_; }
  // What was read of the request so far (its method, target and header fields), so that a
  // failure can be answered in the dialect the request speaks.
  const HttpRequest& partial() const { return request_; }

  // Whether part of a request has arrived: a connection waiting for the rest is not idle.
  bool started() const { return started_; }
  // Whether the client asked for "100 Continue" before it sends the body it announced.
  bool awaits_continue() const { return awaits_continue_; }
  // Takes note that "100 Continue" was sent.
  void ContinueSent() { awaits_continue_ = false; }

 private:
  static const llhttp_settings_t& Settings();
  static int OnMessageBegin(llhttp_t* parser);
  static int OnUrl(llhttp_t* parser, const char* at, std::size_t size);
  static int OnHeaderField(llhttp_t* parser, const char* at, std::size_t size);
  static int OnHeaderValue(llhttp_t* parser, const char* at, std::size_t size);
  static int OnHeadersComplete(llhttp_t* parser);
  static int OnBody(llhttp_t* parser, const char* at, std::size_t size);
  static int OnMessageComplete(llhttp_t* parser);

  // Takes `error` as the reader's failure; returns what a callback returns to stop the parser.
  int Fail(Error error);
  // Runs llhttp over `bytes`; returns how many it took.
  std::size_t Execute(std::string_view bytes);
  Error TargetTooLong() const;
  // Adds the field just read to the request.
  void FinishField();
  // Sets the partial request's method, and its path and query from the target read.
  void SplitTarget(std::string method);
  void TargetFromRequestLine(std::string_view bytes);
  void Reset();

  const RequestLimits limits_;
  llhttp_t parser_{};
  HttpRequest request_;
  std::string target_;
  bool target_too_long_ = false;
  // Whether the request's head has ended, and how much of it was taken before it did.
  bool head_ended_ = false;
  std::size_t head_bytes_ = 0;
  std::string field_name_, field_value_;
  bool in_value_ = false;
  std::size_t header_fields_ = 0, header_bytes_ = 0;
  bool started_ = false, complete_ = false, keep_alive_ = false, awaits_continue_ = false;
  std::optional<Error> failure_;
  // Where the bytes being fed start, and the byte before them, to tell a folded line.
  const char* feed_begin_ = nullptr;
  char byte_before_feed_ = '\0';
};

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_SERVER_REQUEST_READER_HPP_
