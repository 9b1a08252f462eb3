// The two clouds fakeiam imitates.
#ifndef FAKEIAM_CLOUD_HPP_
#define FAKEIAM_CLOUD_HPP_

#include <optional>
#include <string_view>

namespace fakeiam {

// A store's profile (which cloud's id formats it issues) and a request's wire dialect.
enum class Cloud { Aws, Huawei };

// "aws" or "huawei".
std::string_view ToString(Cloud cloud);

// Parses "aws" or "huawei" (any case).
std::optional<Cloud> ParseCloud(std::string_view text);

}  // namespace fakeiam

#endif  // FAKEIAM_CLOUD_HPP_
