// fakeiam for GoogleTest and GoogleMock: fixtures, matchers, a mock of AccessKeyApi that
// delegates to the fake, and printers for readable failures. Link `fakeiam::gtest`.
#ifndef FAKEIAM_GTEST_HPP_
#define FAKEIAM_GTEST_HPP_

#include "fakeiam/access_key_api.hpp"               // IWYU pragma: export
#include "fakeiam/fake_iam.hpp"                     // IWYU pragma: export
#include "fakeiam/fakeiam.hpp"                      // IWYU pragma: export
#include "fakeiam/testing/cassette.hpp"             // IWYU pragma: export
#include "fakeiam/testing/fixture.hpp"              // IWYU pragma: export
#include "fakeiam/testing/matchers.hpp"             // IWYU pragma: export
#include "fakeiam/testing/mock_access_key_api.hpp"  // IWYU pragma: export
#include "fakeiam/testing/printers.hpp"             // IWYU pragma: export

#endif  // FAKEIAM_GTEST_HPP_
