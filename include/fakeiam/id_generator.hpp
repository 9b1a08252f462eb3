// Deterministic ids, secrets and request ids in each cloud's real formats.
//
// Every value is a pure function of (seed, kind, n), where n counts the values of that kind a
// store has issued. The algorithm, which docs/determinism.md states in full:
//
//   mix(z):   z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
//             z = (z ^ (z >> 27)) * 0x94D049BB133111EB
//             return z ^ (z >> 31)                        (all arithmetic modulo 2^64)
//   stream(seed, kind, n) is SplitMix64 with initial state  mix(mix(seed ^ tag(kind)) + n);
//   each draw adds 0x9E3779B97F4A7C15 to the state and returns mix(state).
//
// A text of an alphabet A takes one draw per character: A[draw % |A|]. The kinds' tags and
// formats are in `IdKind` below and in docs/determinism.md.
#ifndef FAKEIAM_ID_GENERATOR_HPP_
#define FAKEIAM_ID_GENERATOR_HPP_

#include <cstdint>
#include <string>

#include "fakeiam/cloud.hpp"

namespace fakeiam {

// What is being generated. The value is the kind's tag in the algorithm above.
enum class IdKind : std::uint64_t {
  UserId = 1,
  AccessKeyId = 2,
  SecretAccessKey = 3,
  RequestId = 4,
  FaultDraw = 5,  // probability draws of fault rules
};

// One draw stream of the algorithm above.
class SplitMix64 {
 public:
  static constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ULL;
  static std::uint64_t Mix(std::uint64_t z);

  SplitMix64(std::uint64_t seed, IdKind kind, std::uint64_t n);
  std::uint64_t Next();

 private:
  std::uint64_t state_;
};

class IdGenerator {
 public:
  // `account_id` is encoded into AWS access key ids; it must be 12 decimal digits for Cloud::Aws.
  IdGenerator(Cloud profile, std::uint64_t seed, std::string account_id);

  Cloud profile() const { return profile_; }
  std::uint64_t seed() const { return seed_; }

  // AWS: "AIDA" + 17 characters of A-Z2-7. Huawei: 32 lower-case hex digits.
  std::string UserId(std::uint64_t n) const;
  // AWS: "AKIA" + 16 base32 characters that carry the account id the way AWS encodes it.
  // Huawei: 20 characters of A-Z0-9.
  std::string AccessKeyId(std::uint64_t n) const;
  // AWS: 40 characters of A-Za-z0-9+/. Huawei: 40 characters of A-Za-z0-9.
  std::string SecretAccessKey(std::uint64_t n) const;
  // The request id of the n-th request answered in `dialect`: AWS a lower-case UUID (version 4
  // layout), Huawei 32 lower-case hex digits.
  std::string RequestId(std::uint64_t n, Cloud dialect) const;

 private:
  std::string Text(IdKind kind, std::uint64_t n, std::string_view alphabet, std::size_t len) const;

  Cloud profile_;
  std::uint64_t seed_;
  std::uint64_t account_number_ = 0;
};

}  // namespace fakeiam

#endif  // FAKEIAM_ID_GENERATOR_HPP_
