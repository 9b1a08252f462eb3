// Checking an AWS Signature Version 4 request against the secret of the key that signed it, as
// IAM does, with IAM's error codes and messages.
#ifndef FAKEIAM_SRC_AWS_SIGV4_VERIFICATION_HPP_
#define FAKEIAM_SRC_AWS_SIGV4_VERIFICATION_HPP_

#include <chrono>
#include <optional>
#include <string_view>

#include "aws/sigv4_credential.hpp"
#include "fakeiam/clock.hpp"
#include "fakeiam/error.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam::internal {

// The region IAM's signatures are scoped to (its endpoint is global).
inline constexpr std::string_view kIamSigningRegion = "us-east-1";

// Whether `credential`'s signature of `request`, made at `amz_date`, verifies with `secret`: the
// algorithm alone, for any service and region. Compared in constant time.
bool SigV4SignatureMatches(const HttpRequest& request, const SigV4Credential& credential,
                           std::string_view amz_date, std::string_view secret);

// IAM's checks: nothing when `credential`'s signature of `request` verifies with `secret`;
// otherwise why not:
// IncompleteSignature (no X-Amz-Date or Date), SignatureDoesNotMatch (a scope that is not IAM's,
// host not signed, a signing time further than `max_skew` from `now` when it is not zero, or a
// signature that differs).
std::optional<Error> VerifySigV4(const HttpRequest& request, const SigV4Credential& credential,
                                 std::string_view secret, Timestamp now,
                                 std::chrono::seconds max_skew);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_AWS_SIGV4_VERIFICATION_HPP_
