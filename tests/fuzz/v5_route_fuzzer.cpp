// Huawei Cloud IAM v5 paths (MatchV5Route). The input is "<method> <raw path>".
#include "fuzz_support.hpp"
#include "huawei/v5_route.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fakeiam::fuzz::AsText(data, size);
  const std::size_t space = text.find(' ');
  const std::string_view method = text.substr(0, space);
  const std::string_view path = space == std::string_view::npos ? "" : text.substr(space + 1);
  const auto route = fakeiam::internal::MatchV5Route(method, path);
  if (route.ok()) {
    fakeiam::fuzz::Require(!route->user_id.empty(), "a route names a user");
    fakeiam::fuzz::Require((route->operation == fakeiam::internal::V5Operation::ListAccessKeys ||
                            route->operation == fakeiam::internal::V5Operation::CreateAccessKey) ==
                               route->access_key_id.empty(),
                           "exactly the key routes name a key");
  }
  return 0;
}
