#include "protocol/control_plane.hpp"

#include "core/json_reader.hpp"
#include "faults/fault_json.hpp"

namespace fakeiam::internal {

HttpResponse JsonResponse(int status, const Json& body, std::string operation) {
  HttpResponse response;
  response.status = status;
  response.headers.Add("Content-Type", "application/json");
  response.body = body.dump();
  response.operation = std::move(operation);
  return response;
}

HttpResponse ControlFailure(int status, std::string_view code, const std::string& message,
                            std::string operation) {
  return JsonResponse(status, Json{{"error", {{"code", code}, {"message", message}}}},
                      std::move(operation));
}

HttpResponse NotAllowed(const HttpRequest& request, std::string_view allowed) {
  HttpResponse response = ControlFailure(
      405, "MethodNotAllowed",
      request.method + " is not allowed on " + request.path + "; use " + std::string(allowed),
      "Control");
  response.headers.Add("Allow", std::string(allowed));
  return response;
}

namespace {

HttpResponse Faults(Store& store, const HttpRequest& request) {
  FaultPlan& faults = store.faults();
  if (request.method == "GET") {
    return JsonResponse(200, FaultRulesJson(faults.Rules()), "ListFaultRules");
  }
  if (request.method == "POST") {
    Result<std::vector<FaultRule>> rules = ParseFaultRules(request.body, "request body");
    if (!rules.ok()) {
      return ControlFailure(400, "InvalidFaultRule", rules.error().message, "AddFaultRules");
    }
    Result<std::vector<std::string>> ids = faults.AddAll(std::move(*rules));
    if (!ids.ok())
      return ControlFailure(400, "InvalidFaultRule", ids.error().message, "AddFaultRules");
    return JsonResponse(201, Json{{"added", *ids}}, "AddFaultRules");
  }
  if (request.method == "DELETE") {
    const std::size_t removed = faults.Rules().size();
    faults.Clear();
    return JsonResponse(200, Json{{"removed", removed}}, "ClearFaultRules");
  }
  return NotAllowed(request, "GET, POST, DELETE");
}

HttpResponse FaultLog(Store& store, const HttpRequest& request) {
  FaultPlan& faults = store.faults();
  if (request.method == "GET") return JsonResponse(200, FaultLogJson(faults.Log()), "FaultLog");
  if (request.method == "DELETE") {
    const std::size_t cleared = faults.Log().size();
    faults.ClearLog();
    return JsonResponse(200, Json{{"cleared", cleared}}, "ClearFaultLog");
  }
  return NotAllowed(request, "GET, DELETE");
}

HttpResponse FaultRule(Store& store, const HttpRequest& request, std::string_view id) {
  if (request.method != "DELETE") return NotAllowed(request, "DELETE");
  if (!store.faults().Remove(id)) {
    return ControlFailure(404, "NoSuchFaultRule", "There is no fault rule " + std::string(id) + ".",
                          "RemoveFaultRule");
  }
  return JsonResponse(200, Json{{"removed", id}}, "RemoveFaultRule");
}

}  // namespace

HttpResponse HandleControlPlane(Store& store, const HttpRequest& request) {
  const std::string_view path = std::string_view(request.path).substr(kControlPrefix.size());
  if (path == "health") {
    if (request.method != "GET") return NotAllowed(request, "GET");
    return JsonResponse(200, Json{{"status", "ok"}}, "Health");
  }
  if (path == "faults") return Faults(store, request);
  if (path == "faults/log") return FaultLog(store, request);
  constexpr std::string_view kRule = "faults/";
  if (path.substr(0, kRule.size()) == kRule && path.size() > kRule.size() &&
      path.find('/', kRule.size()) == std::string_view::npos) {
    return FaultRule(store, request, path.substr(kRule.size()));
  }
  return ControlFailure(404, "NoSuchRoute", "fakeiam has no control route " + request.path + ".",
                        "Control");
}

}  // namespace fakeiam::internal
