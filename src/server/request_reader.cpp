#include "server/request_reader.hpp"

#include <climits>
#include <utility>

#include "core/ascii.hpp"
#include "http/header_section.hpp"

namespace fakeiam::internal {
namespace {

Error BodyTooLarge() {
  return Error::Make(ErrorCode::RequestEntityTooLarge,
                     "The request is larger than the server accepts.");
}

constexpr std::size_t kTypicalHeaderFields = 16;

RequestReader& ReaderOf(http_parser* parser) { return *static_cast<RequestReader*>(parser->data); }

}  // namespace

Error TransportRefusal(int status, std::string message) {
  Error error = Error::Make(ErrorCode::InvalidInput, std::move(message));
  error.http_status = status;
  return error;
}

RequestReader::RequestReader(RequestLimits limits) : limits_(limits) {
  http_parser_init(&parser_, HTTP_REQUEST);
  parser_.data = this;
}

std::size_t RequestReader::Feed(std::string_view bytes) {
  static const http_parser_settings kSettings = [] {
    http_parser_settings settings;
    http_parser_settings_init(&settings);
    settings.on_message_begin = &RequestReader::OnMessageBegin;
    settings.on_url = &RequestReader::OnUrl;
    settings.on_header_field = &RequestReader::OnHeaderField;
    settings.on_header_value = &RequestReader::OnHeaderValue;
    settings.on_headers_complete = &RequestReader::OnHeadersComplete;
    settings.on_body = &RequestReader::OnBody;
    settings.on_message_complete = &RequestReader::OnMessageComplete;
    return settings;
  }();
  if (complete_ || failure_ || bytes.empty()) return 0;
  feed_begin_ = bytes.data();
  const std::size_t taken = http_parser_execute(&parser_, &kSettings, bytes.data(), bytes.size());
  if (taken > 0) byte_before_feed_ = bytes[taken - 1];
  const http_errno problem = HTTP_PARSER_ERRNO(&parser_);
  if (problem == HPE_PAUSED) {
    http_parser_pause(&parser_, 0);
  } else if (problem == HPE_HEADER_OVERFLOW) {
    failure_ = HeaderSectionTooLarge(header_fields_, header_bytes_);
  } else if (problem != HPE_OK) {
    failure_ = TransportRefusal(400, std::string("The request is not well-formed HTTP/1.1: ") +
                                         http_errno_description(problem) + ".");
  }
  if (failure_ && target_.empty()) {
    TargetFromRequestLine(bytes);
  } else if (failure_) {
    SplitTarget(http_method_str(static_cast<http_method>(parser_.method)));
  }
  return taken;
}

void RequestReader::SplitTarget(std::string method) {
  request_.method = std::move(method);
  const std::size_t question = target_.find('?');
  request_.path = target_.substr(0, question);
  request_.query = question == std::string::npos ? std::string() : target_.substr(question + 1);
}

// A request line the parser refused before its target (a method it does not know) still names
// the path, which tells the dialect to refuse it in.
void RequestReader::TargetFromRequestLine(std::string_view bytes) {
  const std::string_view line = bytes.substr(0, bytes.find_first_of("\r\n"));
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return;
  const std::string_view target = line.substr(space + 1);
  target_ = target.substr(0, std::min(target.find(' '), limits_.max_target_bytes));
  SplitTarget(std::string(line.substr(0, space)));
}

HttpRequest RequestReader::TakeRequest(bool& keep_alive) {
  keep_alive = keep_alive_;
  HttpRequest request = std::move(request_);
  Reset();
  return request;
}

void RequestReader::Reset() {
  request_ = HttpRequest();
  target_.clear();
  target_too_long_ = false;
  field_name_.clear();
  field_value_.clear();
  in_value_ = false;
  header_fields_ = header_bytes_ = 0;
  started_ = complete_ = keep_alive_ = awaits_continue_ = false;
}

void RequestReader::Fail(Error error) {
  failure_ = std::move(error);
  http_parser_pause(&parser_, 1);
}

int RequestReader::OnMessageBegin(http_parser* parser) {
  RequestReader& reader = ReaderOf(parser);
  reader.started_ = true;
  // Clients send 5 to 10 fields; the vector would otherwise grow (and move them) 4 times.
  reader.request_.headers.Reserve(kTypicalHeaderFields);
  return 0;
}

int RequestReader::OnUrl(http_parser* parser, const char* at, std::size_t size) {
  RequestReader& reader = ReaderOf(parser);
  // Keep what fits, so that the refusal still knows the path's dialect.
  const std::size_t room = reader.limits_.max_target_bytes - reader.target_.size();
  reader.target_.append(at, std::min(size, room));
  reader.target_too_long_ = reader.target_too_long_ || size > room;
  return 0;
}

void RequestReader::FinishField() {
  if (!in_value_) return;
  in_value_ = false;
  ++header_fields_;
  header_bytes_ += FieldBytes(field_name_, field_value_);
  request_.headers.Add(std::move(field_name_), std::move(field_value_));
  field_name_.clear();
  field_value_.clear();
}

int RequestReader::OnHeaderField(http_parser* parser, const char* at, std::size_t size) {
  RequestReader& reader = ReaderOf(parser);
  reader.FinishField();
  reader.field_name_.append(at, size);
  return 0;
}

int RequestReader::OnHeaderValue(http_parser* parser, const char* at, std::size_t size) {
  RequestReader& reader = ReaderOf(parser);
  // The parser hands a value on in several pieces when it arrives in several reads, and when it
  // continues on the next line (obs-fold, RFC 9112 section 5.2), which a server must refuse.
  const char before = at == reader.feed_begin_ ? reader.byte_before_feed_ : at[-1];
  if (reader.in_value_ && before == '\n') {
    reader.Fail(
        TransportRefusal(400,
                         "The request's header section is malformed: a field value is folded "
                         "onto the next line."));
    return 0;
  }
  reader.in_value_ = true;
  reader.field_value_.append(at, size);
  return 0;
}

int RequestReader::OnHeadersComplete(http_parser* parser) {
  RequestReader& reader = ReaderOf(parser);
  reader.SplitTarget(http_method_str(static_cast<http_method>(parser->method)));
  reader.FinishField();
  // The request line's and header section's limits are checked here, where the section ends,
  // rather than where a callback happens to bring a piece: the parser brings pieces wherever
  // the reads split, and a refusal must not depend on that. What is read meanwhile is bounded by
  // the parser's own cap on a header section (HTTP_MAX_HEADER_SIZE, 80 KiB: 431 too).
  if (reader.target_too_long_) {
    reader.Fail(TransportRefusal(414, "The request target is longer than " +
                                          std::to_string(reader.limits_.max_target_bytes) +
                                          " bytes."));
    return 0;
  }
  if (reader.header_fields_ > kMaxHeaderFields || reader.header_bytes_ > kMaxHeaderBytes) {
    reader.Fail(HeaderSectionTooLarge(reader.header_fields_, reader.header_bytes_));
    return 0;
  }
  if (parser->http_major != 1) {
    reader.Fail(TransportRefusal(400, "The server speaks HTTP/1.1 and HTTP/1.0 only."));
    return 0;
  }
  // Content-Length is ULLONG_MAX when the request has none.
  const bool chunked = (parser->flags & F_CHUNKED) != 0;
  const bool has_length = !chunked && parser->content_length != ULLONG_MAX;
  if (has_length && parser->content_length > reader.limits_.max_body_bytes) {
    reader.Fail(BodyTooLarge());
    return 0;
  }
  const std::optional<std::string_view> expect = reader.request_.headers.Get("Expect");
  reader.awaits_continue_ = expect && EqualsIgnoringCase(*expect, "100-continue") &&
                            (chunked || (has_length && parser->content_length > 0));
  if (has_length) reader.request_.body.reserve(parser->content_length);
  return 0;
}

int RequestReader::OnBody(http_parser* parser, const char* at, std::size_t size) {
  RequestReader& reader = ReaderOf(parser);
  reader.awaits_continue_ = false;
  if (reader.request_.body.size() + size > reader.limits_.max_body_bytes) {
    reader.Fail(BodyTooLarge());
    return 0;
  }
  reader.request_.body.append(at, size);
  return 0;
}

int RequestReader::OnMessageComplete(http_parser* parser) {
  RequestReader& reader = ReaderOf(parser);
  reader.complete_ = true;
  reader.awaits_continue_ = false;
  // After an upgrade request (CONNECT, "Connection: upgrade") the stream is not HTTP any more.
  reader.keep_alive_ = http_should_keep_alive(parser) != 0 && !parser->upgrade;
  // Stop here: the bytes after this request are the next one's, read once this one is served.
  http_parser_pause(parser, 1);
  return 0;
}

}  // namespace fakeiam::internal
