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
// Bad input is a 400 {"error": {"code", "message"}} whose message names the JSON field, and
// changes nothing.
#ifndef FAKEIAM_SRC_PROTOCOL_CONTROL_PLANE_HPP_
#define FAKEIAM_SRC_PROTOCOL_CONTROL_PLANE_HPP_

#include "fakeiam/http.hpp"
#include "fakeiam/store.hpp"
#include "protocol/routing.hpp"

namespace fakeiam::internal {

HttpResponse HandleControlPlane(Store& store, const HttpRequest& request);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_PROTOCOL_CONTROL_PLANE_HPP_
