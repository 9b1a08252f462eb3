// The load driver's HTTP/1.1 pieces, kept apart from its sockets so that they can be tested: a
// minimal response parser and the few text helpers its scenarios need. The parser reads only what
// a closed-loop client needs (status, framing, Connection: close), so that the driver's cost per
// request stays far below any real server's.
#ifndef FAKEIAM_BENCH_LOAD_HTTP_HPP_
#define FAKEIAM_BENCH_LOAD_HTTP_HPP_

#include <cstddef>
#include <string>
#include <string_view>

namespace fakeiam::load {

struct ParsedResponse {
  enum class State { kIncomplete, kComplete, kMalformed };
  State state = State::kIncomplete;
  int status = 0;
  // Bytes of the buffer the whole response takes, once complete.
  std::size_t size = 0;
  // The body: a view of the buffer, or of the decoded chunks for a chunked one.
  std::string_view body;
  // The server will close the connection after this response.
  bool close = false;
};

namespace detail {

inline bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A whole decimal or hexadecimal number, or -1 (also when it would not fit).
inline long long ParseNumber(std::string_view s, int base) {
  if (s.empty() || s.size() > 15) return -1;
  long long value = 0;
  for (const char c : s) {
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (base == 16 && c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (base == 16 && c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return -1;
    }
    value = value * base + digit;
  }
  return value;
}

// Decodes the chunked body that starts at `at` into `decoded`; the response's size on success.
inline ParsedResponse::State DecodeChunks(std::string_view buffer, std::size_t at,
                                          std::string& decoded, std::size_t& size) {
  decoded.clear();
  for (;;) {
    const std::size_t line_end = buffer.find("\r\n", at);
    if (line_end == std::string_view::npos) return ParsedResponse::State::kIncomplete;
    std::string_view line = buffer.substr(at, line_end - at);
    line = Trim(line.substr(0, line.find(';')));  // chunk extensions are ignored
    const long long chunk = ParseNumber(line, 16);
    if (chunk < 0) return ParsedResponse::State::kMalformed;
    at = line_end + 2;
    if (chunk == 0) {
      // Trailer fields, if any, up to an empty line.
      for (;;) {
        const std::size_t end = buffer.find("\r\n", at);
        if (end == std::string_view::npos) return ParsedResponse::State::kIncomplete;
        const bool empty = end == at;
        at = end + 2;
        if (empty) {
          size = at;
          return ParsedResponse::State::kComplete;
        }
      }
    }
    if (buffer.size() < at + static_cast<std::size_t>(chunk) + 2) {
      return ParsedResponse::State::kIncomplete;
    }
    decoded.append(buffer.substr(at, static_cast<std::size_t>(chunk)));
    at += static_cast<std::size_t>(chunk);
    if (buffer.substr(at, 2) != "\r\n") return ParsedResponse::State::kMalformed;
    at += 2;
  }
}

}  // namespace detail

// Parses the response at the start of `buffer`. `eof` says the server has closed the connection,
// which ends a body that has neither a length nor chunks. A chunked body is decoded into
// `chunked_body`, which the result's body then views.
inline ParsedResponse ParseResponse(std::string_view buffer, bool eof, std::string& chunked_body) {
  using State = ParsedResponse::State;
  ParsedResponse response;
  const std::size_t head_end = buffer.find("\r\n\r\n");
  if (head_end == std::string_view::npos) {
    // A server that sends more than this before its blank line is not one to measure.
    response.state = buffer.size() > 64 * 1024 ? State::kMalformed : State::kIncomplete;
    return response;
  }
  std::size_t line_end = buffer.find("\r\n");
  const std::string_view status_line = buffer.substr(0, line_end);
  // "HTTP/1.1 200 OK": the version, a space, three digits.
  if (status_line.size() < 12 || status_line.substr(0, 7) != "HTTP/1." || status_line[8] != ' ') {
    response.state = State::kMalformed;
    return response;
  }
  response.status = static_cast<int>(detail::ParseNumber(status_line.substr(9, 3), 10));
  if (response.status < 100 || (status_line.size() > 12 && status_line[12] != ' ')) {
    response.state = State::kMalformed;
    return response;
  }
  response.close = status_line[7] == '0';  // HTTP/1.0 closes unless told otherwise
  long long length = -1;
  bool chunked = false;
  while (line_end < head_end) {
    const std::size_t start = line_end + 2;
    line_end = buffer.find("\r\n", start);
    const std::string_view line = buffer.substr(start, line_end - start);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      response.state = State::kMalformed;
      return response;
    }
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = detail::Trim(line.substr(colon + 1));
    if (detail::EqualsIgnoreCase(name, "content-length")) {
      length = detail::ParseNumber(value, 10);
      if (length < 0) {
        response.state = State::kMalformed;
        return response;
      }
    } else if (detail::EqualsIgnoreCase(name, "transfer-encoding")) {
      chunked = detail::EqualsIgnoreCase(value, "chunked");
    } else if (detail::EqualsIgnoreCase(name, "connection")) {
      if (detail::EqualsIgnoreCase(value, "close")) response.close = true;
      if (detail::EqualsIgnoreCase(value, "keep-alive")) response.close = false;
    }
  }
  const std::size_t body_start = head_end + 4;
  const bool no_body = response.status < 200 || response.status == 204 || response.status == 304;
  if (no_body) {
    response.size = body_start;
  } else if (chunked) {
    response.state = detail::DecodeChunks(buffer, body_start, chunked_body, response.size);
    if (response.state != State::kComplete) return response;
    response.body = chunked_body;
    return response;
  } else if (length >= 0) {
    if (buffer.size() < body_start + static_cast<std::size_t>(length)) return response;
    response.size = body_start + static_cast<std::size_t>(length);
  } else {
    // Neither length nor chunks: the body runs to the end of the connection.
    if (!eof) return response;
    response.size = buffer.size();
    response.close = true;
  }
  response.body = buffer.substr(body_start, response.size - body_start);
  response.state = State::kComplete;
  return response;
}

// The text of the last <name>...</name> element in `xml`, or an empty view. The last, because the
// values the scenarios need (a page's IsTruncated and Marker) follow the page's members.
inline std::string_view LastXmlElement(std::string_view xml, std::string_view name) {
  std::string open = "<";
  open.append(name).push_back('>');
  const std::size_t start = xml.rfind(open);
  if (start == std::string_view::npos) return {};
  const std::size_t text = start + open.size();
  const std::size_t end = xml.find('<', text);
  if (end == std::string_view::npos) return {};
  return xml.substr(text, end - text);
}

// Form-urlencodes `value` (RFC 3986 unreserved characters stay) onto `out`.
inline void AppendFormEncoded(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '_' || u == '.' || u == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
}

}  // namespace fakeiam::load

#endif  // FAKEIAM_BENCH_LOAD_HTTP_HPP_
