// Fault-rule JSON (ParseFaultRules), added to a plan as the control API does, and the rules as the
// control API lists them, which are "in the format ParseFaultRules reads".
#include "fakeiam/faults.hpp"
#include "faults/fault_json.hpp"
#include "fuzz_support.hpp"

namespace {

using fakeiam::fuzz::Require;

// The plan's rules as GET /_fakeiam/faults lists them, without their counters.
fakeiam::internal::Json Listed(const fakeiam::FaultPlan& plan) {
  fakeiam::internal::Json rules = fakeiam::internal::FaultRulesJson(plan.Rules());
  for (auto& rule : rules["rules"]) {
    rule.erase("matched");
    rule.erase("fired");
  }
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto rules = fakeiam::ParseFaultRules(fakeiam::fuzz::AsText(data, size), "fuzz.json");
  if (!rules.ok()) return 0;
  fakeiam::FaultPlan plan(0, "123456789012", 2);
  if (!plan.AddAll(std::move(*rules)).ok()) return 0;  // e.g. two rules with one id
  const fakeiam::internal::Json listed = Listed(plan);
  auto reread = fakeiam::ParseFaultRules(listed.dump(), "listed.json");
  Require(reread.ok(), "listed rules parse");
  fakeiam::FaultPlan again(0, "123456789012", 2);
  Require(again.AddAll(std::move(*reread)).ok(), "listed rules can be added");
  Require(Listed(again) == listed, "listed rules read back are the same rules");
  return 0;
}
