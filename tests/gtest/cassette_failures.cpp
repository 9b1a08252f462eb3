// Tests that must fail: a CassetteTest fails the test that leaves a request unmatched, an
// interaction unplayed, or an answer different from the recording. CTest runs each one and
// checks the failure message (tests/CMakeLists.txt).

#include "cassette_support.hpp"

namespace fakeiam::testing {
namespace {

class ReplayFailure : public CassetteFixture {
 protected:
  ReplayFailure() : CassetteFixture("replay") {}
};

TEST_F(ReplayFailure, UnmatchedRequest) {
  ASSERT_TRUE(PostQuery(endpoint(), "Action=CreateAccessKey&UserName=Bob"));
  ASSERT_TRUE(PostQuery(endpoint(), "Action=ListAccessKeys&UserName=Bob"));
  ASSERT_TRUE(PostQuery(endpoint(), "Action=ListAccessKeys&UserName=Alice"));
}

TEST_F(ReplayFailure, UnplayedInteraction) {
  ASSERT_TRUE(PostQuery(endpoint(), "Action=CreateAccessKey&UserName=Bob"));
}

class ExpectFailure : public CassetteFixture {
 protected:
  ExpectFailure() : CassetteFixture("expect") {}
  StoreOptions Options() const override {
    StoreOptions options = SeededOptions();
    options.seed = 4;  // not the recording's seed
    return options;
  }
};

TEST_F(ExpectFailure, DifferentAnswer) {
  ASSERT_TRUE(PostQuery(endpoint(), "Action=CreateAccessKey&UserName=Bob"));
  ASSERT_TRUE(PostQuery(endpoint(), "Action=ListAccessKeys&UserName=Bob"));
}

class BadMode : public CassetteFixture {
 protected:
  BadMode() : CassetteFixture("rewind") {}
};

TEST_F(BadMode, IsRefused) {}

}  // namespace
}  // namespace fakeiam::testing
