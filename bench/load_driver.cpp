// fakeiam_load: drives HTTP endpoints on 127.0.0.1 with N keep-alive connections, each with one
// request in flight (closed loop), for a fixed time or request count, and reports requests/s,
// latency percentiles, errors and CPU per request of the server and of the driver itself.
//
//   fakeiam_load --fakeiam-server build/src/fakeiam-server --null-server
//   build/bench/fakeiam_null_server
//                [--endpoint NAME=127.0.0.1:PORT[@PID]] [--spawn NAME='COMMAND ARGS']
//                [--scenario list,create-delete,update,walk,huawei-list] [--connections 1,8]
//                [--duration 5] [--warmup 1] [--requests N] [--repeat 3] [--json FILE]
//
// Scenarios (each one's setup goes over HTTP before the timed phase, with user names unique to the
// run): list, AWS ListAccessKeys of a 2-key user; create-delete, CreateAccessKey then
// DeleteAccessKey of the key it made (one user per connection); update, UpdateAccessKey toggling
// Active and Inactive; walk, a full ListAccessKeys walk (MaxItems --page-size) over a user with
// --walk-keys keys, one request per page; huawei-list, GET /v5/users/{user_id}/access-keys of a
// 2-key user (the id from AWS GetUser on the same endpoint).
//
// The requests carry SigV4- and SDK-HMAC-shaped Authorization headers that a non-strict server
// accepts unverified. A do-nothing server (fakeiam_null_server) answers everything with a fixed
// ListAccessKeys body: only list is a meaningful ceiling; the others run against it with
// placeholder ids and count the answers they could not read as "unparsed".
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "load_http.hpp"

namespace {

using fakeiam::load::ParsedResponse;

std::atomic<bool> g_interrupted{false};

std::uint64_t NowNs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000u +
         static_cast<std::uint64_t>(ts.tv_nsec);
}

double CpuSeconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Sleeps up to `seconds`, sooner when interrupted or when `done` says so.
void SleepFor(
    double seconds, const std::function<bool()>& done = [] { return false; }) {
  const std::uint64_t end = NowNs() + static_cast<std::uint64_t>(seconds * 1e9);
  while (NowNs() < end && !g_interrupted && !done()) usleep(1000);
}

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "fakeiam_load: %s\n", message.c_str());
  std::exit(2);
}

// Latencies in log-linear buckets: 32 per power of two, so within about 3%, in a fixed array that
// costs an increment per request and merges by addition.
class Histogram {
 public:
  void Add(std::uint64_t ns) {
    ++counts_[Index(ns)];
    ++count_;
    max_ = std::max(max_, ns);
  }
  void Merge(const Histogram& other) {
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
    count_ += other.count_;
    max_ = std::max(max_, other.max_);
  }
  std::uint64_t count() const { return count_; }
  double MaxUs() const { return static_cast<double>(max_) / 1e3; }
  // The middle of the bucket that holds the `p` quantile.
  double PercentileUs(double p) const {
    if (count_ == 0) return 0;
    const auto rank = static_cast<std::uint64_t>(p * static_cast<double>(count_ - 1)) + 1;
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      seen += counts_[i];
      if (seen >= rank) {
        const auto [low, width] = Bucket(i);
        return std::min(static_cast<double>(low) + static_cast<double>(width) / 2,
                        static_cast<double>(max_)) /
               1e3;
      }
    }
    return MaxUs();
  }

 private:
  static constexpr int kSubBits = 5;
  static constexpr std::uint64_t kSub = 1 << kSubBits;
  static std::size_t Index(std::uint64_t v) {
    if (v < kSub) return v;
    const int e = 63 - __builtin_clzll(v);
    return static_cast<std::size_t>(e - kSubBits + 1) * kSub + ((v >> (e - kSubBits)) & (kSub - 1));
  }
  static std::pair<std::uint64_t, std::uint64_t> Bucket(std::size_t i) {
    if (i < 2 * kSub) return {i, 1};
    const int e = static_cast<int>(i / kSub) + kSubBits - 1;
    return {(kSub + i % kSub) << (e - kSubBits), std::uint64_t{1} << (e - kSubBits)};
  }
  std::array<std::uint64_t, (64 - kSubBits + 1) * kSub> counts_{};
  std::uint64_t count_ = 0;
  std::uint64_t max_ = 0;
};

struct Endpoint {
  std::string name;
  int port = 0;
  pid_t pid = -1;  // the server's, to read its CPU time; -1 when unknown
  bool spawned = false;
};

// "127.0.0.1:PORT" or "localhost:PORT": this driver loads the local machine only.
int LoopbackPort(const std::string& address) {
  const std::size_t colon = address.rfind(':');
  const std::string host = address.substr(0, colon);
  if (colon == std::string::npos || (host != "127.0.0.1" && host != "localhost")) {
    Die("'" + address + "' is not 127.0.0.1:PORT: only loopback endpoints are driven");
  }
  const long long port = fakeiam::load::detail::ParseNumber(address.substr(colon + 1), 10);
  if (port < 1 || port > 65535) Die("'" + address + "' has no valid port");
  return static_cast<int>(port);
}

// A connected TCP socket to 127.0.0.1:port with Nagle off, or -1. Non-blocking when `timeout_ms`
// is negative; else blocking, with calls that give up (EAGAIN) after `timeout_ms`.
int Connect(int port, int timeout_ms) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  const int yes = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  if (timeout_ms >= 0) {
    const timeval timeout{timeout_ms / 1000, timeout_ms % 1000 * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  } else {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  return fd;
}

// Sends all of `bytes`, waiting for room when a non-blocking socket has none (a small request
// almost never meets a full send buffer).
bool SendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    } else if (sent < 0 && errno == EINTR) {
      continue;
    } else if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd, POLLOUT, 0};
      if (poll(&p, 1, 1000) <= 0) return false;
    } else {
      return false;
    }
  }
  return true;
}

// Received bytes, in a buffer that grows and is never zero-filled.
class Buffer {
 public:
  std::string_view view() const { return {data_.get(), size_}; }
  // Appends what one recv gives; its result.
  ssize_t Receive(int fd) {
    if (capacity_ - size_ < 4096) {
      const std::size_t capacity = std::max<std::size_t>(capacity_ * 2, 16 * 1024);
      auto bigger = std::make_unique<char[]>(capacity);
      if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
      data_ = std::move(bigger);
      capacity_ = capacity;
    }
    ssize_t got;
    do {
      got = recv(fd, data_.get() + size_, capacity_ - size_, 0);
    } while (got < 0 && errno == EINTR);
    if (got > 0) size_ += static_cast<std::size_t>(got);
    return got;
  }
  void Consume(std::size_t n) {
    if (n < size_) std::memmove(data_.get(), data_.get() + n, size_ - n);
    size_ -= std::min(n, size_);
  }
  void Clear() { size_ = 0; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// ---- Requests: built once per scenario and connection, or into reused strings ----

constexpr char kSigV4Authorization[] =
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/iam/aws4_request, "
    "SignedHeaders=content-type;host;x-amz-date, "
    "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
constexpr char kSdkHmacAuthorization[] =
    "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, "
    "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";

// An AWS Query request with form body `body`, written over `out` (whose capacity is kept).
void BuildAwsRequest(std::string& out, int port, std::string_view body) {
  out.assign("POST / HTTP/1.1\r\nHost: 127.0.0.1:");
  out.append(std::to_string(port));
  out.append(
      "\r\nUser-Agent: fakeiam-load\r\n"
      "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
      "X-Amz-Date: 20250101T000000Z\r\nAuthorization: ");
  out.append(kSigV4Authorization);
  out.append("\r\nContent-Length: ");
  out.append(std::to_string(body.size()));
  out.append("\r\n\r\n");
  out.append(body);
}

// The form body of `action` with `params` (name, value) after Action and Version.
std::string AwsForm(std::string_view action,
                    std::initializer_list<std::pair<std::string_view, std::string_view>> params) {
  std::string form = "Action=";
  form.append(action).append("&Version=2010-05-08");
  for (const auto& [name, value] : params) {
    form.append("&").append(name).append("=");
    fakeiam::load::AppendFormEncoded(form, value);
  }
  return form;
}

std::string AwsRequest(int port, std::string_view body) {
  std::string request;
  BuildAwsRequest(request, port, body);
  return request;
}

std::string HuaweiRequest(int port, std::string_view method, std::string_view target) {
  std::string out(method);
  out.append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1:");
  out.append(std::to_string(port));
  out.append(
      "\r\nUser-Agent: fakeiam-load\r\nContent-Type: application/json\r\n"
      "X-Sdk-Date: 20250101T000000Z\r\nAuthorization: ");
  out.append(kSdkHmacAuthorization);
  out.append("\r\n\r\n");
  return out;
}

// ---- What each connection asks, request after request ----

// Per-connection counts a plan keeps besides requests and errors.
struct Tally {
  std::uint64_t walks = 0;     // complete paged walks
  std::uint64_t unparsed = 0;  // 2xx answers that lacked what the plan needed from them
};

class Plan {
 public:
  virtual ~Plan() = default;
  virtual std::string_view Request() = 0;
  // Takes the answer to Request() and chooses the next request.
  virtual void Take(const ParsedResponse& response, Tally& tally) = 0;
  // Whether the connection may stop here and leave the server as the setup left it.
  virtual bool Settled() const { return true; }
};

// The same requests, round and round: list (one), update (two toggles).
class CyclePlan : public Plan {
 public:
  explicit CyclePlan(std::vector<std::string> requests) : requests_(std::move(requests)) {}
  std::string_view Request() override { return requests_[next_]; }
  void Take(const ParsedResponse&, Tally&) override { next_ = (next_ + 1) % requests_.size(); }
  bool Settled() const override { return next_ == 0; }

 private:
  std::vector<std::string> requests_;
  std::size_t next_ = 0;
};

// Placeholders for ids an answer did not hold (the null server's), so that the load keeps its
// shape.
constexpr char kPlaceholderKeyId[] = "AKIAPLACEHOLDER00000";
constexpr char kPlaceholderUserId[] = "00000000000000000000000000000000";

// CreateAccessKey, then DeleteAccessKey of the key it made.
class CreateDeletePlan : public Plan {
 public:
  CreateDeletePlan(int port, std::string user)
      : port_(port),
        user_(std::move(user)),
        create_(AwsRequest(port, AwsForm("CreateAccessKey", {{"UserName", user_}}))) {}
  std::string_view Request() override { return pending_delete_ ? delete_ : create_; }
  void Take(const ParsedResponse& response, Tally& tally) override {
    if (pending_delete_) {
      pending_delete_ = false;
      return;
    }
    // A failed create (e.g. the quota, after a lost delete) leaves nothing to delete.
    if (response.status / 100 != 2) return;
    std::string_view id = fakeiam::load::LastXmlElement(response.body, "AccessKeyId");
    if (id.empty()) {
      ++tally.unparsed;
      id = kPlaceholderKeyId;
    }
    body_ = "Action=DeleteAccessKey&Version=2010-05-08&UserName=";
    fakeiam::load::AppendFormEncoded(body_, user_);
    body_.append("&AccessKeyId=");
    fakeiam::load::AppendFormEncoded(body_, id);
    BuildAwsRequest(delete_, port_, body_);
    pending_delete_ = true;
  }
  bool Settled() const override { return !pending_delete_; }

 private:
  int port_;
  std::string user_;
  std::string create_;
  std::string body_;
  std::string delete_;
  bool pending_delete_ = false;
};

// ListAccessKeys pages, each from the Marker of the one before, until IsTruncated is false.
class WalkPlan : public Plan {
 public:
  WalkPlan(int port, std::string user, int page_size)
      : port_(port),
        user_(std::move(user)),
        page_size_(std::to_string(page_size)),
        first_(AwsRequest(
            port, AwsForm("ListAccessKeys", {{"UserName", user_}, {"MaxItems", page_size_}}))) {}
  std::string_view Request() override { return on_first_ ? first_ : next_; }
  void Take(const ParsedResponse& response, Tally& tally) override {
    const std::string_view marker = fakeiam::load::LastXmlElement(response.body, "Marker");
    const bool truncated =
        fakeiam::load::LastXmlElement(response.body, "IsTruncated") == "true" && !marker.empty();
    if (response.status / 100 != 2 || !truncated) {
      if (response.status / 100 == 2) ++tally.walks;
      on_first_ = true;
      return;
    }
    body_ = "Action=ListAccessKeys&Version=2010-05-08&UserName=";
    fakeiam::load::AppendFormEncoded(body_, user_);
    body_.append("&MaxItems=").append(page_size_).append("&Marker=");
    fakeiam::load::AppendFormEncoded(body_, marker);
    BuildAwsRequest(next_, port_, body_);
    on_first_ = false;
  }
  bool Settled() const override { return on_first_; }

 private:
  int port_;
  std::string user_;
  std::string page_size_;
  std::string first_;
  std::string body_;
  std::string next_;
  bool on_first_ = true;
};

// ---- Setup over HTTP, one blocking call at a time ----

struct Reply {
  int status = 0;  // 0: no answer
  std::string body;
};

class SetupClient {
 public:
  explicit SetupClient(int port) : port_(port) {}
  ~SetupClient() {
    if (fd_ >= 0) close(fd_);
  }
  SetupClient(const SetupClient&) = delete;
  SetupClient& operator=(const SetupClient&) = delete;

  Reply Call(std::string_view request) {
    Reply reply;
    if (fd_ < 0) fd_ = Connect(port_, /*timeout_ms=*/30000);  // setup calls are bounded too
    if (fd_ < 0 || !SendAll(fd_, request)) return Drop(reply);
    in_.Clear();
    for (;;) {
      const ssize_t got = in_.Receive(fd_);
      if (got < 0) return Drop(reply);
      const ParsedResponse response = fakeiam::load::ParseResponse(in_.view(), got == 0, chunked_);
      if (response.state == ParsedResponse::State::kMalformed) return Drop(reply);
      if (response.state == ParsedResponse::State::kComplete) {
        reply.status = response.status;
        reply.body = std::string(response.body);
        if (response.close) Drop(reply);
        return reply;
      }
      if (got == 0) return Drop(reply);
    }
  }
  Reply Aws(std::string_view form) { return Call(AwsRequest(port_, form)); }

 private:
  Reply& Drop(Reply& reply) {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
    return reply;
  }
  int port_;
  int fd_ = -1;
  Buffer in_;
  std::string chunked_;
};

struct SetupError {
  std::string message;
};

// Notes a setup makes once per kind (e.g. that the null server's answers hold no ids).
using Notes = std::vector<std::string>;

void Note(Notes& notes, const std::string& note) {
  if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
}

// Calls `form`, which must succeed, and returns the text of `element` in its answer, or
// `placeholder` (with a note) when the answer has none.
std::string Must(SetupClient& client, const std::string& form, const char* element = nullptr,
                 const char* placeholder = "", Notes* notes = nullptr) {
  const Reply reply = client.Aws(form);
  if (reply.status / 100 != 2) {
    throw SetupError{form.substr(0, form.find('&')) + " failed: HTTP " +
                     std::to_string(reply.status) + " " + reply.body.substr(0, 300)};
  }
  if (!element) return {};
  const std::string_view value = fakeiam::load::LastXmlElement(reply.body, element);
  if (!value.empty()) return std::string(value);
  if (notes) Note(*notes, std::string("no ") + element + " in answers; placeholder used");
  return placeholder;
}

struct Options {
  std::vector<Endpoint> endpoints;
  std::vector<std::string> scenarios = {"list", "create-delete", "update", "walk", "huawei-list"};
  std::vector<int> connections = {1, 8};
  int threads = 1;
  double duration = 5;
  double warmup = 1;
  std::uint64_t requests = 0;  // 0: run for `duration`
  int repeat = 1;
  double timeout = 120;
  int walk_keys = 10000;
  int page_size = 100;
  std::string json_file;
  std::string baseline;
};

using Plans = std::vector<std::unique_ptr<Plan>>;

// Makes the users and keys scenario `name` needs on `endpoint`, and the plans of `connections`
// connections. Throws SetupError.
Plans SetUp(const std::string& name, const Endpoint& endpoint, int connections,
            const Options& options, Notes& notes) {
  static int runs = 0;
  const std::string prefix =
      "load-" + std::to_string(getpid()) + "-" + std::to_string(++runs) + "-" + name;
  const int port = endpoint.port;
  SetupClient client(port);
  Plans plans;
  const auto user_with_keys = [&](const std::string& user, int keys) {
    Must(client, AwsForm("CreateUser", {{"UserName", user}}));
    for (int i = 0; i < keys && !g_interrupted; ++i) {
      Must(client, AwsForm("CreateAccessKey", {{"UserName", user}}));
    }
  };
  if (name == "list") {
    user_with_keys(prefix, 2);
    const std::string list = AwsRequest(port, AwsForm("ListAccessKeys", {{"UserName", prefix}}));
    for (int i = 0; i < connections; ++i) {
      plans.push_back(std::make_unique<CyclePlan>(std::vector<std::string>{list}));
    }
  } else if (name == "huawei-list") {
    user_with_keys(prefix, 2);
    const std::string id = Must(client, AwsForm("GetUser", {{"UserName", prefix}}), "UserId",
                                kPlaceholderUserId, &notes);
    const std::string list = HuaweiRequest(port, "GET", "/v5/users/" + id + "/access-keys");
    for (int i = 0; i < connections; ++i) {
      plans.push_back(std::make_unique<CyclePlan>(std::vector<std::string>{list}));
    }
  } else if (name == "create-delete") {
    // One user per connection, so that concurrent pairs never meet the quota of 2.
    for (int i = 0; i < connections; ++i) {
      const std::string user = prefix + "-" + std::to_string(i);
      user_with_keys(user, 0);
      plans.push_back(std::make_unique<CreateDeletePlan>(port, user));
    }
  } else if (name == "update") {
    for (int i = 0; i < connections; ++i) {
      const std::string user = prefix + "-" + std::to_string(i);
      user_with_keys(user, 0);
      const std::string id = Must(client, AwsForm("CreateAccessKey", {{"UserName", user}}),
                                  "AccessKeyId", kPlaceholderKeyId, &notes);
      std::vector<std::string> toggles;
      for (const char* status : {"Inactive", "Active"}) {
        toggles.push_back(AwsRequest(
            port, AwsForm("UpdateAccessKey",
                          {{"UserName", user}, {"AccessKeyId", id}, {"Status", status}})));
      }
      plans.push_back(std::make_unique<CyclePlan>(std::move(toggles)));
    }
  } else if (name == "walk") {
    try {
      user_with_keys(prefix, options.walk_keys);
    } catch (const SetupError& e) {
      throw SetupError{e.message + " (a walk over " + std::to_string(options.walk_keys) +
                       " keys needs the server started with --key-quota " +
                       std::to_string(options.walk_keys) + " or more)"};
    }
    for (int i = 0; i < connections; ++i) {
      plans.push_back(std::make_unique<WalkPlan>(port, prefix, options.page_size));
    }
  } else {
    Die("unknown scenario '" + name + "'");
  }
  return plans;
}

// ---- The timed run ----

enum Phase : int { kWarmup, kMeasure, kDrain, kAbort };

struct Control {
  std::atomic<int> phase{kWarmup};
  std::atomic<int> finished_workers{0};
  std::uint64_t per_connection = 0;  // requests each connection makes in count mode, or 0
};

struct Counts {
  Histogram latency;
  std::uint64_t errors = 0;  // non-2xx answers and transport failures
  std::uint64_t reconnects = 0;
  std::uint64_t last_ns = 0;  // when the last measured answer arrived
  Tally tally;
  void Merge(const Counts& other) {
    latency.Merge(other.latency);
    errors += other.errors;
    reconnects += other.reconnects;
    last_ns = std::max(last_ns, other.last_ns);
    tally.walks += other.tally.walks;
    tally.unparsed += other.tally.unparsed;
  }
};

struct Connection {
  Plan* plan;
  int fd = -1;
  Buffer in;
  std::string chunked;
  std::uint64_t sent_ns = 0;
  std::uint64_t measured = 0;
  bool busy = false;
};

// One thread's connections: in an epoll loop, or in blocking calls when it has only one. One
// thread for all connections is the default because it costs least per request: against
// fakeiam_null_server with 8 connections on 2 cores, 6-8 us of driver CPU per request, against
// 8-11 us with 2 threads and 12-13 us with a thread per connection.
class Worker {
 public:
  Worker(Control& control, int port) : control_(control), port_(port) {}

  void Add(Plan* plan) {
    connections_.push_back(std::make_unique<Connection>());
    connections_.back()->plan = plan;
  }

  void Run() {
    // A thread with one connection waits in recv, which spares an epoll_wait per request.
    blocking_ = connections_.size() == 1;
    if (!blocking_) epoll_ = epoll_create1(EPOLL_CLOEXEC);
    for (auto& c : connections_) {
      if (Open(*c)) {
        ++busy_;
        c->busy = true;
        Send(*c);
      }
    }
    epoll_event events[64];
    while (busy_ > 0 && control_.phase.load(std::memory_order_relaxed) != kAbort) {
      if (blocking_) {
        Receive(*connections_.front());
        continue;
      }
      const int n = epoll_wait(epoll_, events, 64, 50);
      for (int i = 0; i < n; ++i) Receive(*static_cast<Connection*>(events[i].data.ptr));
    }
    for (auto& c : connections_) {
      if (c->fd >= 0) close(c->fd);
    }
    if (epoll_ >= 0) close(epoll_);
    control_.finished_workers.fetch_add(1);
  }

  const Counts& counts() const { return counts_; }

 private:
  bool Measuring() const { return control_.phase.load(std::memory_order_relaxed) == kMeasure; }

  bool Open(Connection& c) {
    // Blocking calls wake every 50 ms to see whether the run is over.
    c.fd = Connect(port_, blocking_ ? 50 : -1);
    c.in.Clear();
    if (c.fd < 0) return false;
    if (blocking_) return true;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.ptr = &c;
    epoll_ctl(epoll_, EPOLL_CTL_ADD, c.fd, &event);
    return true;
  }

  void Idle(Connection& c) {
    c.busy = false;
    --busy_;
  }

  // A failed exchange: counted, and the request sent again on a new connection.
  void Fail(Connection& c) {
    if (Measuring()) ++counts_.errors;
    Reconnect(c);
  }

  void Reconnect(Connection& c) {
    close(c.fd);  // also leaves the epoll set
    ++counts_.reconnects;
    if (!Open(c) || control_.phase.load(std::memory_order_relaxed) >= kDrain) {
      Idle(c);
      return;
    }
    Send(c);
  }

  void Send(Connection& c) {
    c.sent_ns = NowNs();
    if (!SendAll(c.fd, c.plan->Request())) Fail(c);
  }

  void Receive(Connection& c) {
    const ssize_t got = c.in.Receive(c.fd);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    const bool eof = got <= 0;
    const ParsedResponse response = fakeiam::load::ParseResponse(c.in.view(), eof, c.chunked);
    if (response.state == ParsedResponse::State::kMalformed ||
        (response.state == ParsedResponse::State::kIncomplete && eof)) {
      Fail(c);
      return;
    }
    if (response.state == ParsedResponse::State::kIncomplete) return;
    const std::uint64_t now = NowNs();
    if (Measuring()) {
      counts_.latency.Add(now - c.sent_ns);
      counts_.last_ns = now;
      ++c.measured;
      if (response.status / 100 != 2) ++counts_.errors;
      c.plan->Take(response, counts_.tally);
    } else {
      Tally ignored;
      c.plan->Take(response, ignored);
    }
    // The whole buffer: a closed-loop server has nothing more to say before the next request.
    c.in.Consume(response.size);
    const int phase = control_.phase.load(std::memory_order_relaxed);
    const bool enough = control_.per_connection > 0 && c.measured >= control_.per_connection;
    if ((phase >= kDrain || enough) && c.plan->Settled()) {
      Idle(c);
    } else if (response.close || eof) {
      Reconnect(c);  // moto's server closes every connection, and the driver follows
    } else {
      Send(c);
    }
  }

  Control& control_;
  int port_;
  bool blocking_ = false;
  int epoll_ = -1;
  int busy_ = 0;
  std::vector<std::unique_ptr<Connection>> connections_;
  Counts counts_;
};

// Seconds of CPU (user + system) process `pid` has used, from /proc; -1 when unreadable.
double ProcessCpuSeconds(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const std::size_t name_end = stat.rfind(')');
  if (name_end == std::string::npos) return -1;
  std::istringstream fields(stat.substr(name_end + 2));
  std::string field;
  double ticks = 0;
  // After the name: state is field 3; utime and stime are fields 14 and 15.
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i >= 14) ticks += std::strtod(field.c_str(), nullptr);
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Busy and total jiffies of all cores, from /proc/stat's first line.
std::pair<double, double> MachineJiffies() {
  std::ifstream file("/proc/stat");
  std::string cpu;
  file >> cpu;
  double busy = 0, total = 0, value = 0;
  for (int i = 0; i < 8 && file >> value; ++i) {
    total += value;
    if (i != 3 && i != 4) busy += value;  // idle and iowait
  }
  return {busy, total};
}

struct Measurement {
  std::string scenario;
  std::string endpoint;
  int connections = 0;
  int repeat = 0;
  double seconds = 0;
  Counts counts;
  double server_cpu = -1;  // seconds, -1 unknown
  double driver_cpu = 0;
  double machine_busy = 0;  // fraction of all cores
  // The share of all cores that neither the server nor the driver used: other processes, the
  // noise in this measurement. -1 when the server's CPU time is unknown.
  double others = -1;
  bool aborted = false;

  double Rps() const {
    return seconds > 0 ? static_cast<double>(counts.latency.count()) / seconds : 0;
  }
  double PerRequestUs(double cpu) const {
    const auto n = static_cast<double>(counts.latency.count());
    return cpu < 0 || n == 0 ? -1 : cpu * 1e6 / n;
  }
};

Measurement Measure(const Endpoint& endpoint, const Plans& plans, int connections,
                    const Options& options) {
  Control control;
  if (options.requests > 0) {
    control.per_connection =
        (options.requests + static_cast<std::uint64_t>(connections) - 1) / connections;
  }
  const int threads = std::min(options.threads, connections);
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < threads; ++i)
    workers.push_back(std::make_unique<Worker>(control, endpoint.port));
  for (int i = 0; i < connections; ++i) workers[i % threads]->Add(plans[i].get());
  std::vector<std::thread> running;
  for (auto& worker : workers) running.emplace_back([&worker] { worker->Run(); });
  const auto all_finished = [&] { return control.finished_workers.load() == threads; };

  SleepFor(options.warmup, all_finished);
  const double server0 = endpoint.pid > 0 ? ProcessCpuSeconds(endpoint.pid) : -1;
  const double driver0 = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  const auto machine0 = MachineJiffies();
  const std::uint64_t start = NowNs();
  control.phase = kMeasure;
  if (control.per_connection > 0) {
    SleepFor(options.timeout, all_finished);
  } else {
    SleepFor(std::min(options.duration, options.timeout), all_finished);
  }
  Measurement m;
  m.aborted = g_interrupted || (control.per_connection > 0 && !all_finished());
  control.phase = kDrain;
  const std::uint64_t drained = NowNs();
  std::uint64_t end = drained;
  const double server1 = endpoint.pid > 0 ? ProcessCpuSeconds(endpoint.pid) : -1;
  const double driver1 = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  const auto machine1 = MachineJiffies();
  // A plan that is not settled (a create without its delete) finishes its pair, not timed.
  SleepFor(5, all_finished);
  control.phase = kAbort;
  for (std::thread& t : running) t.join();
  for (auto& worker : workers) m.counts.Merge(worker->counts());
  if (control.per_connection > 0 && m.counts.last_ns > start) end = m.counts.last_ns;
  m.endpoint = endpoint.name;
  m.connections = connections;
  m.seconds = static_cast<double>(end - start) / 1e9;
  if (server0 >= 0 && server1 >= 0) m.server_cpu = server1 - server0;
  m.driver_cpu = driver1 - driver0;
  const double jiffies = machine1.second - machine0.second;
  m.machine_busy = jiffies > 0 ? (machine1.first - machine0.first) / jiffies : 0;
  if (m.server_cpu >= 0) {
    const double window = static_cast<double>(drained - start) / 1e9;
    const auto cores = static_cast<double>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
    m.others = std::max(0.0, m.machine_busy - (m.server_cpu + m.driver_cpu) / (window * cores));
  }
  return m;
}

// ---- Servers the driver starts itself ----

// Starts `command` (split at spaces), reads "... listening on http://127.0.0.1:PORT" from the first
// line of its standard output, and returns the endpoint.
Endpoint Spawn(const std::string& name, const std::string& command) {
  std::vector<std::string> words;
  std::istringstream split(command);
  for (std::string word; split >> word;) words.push_back(word);
  if (words.empty()) Die("--spawn " + name + "= needs a command");
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) Die("pipe: " + std::string(std::strerror(errno)));
  const pid_t pid = fork();
  if (pid < 0) Die("fork: " + std::string(std::strerror(errno)));
  if (pid == 0) {
    // The server goes when the driver does, however the driver ends.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    dup2(out[1], STDOUT_FILENO);
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    std::fprintf(stderr, "fakeiam_load: cannot run %s: %s\n", argv[0], std::strerror(errno));
    _exit(127);
  }
  close(out[1]);
  Endpoint endpoint{name, 0, pid, true};
  std::string line;
  const std::uint64_t deadline = NowNs() + 10'000'000'000u;
  for (char c = 0; c != '\n' && NowNs() < deadline;) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    if (read(out[0], &c, 1) != 1) break;
    line += c;
  }
  // The pipe stays open: a server writing more to its standard output must not get SIGPIPE.
  const std::string marker = "listening on http://";
  const std::size_t at = line.find(marker);
  if (at == std::string::npos) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    Die(name + " (" + command + ") did not say where it listens; it said '" + line + "'");
  }
  std::string address = line.substr(at + marker.size());
  while (!address.empty() && std::isspace(static_cast<unsigned char>(address.back()))) {
    address.pop_back();
  }
  endpoint.port = LoopbackPort(address);
  return endpoint;
}

void Stop(const Endpoint& endpoint) {
  if (!endpoint.spawned) return;
  kill(endpoint.pid, SIGTERM);
  for (int i = 0; i < 500; ++i) {
    if (waitpid(endpoint.pid, nullptr, WNOHANG) == endpoint.pid) return;
    usleep(10000);
  }
  kill(endpoint.pid, SIGKILL);
  waitpid(endpoint.pid, nullptr, 0);
}

// ---- Reporting ----

std::string Json(const Measurement& m) {
  char line[1024];
  std::snprintf(line, sizeof line,
                "{\"scenario\":\"%s\",\"endpoint\":\"%s\",\"connections\":%d,\"repeat\":%d,"
                "\"seconds\":%.3f,\"requests\":%llu,\"rps\":%.1f,\"walks_per_s\":%.2f,"
                "\"p50_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f,\"max_us\":%.1f,\"errors\":%llu,"
                "\"unparsed\":%llu,\"reconnects\":%llu,\"server_cpu_us_per_request\":%.2f,"
                "\"driver_cpu_us_per_request\":%.2f,\"machine_busy\":%.3f,\"others\":%.3f,"
                "\"aborted\":%s}",
                m.scenario.c_str(), m.endpoint.c_str(), m.connections, m.repeat, m.seconds,
                static_cast<unsigned long long>(m.counts.latency.count()), m.Rps(),
                m.seconds > 0 ? static_cast<double>(m.counts.tally.walks) / m.seconds : 0,
                m.counts.latency.PercentileUs(0.50), m.counts.latency.PercentileUs(0.90),
                m.counts.latency.PercentileUs(0.99), m.counts.latency.MaxUs(),
                static_cast<unsigned long long>(m.counts.errors),
                static_cast<unsigned long long>(m.counts.tally.unparsed),
                static_cast<unsigned long long>(m.counts.reconnects), m.PerRequestUs(m.server_cpu),
                m.PerRequestUs(m.driver_cpu), m.machine_busy, m.others,
                m.aborted ? "true" : "false");
  return line;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Medians over the repeats of one scenario, connection count and endpoint.
struct Summary {
  double rps = 0, rps_min = 0, rps_max = 0, p50 = 0, p99 = 0, max = 0, server_us = -1,
         driver_us = 0, busy = 0, walks = 0, others = -1;
  std::uint64_t errors = 0, unparsed = 0;
};

Summary Summarize(const std::vector<const Measurement*>& runs) {
  Summary s;
  std::vector<double> rps, p50, p99, server, driver, busy, walks;
  s.max = 0;
  for (const Measurement* m : runs) {
    rps.push_back(m->Rps());
    p50.push_back(m->counts.latency.PercentileUs(0.50));
    p99.push_back(m->counts.latency.PercentileUs(0.99));
    s.max = std::max(s.max, m->counts.latency.MaxUs());
    if (m->server_cpu >= 0) server.push_back(m->PerRequestUs(m->server_cpu));
    driver.push_back(m->PerRequestUs(m->driver_cpu));
    busy.push_back(m->machine_busy);
    s.others = std::max(s.others, m->others);
    walks.push_back(m->seconds > 0 ? static_cast<double>(m->counts.tally.walks) / m->seconds : 0);
    s.errors += m->counts.errors;
    s.unparsed += m->counts.tally.unparsed;
  }
  s.rps = Median(rps);
  s.rps_min = *std::min_element(rps.begin(), rps.end());
  s.rps_max = *std::max_element(rps.begin(), rps.end());
  s.p50 = Median(p50);
  s.p99 = Median(p99);
  s.server_us = server.empty() ? -1 : Median(server);
  s.driver_us = Median(driver);
  s.busy = Median(busy);
  s.walks = Median(walks);
  return s;
}

void PrintTable(const std::vector<Measurement>& all, const Options& options) {
  std::printf(
      "\nmedians over %d repeat(s); req/s [min-max]; latency in us; CPU in us per request; busy: "
      "share of all cores in use; other: the most of it other processes took in a repeat (noise)"
      "\n",
      options.repeat);
  std::printf("%-13s %5s %-9s %22s %7s %9s %9s %9s %8s %8s %8s %8s %5s %5s\n", "scenario", "conns",
              "endpoint", "req/s [min-max]", "ratio", "p50", "p99", "max", "errors", "unparsed",
              "srv cpu", "drv cpu", "busy", "other");
  for (const std::string& scenario : options.scenarios) {
    for (const int connections : options.connections) {
      std::vector<std::pair<const Endpoint*, Summary>> rows;
      double baseline = 0;
      for (const Endpoint& endpoint : options.endpoints) {
        std::vector<const Measurement*> runs;
        for (const Measurement& m : all) {
          if (m.scenario == scenario && m.connections == connections &&
              m.endpoint == endpoint.name) {
            runs.push_back(&m);
          }
        }
        if (runs.empty()) continue;
        rows.emplace_back(&endpoint, Summarize(runs));
        if (endpoint.name == options.baseline) baseline = rows.back().second.rps;
      }
      for (const auto& [endpoint, s] : rows) {
        char range[64], server[16], ratio[16], others[16];
        std::snprintf(range, sizeof range, "%.0f [%.0f-%.0f]", s.rps, s.rps_min, s.rps_max);
        std::snprintf(server, sizeof server, s.server_us < 0 ? "-" : "%.1f", s.server_us);
        std::snprintf(ratio, sizeof ratio, baseline > 0 ? "%.3f" : "-", s.rps / baseline);
        std::snprintf(others, sizeof others, s.others < 0 ? "-" : "%.0f%%", s.others * 100);
        std::printf("%-13s %5d %-9s %22s %7s %9.1f %9.1f %9.1f %8llu %8llu %8s %8.1f %4.0f%% %5s\n",
                    scenario.c_str(), connections, endpoint->name.c_str(), range, ratio, s.p50,
                    s.p99, s.max, static_cast<unsigned long long>(s.errors),
                    static_cast<unsigned long long>(s.unparsed), server, s.driver_us, s.busy * 100,
                    others);
        if (scenario == "walk") std::printf("%-13s %5s %-9s %15.2f walks/s\n", "", "", "", s.walks);
      }
    }
  }
  std::printf("ratio: req/s over %s's in the same row group\n", options.baseline.c_str());
}

// ---- Command line ----

int Usage() {
  std::fprintf(
      stderr,
      "usage: fakeiam_load [endpoints] [options]\n"
      "endpoints (one or more, driven one after another in the order given):\n"
      "  --endpoint NAME=127.0.0.1:PORT[@PID]  a running server; with @PID its CPU time is read\n"
      "  --spawn NAME='COMMAND ARGS'           start a server whose first line of output is\n"
      "                                        '... listening on http://127.0.0.1:PORT'\n"
      "  --fakeiam-server PATH                 = --spawn fakeiam='PATH --port 0 --quiet\n"
      "                                          --key-quota WALK_KEYS+2'\n"
      "  --null-server PATH                    = --spawn null='PATH --port 0'\n"
      "options:\n"
      "  --scenario LIST     list,create-delete,update,walk,huawei-list or all (default all)\n"
      "  --connections LIST  keep-alive connections, e.g. 1,8 (default 1,8)\n"
      "  --threads N         driver threads, each with its share of the connections in an\n"
      "                      epoll loop, or in blocking calls when it has one (default 1)\n"
      "  --duration S        timed phase in seconds (default 5)\n"
      "  --requests N        instead of a duration: N requests over all connections\n"
      "  --warmup S          untimed phase before it (default 1)\n"
      "  --repeat R          measurements of each scenario and endpoint, interleaved (default 1)\n"
      "  --timeout S         bound of each timed phase (default 120)\n"
      "  --walk-keys K       keys of the walk's user (default 10000)\n"
      "  --page-size N       MaxItems of the walk (default 100)\n"
      "  --baseline NAME     endpoint the ratios divide by (default the first)\n"
      "  --json FILE         write the JSON lines there instead of standard output\n");
  return 2;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

double PositiveNumber(const std::string& option, const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (*end != '\0' || !(value >= 0)) Die(option + " takes a number, not '" + text + "'");
  return value;
}

// NAME=VALUE
std::pair<std::string, std::string> Named(const std::string& option, const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == 0 || eq == std::string::npos) Die(option + " takes NAME=..., not '" + text + "'");
  return {text.substr(0, eq), text.substr(eq + 1)};
}

Options Parse(int argc, char** argv) {
  Options options;
  // Spawned later, once the walk's key count is known.
  std::vector<std::pair<std::string, std::string>> spawns;
  std::vector<std::string> order;  // endpoint names as given
  std::map<std::string, Endpoint> given;
  std::string fakeiam_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") std::exit(Usage());
    if (i + 1 >= argc) Die(arg + " needs a value (see --help)");
    const std::string value = argv[++i];
    if (arg == "--endpoint") {
      auto [name, address] = Named(arg, value);
      Endpoint endpoint{name, 0, -1, false};
      if (const std::size_t at = address.find('@'); at != std::string::npos) {
        endpoint.pid = static_cast<pid_t>(PositiveNumber(arg, address.substr(at + 1)));
        address.resize(at);
      }
      endpoint.port = LoopbackPort(address);
      given[name] = endpoint;
      order.push_back(name);
    } else if (arg == "--spawn") {
      spawns.push_back(Named(arg, value));
      order.push_back(spawns.back().first);
    } else if (arg == "--fakeiam-server") {
      fakeiam_path = value;
      order.push_back("fakeiam");
    } else if (arg == "--null-server") {
      spawns.emplace_back("null", value + " --port 0");
      order.push_back("null");
    } else if (arg == "--scenario") {
      options.scenarios = value == "all" ? Options().scenarios : SplitList(value);
    } else if (arg == "--connections") {
      options.connections.clear();
      for (const std::string& n : SplitList(value)) {
        options.connections.push_back(static_cast<int>(PositiveNumber(arg, n)));
        if (options.connections.back() < 1) Die("--connections takes counts of 1 or more");
      }
    } else if (arg == "--threads") {
      options.threads = std::max(1, static_cast<int>(PositiveNumber(arg, value)));
    } else if (arg == "--duration") {
      options.duration = PositiveNumber(arg, value);
    } else if (arg == "--requests") {
      options.requests = static_cast<std::uint64_t>(PositiveNumber(arg, value));
    } else if (arg == "--warmup") {
      options.warmup = PositiveNumber(arg, value);
    } else if (arg == "--repeat") {
      options.repeat = std::max(1, static_cast<int>(PositiveNumber(arg, value)));
    } else if (arg == "--timeout") {
      options.timeout = PositiveNumber(arg, value);
    } else if (arg == "--walk-keys") {
      options.walk_keys = static_cast<int>(PositiveNumber(arg, value));
    } else if (arg == "--page-size") {
      options.page_size = std::max(1, static_cast<int>(PositiveNumber(arg, value)));
    } else if (arg == "--baseline") {
      options.baseline = value;
    } else if (arg == "--json") {
      options.json_file = value;
    } else {
      Die("unknown option '" + arg + "' (see --help)");
    }
  }
  if (order.empty()) std::exit(Usage());
  if (!fakeiam_path.empty()) {
    spawns.emplace_back("fakeiam", fakeiam_path + " --port 0 --quiet --key-quota " +
                                       std::to_string(options.walk_keys + 2));
  }
  for (const auto& [name, command] : spawns) given[name] = Spawn(name, command);
  for (const std::string& name : order) options.endpoints.push_back(given[name]);
  if (options.baseline.empty()) options.baseline = order.front();
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  struct sigaction interrupt {};
  interrupt.sa_handler = [](int) { g_interrupted = true; };
  sigaction(SIGINT, &interrupt, nullptr);
  sigaction(SIGTERM, &interrupt, nullptr);
  const Options options = Parse(argc, argv);
  std::FILE* json = stdout;
  if (!options.json_file.empty()) {
    json = std::fopen(options.json_file.c_str(), "a");
    if (!json) Die("cannot write " + options.json_file);
  }
  for (const Endpoint& e : options.endpoints) {
    std::printf("endpoint %s: 127.0.0.1:%d%s\n", e.name.c_str(), e.port,
                e.pid > 0 ? (" pid " + std::to_string(e.pid)).c_str() : "");
  }
  const int most = *std::max_element(options.connections.begin(), options.connections.end());
  std::vector<Measurement> all;
  for (const std::string& scenario : options.scenarios) {
    // One setup per scenario and endpoint, for the most connections; fewer use the first plans.
    std::map<std::string, Plans> plans;
    for (const Endpoint& endpoint : options.endpoints) {
      if (g_interrupted) break;
      Notes notes;
      try {
        plans[endpoint.name] = SetUp(scenario, endpoint, most, options, notes);
      } catch (const SetupError& e) {
        std::printf("%s on %s: setup failed, skipped: %s\n", scenario.c_str(),
                    endpoint.name.c_str(), e.message.c_str());
      }
      for (const std::string& note : notes) {
        std::printf("%s on %s: %s\n", scenario.c_str(), endpoint.name.c_str(), note.c_str());
      }
    }
    for (const int connections : options.connections) {
      for (int repeat = 1; repeat <= options.repeat; ++repeat) {
        for (const Endpoint& endpoint : options.endpoints) {
          if (g_interrupted || !plans.count(endpoint.name)) continue;
          Measurement m = Measure(endpoint, plans[endpoint.name], connections, options);
          m.scenario = scenario;
          m.repeat = repeat;
          std::fprintf(json, "%s\n", Json(m).c_str());
          std::fflush(json);
          all.push_back(std::move(m));
        }
      }
    }
  }
  PrintTable(all, options);
  for (const Endpoint& endpoint : options.endpoints) Stop(endpoint);
  if (json != stdout) std::fclose(json);
  return g_interrupted ? 130 : 0;
}
