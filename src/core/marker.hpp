// Opaque pagination markers that encode a stable position in one listing.
//
// A marker is base64 of: a version byte, the listing kind, the position (the sort key of the
// last item returned) and 8 bytes of SHA-256 over the store's identity, the listing's scope (the
// user, or the path prefix) and all of the above. A marker from another listing or another store
// fails that check, so it is reported instead of silently restarting the listing.
#ifndef FAKEIAM_SRC_CORE_MARKER_HPP_
#define FAKEIAM_SRC_CORE_MARKER_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fakeiam::internal {

enum class ListingKind : char { AccessKeys = 'K', Users = 'U' };

class MarkerCodec {
 public:
  MarkerCodec(std::uint64_t seed, std::string_view account_id);

  std::string Encode(ListingKind kind, std::string_view scope, std::string_view position) const;
  // The position, or nothing when the marker was not made by Encode for this kind and scope.
  std::optional<std::string> Decode(ListingKind kind, std::string_view scope,
                                    std::string_view marker) const;

  // Access key listings are ordered by a sequence number; these wrap it as a position.
  std::string EncodeSequence(std::string_view scope, std::uint64_t sequence) const;
  std::optional<std::uint64_t> DecodeSequence(std::string_view scope,
                                              std::string_view marker) const;

 private:
  std::string Checksum(ListingKind kind, std::string_view scope, std::string_view body) const;

  std::string identity_;
};

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_MARKER_HPP_
