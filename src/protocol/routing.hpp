// Which part of fakeiam a request is for, by its path alone: the same answer for the fake, the
// recorder, the replayer and the upstream forwarder.
#ifndef FAKEIAM_SRC_PROTOCOL_ROUTING_HPP_
#define FAKEIAM_SRC_PROTOCOL_ROUTING_HPP_

#include <string_view>

#include "fakeiam/cloud.hpp"

namespace fakeiam::internal {

inline constexpr std::string_view kControlPrefix = "/_fakeiam/";

// fakeiam's own API (/_fakeiam/...), never a cloud's.
bool IsControlPath(std::string_view path);

// The cloud whose API a (non-control) path belongs to: REST paths /v5/... (any /v<digits>/...)
// are Huawei's; the AWS Query API is posted to "/".
Cloud DialectOf(std::string_view path);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_PROTOCOL_ROUTING_HPP_
