// An HTTP client of a server on 127.0.0.1, set up as real clients are.
#ifndef FAKEIAM_TESTS_SUPPORT_LOOPBACK_CLIENT_HPP_
#define FAKEIAM_TESTS_SUPPORT_LOOPBACK_CLIENT_HPP_

#include <httplib.h>

#include <memory>

namespace fakeiam::testing_support {

// Keeps its connection alive between requests, and sends without Nagle's delay, which would
// otherwise hold each request body for the server's delayed ACK.
inline std::unique_ptr<httplib::Client> LoopbackClient(int port) {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
  client->set_tcp_nodelay(true);
  client->set_keep_alive(true);
  return client;
}

}  // namespace fakeiam::testing_support

#endif  // FAKEIAM_TESTS_SUPPORT_LOOPBACK_CLIENT_HPP_
