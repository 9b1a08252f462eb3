// What record and replay cost per exchange, by cassette size: a recorder rewrites its whole file
// after each exchange (before the client has its answer), and a replayer compares a request with
// the recorded ones in turn. Both grow with the cassette; these figures say how fast.
//
//   fakeiam_cassette_bench --benchmark_min_time=0.2
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "fakeiam/handler.hpp"
#include "fakeiam/recorder.hpp"
#include "fakeiam/replayer.hpp"
#include "fakeiam/store.hpp"

namespace {

fakeiam::HttpRequest ListKeys(int user) {
  fakeiam::HttpRequest request;
  request.method = "POST";
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
  request.body =
      "Action=ListAccessKeys&UserName=user" + std::to_string(user) + "&Version=2010-05-08";
  return request;
}

std::shared_ptr<fakeiam::Handler> FakeWithUsers(int users) {
  auto store = std::make_shared<fakeiam::Store>();
  for (int i = 0; i < users; ++i) {
    (void)store->CreateUser("user" + std::to_string(i));
    (void)store->CreateAccessKey("user" + std::to_string(i));
  }
  return std::make_shared<fakeiam::Handler>(store);
}

// One more exchange recorded into a cassette that already holds range(0).
void BM_RecordExchange(benchmark::State& state) {
  const int size = static_cast<int>(state.range(0));
  const std::string path = "/tmp/fakeiam_cassette_bench_" + std::to_string(::getpid()) + ".json";
  const auto fake = FakeWithUsers(size);
  for (auto _ : state) {
    state.PauseTiming();
    fakeiam::Recorder recorder(fake, fakeiam::RecordOptions{path});
    for (int i = 0; i < size; ++i) recorder.Handle(ListKeys(i));
    state.ResumeTiming();
    benchmark::DoNotOptimize(recorder.Handle(ListKeys(0)));
  }
  std::remove(path.c_str());
}
BENCHMARK(BM_RecordExchange)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

// Answering a request whose interaction is the last of range(0), every other one compared first.
void BM_ReplayLastInteraction(benchmark::State& state) {
  const int size = static_cast<int>(state.range(0));
  const auto fake = FakeWithUsers(size);
  fakeiam::Cassette cassette;
  for (int i = 0; i < size; ++i) {
    fakeiam::Interaction interaction;
    interaction.id = i + 1;
    interaction.request = ListKeys(i);
    interaction.response = fake->Handle(interaction.request);
    cassette.interactions.push_back(interaction);
  }
  fakeiam::PlaybackOptions options;
  options.allow_repeats = true;
  const fakeiam::Replayer replayer(cassette, options);
  const fakeiam::HttpRequest last = ListKeys(size - 1);
  for (auto _ : state) benchmark::DoNotOptimize(replayer.Handle(last));
}
BENCHMARK(BM_ReplayLastInteraction)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
