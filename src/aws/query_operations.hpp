// The IAM operations of the AWS Query dialect: each reads its parameters, calls the store and
// writes its `<OpResult>`.
#ifndef FAKEIAM_SRC_AWS_QUERY_OPERATIONS_HPP_
#define FAKEIAM_SRC_AWS_QUERY_OPERATIONS_HPP_

#include <optional>
#include <string_view>

#include "aws/query_xml.hpp"
#include "fakeiam/result.hpp"
#include "fakeiam/store.hpp"
#include "http/url_encoding.hpp"
#include "protocol/caller.hpp"

namespace fakeiam::internal {

// The decoded parameters of one request; each name occurs once.
class QueryParams {
 public:
  explicit QueryParams(FormFields fields) : fields_(std::move(fields)) {}
  std::optional<std::string_view> Get(std::string_view name) const;

 private:
  FormFields fields_;
};

struct QueryCall {
  Store& store;
  const QueryParams& params;
  const Caller& caller;
  const CallContext& context;
  QueryResponseXml& response;
};

using QueryOperation = Result<void> (*)(const QueryCall& call);

// The operation an Action names, or nothing for an Action IAM (as faked here) does not have.
std::optional<QueryOperation> FindQueryOperation(std::string_view action);

}  // namespace fakeiam::internal

#endif  // FAKEIAM_SRC_AWS_QUERY_OPERATIONS_HPP_
