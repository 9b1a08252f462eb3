// Record mode: a service in front of another (the fake itself, or an Upstream) that saves every
// exchange it passes on into a cassette file.
//
//   auto recorder = std::make_shared<fakeiam::Recorder>(fake.shared_handler(),
//                                                       fakeiam::RecordOptions{"rotation.json"});
//   fakeiam::Server server(recorder);
//
// The file is rewritten, atomically, after every exchange and before the client gets its
// response: whenever the process ends, even by SIGKILL, the file is a whole cassette holding every
// exchange a client has seen. fakeiam's own API (/_fakeiam/...) is not recorded; nor is a
// connection a fault rule drops (it has no response), nor an answer fakeiam made up for want of
// one (HttpResponse::recordable: an upstream that did not answer).
#ifndef FAKEIAM_RECORDER_HPP_
#define FAKEIAM_RECORDER_HPP_

#include <memory>
#include <optional>
#include <string>

#include "fakeiam/cassette.hpp"
#include "fakeiam/http_service.hpp"
#include "fakeiam/result.hpp"

namespace fakeiam {

struct RecordOptions {
  std::string path;  // the cassette file to write
  // Secrets (SecretAccessKey, secret_access_key, security tokens) and signatures are masked in
  // the file: a recording made with real credentials can be committed. False keeps them.
  bool redact_secrets = true;
};

class Recorder : public HttpService {
 public:
  Recorder(std::shared_ptr<const HttpService> source, RecordOptions options);
  ~Recorder() override;

  HttpResponse Handle(const HttpRequest& request) const override;
  HttpResponse Reject(const HttpRequest& request, const Error& error) const override;

  // Writes what has been recorded so far. Handle does after each exchange; call it once before
  // serving to create the file and find out early that it cannot be written.
  Result<void> Save() const;

  // What has been recorded so far, redacted as in the file.
  Cassette cassette() const;
  // The error of the last write that failed, if the last write failed.
  std::optional<Error> save_error() const;
  const RecordOptions& options() const { return options_; }

 private:
  struct State;
  std::shared_ptr<const HttpService> source_;
  RecordOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace fakeiam

#endif  // FAKEIAM_RECORDER_HPP_
