// Masking the secrets of a recorded exchange before it is written: the secret access keys in
// responses (AWS SecretAccessKey, Huawei secret_access_key), security tokens, and request
// signatures. A mask keeps the length of what it hides and the letters of both clouds' secret
// alphabets ("REDACTEDREDACTED..."), so a replayed secret still has a real secret's shape.
#ifndef FAKEIAM_SRC_RECORD_REDACTION_HPP_
#define FAKEIAM_SRC_RECORD_REDACTION_HPP_

#include <string>
#include <string_view>

#include "fakeiam/http.hpp"

namespace fakeiam::internal {

void RedactSecrets(HttpRequest& request);
void RedactSecrets(HttpResponse& response);

// Whether `value` is a mask: a recorded value that any live value matches.
bool IsRedacted(std::string_view value);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_RECORD_REDACTION_HPP_
