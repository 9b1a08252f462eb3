#include "fakeiam/types.hpp"

namespace fakeiam {

std::string_view ToString(KeyStatus status) {
  switch (status) {
    case KeyStatus::Active:
      return "Active";
    case KeyStatus::Inactive:
      return "Inactive";
    case KeyStatus::Expired:
      return "Expired";
  }
  return "Active";
}

std::optional<KeyStatus> ParseKeyStatus(std::string_view text) {
  for (KeyStatus s : {KeyStatus::Active, KeyStatus::Inactive, KeyStatus::Expired}) {
    if (text == ToString(s)) return s;
  }
  return std::nullopt;
}

}  // namespace fakeiam
