// Small helpers shared by the core tests.
#ifndef FAKEIAM_TESTS_CORE_TEST_SUPPORT_HPP_
#define FAKEIAM_TESTS_CORE_TEST_SUPPORT_HPP_

#include <gtest/gtest.h>

#include <string>

#include "fakeiam/result.hpp"

namespace fakeiam::testing_support {

// Asserts that `result` failed with exactly this code, HTTP status and message.
template <typename T>
::testing::AssertionResult FailsWith(const Result<T>& result, ErrorCode code, int http_status,
                                     const std::string& message) {
  if (result.ok()) return ::testing::AssertionFailure() << "the call succeeded";
  const Error& e = result.error();
  if (e.code != code || e.http_status != http_status || e.message != message) {
    return ::testing::AssertionFailure()
           << "got " << ToString(e.code) << " " << e.http_status << " \"" << e.message << "\"";
  }
  return ::testing::AssertionSuccess();
}

// Asserts that `result` succeeded, showing the error when it did not.
template <typename T>
::testing::AssertionResult Ok(const Result<T>& result) {
  if (result.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << ToString(result.error().code) << " " << result.error().http_status << " \""
         << result.error().message << "\"";
}

}  // namespace fakeiam::testing_support

#endif  // FAKEIAM_TESTS_CORE_TEST_SUPPORT_HPP_
