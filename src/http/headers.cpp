#include <algorithm>

#include "core/ascii.hpp"
#include "fakeiam/http.hpp"

namespace fakeiam {
Headers::Headers(std::initializer_list<std::pair<std::string, std::string>> fields)
    : fields_(fields) {}

std::optional<std::string_view> Headers::Get(std::string_view name) const {
  for (const auto& [n, v] : fields_) {
    if (internal::EqualsIgnoringCase(n, name)) return std::string_view(v);
  }
  return std::nullopt;
}

std::size_t Headers::Count(std::string_view name) const {
  return static_cast<std::size_t>(std::count_if(
      fields_.begin(), fields_.end(),
      [&](const auto& field) { return internal::EqualsIgnoringCase(field.first, name); }));
}

void Headers::Add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::Set(std::string name, std::string value) {
  fields_.erase(std::remove_if(fields_.begin(), fields_.end(),
                               [&](const auto& field) {
                                 return internal::EqualsIgnoringCase(field.first, name);
                               }),
                fields_.end());
  Add(std::move(name), std::move(value));
}

}  // namespace fakeiam
