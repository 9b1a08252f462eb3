#include "protocol/caller.hpp"

namespace fakeiam::internal {

KeyHolder Caller::ImplicitHolder() const {
  if (owner && !owner->is_root) return KeyHolder(owner->user_name);
  return kAccountRoot;
}

std::string Caller::Arn(const Store& store) const { return owner ? owner->arn : store.root_arn(); }

CallContext Caller::Context(Cloud dialect, std::string request_id) const {
  CallContext context;
  context.dialect = dialect;
  context.request_id = std::move(request_id);
  context.caller_access_key_id = access_key_id;
  if (owner && !owner->is_root) {
    context.caller_arn = owner->arn;
    context.caller_user_name = owner->user_name;
  }
  return context;
}

Caller IdentifyCaller(Store& store, std::string access_key_id, std::string_view service,
                      std::string_view region) {
  Caller caller;
  caller.access_key_id = std::move(access_key_id);
  if (caller.access_key_id.empty()) return caller;
  caller.owner = store.FindKeyOwner(caller.access_key_id);
  if (caller.owner) store.RecordKeyUse(caller.access_key_id, service, region);
  return caller;
}

}  // namespace fakeiam::internal
