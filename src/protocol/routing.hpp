// Which part of fakeiam a request is for, by its path alone: the same answer for the fake, the
// recorder, the replayer and the upstream forwarder.
#ifndef FAKEIAM_SRC_PROTOCOL_ROUTING_HPP_
#define FAKEIAM_SRC_PROTOCOL_ROUTING_HPP_

#include <string>
#include <string_view>

#include "fakeiam/cloud.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam::internal {

inline constexpr std::string_view kControlPrefix = "/_fakeiam/";

// fakeiam's own API (/_fakeiam/...), never a cloud's.
bool IsControlPath(std::string_view path);

// The cloud whose API a (non-control) path belongs to: REST paths /v5/... (any /v<digits>/...)
// are Huawei's; the AWS Query API is posted to "/".
Cloud DialectOf(std::string_view path);

// The operation a cloud request names, "CreateAccessKey" or "CreateAccessKeyV5", without serving
// it (for what passes through to an upstream); empty when it names none.
std::string OperationName(const HttpRequest& request);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_PROTOCOL_ROUTING_HPP_
