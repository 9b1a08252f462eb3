// Form bodies and query strings (ParseForm), and single percent-encoded path segments.
#include "fuzz_support.hpp"
#include "http/url_encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace fakeiam::internal;
  const std::string_view text = fakeiam::fuzz::AsText(data, size);
  ParseForm(text, /*plus_is_space=*/true);
  ParseForm(text, /*plus_is_space=*/false);
  PercentDecode(text);
  // An encoded NUL (%00) is refused by design, so only NUL-free text comes back.
  if (text.find('\0') == std::string_view::npos) {
    fakeiam::fuzz::Require(PercentDecode(PercentEncode(text)) == std::string(text),
                           "PercentDecode undoes PercentEncode");
  }
  return 0;
}
