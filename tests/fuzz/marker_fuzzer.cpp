// Pagination markers (MarkerCodec::Decode and DecodeSequence), and Decode undoing Encode. The
// codec and scope are those of user Bob in fixtures/golden/aws (seed 0, AWS's default account),
// so the markers there decode.
#include "core/marker.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using fakeiam::internal::ListingKind;
  static const fakeiam::internal::MarkerCodec codec(0, "123456789012");
  constexpr std::string_view kBob = "AIDAPCATZYKN7DKOGZU2H";
  const std::string_view text = fakeiam::fuzz::AsText(data, size);
  codec.Decode(ListingKind::Users, "/", text);
  codec.DecodeSequence(kBob, text);
  // A store's longest position is a 128-character user name; longer ones need not round-trip.
  const std::string_view position = text.substr(0, 128);
  for (const ListingKind kind : {ListingKind::AccessKeys, ListingKind::Users}) {
    fakeiam::fuzz::Require(codec.Decode(kind, text, codec.Encode(kind, text, position)) == position,
                           "Decode undoes Encode");
  }
  fakeiam::fuzz::Require(codec.DecodeSequence(text, codec.EncodeSequence(text, size)) == size,
                         "DecodeSequence undoes EncodeSequence");
  return 0;
}
