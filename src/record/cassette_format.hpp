// The pieces of the cassette file format that a recorder needs to write one interaction at a
// time: each interaction is formatted once, and the file is reassembled from the pieces.
#ifndef FAKEIAM_SRC_RECORD_CASSETTE_FORMAT_HPP_
#define FAKEIAM_SRC_RECORD_CASSETTE_FORMAT_HPP_

#include <string>
#include <vector>

#include "fakeiam/cassette.hpp"

namespace fakeiam::internal {

// `interaction` as it appears in a cassette's "interactions" array, indented for that place.
std::string FormatInteraction(const Interaction& interaction);

// The text of a cassette holding the already formatted interactions, in order.
std::string AssembleCassette(const std::vector<std::string>& formatted_interactions);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_RECORD_CASSETTE_FORMAT_HPP_
