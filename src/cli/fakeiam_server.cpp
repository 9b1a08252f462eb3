// fakeiam-server: the embedded server as a command, for offline developer testing.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/server_options.hpp"
#include "core/files.hpp"
#include "fakeiam/expect_checker.hpp"
#include "fakeiam/fixture.hpp"
#include "fakeiam/handler.hpp"
#include "fakeiam/recorder.hpp"
#include "fakeiam/replayer.hpp"
#include "fakeiam/server.hpp"
#include "fakeiam/upstream.hpp"

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

// Exit status when a replayed or expected cassette did not hold.
constexpr int kCassetteCheckFailed = 3;

// The service the command serves: the fake itself, or a cassette mode in front of it. `finish`
// is set to what must happen once the server has stopped: a last word on the recording, or the
// verdict on the cassette.
fakeiam::Result<std::shared_ptr<const fakeiam::HttpService>> CassetteService(
    const fakeiam::cli::ServerCommand& command, std::shared_ptr<fakeiam::Handler> fake,
    std::function<int()>& finish) {
  using fakeiam::cli::CassetteMode;
  const std::string& file = command.cassette_file;
  if (command.cassette_mode == CassetteMode::Record) {
    std::shared_ptr<const fakeiam::HttpService> source = fake;
    if (command.upstream_url) {
      source =
          std::make_shared<fakeiam::Upstream>(fakeiam::cli::UpstreamOf(command, std::getenv), fake);
    }
    auto recorder = std::make_shared<fakeiam::Recorder>(
        source, fakeiam::RecordOptions{file, command.redact_secrets});
    if (auto saved = recorder->Save(); !saved.ok()) return saved.error();
    finish = [recorder] {
      if (auto error = recorder->save_error()) return Fail(error->message, 1);
      std::cerr << "fakeiam-server: recorded " << recorder->cassette().interactions.size()
                << " exchanges in " << recorder->options().path << "\n";
      return 0;
    };
    return std::shared_ptr<const fakeiam::HttpService>(recorder);
  }
  if (command.cassette_mode == CassetteMode::None) {
    return std::shared_ptr<const fakeiam::HttpService>(fake);
  }
  fakeiam::Result<fakeiam::Cassette> cassette = fakeiam::LoadCassette(file);
  if (!cassette.ok()) return cassette.error();
  const auto verdict = [file](const fakeiam::Result<void>& verified) {
    if (!verified.ok()) return Fail(file + ": " + verified.error().message, kCassetteCheckFailed);
    std::cerr << "fakeiam-server: " << file << " held\n";
    return 0;
  };
  if (command.cassette_mode == CassetteMode::Replay) {
    auto replayer =
        std::make_shared<fakeiam::Replayer>(std::move(*cassette), command.playback, fake);
    finish = [replayer, verdict] { return verdict(replayer->Verify()); };
    return std::shared_ptr<const fakeiam::HttpService>(replayer);
  }
  auto checker = std::make_shared<fakeiam::ExpectChecker>(
      std::move(*cassette), fake, fakeiam::ExpectOptions{command.playback, command.expect_ignore});
  finish = [checker, verdict] { return verdict(checker->Verify()); };
  return std::shared_ptr<const fakeiam::HttpService>(checker);
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
  std::function<int()> finish = [] { return 0; };
  fakeiam::HandlerOptions handling;
  handling.auth = command.auth;
  const auto service =
      CassetteService(command, std::make_shared<fakeiam::Handler>(store, handling), finish);
  if (!service.ok()) return Fail(service.error().message, 1);
  fakeiam::Server server(*service, command.server);
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
  return finish();
}
