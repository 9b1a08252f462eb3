#include "cli/server_options.hpp"

#include <charconv>
#include <functional>
#include <map>
#include <set>

#include "http/http_url.hpp"

namespace fakeiam::cli {
namespace {

Error Bad(const std::string& message) { return Error::Make(ErrorCode::InvalidInput, message); }

template <typename Int>
Result<Int> ParseInt(const std::string& option, const std::string& text, Int min, Int max) {
  Int value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return Bad(option + " takes a whole number from " + std::to_string(min) + " to " +
               std::to_string(max) + ", not '" + text + "'");
  }
  return value;
}

using Setter = std::function<Result<void>(ServerCommand&, const std::string&)>;

// A setter of the whole-number field `field` selects, in [min, max].
template <typename Int, typename Field>
Setter IntSetter(const std::string& option, Int min, Int max, Field field) {
  return [=](ServerCommand& c, const std::string& v) -> Result<void> {
    const Result<Int> value = ParseInt<Int>(option, v, min, max);
    if (!value.ok()) return value.error();
    field(c) = *value;
    return {};
  };
}

// --record, --replay and --expect: one mode, one file.
Setter CassetteSetter(CassetteMode mode) {
  return [mode](ServerCommand& c, const std::string& v) -> Result<void> {
    if (c.cassette_mode != CassetteMode::None) {
      return Bad("--record, --replay and --expect are modes; give one");
    }
    if (v.empty()) return Bad("a cassette option takes a file name");
    c.cassette_mode = mode;
    c.cassette_file = v;
    return {};
  };
}

// Options that take a value, by name.
const std::map<std::string, Setter>& ValueOptions() {
  static const std::map<std::string, Setter> options = {
      {"--host",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         if (v.empty()) return Bad("--host takes an address, e.g. 127.0.0.1");
         c.server.host = v;
         return {};
       }},
      {"--port",
       IntSetter("--port", 0, 65535, [](ServerCommand& c) -> int& { return c.server.port; })},
      {"--seed",
       IntSetter<std::uint64_t>("--seed", 0, std::numeric_limits<std::uint64_t>::max(),
                                [](ServerCommand& c) -> std::uint64_t& { return c.store.seed; })},
      {"--profile",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         const std::optional<Cloud> profile = ParseCloud(v);
         if (!profile) return Bad("--profile takes aws or huawei, not '" + v + "'");
         c.store.profile = *profile;
         return {};
       }},
      {"--account-id",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         c.store.account_id = v;
         return {};
       }},
      {"--key-quota", IntSetter("--key-quota", 0, 100000000,
                                [](ServerCommand& c) -> int& { return c.store.access_key_quota; })},
      {"--clock",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         if (v == "wall") {
           c.clock = ClockChoice::Wall;
         } else if (v == "fixed") {
           c.clock = ClockChoice::Stepping;
         } else if (const std::optional<Timestamp> start = ParseIso8601(v)) {
           c.clock = ClockChoice::Stepping;
           c.clock_start = *start;
         } else {
           return Bad(
               "--clock takes wall, fixed or an ISO 8601 instant such as "
               "2025-01-01T00:00:00Z, not '" +
               v + "'");
         }
         return {};
       }},
      {"--state",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         c.state_file = v;
         return {};
       }},
      {"--faults",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         c.faults_file = v;
         return {};
       }},
      {"--save-state",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         c.save_state_file = v;
         return {};
       }},
      {"--root-key",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         const std::size_t first = v.find(':');
         const std::size_t second = first == std::string::npos ? first : v.find(':', first + 1);
         if (first == 0 || first == std::string::npos || first + 1 == v.size() ||
             second == first + 1) {
           return Bad("--root-key takes ACCESS_KEY_ID:SECRET (or ID:SECRET:SESSION_TOKEN)");
         }
         c.auth.root_credentials.push_back(
             {v.substr(0, first), v.substr(first + 1, second - first - 1),
              second == std::string::npos ? "" : v.substr(second + 1)});
         return {};
       }},
      {"--clock-skew",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         const Result<std::int64_t> seconds =
             ParseInt<std::int64_t>("--clock-skew", v, 0, 366LL * 24 * 3600);
         if (!seconds.ok()) return seconds.error();
         c.auth.max_clock_skew = std::chrono::seconds(*seconds);
         return {};
       }},
      {"--access-policy",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         if (v != "unrestricted" && v != "own-user") {
           return Bad("--access-policy takes unrestricted or own-user, not '" + v + "'");
         }
         c.store.access_policy =
             v == "own-user" ? AccessPolicy::OwnUserOnly : AccessPolicy::Unrestricted;
         return {};
       }},
      {"--record", CassetteSetter(CassetteMode::Record)},
      {"--replay", CassetteSetter(CassetteMode::Replay)},
      {"--expect", CassetteSetter(CassetteMode::Expect)},
      {"--upstream",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         if (Result<internal::HttpUrl> url = internal::ParseHttpUrl(v); !url.ok()) {
           return Bad("--upstream: " + url.error().message);
         }
         c.upstream_url = v;
         return {};
       }},
      {"--upstream-region",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         if (v.empty()) return Bad("--upstream-region takes a region, e.g. us-east-1");
         c.upstream_region = v;
         return {};
       }},
      {"--upstream-ca",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         c.upstream_ca_file = v;
         return {};
       }},
      {"--match-order",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         if (v != "any" && v != "strict") {
           return Bad("--match-order takes any or strict, not '" + v + "'");
         }
         c.playback.order = v == "strict" ? MatchOrder::Strict : MatchOrder::Any;
         return {};
       }},
      {"--expect-ignore",
       [](ServerCommand& c, const std::string& v) -> Result<void> {
         for (std::size_t start = 0; start <= v.size();) {
           const std::size_t comma = std::min(v.find(',', start), v.size());
           if (comma > start) c.expect_ignore.push_back(v.substr(start, comma - start));
           start = comma + 1;
         }
         return {};
       }},
  };
  return options;
}

// Options that take no value, by name.
const std::map<std::string, std::function<void(ServerCommand&)>>& Flags() {
  static const std::map<std::string, std::function<void(ServerCommand&)>> flags = {
      {"--help", [](ServerCommand& c) { c.show_help = true; }},
      {"-h", [](ServerCommand& c) { c.show_help = true; }},
      {"--version", [](ServerCommand& c) { c.show_version = true; }},
      {"--quiet", [](ServerCommand& c) { c.quiet = true; }},
      {"-q", [](ServerCommand& c) { c.quiet = true; }},
      {"--no-redact", [](ServerCommand& c) { c.redact_secrets = false; }},
      {"--strict-auth", [](ServerCommand& c) { c.auth.strict = true; }},
      {"--allow-repeats", [](ServerCommand& c) { c.playback.allow_repeats = true; }},
      {"--allow-unused", [](ServerCommand& c) { c.playback.allow_unused = true; }},
  };
  return flags;
}

// Options that would be silently ignored in the mode chosen are refused instead.
Result<void> CheckCombinations(const ServerCommand& c, const std::set<std::string>& given) {
  const auto refuse = [&given](const std::vector<std::string>& options,
                               const std::string& why) -> std::optional<Error> {
    for (const std::string& option : options) {
      if (given.count(option)) return Bad(option + " " + why);
    }
    return std::nullopt;
  };
  const CassetteMode mode = c.cassette_mode;
  std::optional<Error> refused;
  if (mode != CassetteMode::Record) {
    refused = refuse({"--upstream", "--upstream-region", "--upstream-ca", "--no-redact"},
                     "goes with --record");
  }
  if (!refused && mode == CassetteMode::Record && !c.upstream_url) {
    refused = refuse({"--upstream-region", "--upstream-ca"}, "goes with --upstream");
  }
  if (!refused && mode != CassetteMode::Replay && mode != CassetteMode::Expect) {
    refused = refuse({"--match-order", "--allow-repeats", "--allow-unused"},
                     "goes with --replay or --expect");
  }
  if (!refused && mode != CassetteMode::Expect) {
    refused = refuse({"--expect-ignore"}, "goes with --expect");
  }
  if (!refused && !c.auth.strict) {
    refused = refuse({"--root-key", "--clock-skew"}, "goes with --strict-auth");
  }
  if (!refused && (mode == CassetteMode::Replay || c.upstream_url)) {
    refused = refuse({"--state", "--save-state", "--faults"},
                     mode == CassetteMode::Replay
                         ? "has no effect with --replay: the cassette answers, not a store"
                         : "has no effect with --upstream: the upstream answers, not a store");
  }
  if (refused) return *refused;
  return {};
}

}  // namespace

UpstreamOptions UpstreamOf(const ServerCommand& command,
                           const std::function<const char*(const char*)>& getenv) {
  UpstreamOptions upstream = UpstreamFromEnvironment(command.upstream_url.value_or(""), getenv);
  upstream.aws_region = command.upstream_region;
  upstream.ca_file = command.upstream_ca_file;
  return upstream;
}

Result<ServerCommand> ParseServerCommand(const std::vector<std::string>& args) {
  ServerCommand command;
  std::set<std::string> given;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (const auto flag = Flags().find(arg); flag != Flags().end()) {
      flag->second(command);
      given.insert(arg);
      continue;
    }
    const std::size_t eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    const auto option = ValueOptions().find(name);
    if (option == ValueOptions().end()) {
      return Bad("unknown option '" + arg + "' (see --help)");
    }
    given.insert(name);
    std::string value;
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return Bad(name + " needs a value (see --help)");
    }
    if (Result<void> set = option->second(command, value); !set.ok()) return set.error();
  }
  if (Result<void> valid = ValidateOptions(command.store); !valid.ok()) {
    return Bad("--account-id: " + valid.error().message);
  }
  if (Result<void> combined = CheckCombinations(command, given); !combined.ok()) {
    return combined.error();
  }
  return command;
}

std::string ServerUsage() {
  return R"(usage: fakeiam-server [options]

Serves a fake of the AWS IAM access-key API (POST /) and of Huawei Cloud IAM v5's
(/v5/users/{user_id}/access-keys) on one local HTTP endpoint. Point a client at it with
--endpoint-url (AWS CLI), endpoint_url (boto3), endpoint (AWS SDK for JavaScript) or
withEndpoint (Huawei Cloud SDK).
The first line on standard output is "fakeiam listening on http://HOST:PORT".
SIGINT or SIGTERM stops it.

options:
  --host HOST          address to listen on (default 127.0.0.1)
  --port PORT          port to listen on; 0 picks a free one (default 0)
  --profile CLOUD      whose formats new ids, keys and secrets take: aws (default) or huawei
  --seed N             seed of every id, secret and request id (default 0)
  --account-id ID      the account id: 12 digits for aws (default 123456789012), 32 lower-case
                       hex digits for huawei (default 0123456789abcdef0123456789abcdef)
  --clock CLOCK        where timestamps come from: wall (default, the real time), fixed
                       (2025-01-01T00:00:00Z, one second more per event) or an ISO 8601 instant
                       to step from
  --key-quota N        access keys per user (default 2)
  --state FILE         load users and keys from this fixture file at start
  --save-state FILE    write users and keys to this file on shutdown (atomically)
  --faults FILE        add the fault rules in this JSON file at start (see the README); they
                       can also be managed at runtime under /_fakeiam/faults

recording and replaying (see the README, "Recording and replaying"):
  --record FILE        save every exchange to FILE, a cassette, rewritten after each one
  --upstream URL       with --record: forward each request to URL (http or https, an origin
                       such as https://iam.amazonaws.com) instead of serving the fake, signed
                       again with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN
                       (AWS) or HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and
                       HUAWEICLOUD_SDK_SECURITY_TOKEN (Huawei) from the environment
  --upstream-region R  region to sign AWS requests for when the client's signature names none
                       (default us-east-1)
  --upstream-ca FILE   PEM certificate authorities to trust for an https upstream
  --no-redact          keep secrets, security tokens and signatures in the recording
  --replay FILE        answer every request from the cassette FILE
  --expect FILE        serve the fake, and compare every answer with the one in FILE
  --match-order ORDER  any (default): a request may match any interaction not yet played;
                       strict: it must match the next one
  --allow-repeats      let a played interaction answer again
  --allow-unused       do not fail when interactions were never played
  --expect-ignore A,B  names (XML elements, JSON keys, header fields) whose values --expect
                       does not compare, e.g. RequestId,x-amzn-RequestId
  With --replay or --expect, the server exits with status 3 after SIGINT or SIGTERM when a
  request matched nothing, an answer differed, or (unless allowed) an interaction was never
  played, and says which on standard error. GET /_fakeiam/cassette tells the same at any time.

authentication (see the README, "Strict authentication"):
  --strict-auth        verify every request's signature (AWS SigV4, Huawei SDK-HMAC-SHA256)
                       against the secrets the store issued; refuse unsigned requests, unknown,
                       inactive or deleted keys and wrong signatures as the clouds do
  --root-key ID:SECRET[:TOKEN]
                       with --strict-auth: a key that signs as the account root though the store
                       never issued it (repeatable), for a client's first calls
  --clock-skew SECONDS with --strict-auth: refuse signatures further than this from the store's
                       clock (the clouds allow 900); default 0, no check
  --access-policy P    unrestricted (default), or own-user: a user's key may manage only that
                       user's keys and read only that user; the root may do everything

  --quiet, -q          do not log requests on standard error
  --version            print the version and exit
  --help, -h           print this help and exit
)";
}

}  // namespace fakeiam::cli
