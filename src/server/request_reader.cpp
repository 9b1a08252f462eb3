#include "server/request_reader.hpp"

#include <algorithm>
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

// How much of a request's head (request line and header section) the reader takes before
// refusing it, since llhttp has no cap of its own. Counted byte by byte as the head is offered,
// so that the refusal does not depend on how the reads split; above the target's and section's
// own limits, which are checked where the head ends.
constexpr std::size_t kMaxHeadBytes = 80 * 1024;

RequestReader& ReaderOf(llhttp_t* parser) { return *static_cast<RequestReader*>(parser->data); }

}  // namespace

Error TransportRefusal(int status, std::string message) {
  Error error = Error::Make(ErrorCode::InvalidInput, std::move(message));
  error.http_status = status;
  return error;
}

RequestReader::RequestReader(RequestLimits limits) : limits_(limits) {
  llhttp_init(&parser_, HTTP_REQUEST, &Settings());
  parser_.data = this;
}

const llhttp_settings_t& RequestReader::Settings() {
  static const llhttp_settings_t kSettings = [] {
    llhttp_settings_t settings;
    llhttp_settings_init(&settings);
    settings.on_message_begin = &RequestReader::OnMessageBegin;
    settings.on_url = &RequestReader::OnUrl;
    settings.on_header_field = &RequestReader::OnHeaderField;
    settings.on_header_value = &RequestReader::OnHeaderValue;
    settings.on_headers_complete = &RequestReader::OnHeadersComplete;
    settings.on_body = &RequestReader::OnBody;
    settings.on_message_complete = &RequestReader::OnMessageComplete;
    return settings;
  }();
  return kSettings;
}

std::size_t RequestReader::Feed(std::string_view bytes) {
  if (complete_ || failure_ || bytes.empty()) return 0;
  std::size_t taken = Execute(head_ended_ ? bytes : bytes.substr(0, kMaxHeadBytes - head_bytes_));
  if (!head_ended_) {
    head_bytes_ += taken;
    if (head_bytes_ == kMaxHeadBytes && !failure_) {
      failure_ = target_too_long_
                     ? TargetTooLong()
                     : TransportRefusal(431, "The request line and header section are over " +
                                                 std::to_string(kMaxHeadBytes) + " bytes.");
    }
  } else if (taken < bytes.size() && !complete_ && !failure_) {
    // The head ended within what it was offered: the rest is the body's.
    taken += Execute(bytes.substr(taken));
  }
  if (failure_ && target_.empty()) {
    TargetFromRequestLine(bytes);
  } else if (failure_) {
    SplitTarget(llhttp_method_name(static_cast<llhttp_method_t>(parser_.method)));
  }
  return taken;
}

std::size_t RequestReader::Execute(std::string_view bytes) {
  feed_begin_ = bytes.data();
  const llhttp_errno_t problem = llhttp_execute(&parser_, bytes.data(), bytes.size());
  // The parser stops short of the end only where a request ends (paused) or on an error.
  const std::size_t taken =
      problem == HPE_OK ? bytes.size()
                        : static_cast<std::size_t>(llhttp_get_error_pos(&parser_) - bytes.data());
  if (taken > 0) byte_before_feed_ = bytes[taken - 1];
  if (problem == HPE_PAUSED && complete_) {
    llhttp_resume(&parser_);
  } else if (problem != HPE_OK && !failure_) {
    failure_ = TransportRefusal(400, std::string("The request is not well-formed HTTP/1.1: ") +
                                         llhttp_get_error_reason(&parser_) + ".");
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
  target_too_long_ = head_ended_ = false;
  head_bytes_ = 0;
  field_name_.clear();
  field_value_.clear();
  in_value_ = false;
  header_fields_ = header_bytes_ = 0;
  started_ = complete_ = keep_alive_ = awaits_continue_ = false;
}

int RequestReader::Fail(Error error) {
  failure_ = std::move(error);
  return HPE_USER;
}

Error RequestReader::TargetTooLong() const {
  return TransportRefusal(414, "The request target is longer than " +
                                   std::to_string(limits_.max_target_bytes) + " bytes.");
}

int RequestReader::OnMessageBegin(llhttp_t* parser) {
  RequestReader& reader = ReaderOf(parser);
  reader.started_ = true;
  // Clients send 5 to 10 fields; the vector would otherwise grow (and move them) 4 times.
  reader.request_.headers.Reserve(kTypicalHeaderFields);
  return 0;
}

int RequestReader::OnUrl(llhttp_t* parser, const char* at, std::size_t size) {
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

int RequestReader::OnHeaderField(llhttp_t* parser, const char* at, std::size_t size) {
  RequestReader& reader = ReaderOf(parser);
  reader.FinishField();
  reader.field_name_.append(at, size);
  return 0;
}

int RequestReader::OnHeaderValue(llhttp_t* parser, const char* at, std::size_t size) {
  RequestReader& reader = ReaderOf(parser);
  // The parser hands a value on in several pieces when it arrives in several reads, and when it
  // continues on the next line (obs-fold, RFC 9112 section 5.2), which a server must refuse.
  const char before = at == reader.feed_begin_ ? reader.byte_before_feed_ : at[-1];
  if (reader.in_value_ && before == '\n') {
    return reader.Fail(
        TransportRefusal(400,
                         "The request's header section is malformed: a field value is folded "
                         "onto the next line."));
  }
  reader.in_value_ = true;
  reader.field_value_.append(at, size);
  return 0;
}

int RequestReader::OnHeadersComplete(llhttp_t* parser) {
  RequestReader& reader = ReaderOf(parser);
  reader.head_ended_ = true;
  reader.SplitTarget(llhttp_method_name(static_cast<llhttp_method_t>(parser->method)));
  reader.FinishField();
  // The target's and header section's limits are checked here, where the head ends, rather than
  // where a callback happens to bring a piece: llhttp brings pieces wherever the reads split (and
  // may refuse a later byte of the same piece), and a refusal must not depend on that.
  if (reader.target_too_long_) return reader.Fail(reader.TargetTooLong());
  if (std::optional<Error> too_large =
          HeaderSectionSizeProblem(reader.header_fields_, reader.header_bytes_)) {
    return reader.Fail(std::move(*too_large));
  }
  if (parser->http_major != 1) {
    return reader.Fail(TransportRefusal(400, "The server speaks HTTP/1.1 and HTTP/1.0 only."));
  }
  const bool chunked = (parser->flags & F_CHUNKED) != 0;
  const bool has_length = (parser->flags & F_CONTENT_LENGTH) != 0;
  if (has_length && parser->content_length > reader.limits_.max_body_bytes) {
    return reader.Fail(BodyTooLarge());
  }
  const std::optional<std::string_view> expect = reader.request_.headers.Get("Expect");
  reader.awaits_continue_ = expect && EqualsIgnoringCase(*expect, "100-continue") &&
                            (chunked || (has_length && parser->content_length > 0));
  if (has_length) reader.request_.body.reserve(parser->content_length);
  return 0;
}

int RequestReader::OnBody(llhttp_t* parser, const char* at, std::size_t size) {
  RequestReader& reader = ReaderOf(parser);
  reader.awaits_continue_ = false;
  if (reader.request_.body.size() + size > reader.limits_.max_body_bytes) {
    return reader.Fail(BodyTooLarge());
  }
  reader.request_.body.append(at, size);
  return 0;
}

int RequestReader::OnMessageComplete(llhttp_t* parser) {
  RequestReader& reader = ReaderOf(parser);
  reader.complete_ = true;
  reader.awaits_continue_ = false;
  // After an upgrade request (CONNECT, "Connection: upgrade") the stream is not HTTP any more.
  reader.keep_alive_ = llhttp_should_keep_alive(parser) != 0 && !parser->upgrade;
  // Stop here: the bytes after this request are the next one's, read once this one is served.
  return HPE_PAUSED;
}

}  // namespace fakeiam::internal
