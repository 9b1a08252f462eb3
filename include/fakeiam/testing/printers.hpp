// How GoogleTest prints fakeiam's values in failure messages: readable fields, never raw bytes,
// and secrets cut to a short prefix.
#ifndef FAKEIAM_TESTING_PRINTERS_HPP_
#define FAKEIAM_TESTING_PRINTERS_HPP_

#include <gtest/gtest.h>

#include <ostream>

#include "fakeiam/error.hpp"
#include "fakeiam/expect_checker.hpp"
#include "fakeiam/faults.hpp"
#include "fakeiam/http.hpp"
#include "fakeiam/result.hpp"
#include "fakeiam/types.hpp"

namespace fakeiam {

void PrintTo(KeyStatus status, std::ostream* os);
void PrintTo(ErrorCode code, std::ostream* os);
void PrintTo(const Error& error, std::ostream* os);
void PrintTo(const User& user, std::ostream* os);
void PrintTo(const AccessKey& key, std::ostream* os);
void PrintTo(const AccessKeyLastUsed& last_used, std::ostream* os);
void PrintTo(const HttpRequest& request, std::ostream* os);
void PrintTo(const HttpResponse& response, std::ostream* os);
void PrintTo(const FaultLogEntry& entry, std::ostream* os);
void PrintTo(const ResponseDifference& difference, std::ostream* os);
void PrintTo(const UnmatchedRequest& miss, std::ostream* os);

template <typename T>
void PrintTo(const Page<T>& page, std::ostream* os) {
  *os << "Page{" << page.items.size() << " items";
  for (const T& item : page.items) *os << ", " << ::testing::PrintToString(item);
  *os << (page.is_truncated ? ", truncated, marker " + page.marker : std::string(", complete"))
      << "}";
}

template <typename T>
void PrintTo(const Result<T>& result, std::ostream* os) {
  if (!result.ok()) {
    *os << "failed: ";
    PrintTo(result.error(), os);
    return;
  }
  *os << "ok: " << ::testing::PrintToString(*result);
}

// Result<void> has no value to print.
inline void PrintTo(const Result<void>& result, std::ostream* os) {
  if (result.ok()) {
    *os << "ok";
  } else {
    *os << "failed: ";
    PrintTo(result.error(), os);
  }
}

}  // namespace fakeiam

#endif  // FAKEIAM_TESTING_PRINTERS_HPP_
