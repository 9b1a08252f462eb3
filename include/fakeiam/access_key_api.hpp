// The access-key operations as an interface that production code can depend on, so that its
// tests can hand it fakeiam instead of a cloud client.
//
//   Result<AccessKey> Rotate(fakeiam::AccessKeyApi& iam, const std::string& user);
//
// In production an adapter implements it over the real SDK; in tests FakeAccessKeyApi (here),
// an adapter over fakeiam's embedded server, or MockAccessKeyApi (fakeiam/gtest.hpp) do.
#ifndef FAKEIAM_ACCESS_KEY_API_HPP_
#define FAKEIAM_ACCESS_KEY_API_HPP_

#include <memory>
#include <string>
#include <vector>

#include "fakeiam/result.hpp"
#include "fakeiam/store.hpp"
#include "fakeiam/types.hpp"

namespace fakeiam {

class AccessKeyApi {
 public:
  virtual ~AccessKeyApi() = default;

  virtual Result<AccessKey> CreateAccessKey(const std::string& user_name) = 0;
  // Every key of the user, in creation order (all pages).
  virtual Result<std::vector<AccessKey>> ListAccessKeys(const std::string& user_name) = 0;
  virtual Result<void> UpdateAccessKey(const std::string& user_name,
                                       const std::string& access_key_id, KeyStatus status) = 0;
  virtual Result<void> DeleteAccessKey(const std::string& user_name,
                                       const std::string& access_key_id) = 0;
  virtual Result<AccessKeyLastUsed> GetAccessKeyLastUsed(const std::string& access_key_id) = 0;
};

// The in-process fake: each call goes straight to a Store, and so honours its fault rules.
// Thread-safe, as the store is.
class FakeAccessKeyApi : public AccessKeyApi {
 public:
  explicit FakeAccessKeyApi(std::shared_ptr<Store> store);

  Result<AccessKey> CreateAccessKey(const std::string& user_name) override;
  Result<std::vector<AccessKey>> ListAccessKeys(const std::string& user_name) override;
  Result<void> UpdateAccessKey(const std::string& user_name, const std::string& access_key_id,
                               KeyStatus status) override;
  Result<void> DeleteAccessKey(const std::string& user_name,
                               const std::string& access_key_id) override;
  Result<AccessKeyLastUsed> GetAccessKeyLastUsed(const std::string& access_key_id) override;

  Store& store() const { return *store_; }

 private:
  std::shared_ptr<Store> store_;
};

}  // namespace fakeiam

#endif  // FAKEIAM_ACCESS_KEY_API_HPP_
