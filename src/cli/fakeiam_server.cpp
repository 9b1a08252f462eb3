// fakeiam-server: the embedded server as a command, for offline developer testing.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <iostream>

#include "cli/server_options.hpp"
#include "core/files.hpp"
#include "fakeiam/fixture.hpp"
#include "fakeiam/server.hpp"

namespace {

int Fail(const std::string& message, int code) {
  std::cerr << "fakeiam-server: " << message << "\n";
  return code;
}

// Empty fields (a request that did not parse has no method or target) are logged as "-".
const char* OrDash(const std::string& s) { return s.empty() ? "-" : s.c_str(); }

void LogRequest(const fakeiam::RequestLog& log) {
  const std::string target =
      log.request.query.empty() ? log.request.path : log.request.path + "?" + log.request.query;
  std::fprintf(stderr, "%s %s %s %s %d %.2fms\n", OrDash(log.remote_address),
               OrDash(log.request.method), OrDash(target), OrDash(log.response.operation),
               log.response.status, static_cast<double>(log.elapsed.count()) / 1000.0);
}

// The rules of a --faults file.
fakeiam::Result<void> AddFaultRules(fakeiam::Store& store, const std::string& path) {
  const fakeiam::Result<std::string> text = fakeiam::internal::ReadFile(path);
  if (!text.ok()) return text.error();
  fakeiam::Result<std::vector<fakeiam::FaultRule>> rules = fakeiam::ParseFaultRules(*text, path);
  if (!rules.ok()) return rules.error();
  if (auto added = store.faults().AddAll(std::move(*rules)); !added.ok()) {
    return fakeiam::Error::Make(fakeiam::ErrorCode::InvalidInput,
                                path + ": " + added.error().message);
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  const fakeiam::Result<fakeiam::cli::ServerCommand> parsed =
      fakeiam::cli::ParseServerCommand(std::vector<std::string>(argv + 1, argv + argc));
  if (!parsed.ok()) return Fail(parsed.error().message, 2);
  fakeiam::cli::ServerCommand command = *parsed;
  if (command.show_help) {
    std::cout << fakeiam::cli::ServerUsage();
    return 0;
  }
  if (command.show_version) {
    std::cout << "fakeiam-server " << FAKEIAM_VERSION << "\n";
    return 0;
  }

  // Signals are taken by sigwait below, so every thread started from here on blocks them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  if (command.clock == fakeiam::cli::ClockChoice::Wall) {
    command.store.clock = std::make_shared<fakeiam::SystemClock>();
  } else {
    command.store.clock = std::make_shared<fakeiam::SteppingClock>(command.clock_start);
  }
  auto store = std::make_shared<fakeiam::Store>(command.store);
  if (command.state_file) {
    if (auto loaded = fakeiam::LoadFixture(*store, *command.state_file); !loaded.ok()) {
      return Fail(loaded.error().message, 1);
    }
  }
  if (command.faults_file) {
    if (auto added = AddFaultRules(*store, *command.faults_file); !added.ok()) {
      return Fail(added.error().message, 1);
    }
  }
  if (!command.quiet) command.server.on_request = LogRequest;
  fakeiam::Server server(store, command.server);
  if (auto started = server.Start(); !started.ok()) return Fail(started.error().message, 1);
  std::printf("fakeiam listening on %s\n", server.endpoint().c_str());
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  server.Stop();
  if (command.save_state_file) {
    if (auto saved = fakeiam::SaveFixture(*store, *command.save_state_file); !saved.ok()) {
      return Fail(saved.error().message, 1);
    }
  }
  return 0;
}
