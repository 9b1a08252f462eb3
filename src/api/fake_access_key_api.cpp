#include <stdexcept>

#include "fakeiam/access_key_api.hpp"

namespace fakeiam {

FakeAccessKeyApi::FakeAccessKeyApi(std::shared_ptr<Store> store) : store_(std::move(store)) {
  if (!store_) throw std::invalid_argument("fakeiam::FakeAccessKeyApi needs a store");
}

Result<AccessKey> FakeAccessKeyApi::CreateAccessKey(const std::string& user_name) {
  return store_->CreateAccessKey(user_name);
}

Result<std::vector<AccessKey>> FakeAccessKeyApi::ListAccessKeys(const std::string& user_name) {
  std::vector<AccessKey> keys;
  PageRequest request;
  for (;;) {
    Result<Page<AccessKey>> page = store_->ListAccessKeys(user_name, request);
    if (!page.ok()) return page.error();
    keys.insert(keys.end(), page->items.begin(), page->items.end());
    if (!page->is_truncated) return keys;
    request.marker = page->marker;
  }
}

Result<void> FakeAccessKeyApi::UpdateAccessKey(const std::string& user_name,
                                               const std::string& access_key_id, KeyStatus status) {
  Result<AccessKey> updated = store_->UpdateAccessKey(user_name, access_key_id, status);
  if (!updated.ok()) return updated.error();
  return {};
}

Result<void> FakeAccessKeyApi::DeleteAccessKey(const std::string& user_name,
                                               const std::string& access_key_id) {
  return store_->DeleteAccessKey(user_name, access_key_id);
}

Result<AccessKeyLastUsed> FakeAccessKeyApi::GetAccessKeyLastUsed(const std::string& access_key_id) {
  return store_->GetAccessKeyLastUsed(access_key_id);
}

}  // namespace fakeiam
