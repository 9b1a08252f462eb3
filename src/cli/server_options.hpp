// The command line of fakeiam-server.
#ifndef FAKEIAM_SRC_CLI_SERVER_OPTIONS_HPP_
#define FAKEIAM_SRC_CLI_SERVER_OPTIONS_HPP_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fakeiam/auth_options.hpp"
#include "fakeiam/clock.hpp"
#include "fakeiam/expect_checker.hpp"
#include "fakeiam/replayer.hpp"
#include "fakeiam/result.hpp"
#include "fakeiam/server.hpp"
#include "fakeiam/store.hpp"
#include "fakeiam/upstream.hpp"

namespace fakeiam::cli {

enum class ClockChoice { Wall, Stepping };

// What the server does with a cassette file, if anything.
enum class CassetteMode { None, Record, Replay, Expect };

struct ServerCommand {
  bool show_help = false;
  bool show_version = false;
  bool quiet = false;
  ServerOptions server;
  StoreOptions store;
  AuthOptions auth;
  ClockChoice clock = ClockChoice::Wall;  // a person at a terminal expects real dates
  Timestamp clock_start = SteppingClock::kDefaultStart;
  std::optional<std::string> state_file;
  std::optional<std::string> faults_file;
  std::optional<std::string> save_state_file;

  CassetteMode cassette_mode = CassetteMode::None;
  std::string cassette_file;
  bool redact_secrets = true;
  // With Record: forward to this endpoint instead of serving the fake.
  std::optional<std::string> upstream_url;
  std::string upstream_region = "us-east-1";
  std::string upstream_ca_file;
  PlaybackOptions playback;
  std::vector<std::string> expect_ignore;
};

// Parses the arguments after the program name. Errors (InvalidInput) name the argument.
Result<ServerCommand> ParseServerCommand(const std::vector<std::string>& args);

// The upstream of a --record --upstream command, with the credentials the environment holds (see
// UpstreamFromEnvironment).
UpstreamOptions UpstreamOf(const ServerCommand& command,
                           const std::function<const char*(const char*)>& getenv);

// The --help text.
std::string ServerUsage();

}  // namespace fakeiam::cli

#endif  // FAKEIAM_SRC_CLI_SERVER_OPTIONS_HPP_
