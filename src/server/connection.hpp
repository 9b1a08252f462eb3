// One accepted connection, served from start to end on the calling thread: requests are read
// with RequestReader, answered by a Responder, and each answer goes out in a single write.
#ifndef FAKEIAM_SRC_SERVER_CONNECTION_HPP_
#define FAKEIAM_SRC_SERVER_CONNECTION_HPP_

#include <chrono>
#include <string>

#include "fakeiam/error.hpp"
#include "fakeiam/http.hpp"
#include "server/request_reader.hpp"

namespace fakeiam::internal {

// What the server does with each request a connection reads.
class Responder {
 public:
  virtual ~Responder() = default;
  virtual HttpResponse Answer(const HttpRequest& request, const std::string& peer) const = 0;
  // A request the transport refuses, answered in its dialect.
  virtual HttpResponse Refuse(const HttpRequest& request, const Error& error,
                              const std::string& peer) const = 0;
};

struct ConnectionSettings {
  RequestLimits limits;
  // How long a started request may take to arrive whole, and a response to be taken.
  std::chrono::milliseconds io_timeout{5000};
  // How long the connection may sit idle between requests.
  std::chrono::milliseconds keep_alive_timeout{5000};
};

// Serves `socket` until the client closes it, it sits idle too long, a request is refused or
// does not arrive in time, a response cannot be sent, or a fault rule drops it; `socket` is
// shut down by the server to end it early. The caller closes the socket.
void ServeConnection(int socket, const std::string& peer, const ConnectionSettings& settings,
                     const Responder& responder);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_SERVER_CONNECTION_HPP_
