// A cassette of a short AWS session with a seeded fake, and CassetteTest fixtures that use it,
// for the tests of fakeiam::gtest's cassette support.
#ifndef FAKEIAM_TESTS_GTEST_CASSETTE_SUPPORT_HPP_
#define FAKEIAM_TESTS_GTEST_CASSETTE_SUPPORT_HPP_

#include <httplib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "fakeiam/gtest.hpp"

namespace fakeiam::testing {

inline httplib::Result PostQuery(const std::string& endpoint, const std::string& form) {
  httplib::Client client(endpoint);
  return client.Post("/", form + "&Version=2010-05-08", "application/x-www-form-urlencoded");
}

// The fake every fixture records from or compares with: Bob, and seed 3.
inline StoreOptions SeededOptions() {
  StoreOptions options;
  options.seed = 3;
  return options;
}

inline void AddBob(Store& store) { (void)store.CreateUser("Bob"); }

// What that fake answers to: create a key for Bob, list Bob's keys.
inline Cassette RecordSession() {
  FakeIam fake(SeededOptions());
  AddBob(fake.store());
  const std::string path =
      ::testing::TempDir() + "/session_recording_" + std::to_string(::getpid()) + ".json";
  const Recorder recorder(fake.shared_handler(), RecordOptions{path});
  for (const std::string form :
       {"Action=CreateAccessKey&UserName=Bob", "Action=ListAccessKeys&UserName=Bob"}) {
    HttpRequest request;
    request.method = "POST";
    request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
    request.body = form + "&Version=2010-05-08";
    recorder.Handle(request);
  }
  std::remove(path.c_str());
  return recorder.cassette();
}

// A CassetteTest in the mode `mode`, on a cassette of its own in the test temporary directory.
class CassetteFixture : public CassetteTest {
 protected:
  explicit CassetteFixture(const char* mode) { setenv("FAKEIAM_CASSETTE_MODE", mode, 1); }
  ~CassetteFixture() override { unsetenv("FAKEIAM_CASSETTE_MODE"); }

  std::string CassetteDirectory() const override { return ::testing::TempDir() + "/cassettes"; }
  StoreOptions Options() const override { return SeededOptions(); }
  void SetUpFake(Store& store) override { AddBob(store); }

  // Writes the session's cassette where this test looks for it.
  void SetUp() override {
    const std::string path = CassettePath();
    ::mkdir(CassetteDirectory().c_str(), 0755);
    ::mkdir(path.substr(0, path.rfind('/')).c_str(), 0755);
    if (write_session_) {
      ASSERT_TRUE(SaveCassette(RecordSession(), path).ok());
    }
    CassetteTest::SetUp();
  }

  bool write_session_ = true;
};

}  // namespace fakeiam::testing

#endif  // FAKEIAM_TESTS_GTEST_CASSETTE_SUPPORT_HPP_
