// The code under test in the examples: rotating a user's access key, written against the
// AccessKeyApi interface as production code would be.
#ifndef FAKEIAM_EXAMPLES_KEY_ROTATION_ROTATE_HPP_
#define FAKEIAM_EXAMPLES_KEY_ROTATION_ROTATE_HPP_

#include <string>

#include "fakeiam/access_key_api.hpp"

namespace example {

// Gives `user` a new access key and deactivates the older ones. When the user already holds as
// many keys as IAM allows (two), the oldest inactive one is deleted first to make room; if every
// key is still active, nothing changes and the result is LimitExceeded.
fakeiam::Result<fakeiam::AccessKey> RotateAccessKey(fakeiam::AccessKeyApi& iam,
                                                    const std::string& user);

}  // namespace example

#endif  // FAKEIAM_EXAMPLES_KEY_ROTATION_ROTATE_HPP_
