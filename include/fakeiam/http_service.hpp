// The seam every transport serves: an HTTP request value in, a response value out. The fake itself
// (Handler) is one service; recording, replaying, comparing with a cassette and forwarding to an
// upstream endpoint are others, and each can wrap another, so the embedded server serves any of
// them the same way.
#ifndef FAKEIAM_HTTP_SERVICE_HPP_
#define FAKEIAM_HTTP_SERVICE_HPP_

#include "fakeiam/error.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam {

class HttpService {
 public:
  virtual ~HttpService() = default;

  // Thread-safe: a server calls it from many threads at once.
  virtual HttpResponse Handle(const HttpRequest& request) const = 0;

  // `error` rendered in the dialect `request` speaks, for failures a transport finds before
  // Handle can run (a body over its limit, a request it cannot parse).
  virtual HttpResponse Reject(const HttpRequest& request, const Error& error) const = 0;

  // Whether Handle may block on `request`: sleep, or wait for a network or a disk. The embedded
  // server answers the other requests on its event loops, where a call that blocks would hold
  // up every connection of the loop, and moves a connection whose request may block onto a
  // thread of its own. A service that cannot tell keeps this default.
  virtual bool MayBlock(const HttpRequest& request) const {
    static_cast<void>(request);
    return true;
  }
};

}  // namespace fakeiam

#endif  // FAKEIAM_HTTP_SERVICE_HPP_
