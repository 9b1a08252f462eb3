// Cassette files (ParseCassette), and formatting as a fixed point: what FormatCassette writes
// parses back into a cassette that formats to the same bytes.
#include "fakeiam/cassette.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto cassette = fakeiam::ParseCassette(fakeiam::fuzz::AsText(data, size), "fuzz.json");
  if (!cassette.ok()) return 0;
  const std::string formatted = fakeiam::FormatCassette(*cassette);
  const auto reparsed = fakeiam::ParseCassette(formatted, "formatted.json");
  fakeiam::fuzz::Require(reparsed.ok(), "a formatted cassette parses");
  fakeiam::fuzz::Require(fakeiam::FormatCassette(*reparsed) == formatted,
                         "a formatted cassette formats to the same bytes");
  return 0;
}
