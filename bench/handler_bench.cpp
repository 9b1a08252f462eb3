// Every access-key and user operation through the transport-independent handler (a request value
// in, a response value out) in both dialects: the protocol path without sockets, XML and JSON
// rendering and caller resolution included. Each request is built once, outside the timed loop,
// except the delete that follows a create, whose key id changes every time.
//
//   fakeiam_handler_bench --benchmark_min_time=0.5 [--benchmark_filter=Huawei]
#include <benchmark/benchmark.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "fakeiam/handler.hpp"
#include "signed_requests.hpp"

namespace {

using fakeiam::Cloud;
using fakeiam::Handler;
using fakeiam::HttpRequest;
using fakeiam::HttpResponse;
using fakeiam::bench::Scenario;
using fakeiam::bench::V5KeysPath;

// An error answer would time the error path; report it instead of a misleading figure.
bool Succeeded(benchmark::State& state, const HttpResponse& response) {
  if (response.status / 100 == 2) return true;
  state.SkipWithError(("HTTP " + std::to_string(response.status) + ": " + response.body).c_str());
  return false;
}

void AnswerRepeatedly(benchmark::State& state, const Handler& handler, const HttpRequest& request) {
  for (auto _ : state) {
    if (!Succeeded(state, handler.Handle(request))) break;
  }
  state.SetItemsProcessed(state.iterations());
}

// For an update: alternating between two statuses keeps every call a real change.
void AnswerAlternately(benchmark::State& state, const Handler& handler, const HttpRequest& first,
                       const HttpRequest& second) {
  bool turn = false;
  for (auto _ : state) {
    if (!Succeeded(state, handler.Handle(turn ? second : first))) break;
    turn = !turn;
  }
  state.SetItemsProcessed(state.iterations());
}

// Both calls every iteration, so the store ends each one as it began.
void AnswerPairs(benchmark::State& state, const Handler& handler, const HttpRequest& first,
                 const HttpRequest& second) {
  for (auto _ : state) {
    if (!Succeeded(state, handler.Handle(first)) || !Succeeded(state, handler.Handle(second))) {
      break;
    }
  }
  state.SetItemsProcessed(2 * state.iterations());
}

// Where a response names the new key: the text between `open` and the next `close`.
struct KeyIdMarkup {
  std::string_view open;
  std::string_view close;

  std::string_view Find(std::string_view text) const {
    const std::size_t start = text.find(open);
    if (start == std::string_view::npos) return {};
    const std::size_t begin = start + open.size();
    const std::size_t end = text.find(close, begin);
    return end == std::string_view::npos ? std::string_view() : text.substr(begin, end - begin);
  }
};

// Creates a key and deletes it with the id the create's answer names. `delete_request`'s
// `id_field` (its body or its path) ends where the id goes, so each iteration only rewrites that
// tail, within the capacity the first iteration reserved. The search for the id (a few hundred
// bytes scanned) is timed with the two calls.
void CreateThenDelete(benchmark::State& state, const Handler& handler,
                      const HttpRequest& create_request, HttpRequest delete_request,
                      std::string HttpRequest::*id_field, KeyIdMarkup markup) {
  std::string& id_slot = delete_request.*id_field;
  const std::size_t id_offset = id_slot.size();
  for (auto _ : state) {
    const HttpResponse created = handler.Handle(create_request);
    if (!Succeeded(state, created)) break;
    const std::string_view key_id = markup.Find(created.body);
    if (key_id.empty()) {
      state.SkipWithError(("no key id in " + created.body).c_str());
      break;
    }
    id_slot.resize(id_offset);
    id_slot.append(key_id);
    if (!Succeeded(state, handler.Handle(delete_request))) break;
  }
  state.SetItemsProcessed(2 * state.iterations());
}

// --- AWS Query -----------------------------------------------------------------------------

void BM_HandlerListAccessKeys(benchmark::State& state) {
  const Scenario scenario(Cloud::Aws);
  AnswerRepeatedly(state, Handler(scenario.store),
                   scenario.Query("Action=ListAccessKeys&UserName=Bob"));
}
BENCHMARK(BM_HandlerListAccessKeys);

void BM_HandlerCreateDeleteAccessKey(benchmark::State& state) {
  const Scenario scenario(Cloud::Aws);
  // The id goes last: parameters may come in any order.
  CreateThenDelete(state, Handler(scenario.store),
                   scenario.Query("Action=CreateAccessKey&UserName=Carol"),
                   scenario.Query("Action=DeleteAccessKey&UserName=Carol&AccessKeyId="),
                   &HttpRequest::body, {"<AccessKeyId>", "</AccessKeyId>"});
}
BENCHMARK(BM_HandlerCreateDeleteAccessKey);

void BM_HandlerUpdateAccessKey(benchmark::State& state) {
  const Scenario scenario(Cloud::Aws);
  const std::string key =
      "Action=UpdateAccessKey&UserName=Bob&AccessKeyId=" + scenario.bob_key_ids.back() + "&Status=";
  AnswerAlternately(state, Handler(scenario.store), scenario.Query(key + "Inactive"),
                    scenario.Query(key + "Active"));
}
BENCHMARK(BM_HandlerUpdateAccessKey);

void BM_HandlerGetAccessKeyLastUsed(benchmark::State& state) {
  const Scenario scenario(Cloud::Aws);
  AnswerRepeatedly(
      state, Handler(scenario.store),
      scenario.Query("Action=GetAccessKeyLastUsed&AccessKeyId=" + scenario.bob_key_ids.front()));
}
BENCHMARK(BM_HandlerGetAccessKeyLastUsed);

void BM_HandlerCreateDeleteUser(benchmark::State& state) {
  const Scenario scenario(Cloud::Aws);
  AnswerPairs(state, Handler(scenario.store), scenario.Query("Action=CreateUser&UserName=Dave"),
              scenario.Query("Action=DeleteUser&UserName=Dave"));
}
BENCHMARK(BM_HandlerCreateDeleteUser);

void BM_HandlerGetUser(benchmark::State& state) {
  const Scenario scenario(Cloud::Aws);
  AnswerRepeatedly(state, Handler(scenario.store), scenario.Query("Action=GetUser&UserName=Bob"));
}
BENCHMARK(BM_HandlerGetUser);

// One page holding every user: the scenario's three, or a full page of 100.
void BM_HandlerListUsers(benchmark::State& state) {
  const Scenario scenario(Cloud::Aws);
  for (auto u = scenario.store->ListUsers().value().items.size();
       u < static_cast<std::size_t>(state.range(0)); ++u) {
    scenario.store->CreateUser("user" + std::to_string(u)).value();
  }
  AnswerRepeatedly(state, Handler(scenario.store), scenario.Query("Action=ListUsers&MaxItems=100"));
}
BENCHMARK(BM_HandlerListUsers)->ArgName("users")->Arg(3)->Arg(100);

// --- Huawei v5 -----------------------------------------------------------------------------

void BM_HandlerHuaweiListAccessKeys(benchmark::State& state) {
  const Scenario scenario(Cloud::Huawei);
  AnswerRepeatedly(state, Handler(scenario.store), scenario.V5("GET", V5KeysPath(scenario.bob_id)));
}
BENCHMARK(BM_HandlerHuaweiListAccessKeys);

void BM_HandlerHuaweiCreateDeleteAccessKey(benchmark::State& state) {
  const Scenario scenario(Cloud::Huawei);
  const std::string keys = V5KeysPath(scenario.carol_id);
  CreateThenDelete(state, Handler(scenario.store), scenario.V5("POST", keys),
                   scenario.V5("DELETE", keys + "/"), &HttpRequest::path,
                   {"\"access_key_id\":\"", "\""});
}
BENCHMARK(BM_HandlerHuaweiCreateDeleteAccessKey);

void BM_HandlerHuaweiUpdateAccessKey(benchmark::State& state) {
  const Scenario scenario(Cloud::Huawei);
  const std::string key = V5KeysPath(scenario.bob_id) + "/" + scenario.bob_key_ids.back();
  AnswerAlternately(state, Handler(scenario.store),
                    scenario.V5("PUT", key, R"({"status":"inactive"})"),
                    scenario.V5("PUT", key, R"({"status":"active"})"));
}
BENCHMARK(BM_HandlerHuaweiUpdateAccessKey);

void BM_HandlerHuaweiAccessKeyLastUsed(benchmark::State& state) {
  const Scenario scenario(Cloud::Huawei);
  AnswerRepeatedly(state, Handler(scenario.store),
                   scenario.V5("GET", V5KeysPath(scenario.bob_id) + "/" +
                                          scenario.bob_key_ids.front() + "/last-used"));
}
BENCHMARK(BM_HandlerHuaweiAccessKeyLastUsed);

}  // namespace

BENCHMARK_MAIN();
