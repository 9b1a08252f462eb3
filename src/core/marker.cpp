#include "core/marker.hpp"

#include <openssl/evp.h>

#include "core/base64.hpp"

namespace fakeiam::internal {
namespace {

constexpr char kVersion = 1;
constexpr std::size_t kChecksumSize = 8;
// Base64 of the longest position (a 128-character user name) stays within AWS's 320 and
// Huawei's 400 marker characters.
constexpr std::size_t kMaxMarkerSize = 320;

}  // namespace

MarkerCodec::MarkerCodec(std::uint64_t seed, std::string_view account_id) {
  identity_ = "fakeiam-marker";
  for (int shift = 56; shift >= 0; shift -= 8) identity_ += static_cast<char>(seed >> shift);
  identity_ += account_id;
}

std::string MarkerCodec::Checksum(ListingKind kind, std::string_view scope,
                                  std::string_view body) const {
  std::string input = identity_;
  input += '\0';
  input += static_cast<char>(kind);
  input += scope;
  input += '\0';
  input += body;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  EVP_Digest(input.data(), input.size(), digest, &digest_size, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), kChecksumSize);
}

std::string MarkerCodec::Encode(ListingKind kind, std::string_view scope,
                                std::string_view position) const {
  std::string body;
  body += kVersion;
  body += static_cast<char>(kind);
  body += position;
  return Base64Encode(body + Checksum(kind, scope, body));
}

std::optional<std::string> MarkerCodec::Decode(ListingKind kind, std::string_view scope,
                                               std::string_view marker) const {
  if (marker.size() > kMaxMarkerSize) return std::nullopt;
  const std::optional<std::string> raw = Base64Decode(marker);
  if (!raw || raw->size() < 2 + kChecksumSize) return std::nullopt;
  const std::string_view bytes = *raw;
  const std::string_view body = bytes.substr(0, bytes.size() - kChecksumSize);
  if (body[0] != kVersion || body[1] != static_cast<char>(kind)) return std::nullopt;
  if (bytes.substr(body.size()) != Checksum(kind, scope, body)) return std::nullopt;
  return std::string(body.substr(2));
}

std::string MarkerCodec::EncodeSequence(std::string_view scope, std::uint64_t sequence) const {
  std::string position;
  for (int shift = 56; shift >= 0; shift -= 8) position += static_cast<char>(sequence >> shift);
  return Encode(ListingKind::AccessKeys, scope, position);
}

std::optional<std::uint64_t> MarkerCodec::DecodeSequence(std::string_view scope,
                                                         std::string_view marker) const {
  const std::optional<std::string> position = Decode(ListingKind::AccessKeys, scope, marker);
  if (!position || position->size() != 8) return std::nullopt;
  std::uint64_t sequence = 0;
  for (char c : *position) sequence = (sequence << 8) | static_cast<unsigned char>(c);
  return sequence;
}

}  // namespace fakeiam::internal
