// Reading and atomically writing whole files, with errors that name the file.
#ifndef FAKEIAM_SRC_CORE_FILES_HPP_
#define FAKEIAM_SRC_CORE_FILES_HPP_

#include <string>
#include <string_view>

#include "fakeiam/result.hpp"

namespace fakeiam::internal {

Result<std::string> ReadFile(const std::string& path);

// Writes a temporary file beside `path`, flushes it to disk and renames it over `path`, so that
// `path` holds either its old or its new contents, whatever happens meanwhile. A temporary file
// left by a writer that was killed is removed by the next write to `path`.
Result<void> WriteFileAtomically(const std::string& path, std::string_view contents);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_CORE_FILES_HPP_
