// SharedServerEnvironment and SharedServerTest: one server for the whole binary, reset to a new
// account before each test. (Its own binary: an environment is global to a test program.)
#include <httplib.h>

#include "fakeiam/gtest.hpp"

namespace fakeiam::testing {
namespace {

SharedServerEnvironment* const kSharedIam = static_cast<SharedServerEnvironment*>(
    ::testing::AddGlobalTestEnvironment(new SharedServerEnvironment));

int first_port = 0;

class SharedServerSuite : public SharedServerTest {
 protected:
  // What a client that outlives the tests (a process-wide SDK client) sees of the server.
  httplib::Result CreateBob() {
    httplib::Client client("127.0.0.1", fake().server().port());
    return client.Post("/", "Action=CreateUser&UserName=Bob&Version=2010-05-08",
                       "application/x-www-form-urlencoded");
  }
};

// Both tests create Bob over HTTP: the second can only because the state was reset.
TEST_F(SharedServerSuite, FirstTestSeesAFreshAccount) {
  EXPECT_EQ(SharedServerEnvironment::Current(), kSharedIam);
  EXPECT_EQ(CreateBob()->status, 200);
  first_port = fake().server().port();
  ASSERT_THAT(store().faults().Add(FaultRule::ForAnyOperation().WithStatus(500)), IsOk());
}

TEST_F(SharedServerSuite, SecondTestSeesAFreshAccountOnTheSameServer) {
  EXPECT_EQ(CreateBob()->status, 200);  // no Bob left over, no fault rule left over
  EXPECT_EQ(fake().server().port(), first_port);
  // Ids start over as in a new store.
  EXPECT_EQ(store().GetUser("Bob")->id, Store().CreateUser("Bob")->id);
}

}  // namespace
}  // namespace fakeiam::testing
