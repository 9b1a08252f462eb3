#include "cli/server_options.hpp"

#include <charconv>
#include <functional>
#include <map>

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
  };
  return options;
}

}  // namespace

Result<ServerCommand> ParseServerCommand(const std::vector<std::string>& args) {
  ServerCommand command;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      command.show_help = true;
      continue;
    }
    if (arg == "--version") {
      command.show_version = true;
      continue;
    }
    if (arg == "--quiet" || arg == "-q") {
      command.quiet = true;
      continue;
    }
    const std::size_t eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    const auto option = ValueOptions().find(name);
    if (option == ValueOptions().end()) {
      return Bad("unknown option '" + arg + "' (see --help)");
    }
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
  --quiet, -q          do not log requests on standard error
  --version            print the version and exit
  --help, -h           print this help and exit
)";
}

}  // namespace fakeiam::cli
