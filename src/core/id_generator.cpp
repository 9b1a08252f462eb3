#include "fakeiam/id_generator.hpp"

#include <stdexcept>

namespace fakeiam {
namespace {

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kHexLower = "0123456789abcdef";
constexpr std::string_view kUpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kAwsSecret =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// RFC 4648 base32 of exactly 10 bytes: 16 characters, no padding.
std::string Base32(const unsigned char (&bytes)[10]) {
  std::string out;
  out.reserve(16);
  for (int group = 0; group < 2; ++group) {
    std::uint64_t bits = 0;
    for (int i = 0; i < 5; ++i) bits = (bits << 8) | bytes[group * 5 + i];
    for (int shift = 35; shift >= 0; shift -= 5) out += kBase32[(bits >> shift) & 31];
  }
  return out;
}

void AppendHex(std::string& out, std::uint64_t v, int digits) {
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHexLower[(v >> shift) & 15];
}

}  // namespace

std::uint64_t SplitMix64::Mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

SplitMix64::SplitMix64(std::uint64_t seed, IdKind kind, std::uint64_t n)
    : state_(Mix(Mix(seed ^ static_cast<std::uint64_t>(kind)) + n)) {}

std::uint64_t SplitMix64::Next() {
  state_ += kGoldenGamma;
  return Mix(state_);
}

IdGenerator::IdGenerator(Cloud profile, std::uint64_t seed, std::string account_id)
    : profile_(profile), seed_(seed) {
  if (profile_ == Cloud::Aws) {
    if (account_id.size() != 12 || account_id.find_first_not_of("0123456789") != std::string::npos)
      throw std::invalid_argument("an AWS account id is 12 digits, not '" + account_id + "'");
    account_number_ = std::stoull(account_id);
  }
}

std::string IdGenerator::Text(IdKind kind, std::uint64_t n, std::string_view alphabet,
                              std::size_t len) const {
  SplitMix64 draws(seed_, kind, n);
  std::string out;
  out.reserve(len);
  for (std::size_t i = 0; i < len; ++i) out += alphabet[draws.Next() % alphabet.size()];
  return out;
}

std::string IdGenerator::UserId(std::uint64_t n) const {
  if (profile_ == Cloud::Huawei) return Text(IdKind::UserId, n, kHexLower, 32);
  return "AIDA" + Text(IdKind::UserId, n, kBase32, 17);
}

std::string IdGenerator::AccessKeyId(std::uint64_t n) const {
  if (profile_ == Cloud::Huawei) return Text(IdKind::AccessKeyId, n, kUpperAlnum, 20);
  // AWS packs the account id into the 80 bits behind "AKIA": the first 48 bits are a set top
  // bit, the 40-bit account number and 7 free bits, then 32 free bits. `aws sts
  // get-access-key-info` reads the account back as (first 48 bits & 0x7fffffffff80) >> 7.
  const std::uint64_t draw = SplitMix64(seed_, IdKind::AccessKeyId, n).Next();
  const std::uint64_t head = (std::uint64_t{1} << 47) | (account_number_ << 7) | (draw & 0x7F);
  const std::uint64_t tail = (draw >> 7) & 0xFFFFFFFF;
  unsigned char bytes[10];
  for (int i = 0; i < 6; ++i) bytes[i] = static_cast<unsigned char>(head >> (8 * (5 - i)));
  for (int i = 0; i < 4; ++i) bytes[6 + i] = static_cast<unsigned char>(tail >> (8 * (3 - i)));
  return "AKIA" + Base32(bytes);
}

std::string IdGenerator::SecretAccessKey(std::uint64_t n) const {
  return Text(IdKind::SecretAccessKey, n, profile_ == Cloud::Huawei ? kAlnum : kAwsSecret, 40);
}

std::string IdGenerator::RequestId(std::uint64_t n, Cloud dialect) const {
  SplitMix64 draws(seed_, IdKind::RequestId, n);
  std::uint64_t hi = draws.Next();
  std::uint64_t lo = draws.Next();
  std::string out;
  out.reserve(36);
  if (dialect == Cloud::Huawei) {
    AppendHex(out, hi, 16);
    AppendHex(out, lo, 16);
    return out;
  }
  hi = (hi & ~std::uint64_t{0xF000}) | 0x4000;                       // version 4
  lo = (lo & ~(std::uint64_t{3} << 62)) | (std::uint64_t{2} << 62);  // RFC 4122 variant
  AppendHex(out, hi >> 32, 8);
  out += '-';
  AppendHex(out, (hi >> 16) & 0xFFFF, 4);
  out += '-';
  AppendHex(out, hi & 0xFFFF, 4);
  out += '-';
  AppendHex(out, lo >> 48, 4);
  out += '-';
  AppendHex(out, lo & 0xFFFFFFFFFFFF, 12);
  return out;
}

}  // namespace fakeiam
