// The AWS dialect's cost through the embedded server over keep-alive loopback, and the server's
// start and stop times (the same requests in-process, without the server: handler_bench.cpp).
//
//   fakeiam_server_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <memory>
#include <string>

#include "fakeiam/server.hpp"
#include "signed_requests.hpp"

namespace {

using fakeiam::Cloud;
using fakeiam::bench::Scenario;

const std::string kListBob = fakeiam::bench::QueryBody("Action=ListAccessKeys&UserName=Bob");

const Scenario& SharedScenario() {
  static const Scenario scenario(Cloud::Aws);
  return scenario;
}

// One server for all threads of a run; each benchmark thread has its own keep-alive connection.
fakeiam::Server& SharedServer() {
  static fakeiam::Server server(SharedScenario().store);
  static const bool started = server.Start().ok();
  (void)started;
  return server;
}

void BM_ServerListAccessKeys(benchmark::State& state) {
  httplib::Client client("127.0.0.1", SharedServer().port());
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  const httplib::Headers headers = {
      {"Authorization", fakeiam::bench::SigV4Authorization(SharedScenario().signer_key_id)}};
  for (auto _ : state) {
    const httplib::Result result =
        client.Post("/", headers, kListBob, "application/x-www-form-urlencoded");
    if (!result || result->status != 200) state.SkipWithError("request failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ServerListAccessKeys)->UseRealTime()->Threads(1)->Threads(8);

void BM_ServerStartToFirstAnswer(benchmark::State& state) {
  const Scenario scenario(Cloud::Aws);
  for (auto _ : state) {
    fakeiam::Server server(scenario.store);
    if (!server.Start().ok()) state.SkipWithError("start failed");
    httplib::Client client("127.0.0.1", server.port());
    client.set_tcp_nodelay(true);
    benchmark::DoNotOptimize(client.Post("/", kListBob, "application/x-www-form-urlencoded"));
    state.PauseTiming();
    server.Stop();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_ServerStartToFirstAnswer)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_ServerStop(benchmark::State& state) {
  const Scenario scenario(Cloud::Aws);
  for (auto _ : state) {
    state.PauseTiming();
    fakeiam::Server server(scenario.store);
    if (!server.Start().ok()) state.SkipWithError("start failed");
    httplib::Client client("127.0.0.1", server.port());
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    benchmark::DoNotOptimize(client.Post("/", kListBob, "application/x-www-form-urlencoded"));
    state.ResumeTiming();
    server.Stop();  // with the client's keep-alive connection still open
  }
}
BENCHMARK(BM_ServerStop)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
