// fakeiam's own HTTP API under /_fakeiam/, for tests in any language that drive a running fake:
//
//   GET    /_fakeiam/health         200 {"status": "ok"}
//   GET    /_fakeiam/faults         the fault rules, with how often each matched and fired
//   POST   /_fakeiam/faults         add rules (a rule, an array, or {"rules": [...]}): 201
//   DELETE /_fakeiam/faults         remove every rule
//   DELETE /_fakeiam/faults/{id}    remove one rule
//   GET    /_fakeiam/faults/log     which rule fired for which request
//   DELETE /_fakeiam/faults/log     empty the log
//
// A server that records, replays or compares with a cassette adds (see record/cassette_control):
//
//   GET    /_fakeiam/cassette       what was recorded, played, missed or found different
//   DELETE /_fakeiam/cassette       replay and expect mode: start the cassette over
//
// Bad input is a 400 {"error": {"code", "message"}} whose message names the JSON field, and
// changes nothing.
#ifndef FAKEIAM_SRC_PROTOCOL_CONTROL_PLANE_HPP_
#define FAKEIAM_SRC_PROTOCOL_CONTROL_PLANE_HPP_

#include <string>
#include <string_view>

#include "core/json_reader.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/store.hpp"
#include "protocol/routing.hpp"

namespace fakeiam::internal {

// The control API's answers, for every service that extends it.
HttpResponse JsonResponse(int status, const Json& body, std::string operation);
// {"error": {"code", "message"}}
HttpResponse ControlFailure(int status, std::string_view code, const std::string& message,
                            std::string operation);
// 405 with an Allow header.
HttpResponse NotAllowed(const HttpRequest& request, std::string_view allowed);

HttpResponse HandleControlPlane(Store& store, const HttpRequest& request);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_PROTOCOL_CONTROL_PLANE_HPP_
