// Everything a C++ user of the key store needs, in one include.
#ifndef FAKEIAM_FAKEIAM_HPP_
#define FAKEIAM_FAKEIAM_HPP_

#include "fakeiam/access_key_api.hpp"  // IWYU pragma: export
#include "fakeiam/cassette.hpp"        // IWYU pragma: export
#include "fakeiam/clock.hpp"           // IWYU pragma: export
#include "fakeiam/cloud.hpp"           // IWYU pragma: export
#include "fakeiam/credentials.hpp"     // IWYU pragma: export
#include "fakeiam/error.hpp"           // IWYU pragma: export
#include "fakeiam/expect_checker.hpp"  // IWYU pragma: export
#include "fakeiam/faults.hpp"          // IWYU pragma: export
#include "fakeiam/fixture.hpp"         // IWYU pragma: export
#include "fakeiam/id_generator.hpp"    // IWYU pragma: export
#include "fakeiam/operation.hpp"       // IWYU pragma: export
#include "fakeiam/recorder.hpp"        // IWYU pragma: export
#include "fakeiam/replayer.hpp"        // IWYU pragma: export
#include "fakeiam/result.hpp"          // IWYU pragma: export
#include "fakeiam/store.hpp"           // IWYU pragma: export
#include "fakeiam/store_state.hpp"     // IWYU pragma: export
#include "fakeiam/types.hpp"           // IWYU pragma: export

#endif  // FAKEIAM_FAKEIAM_HPP_
