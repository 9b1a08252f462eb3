// The AWS dialect's cost through the transport-independent handler (in-process) and through the
// embedded server over keep-alive loopback, and the server's start and stop times.
//
//   fakeiam_server_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <memory>
#include <string>

#include "fakeiam/handler.hpp"
#include "fakeiam/server.hpp"

namespace {

constexpr char kListBob[] = "Action=ListAccessKeys&UserName=Bob&Version=2010-05-08";
constexpr char kSignature[] =
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/iam/aws4_request, "
    "SignedHeaders=content-type;host;x-amz-date, "
    "Signature=0000000000000000000000000000000000000000000000000000000000000000";

// A store with Bob and his two keys, as in the seed scenario.
std::shared_ptr<fakeiam::Store> BobsStore() {
  auto store = std::make_shared<fakeiam::Store>();
  (void)store->CreateUser("Bob");
  (void)store->CreateAccessKey("Bob");
  (void)store->CreateAccessKey("Bob");
  return store;
}

void BM_HandlerListAccessKeys(benchmark::State& state) {
  const fakeiam::Handler handler(BobsStore());
  fakeiam::HttpRequest request;
  request.method = "POST";
  request.headers.Add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.headers.Add("Authorization", kSignature);
  request.body = kListBob;
  for (auto _ : state) benchmark::DoNotOptimize(handler.Handle(request));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HandlerListAccessKeys);

void BM_HandlerHuaweiListAccessKeys(benchmark::State& state) {
  fakeiam::StoreOptions options;
  options.profile = fakeiam::Cloud::Huawei;
  auto store = std::make_shared<fakeiam::Store>(options);
  const std::string user_id = store->CreateUser("alice")->id;
  (void)store->CreateAccessKey("alice");
  (void)store->CreateAccessKey("alice");
  const fakeiam::Handler handler(store);
  fakeiam::HttpRequest request;
  request.path = "/v5/users/" + user_id + "/access-keys";
  request.headers.Add("Content-Type", "application/json");
  request.headers.Add("Authorization",
                      "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, "
                      "SignedHeaders=content-type;host;x-sdk-date, Signature=00");
  for (auto _ : state) benchmark::DoNotOptimize(handler.Handle(request));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HandlerHuaweiListAccessKeys);

// One server for all threads of a run; each benchmark thread has its own keep-alive connection.
fakeiam::Server& SharedServer() {
  static fakeiam::Server server(BobsStore());
  static const bool started = server.Start().ok();
  (void)started;
  return server;
}

void BM_ServerListAccessKeys(benchmark::State& state) {
  httplib::Client client("127.0.0.1", SharedServer().port());
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  const httplib::Headers headers = {{"Authorization", kSignature}};
  for (auto _ : state) {
    const httplib::Result result =
        client.Post("/", headers, kListBob, "application/x-www-form-urlencoded");
    if (!result || result->status != 200) state.SkipWithError("request failed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ServerListAccessKeys)->UseRealTime()->Threads(1)->Threads(8);

void BM_ServerStartToFirstAnswer(benchmark::State& state) {
  auto store = BobsStore();
  for (auto _ : state) {
    fakeiam::Server server(store);
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
  auto store = BobsStore();
  for (auto _ : state) {
    state.PauseTiming();
    fakeiam::Server server(store);
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
