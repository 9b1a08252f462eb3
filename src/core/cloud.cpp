#include "fakeiam/cloud.hpp"

#include "core/ascii.hpp"

namespace fakeiam {

std::string_view ToString(Cloud cloud) { return cloud == Cloud::Aws ? "aws" : "huawei"; }

std::optional<Cloud> ParseCloud(std::string_view text) {
  const std::string lower = internal::ToLower(text);
  if (lower == "aws") return Cloud::Aws;
  if (lower == "huawei") return Cloud::Huawei;
  return std::nullopt;
}

}  // namespace fakeiam
