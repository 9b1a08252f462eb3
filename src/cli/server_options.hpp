// The command line of fakeiam-server.
#ifndef FAKEIAM_SRC_CLI_SERVER_OPTIONS_HPP_
#define FAKEIAM_SRC_CLI_SERVER_OPTIONS_HPP_

#include <optional>
#include <string>
#include <vector>

#include "fakeiam/clock.hpp"
#include "fakeiam/result.hpp"
#include "fakeiam/server.hpp"
#include "fakeiam/store.hpp"

namespace fakeiam::cli {

enum class ClockChoice { Wall, Stepping };

struct ServerCommand {
  bool show_help = false;
  bool show_version = false;
  bool quiet = false;
  ServerOptions server;
  StoreOptions store;
  ClockChoice clock = ClockChoice::Wall;  // a person at a terminal expects real dates
  Timestamp clock_start = SteppingClock::kDefaultStart;
  std::optional<std::string> state_file;
  std::optional<std::string> faults_file;
  std::optional<std::string> save_state_file;
};

// Parses the arguments after the program name. Errors (InvalidInput) name the argument.
Result<ServerCommand> ParseServerCommand(const std::vector<std::string>& args);

// The --help text.
std::string ServerUsage();

}  // namespace fakeiam::cli

#endif  // FAKEIAM_SRC_CLI_SERVER_OPTIONS_HPP_
