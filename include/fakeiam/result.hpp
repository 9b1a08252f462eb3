// Result<T>: a value or an Error, the return type of every fallible fakeiam call.
#ifndef FAKEIAM_RESULT_HPP_
#define FAKEIAM_RESULT_HPP_

#include <optional>
#include <stdexcept>
#include <utility>
#include <variant>

#include "fakeiam/error.hpp"

namespace fakeiam {

// Thrown only when code reads the value of a failed Result (or the error of a successful one):
// a bug in the caller, not an expected failure.
class BadResultAccess : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  using value_type = T;

  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return Checked(); }
  T& value() & { return Checked(); }
  T&& value() && { return std::move(Checked()); }
  const T& operator*() const& { return Checked(); }
  T& operator*() & { return Checked(); }
  const T* operator->() const { return &Checked(); }
  T* operator->() { return &Checked(); }

  const Error& error() const {
    if (ok()) throw BadResultAccess("fakeiam::Result::error() called on a success");
    return std::get<1>(state_);
  }

 private:
  T& Checked() {
    if (!ok()) throw BadResultAccess("fakeiam::Result: value of a failure: " + error().message);
    return std::get<0>(state_);
  }
  const T& Checked() const { return const_cast<Result*>(this)->Checked(); }

  std::variant<T, Error> state_;
};

// The result of an operation that returns nothing on success.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }

  const Error& error() const {
    if (ok()) throw BadResultAccess("fakeiam::Result::error() called on a success");
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

}  // namespace fakeiam

#endif  // FAKEIAM_RESULT_HPP_
