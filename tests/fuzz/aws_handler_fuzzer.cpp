// Whole AWS Query requests (form bodies, queries, SigV4 headers) through fakeiam::Handler. The
// input is a request as HTTP/1.1 text (see fuzz_support.hpp).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fakeiam::fuzz::ServeInDialect(fakeiam::Cloud::Aws,
                                fakeiam::fuzz::ReadRequest(fakeiam::fuzz::AsText(data, size)));
  return 0;
}
