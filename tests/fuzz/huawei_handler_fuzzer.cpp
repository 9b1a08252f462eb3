// Whole Huawei Cloud IAM v5 requests (paths, queries, JSON bodies, SDK-HMAC headers) through
// fakeiam::Handler. The input is a request as HTTP/1.1 text (see fuzz_support.hpp).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fakeiam::fuzz::ServeInDialect(fakeiam::Cloud::Huawei,
                                fakeiam::fuzz::ReadRequest(fakeiam::fuzz::AsText(data, size)));
  return 0;
}
