// The embedded server: lifecycle (ephemeral ports, readiness, prompt RAII stop, restart), many
// servers at once, a store shared with in-process calls, and serving on after bad requests.
#include "fakeiam/server.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "raw_http.hpp"
#include "xml_equivalence.hpp"

namespace fakeiam {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using testing_support::ConnectLoopback;
using testing_support::RawExchange;
using testing_support::XmlText;

constexpr char kListUsers[] = "Action=ListUsers&Version=2010-05-08";

// A client as real ones are set up: without Nagle's delay, which would otherwise hold each
// request body for the server's delayed ACK.
std::unique_ptr<httplib::Client> ClientOf(const Server& server) {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", server.port());
  client->set_tcp_nodelay(true);
  client->set_keep_alive(true);
  return client;
}

httplib::Result Post(const Server& server, const std::string& body) {
  return ClientOf(server)->Post("/", body, "application/x-www-form-urlencoded");
}

TEST(ServerTest, StartsOnAnEphemeralLoopbackPortAndAnswers) {
  Server server(std::make_shared<Store>());
  EXPECT_FALSE(server.running());
  ASSERT_TRUE(server.Start().ok());
  EXPECT_TRUE(server.running());
  EXPECT_GT(server.port(), 0);
  EXPECT_EQ(server.endpoint(), "http://127.0.0.1:" + std::to_string(server.port()));
  const httplib::Result result = Post(server, kListUsers);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/xml");
  EXPECT_THAT(result->get_header_value("x-amzn-RequestId"), MatchesRegex("[0-9a-f-]{36}"));
  EXPECT_THAT(result->body, HasSubstr("<ListUsersResponse"));
}

TEST(ServerTest, StopsAndRestarts) {
  Server server(std::make_shared<Store>());
  ASSERT_TRUE(server.Start().ok());
  server.Stop();
  EXPECT_FALSE(server.running());
  server.Stop();  // idempotent
  ASSERT_TRUE(server.Start().ok());
  EXPECT_TRUE(Post(server, kListUsers));
}

TEST(ServerTest, DestructorStopsAndReleasesThePort) {
  int port = 0;
  {
    Server server(std::make_shared<Store>());
    ASSERT_TRUE(server.Start().ok());
    port = server.port();
  }
  ServerOptions options;
  options.port = port;
  Server again(std::make_shared<Store>(), options);
  EXPECT_TRUE(again.Start().ok());
}

TEST(ServerTest, StartOnAPortInUseFails) {
  Server first(std::make_shared<Store>());
  ASSERT_TRUE(first.Start().ok());
  ServerOptions options;
  options.port = first.port();
  Server second(std::make_shared<Store>(), options);
  const Result<void> started = second.Start();
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().code, ErrorCode::ServiceFailure);
  EXPECT_THAT(started.error().message, HasSubstr(std::to_string(first.port())));
  EXPECT_FALSE(second.running());
}

TEST(ServerTest, StopIsPromptWithIdleKeepAliveConnections) {
  ServerOptions options;
  options.keep_alive_timeout = std::chrono::seconds(60);
  Server server(std::make_shared<Store>(), options);
  ASSERT_TRUE(server.Start().ok());
  // Idle keep-alive connections would otherwise hold Stop for the keep-alive timeout.
  std::vector<std::unique_ptr<httplib::Client>> clients;
  for (int i = 0; i < 4; ++i) {
    clients.push_back(ClientOf(server));
    ASSERT_TRUE(clients.back()->Post("/", kListUsers, "application/x-www-form-urlencoded"));
  }
  const auto start = std::chrono::steady_clock::now();
  server.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
  EXPECT_FALSE(server.running());
}

TEST(ServerTest, ManyServersRunAtOnceWithTheirOwnStores) {
  std::vector<std::unique_ptr<Server>> servers;
  std::set<int> ports;
  for (int i = 0; i < 8; ++i) {
    servers.push_back(std::make_unique<Server>(std::make_shared<Store>()));
    ASSERT_TRUE(servers.back()->Start().ok());
    ports.insert(servers.back()->port());
  }
  EXPECT_EQ(ports.size(), 8u);
  ASSERT_EQ(Post(*servers[3], "Action=CreateUser&UserName=OnlyHere&Version=2010-05-08")->status,
            200);
  for (std::size_t i = 0; i < servers.size(); ++i) {
    const auto result = Post(*servers[i], "Action=GetUser&UserName=OnlyHere&Version=2010-05-08");
    EXPECT_EQ(result->status, i == 3 ? 200 : 404) << i;
  }
}

TEST(ServerTest, StoreIsSharedWithInProcessCalls) {
  auto store = std::make_shared<Store>();
  Server server(store);
  ASSERT_TRUE(server.Start().ok());
  ASSERT_TRUE(store->CreateUser("Bob").ok());
  const auto created = Post(server, "Action=CreateAccessKey&UserName=Bob&Version=2010-05-08");
  ASSERT_EQ(created->status, 200);
  const auto keys = store->ListAccessKeys("Bob");
  ASSERT_EQ(keys->items.size(), 1u);
  EXPECT_EQ(keys->items[0].id, XmlText(created->body, "AccessKeyId"));
}

TEST(ServerTest, ConcurrentClientsAreAllServed) {
  auto store = std::make_shared<Store>();
  Server server(store);
  ASSERT_TRUE(server.Start().ok());
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      const auto client = ClientOf(server);
      const std::string user = "user" + std::to_string(t);
      if (client
              ->Post("/", "Action=CreateUser&UserName=" + user + "&Version=2010-05-08",
                     "application/x-www-form-urlencoded")
              ->status == 200) {
        ok.fetch_add(1);
      }
      for (int i = 0; i < 25; ++i) {
        const auto r = client->Post("/", kListUsers, "application/x-www-form-urlencoded");
        if (r && r->status == 200) ok.fetch_add(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8 * 26);
  EXPECT_EQ(store->ListUsers()->items.size(), 8u);
}

// A client that asks before sending its body gets "100 Continue", then the answer; and requests
// sent back to back on one connection (pipelined) are answered in order.
TEST(ServerTest, AnswersExpectContinueAndPipelinedRequests) {
  Server server(std::make_shared<Store>());
  ASSERT_TRUE(server.Start().ok());
  const int fd = ConnectLoopback(server.port());
  ASSERT_GE(fd, 0);
  const std::string head =
      "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
      "application/x-www-form-urlencoded\r\nExpect: 100-continue\r\n"
      "Content-Length: " +
      std::to_string(sizeof kListUsers - 1) + "\r\n\r\n";
  ASSERT_TRUE(testing_support::SendAll(fd, head));
  const std::string interim = "HTTP/1.1 100 Continue\r\n\r\n";
  std::string received(interim.size(), '\0');
  ASSERT_EQ(recv(fd, received.data(), received.size(), MSG_WAITALL),
            static_cast<ssize_t>(interim.size()));
  EXPECT_EQ(received, interim);
  ASSERT_TRUE(testing_support::SendAll(fd, kListUsers));
  const auto answered = testing_support::ParseRawResponse(testing_support::ReadResponse(fd));
  ASSERT_TRUE(answered);
  EXPECT_EQ(answered->status, 200);
  const std::string create =
      "POST / HTTP/1.1\r\nHost: h\r\nContent-Type: "
      "application/x-www-form-urlencoded\r\nContent-Length: 50\r\n\r\n"
      "Action=CreateUser&UserName=Pipe&Version=2010-05-08";
  const std::string list =
      "GET /?Action=ListUsers&Version=2010-05-08 HTTP/1.1\r\nHost: h\r\n"
      "Connection: close\r\n\r\n";
  ASSERT_TRUE(testing_support::SendAll(fd, create + list));
  std::string replies;
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) replies.append(buffer, n);
  close(fd);
  const std::size_t second = replies.find("HTTP/1.1 ", 1);
  ASSERT_NE(second, std::string::npos) << replies;
  const auto created = testing_support::ParseRawResponse(replies.substr(0, second));
  const auto listed = testing_support::ParseRawResponse(replies.substr(second));
  ASSERT_TRUE(created && listed) << replies;
  EXPECT_THAT(created->body, HasSubstr("<UserName>Pipe</UserName>"));
  EXPECT_THAT(listed->body, HasSubstr("<UserName>Pipe</UserName>"));
  EXPECT_EQ(listed->Header("Connection"), "close");
}

// One event loop serves both connections here; the request a fault rule delays moves to a thread
// of its own, so the other connection is answered while it sleeps.
TEST(ServerTest, ARequestThatMayBlockDoesNotHoldUpTheOthers) {
  auto store = std::make_shared<Store>();
  ASSERT_TRUE(store->faults()
                  .Add(FaultRule::For(Operation::ListUsers).WithLatency(std::chrono::seconds(1)))
                  .ok());
  ServerOptions options;
  options.threads = 1;
  Server server(store, options);
  ASSERT_TRUE(server.Start().ok());
  const int slow = ConnectLoopback(server.port());
  ASSERT_GE(slow, 0);
  ASSERT_TRUE(testing_support::SendAll(
      slow, "GET /?" + std::string(kListUsers) + " HTTP/1.1\r\nHost: h\r\n\r\n"));
  // The rule logs its firing before it sleeps.
  while (store->faults().Log().empty()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const httplib::Result other = Post(server, "Action=CreateUser&UserName=Other&Version=2010-05-08");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  char byte = 0;
  EXPECT_EQ(recv(slow, &byte, 1, MSG_DONTWAIT), -1) << "the delayed request was answered first";
  const auto delayed = testing_support::ParseRawResponse(testing_support::ReadResponse(slow));
  close(slow);
  ASSERT_TRUE(delayed);
  EXPECT_EQ(delayed->status, 200);
}

// A loop answers every request ready at one wakeup before it sends the answers: each must still
// reach its own connection, in order on a connection that pipelines. The log hook runs on the
// loop, so holding the first request there lets all the others arrive for the next wakeup.
TEST(ServerTest, AnswersOfRequestsReadyTogetherReachTheirOwnConnections) {
  constexpr int kConnections = 6;
  auto store = std::make_shared<Store>();
  for (int i = 0; i < kConnections; ++i) {
    ASSERT_TRUE(store->CreateUser("user" + std::to_string(i)).ok());
  }
  std::atomic<bool> all_sent{false};
  std::atomic<bool> held{false};
  ServerOptions options;
  options.threads = 1;
  options.on_request = [&](const RequestLog&) {
    if (held.exchange(true)) return;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!all_sent && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  };
  Server server(store, options);
  ASSERT_TRUE(server.Start().ok());
  const auto get_user = [](int i, std::string_view connection = "keep-alive") {
    return "GET /?Action=GetUser&Version=2010-05-08&UserName=user" + std::to_string(i) +
           " HTTP/1.1\r\nHost: h\r\nConnection: " + std::string(connection) + "\r\n\r\n";
  };
  std::vector<int> sockets;
  for (int i = 0; i < kConnections; ++i) {
    sockets.push_back(ConnectLoopback(server.port()));
    ASSERT_GE(sockets.back(), 0);
  }
  ASSERT_TRUE(testing_support::SendAll(sockets[0], get_user(0)));
  while (!held) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // The last connection pipelines a second request behind its first, and then closes.
  const int pipelining = sockets.back();
  for (int i = 1; i < kConnections; ++i) {
    const std::string request =
        sockets[i] == pipelining ? get_user(i) + get_user(0, "close") : get_user(i);
    ASSERT_TRUE(testing_support::SendAll(sockets[i], request));
  }
  all_sent = true;
  std::vector<std::string> replies;
  for (const int socket : sockets) {
    if (socket != pipelining) replies.push_back(testing_support::ReadResponse(socket));
  }
  std::string both;
  char buffer[4096];
  for (ssize_t n; (n = recv(pipelining, buffer, sizeof buffer, 0)) > 0;) both.append(buffer, n);
  const std::size_t second = both.find("HTTP/1.1 ", 1);
  ASSERT_NE(second, std::string::npos) << both;
  replies.push_back(both.substr(0, second));
  replies.push_back(both.substr(second));
  for (const int socket : sockets) close(socket);
  for (std::size_t i = 0; i < replies.size(); ++i) {
    const auto answer = testing_support::ParseRawResponse(replies[i]);
    ASSERT_TRUE(answer) << "reply " << i << ": " << replies[i];
    EXPECT_EQ(answer->status, 200);
    const std::size_t user = i < kConnections ? i : 0;
    EXPECT_THAT(answer->body, HasSubstr("<UserName>user" + std::to_string(user) + "</UserName>"))
        << "reply " << i;
  }
}

TEST(ServerTest, KeepsServingAfterBadRequests) {
  ServerOptions options;
  options.max_request_bytes = 4096;
  Server server(std::make_shared<Store>(), options);
  ASSERT_TRUE(server.Start().ok());
  // Not HTTP at all.
  RawExchange(server.port(), "\x16\x03\x01garbage\r\n\r\n");
  // A request line without a target: refused, and the connection closed.
  RawExchange(server.port(), "GET\r\n\r\n");
  // A body over the transport's limit is refused in the AWS format.
  const auto huge = Post(server, std::string(8192, 'x'));
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
  EXPECT_EQ(XmlText(huge->body, "Code"), "RequestEntityTooLarge");
  // Broken percent-encoding and an unknown action are ordinary AWS errors.
  EXPECT_EQ(XmlText(Post(server, "Action=ListUsers&X=%ZZ")->body, "Code"), "MalformedQueryString");
  EXPECT_EQ(XmlText(Post(server, "Action=Nope&Version=2010-05-08")->body, "Code"), "InvalidAction");
  // A client that connects and says nothing does not stop others.
  const int idle = ConnectLoopback(server.port());
  ASSERT_GE(idle, 0);
  EXPECT_EQ(Post(server, kListUsers)->status, 200);
  close(idle);
}

TEST(ServerTest, KeepsServingAfterMalformedHuaweiRequests) {
  StoreOptions huawei;
  huawei.profile = Cloud::Huawei;
  auto store = std::make_shared<Store>(huawei);
  const std::string keys = "/v5/users/" + store->CreateUser("alice")->id + "/access-keys";
  Server server(store);
  ASSERT_TRUE(server.Start().ok());
  const auto client = ClientOf(server);
  const auto expect_v5_error = [](const httplib::Result& result, int status) {
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, status) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
    EXPECT_THAT(result->body, HasSubstr("\"error_code\""));
    EXPECT_THAT(result->get_header_value("X-Request-Id"), MatchesRegex("[0-9a-f]{32}"));
  };
  expect_v5_error(client->Put(keys + "/AK", "{not json", "application/json"), 400);
  expect_v5_error(client->Put(keys + "/AK", R"({"status":["active"]})", "application/json"), 400);
  expect_v5_error(client->Put(keys + "/AK", R"({"status":"enabled"})", "application/json"), 400);
  expect_v5_error(client->Get("/v5/users/a%2Fb/access-keys"), 400);
  expect_v5_error(client->Get("/v5/users/../access-keys"), 400);
  expect_v5_error(client->Get("/v5/users/" + std::string(300, 'f') + "/access-keys"), 400);
  expect_v5_error(client->Get(keys + "?limit=-1"), 400);
  expect_v5_error(client->Get(keys + "?marker=%%%"), 400);
  expect_v5_error(client->Get("/v5/nowhere"), 404);
  expect_v5_error(client->Patch(keys, "", "application/json"), 405);
  const auto created = client->Post(keys, "", "application/json");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201);
}

TEST(ServerTest, AFaultRuleCanDropTheConnectionWithoutAnAnswer) {
  auto store = std::make_shared<Store>();
  ASSERT_TRUE(
      store->faults().Add(FaultRule::For(Operation::ListUsers).DropConnection().Once()).ok());
  Server server(store);
  ASSERT_TRUE(server.Start().ok());
  // Raw bytes, to see that not even a status line comes back.
  EXPECT_EQ(RawExchange(server.port(),
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: "
                        "application/x-www-form-urlencoded\r\nContent-Length: 35"
                        "\r\n\r\nAction=ListUsers&Version=2010-05-08"),
            "");
  ASSERT_EQ(store->faults().Log().size(), 1u);
  EXPECT_TRUE(store->faults().Log()[0].dropped_connection);
  // The rule is spent; the server answers again, on a fresh connection.
  EXPECT_EQ(Post(server, kListUsers)->status, 200);
}

TEST(ServerTest, FaultRulesAreManagedOverHttp) {
  Server server(std::make_shared<Store>());
  ASSERT_TRUE(server.Start().ok());
  const auto client = ClientOf(server);
  const auto added =
      client->Post("/_fakeiam/faults", R"({"operation": "ListUsers", "status": 503, "nth": 1})",
                   "application/json");
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 201);
  EXPECT_EQ(Post(server, kListUsers)->status, 503);
  EXPECT_EQ(Post(server, kListUsers)->status, 200);
  EXPECT_THAT(client->Get("/_fakeiam/faults/log")->body, HasSubstr("\"status\":503"));
}

TEST(ServerTest, LogsEveryAnsweredRequestAndNothingElse) {
  std::mutex mu;
  std::vector<std::string> lines;
  ServerOptions options;
  options.on_request = [&](const RequestLog& log) {
    std::lock_guard<std::mutex> lock(mu);
    lines.push_back(log.request.method + " " + log.response.operation + " " +
                    std::to_string(log.response.status) + " " + log.remote_address);
  };
  Server server(std::make_shared<Store>(), options);
  ASSERT_TRUE(server.Start().ok());
  Post(server, kListUsers);
  Post(server, "Action=Nope&Version=2010-05-08");
  server.Stop();
  EXPECT_THAT(lines,
              ::testing::ElementsAre("POST ListUsers 200 127.0.0.1", "POST Nope 400 127.0.0.1"));
}

}  // namespace
}  // namespace fakeiam
