// Fault rules and the fault log as JSON, for the control API and `fakeiam-server --faults`.
#ifndef FAKEIAM_SRC_FAULTS_FAULT_JSON_HPP_
#define FAKEIAM_SRC_FAULTS_FAULT_JSON_HPP_

#include <vector>

#include "core/json_reader.hpp"
#include "fakeiam/faults.hpp"

namespace fakeiam::internal {

// {"rules": [{...rule, "matched": n, "fired": n}]}, each rule in the format ParseFaultRules reads.
Json FaultRulesJson(const std::vector<FaultRuleState>& rules);

// {"entries": [{"sequence", "rule", "operation", "dialect", "request_id", ...}]}.
Json FaultLogJson(const std::vector<FaultLogEntry>& entries);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_FAULTS_FAULT_JSON_HPP_
