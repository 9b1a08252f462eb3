// What a cassette keeps of an exchange: the request's header fields that say what it is and who
// signed it, the response's header fields less those of one connection, and no secrets unless
// asked to keep them.
#ifndef FAKEIAM_SRC_RECORD_RECORDED_EXCHANGE_HPP_
#define FAKEIAM_SRC_RECORD_RECORDED_EXCHANGE_HPP_

#include "fakeiam/cassette.hpp"

namespace fakeiam::internal {

Interaction RecordedExchange(int id, const HttpRequest& request, const HttpResponse& response,
                             bool redact_secrets);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_RECORD_RECORDED_EXCHANGE_HPP_
