#include "fakeiam/recorder.hpp"

#include <mutex>
#include <stdexcept>

#include "core/files.hpp"
#include "record/cassette_control.hpp"
#include "record/cassette_format.hpp"
#include "record/recorded_exchange.hpp"

namespace fakeiam {

struct Recorder::State {
  mutable std::mutex mutex;
  Cassette cassette;
  // Each interaction formatted once, so that rewriting the file after an exchange costs a write,
  // not a reformatting of everything before it.
  std::vector<std::string> formatted;
  std::optional<Error> save_error;

  // REQUIRES: `mutex` held.
  Result<void> Write(const std::string& path) {
    Result<void> saved = internal::WriteFileAtomically(path, internal::AssembleCassette(formatted));
    save_error = saved.ok() ? std::nullopt : std::optional<Error>(saved.error());
    return saved;
  }
};

Recorder::Recorder(std::shared_ptr<const HttpService> source, RecordOptions options)
    : source_(std::move(source)), options_(std::move(options)), state_(std::make_unique<State>()) {
  if (!source_) throw std::invalid_argument("fakeiam::Recorder needs a source");
}

Recorder::~Recorder() = default;

HttpResponse Recorder::Handle(const HttpRequest& request) const {
  if (internal::IsControlPath(request.path)) {
    return internal::HandleCassetteControl(
        request,
        [this] {
          std::lock_guard<std::mutex> lock(state_->mutex);
          internal::Json status = {{"mode", "record"},
                                   {"file", options_.path},
                                   {"recorded", state_->cassette.interactions.size()}};
          if (state_->save_error) status["save_error"] = state_->save_error->message;
          return status;
        },
        nullptr, *source_);
  }
  HttpResponse response = source_->Handle(request);
  if (response.drop_connection || !response.recordable) return response;

  std::lock_guard<std::mutex> lock(state_->mutex);
  Interaction interaction =
      internal::RecordedExchange(static_cast<int>(state_->cassette.interactions.size()) + 1,
                                 request, response, options_.redact_secrets);
  state_->formatted.push_back(internal::FormatInteraction(interaction));
  state_->cassette.interactions.push_back(std::move(interaction));
  // Written before the client has its response, so the file holds every exchange a client saw. A
  // failed write is kept in save_error(); the client still gets its answer.
  (void)state_->Write(options_.path);
  return response;
}

HttpResponse Recorder::Reject(const HttpRequest& request, const Error& error) const {
  return source_->Reject(request, error);
}

Result<void> Recorder::Save() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->Write(options_.path);
}

Cassette Recorder::cassette() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->cassette;
}

std::optional<Error> Recorder::save_error() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->save_error;
}

}  // namespace fakeiam
