// Comparing a live response with a recorded one, field by field: the status, the header fields
// the recording has, and the body as XML elements or JSON values by path, so that a difference
// reads as the place where it is.
#ifndef FAKEIAM_SRC_RECORD_RESPONSE_COMPARISON_HPP_
#define FAKEIAM_SRC_RECORD_RESPONSE_COMPARISON_HPP_

#include <string>
#include <vector>

#include "fakeiam/cassette.hpp"
#include "fakeiam/expect_checker.hpp"

namespace fakeiam::internal {

std::vector<ResponseDifference> CompareResponses(const Interaction& recorded,
                                                 const HttpResponse& live,
                                                 const std::vector<std::string>& ignore);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_RECORD_RESPONSE_COMPARISON_HPP_
