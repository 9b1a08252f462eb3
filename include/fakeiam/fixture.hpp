// Fixture files: a store's users and keys as JSON, so that a test or an offline session can start
// from a known state and save where it got to. The format is in docs/fixtures.md.
#ifndef FAKEIAM_FIXTURE_HPP_
#define FAKEIAM_FIXTURE_HPP_

#include <string>
#include <string_view>

#include "fakeiam/cloud.hpp"
#include "fakeiam/result.hpp"
#include "fakeiam/store.hpp"
#include "fakeiam/store_state.hpp"

namespace fakeiam {

struct Fixture {
  std::optional<Cloud> profile;           // when the file names one
  std::optional<std::string> account_id;  // when the file names one
  StoreState state;
};

// Parses fixture JSON. Errors (InvalidInput) read `<source_name>: <JSON pointer>: <problem>`, or
// `<source_name>: line L, column C: <problem>` for text that is not JSON.
Result<Fixture> ParseFixture(std::string_view json_text, std::string_view source_name);

// The fixture JSON of a store's state: stable key order, two-space indent, dates with
// milliseconds, so that a saved file diffs cleanly.
std::string RenderFixture(const Fixture& fixture);

// Replaces the store's content with the file's. A file that names another profile or account id
// than the store's is refused.
Result<void> LoadFixture(Store& store, const std::string& path);

// Writes the store's content to `path` atomically: a temporary file beside it, flushed to disk,
// then renamed over it, so that a reader never sees half a file.
Result<void> SaveFixture(const Store& store, const std::string& path);

}  // namespace fakeiam

#endif  // FAKEIAM_FIXTURE_HPP_
