#!/usr/bin/python3
"""fakeiam's fault injection seen through real AWS clients: Debian's boto3 and /usr/bin/aws (v2).

Run as CTest does:
  FAKEIAM_SERVER=/path/to/fakeiam-server /usr/bin/python3 tests/clients/aws_faults_test.py

Rules are added through the control API (/_fakeiam/faults) with urllib, or with --faults at
start; the fault log (/_fakeiam/faults/log) shows every request a rule decided, so a test can
count a client's retries. Assertions state what the clients make of the injected errors, as they
would of AWS's: where fakeiam differs, the test fails rather than bending.

botocore's retry backoff is exponential with a random jitter factor (up to 15 s for the five
legacy attempts); the suite pins that factor to JITTER so it stays fast and the sleeps can be
checked exactly. Everything else about retrying (which errors, how many attempts) is botocore's own.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import types
import unittest
import uuid
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fakeiam_process import (OUTSIDER_KEY, OUTSIDER_SECRET, FakeIamServer,  # noqa: E402
                            ServerTestCase, aws_cli_env, control, isolate_process_environment)

isolate_process_environment()  # before boto3 is imported

import boto3  # noqa: E402
import botocore.endpoint  # noqa: E402
import botocore.retryhandler  # noqa: E402
import botocore.session  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.exceptions import ClientError, ConnectionClosedError  # noqa: E402
from botocore.retries import standard  # noqa: E402

AWS_CLI = "/usr/bin/aws"
SERVICE_ERROR_EXIT = 254  # what the v2 CLI exits with when the service answers with an error
ACCOUNT = "123456789012"
ROOT_ARN = "arn:aws:iam::%s:root" % ACCOUNT

# fakeiam's default messages (src/faults/fault_plan.cpp), worded as AWS words them.
SERVICE_FAILURE = ("The request processing has failed because of an unknown error, exception or "
                   "failure.")
SERVICE_UNAVAILABLE = "The request has failed due to a temporary failure of the server."
QUOTA = "Cannot exceed quota for AccessKeysPerUser: 2"

# Exactly one attempt (legacy max_attempts=1 would still allow a retry, hence total_max_attempts).
NO_RETRIES = Config(retries={"total_max_attempts": 1, "mode": "standard"})
DEFAULT = None  # the client's default config: legacy retries, as nothing in the env says otherwise

SESSION = boto3.session.Session(botocore_session=botocore.session.Session())

JITTER = 0.01  # botocore's random backoff factor, pinned: delays become JITTER * 2**(retry-1)


class _SleepRecorder:
    """Stands in for the `time` module in botocore.endpoint, whose only use is the retry sleep."""

    def __init__(self):
        self.calls = []

    def sleep(self, seconds):
        self.calls.append(seconds)
        time.sleep(seconds)


SLEEPS = _SleepRecorder()


def setUpModule():
    original_init = standard.ExponentialBackoff.__init__

    def pinned_init(self, max_backoff=20, random=None):
        original_init(self, max_backoff=max_backoff, random=lambda: JITTER)

    patchers = [
        # Legacy mode draws its base from random.random() at each retry.
        mock.patch.object(botocore.retryhandler, "random",
                          types.SimpleNamespace(random=lambda: JITTER)),
        # Standard mode binds random.random when the client's backoff is built.
        mock.patch.object(standard.ExponentialBackoff, "__init__", pinned_init),
        mock.patch.object(botocore.endpoint, "time", SLEEPS),
    ]
    for patcher in patchers:
        patcher.start()
        unittest.addModuleCleanup(patcher.stop)


class FaultTestCase(ServerTestCase):
    """ServerTestCase's per-test server, with boto3 clients (no retries unless a config says)."""

    maxDiff = None

    def setUp(self):
        super().setUp()
        del SLEEPS.calls[:]  # each test sees only its own retry sleeps

    def make_client(self, endpoint, key_id, secret, config=NO_RETRIES):
        return SESSION.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id=key_id, aws_secret_access_key=secret,
                              config=config)

    # The control API.
    def add_rules(self, body, server=None):
        status, answer = control((server or self.server).endpoint, "POST", "faults", body)
        self.assertEqual(status, 201, answer)
        return answer["added"]

    def rules(self, server=None):
        status, answer = control((server or self.server).endpoint, "GET", "faults")
        self.assertEqual(status, 200, answer)
        return answer["rules"]

    def rule(self, rule_id, server=None):
        [found] = [r for r in self.rules(server) if r["id"] == rule_id]
        return found

    def fault_log(self, server=None):
        status, answer = control((server or self.server).endpoint, "GET", "faults/log")
        self.assertEqual(status, 200, answer)
        return answer["entries"]

    def reset_faults(self, server=None):
        endpoint = (server or self.server).endpoint
        self.assertEqual(control(endpoint, "DELETE", "faults")[0], 200)
        self.assertEqual(control(endpoint, "DELETE", "faults/log")[0], 200)
        del SLEEPS.calls[:]

    def key_ids(self, user, client=None):
        return [m["AccessKeyId"] for m in (client or self.admin).list_access_keys(
            UserName=user)["AccessKeyMetadata"]]

    def assert_client_error(self, cm, exception_class, code, status, message):
        """A ClientError as botocore parses it from an AWS ErrorResponse."""
        self.assertIs(type(cm.exception), exception_class)
        response = cm.exception.response
        self.assertEqual(response["Error"]["Code"], code)
        self.assertEqual(response["Error"]["Message"], message)
        # AWS marks server-side faults Receiver, client ones Sender.
        self.assertEqual(response["Error"]["Type"], "Receiver" if status >= 500 else "Sender")
        meta = response["ResponseMetadata"]
        self.assertEqual(meta["HTTPStatusCode"], status)
        uuid.UUID(meta["RequestId"])
        self.assertEqual(meta["HTTPHeaders"]["x-amzn-requestid"], meta["RequestId"])
        return response


class InjectedErrorsTest(FaultTestCase):
    """Each injected error reaches boto3 as the same error from AWS would (one attempt each)."""

    def setUp(self):
        super().setUp()
        self.admin.create_user(UserName="Bob")
        self.bob_key = self.admin.create_access_key(UserName="Bob")["AccessKey"]
        self.bob = self.client_for(self.bob_key)

    def check(self, rule, call, exception_class, code, status, message, user):
        self.reset_faults()
        rule_id = rule["id"]
        self.assertEqual(self.add_rules(rule), [rule_id])
        with self.assertRaises(ClientError) as cm:
            call()
        response = self.assert_client_error(cm, exception_class, code, status, message)
        self.assertEqual(response["ResponseMetadata"]["RetryAttempts"], 0)
        # The log names the rule and the request boto3 saw fail.
        [entry] = self.fault_log()
        self.assertEqual((entry["rule"], entry["dialect"], entry["request_id"], entry["user"],
                          entry["error_code"], entry["status"], entry["dropped_connection"]),
                         (rule_id, "aws", response["ResponseMetadata"]["RequestId"], user, code,
                          status, False))
        self.assertEqual(entry["operation"], cm.exception.operation_name)

    def test_each_status_and_error_as_botocore_parses_it(self):
        e = self.admin.exceptions
        key_id = self.bob_key["AccessKeyId"]
        cases = [
            # 400 alone is ValidationError, which IAM's model does not list: a plain ClientError.
            ({"id": "s400", "operation": "CreateAccessKey", "status": 400},
             lambda: self.admin.create_access_key(UserName="Bob"),
             ClientError, "ValidationError", 400, "Injected by fakeiam fault rule s400."),
            ({"id": "invalid", "operation": "UpdateAccessKey", "error": "InvalidInput",
              "message": "Injected: the input is no good."},
             lambda: self.admin.update_access_key(UserName="Bob", AccessKeyId=key_id,
                                                  Status="Inactive"),
             e.InvalidInputException, "InvalidInput", 400, "Injected: the input is no good."),
            # IAM throttles with 400 Throttling (not modelled).
            ({"id": "throttle", "operation": "ListAccessKeys", "error": "Throttling"},
             lambda: self.admin.list_access_keys(UserName="Bob"),
             ClientError, "Throttling", 400, "Rate exceeded"),
            ({"id": "s404", "operation": "CreateAccessKey", "status": 404},
             lambda: self.admin.create_access_key(UserName="Bob"),
             e.NoSuchEntityException, "NoSuchEntity", 404,
             "The user with name Bob cannot be found."),
            # A call that addresses a key names the key.
            ({"id": "s404-key", "operation": "DeleteAccessKey", "status": 404},
             lambda: self.admin.delete_access_key(UserName="Bob", AccessKeyId=key_id),
             e.NoSuchEntityException, "NoSuchEntity", 404,
             "The Access Key with id %s cannot be found." % key_id),
            # 409 picks the operation's usual conflict.
            ({"id": "s409", "operation": "CreateAccessKey", "status": 409},
             lambda: self.admin.create_access_key(UserName="Bob"),
             e.LimitExceededException, "LimitExceeded", 409, QUOTA),
            ({"id": "s409-user", "operation": "CreateUser", "status": 409},
             lambda: self.admin.create_user(UserName="Dave"),
             e.EntityAlreadyExistsException, "EntityAlreadyExists", 409,
             "User with name Dave already exists."),
            ({"id": "s409-delete", "operation": "DeleteUser", "status": 409},
             lambda: self.admin.delete_user(UserName="Bob"),
             e.DeleteConflictException, "DeleteConflict", 409,
             "Cannot delete entity, must delete access keys first."),
            ({"id": "s500", "operation": "ListUsers", "status": 500},
             lambda: self.admin.list_users(),
             e.ServiceFailureException, "ServiceFailure", 500, SERVICE_FAILURE),
            # ServiceUnavailable is not in IAM's model either.
            ({"id": "s503", "operation": "GetUser", "status": 503},
             lambda: self.admin.get_user(UserName="Bob"),
             ClientError, "ServiceUnavailable", 503, SERVICE_UNAVAILABLE),
            # A custom code that IAM models gets its modelled exception class.
            ({"id": "custom", "operation": "CreateAccessKey", "status": 409,
              "code": "EntityTemporarilyUnmodifiable", "message": "Try again later."},
             lambda: self.admin.create_access_key(UserName="Bob"),
             e.EntityTemporarilyUnmodifiableException, "EntityTemporarilyUnmodifiable", 409,
             "Try again later."),
        ]
        # The user each call addresses: none for ListUsers, the would-be user for CreateUser.
        users = {"s500": "", "s409-user": "Dave"}
        for rule, call, exception_class, code, status, message in cases:
            with self.subTest(rule=rule["id"]):
                self.check(rule, call, exception_class, code, status, message,
                           users.get(rule["id"], "Bob"))
        self.reset_faults()

        # None of the faulted calls changed anything.
        [listed] = self.admin.list_access_keys(UserName="Bob")["AccessKeyMetadata"]
        self.assertEqual((listed["AccessKeyId"], listed["Status"]), (key_id, "Active"))
        self.assertEqual([u["UserName"] for u in self.admin.list_users()["Users"]], ["Bob"])

    def test_access_denied_names_caller_action_and_resource(self):
        self.admin.create_user(UserName="Carol", Path="/team/")
        carol_key = self.admin.create_access_key(UserName="Carol")["AccessKey"]
        carol = self.client_for(carol_key)
        cases = [
            # Bob on his own keys (implicit user), Carol (with a path) on Bob's, the root.
            (self.bob, lambda c: c.list_access_keys(), "ListAccessKeys",
             "arn:aws:iam::%s:user/Bob" % ACCOUNT, self.bob_key["AccessKeyId"]),
            (carol, lambda c: c.create_access_key(UserName="Bob"), "CreateAccessKey",
             "arn:aws:iam::%s:user/team/Carol" % ACCOUNT, carol_key["AccessKeyId"]),
            (self.admin, lambda c: c.list_access_keys(UserName="Bob"), "ListAccessKeys",
             ROOT_ARN, OUTSIDER_KEY),
        ]
        for caller, call, operation, arn, caller_key in cases:
            with self.subTest(caller=arn, operation=operation):
                self.add_rules({"id": "deny", "operation": operation, "status": 403})
                with self.assertRaises(ClientError) as cm:
                    call(caller)
                # AccessDenied is not modelled for IAM: a plain ClientError.
                self.assertIs(type(cm.exception), ClientError)
                response = cm.exception.response
                self.assertEqual((response["Error"]["Code"], response["Error"]["Type"],
                                  response["ResponseMetadata"]["HTTPStatusCode"]),
                                 ("AccessDenied", "Sender", 403))
                # AWS's trailing clause ("because no identity-based policy ...") varies.
                self.assertRegex(response["Error"]["Message"],
                                 r"^User: %s is not authorized to perform:? iam:%s on resource: "
                                 r"user Bob\b" % (re.escape(arn), operation))
                [entry] = self.fault_log()
                self.assertEqual((entry["caller_access_key_id"], entry["user"],
                                  entry["error_code"], entry["status"]),
                                 (caller_key, "Bob", "AccessDenied", 403))
                self.reset_faults()
        # Nothing was created by the denied CreateAccessKey.
        self.assertEqual(self.key_ids("Bob"), [self.bob_key["AccessKeyId"]])


class RetryTest(FaultTestCase):
    """botocore's own retries, counted in the fault log."""

    def setUp(self):
        super().setUp()
        self.admin.create_user(UserName="Bob")

    def assert_distinct_requests(self, entries, rule_id, count):
        self.assertEqual(len(entries), count, entries)
        self.assertEqual({e["rule"] for e in entries}, {rule_id})
        ids = [e["request_id"] for e in entries]
        for request_id in ids:
            uuid.UUID(request_id)
        self.assertEqual(len(set(ids)), count)  # every attempt is a new request
        # Consecutive (the sequence goes on across DELETE /_fakeiam/faults/log).
        first = entries[0]["sequence"]
        self.assertEqual([e["sequence"] for e in entries], list(range(first, first + count)))

    def test_default_config_is_legacy_with_five_attempts(self):
        client = self.client(config=DEFAULT)
        self.assertEqual(client.meta.config.retries, {"mode": "legacy"})
        e = client.exceptions
        cases = [
            ({"id": "unavailable", "operation": "CreateAccessKey", "status": 503},
             ClientError, "ServiceUnavailable", 503, SERVICE_UNAVAILABLE),
            ({"id": "failure", "operation": "CreateAccessKey", "status": 500},
             e.ServiceFailureException, "ServiceFailure", 500, SERVICE_FAILURE),
            # Legacy retries 400 Throttling too (_retry.json's "throttling" policy).
            ({"id": "throttling", "operation": "CreateAccessKey", "error": "Throttling"},
             ClientError, "Throttling", 400, "Rate exceeded"),
        ]
        for rule, exception_class, code, status, message in cases:
            with self.subTest(rule=rule["id"]):
                self.reset_faults()
                self.add_rules(rule)
                with self.assertRaises(ClientError) as cm:
                    client.create_access_key(UserName="Bob")
                response = self.assert_client_error(cm, exception_class, code, status, message)
                meta = response["ResponseMetadata"]
                self.assertEqual(meta["RetryAttempts"], 4)
                self.assertIs(meta["MaxAttemptsReached"], True)
                self.assertIn("(reached max retries: 4)", str(cm.exception))
                entries = self.fault_log()
                self.assert_distinct_requests(entries, rule["id"], 5)
                self.assertEqual(entries[-1]["request_id"], meta["RequestId"])
                self.assertEqual({(e["error_code"], e["status"]) for e in entries},
                                 {(code, status)})
                self.assertEqual((self.rule(rule["id"])["matched"],
                                  self.rule(rule["id"])["fired"]), (5, 5))
                # Exponential backoff, base 2 (jitter pinned).
                self.assertEqual(SLEEPS.calls, [JITTER * 2 ** i for i in range(4)])
                self.assertEqual(self.key_ids("Bob"), [])  # no attempt created a key

    def test_one_503_then_success_creates_one_key(self):
        client = self.client(config=DEFAULT)
        self.add_rules({"id": "once", "operation": "CreateAccessKey", "status": 503, "times": 1})
        response = client.create_access_key(UserName="Bob")
        meta = response["ResponseMetadata"]
        self.assertEqual((meta["HTTPStatusCode"], meta["RetryAttempts"]), (200, 1))
        [entry] = self.fault_log()
        self.assertEqual((entry["rule"], entry["error_code"], entry["status"]),
                         ("once", "ServiceUnavailable", 503))
        self.assertNotEqual(entry["request_id"], meta["RequestId"])
        self.assertEqual(SLEEPS.calls, [JITTER])
        # The faulted attempt had no side effect: exactly the one key the retry created.
        self.assertEqual(self.key_ids("Bob"), [response["AccessKey"]["AccessKeyId"]])
        self.assertEqual((self.rule("once")["matched"], self.rule("once")["fired"]), (2, 1))

    def test_standard_mode_attempts(self):
        # Config's "max_attempts" counts retries, "total_max_attempts" attempts (botocore's
        # args.py): max_attempts=3 makes 4 attempts.
        for retries, attempts in (({"mode": "standard", "max_attempts": 3}, 4),
                                  ({"mode": "standard", "total_max_attempts": 3}, 3)):
            with self.subTest(retries=retries):
                self.reset_faults()
                client = self.client(config=Config(retries=dict(retries)))
                self.add_rules({"id": "always", "operation": "ListAccessKeys", "status": 503})
                with self.assertRaises(ClientError) as cm:
                    client.list_access_keys(UserName="Bob")
                meta = self.assert_client_error(cm, ClientError, "ServiceUnavailable", 503,
                                                SERVICE_UNAVAILABLE)["ResponseMetadata"]
                self.assertEqual(meta["RetryAttempts"], attempts - 1)
                self.assertIn("(reached max retries: %d)" % (attempts - 1), str(cm.exception))
                entries = self.fault_log()
                self.assert_distinct_requests(entries, "always", attempts)
                self.assertEqual(entries[-1]["request_id"], meta["RequestId"])
                self.assertEqual(SLEEPS.calls, [JITTER * 2 ** i for i in range(attempts - 1)])

    def test_not_found_is_not_retried(self):
        configs = {"legacy": DEFAULT,
                   "standard": Config(retries={"mode": "standard", "total_max_attempts": 3})}
        for mode, config in configs.items():
            with self.subTest(mode=mode):
                self.reset_faults()
                client = self.client(config=config)
                self.add_rules({"id": "gone", "operation": "CreateAccessKey", "status": 404})
                with self.assertRaises(client.exceptions.NoSuchEntityException) as cm:
                    client.create_access_key(UserName="Bob")
                meta = cm.exception.response["ResponseMetadata"]
                self.assertEqual(meta["RetryAttempts"], 0)
                self.assertNotIn("MaxAttemptsReached", meta)
                self.assertEqual(len(self.fault_log()), 1)
                self.assertEqual(SLEEPS.calls, [])


class DropConnectionTest(FaultTestCase):
    """drop_connection: the server closes the connection without an answer."""

    def setUp(self):
        super().setUp()
        self.admin.create_user(UserName="Bob")

    def test_without_retries_boto3_sees_the_connection_closed(self):
        self.add_rules({"id": "drop", "operation": "CreateAccessKey", "drop_connection": True,
                        "times": 1})
        with self.assertRaises(ConnectionClosedError):
            self.admin.create_access_key(UserName="Bob")
        [entry] = self.fault_log()
        self.assertEqual((entry["rule"], entry["operation"], entry["dropped_connection"]),
                         ("drop", "CreateAccessKey", True))
        self.assertEqual(self.key_ids("Bob"), [])  # the dropped call created nothing

    def test_boto3_retries_after_a_drop_and_succeeds(self):
        client = self.client(config=DEFAULT)
        self.add_rules({"id": "drop", "operation": "CreateAccessKey", "drop_connection": True,
                        "times": 1})
        response = client.create_access_key(UserName="Bob")
        meta = response["ResponseMetadata"]
        self.assertEqual((meta["HTTPStatusCode"], meta["RetryAttempts"]), (200, 1))
        [entry] = self.fault_log()
        self.assertIs(entry["dropped_connection"], True)
        self.assertEqual((entry["rule"], entry["user"]), ("drop", "Bob"))
        self.assertNotEqual(entry["request_id"], meta["RequestId"])
        self.assertEqual(SLEEPS.calls, [JITTER])
        self.assertEqual(self.key_ids("Bob"), [response["AccessKey"]["AccessKeyId"]])
        # The server still serves the same client (its pool reconnects).
        self.assertEqual(len(client.list_access_keys(UserName="Bob")["AccessKeyMetadata"]), 1)


class MatchingTest(FaultTestCase):
    """Which calls a rule matches, through real signed requests."""

    def setUp(self):
        super().setUp()
        self.bob_user = self.admin.create_user(UserName="Bob")["User"]
        self.admin.create_user(UserName="Alice")
        self.bob_keys = [self.admin.create_access_key(UserName="Bob")["AccessKey"]
                         for _ in range(2)]
        self.alice_key = self.admin.create_access_key(UserName="Alice")["AccessKey"]

    def outcome(self, call):
        """None if the call succeeds, else its error code."""
        try:
            call()
            return None
        except ClientError as error:
            return error.response["Error"]["Code"]

    def test_user_rule_fails_that_users_calls_only(self):
        bob = self.client_for(self.bob_keys[0])
        alice = self.client_for(self.alice_key)
        # By name, ignoring case (IAM names are case-insensitive), and by user id.
        for user in ("bob", self.bob_user["UserId"]):
            with self.subTest(user=user):
                self.reset_faults()
                self.add_rules({"id": "bob-only", "operation": "ListAccessKeys", "user": user,
                                "status": 403})
                self.assertEqual(self.outcome(lambda: self.admin.list_access_keys(UserName="Bob")),
                                 "AccessDenied")
                self.assertEqual(self.outcome(lambda: bob.list_access_keys()), "AccessDenied")
                self.assertIsNone(self.outcome(lambda: self.admin.list_access_keys(
                    UserName="Alice")))
                self.assertIsNone(self.outcome(lambda: alice.list_access_keys()))
                self.assertEqual([e["user"] for e in self.fault_log()], ["Bob", "Bob"])
                self.assertEqual((self.rule("bob-only")["matched"],
                                  self.rule("bob-only")["fired"]), (2, 2))

    def test_caller_rule_fails_calls_signed_with_that_key_only(self):
        first, second = (self.client_for(k) for k in self.bob_keys)
        alice = self.client_for(self.alice_key)
        caller = self.bob_keys[0]["AccessKeyId"]
        self.add_rules({"id": "by-key", "caller_access_key_id": caller, "status": 500})
        self.assertEqual(self.outcome(lambda: first.list_access_keys()), "ServiceFailure")
        self.assertEqual(self.outcome(lambda: first.get_user(UserName="Alice")), "ServiceFailure")
        # The same user with another key, another user, the root: untouched.
        self.assertIsNone(self.outcome(lambda: second.list_access_keys()))
        self.assertIsNone(self.outcome(lambda: alice.get_user(UserName="Bob")))
        self.assertIsNone(self.outcome(lambda: self.admin.list_access_keys(UserName="Bob")))
        entries = self.fault_log()
        self.assertEqual([(e["operation"], e["user"], e["caller_access_key_id"]) for e in entries],
                         [("ListAccessKeys", "Bob", caller), ("GetUser", "Alice", caller)])

    def test_access_key_rule_fails_calls_addressing_that_key_only(self):
        target, other = (k["AccessKeyId"] for k in self.bob_keys)
        self.add_rules({"id": "that-key", "access_key_id": target, "status": 409})
        update = self.admin.update_access_key
        self.assertEqual(self.outcome(lambda: update(UserName="Bob", AccessKeyId=target,
                                                     Status="Inactive")), "LimitExceeded")
        self.assertIsNone(self.outcome(lambda: update(UserName="Bob", AccessKeyId=other,
                                                      Status="Inactive")))
        statuses = {m["AccessKeyId"]: m["Status"] for m in self.admin.list_access_keys(
            UserName="Bob")["AccessKeyMetadata"]}
        self.assertEqual(statuses, {target: "Active", other: "Inactive"})
        [entry] = self.fault_log()
        self.assertEqual(entry["access_key_id"], target)

    def test_nth_fires_on_exactly_the_nth_matching_call(self):
        self.add_rules({"id": "third", "operation": "ListUsers", "nth": 3, "status": 500})
        outcomes = []
        for _ in range(5):
            outcomes.append(self.outcome(self.admin.list_users))
            # Calls of other operations are not counted.
            self.assertIsNone(self.outcome(lambda: self.admin.get_user(UserName="Bob")))
        self.assertEqual(outcomes, [None, None, "ServiceFailure", None, None])
        state = self.rule("third")
        self.assertEqual((state["matched"], state["fired"]), (5, 1))
        self.assertEqual(len(self.fault_log()), 1)


class ProbabilityTest(unittest.TestCase):
    """probability draws from --seed and the rule's id: same seed and id, same pattern."""

    CALLS = 24

    def pattern(self, seed, rule_id):
        with FakeIamServer("--seed", str(seed), "--quiet") as server:
            status, _ = control(server.endpoint, "POST", "faults", {
                "id": rule_id, "operation": "ListUsers", "probability": 0.5,
                "error": "ServiceUnavailable"})
            self.assertEqual(status, 201)
            client = SESSION.client("iam", endpoint_url=server.endpoint, region_name="us-east-1",
                                    aws_access_key_id=OUTSIDER_KEY,
                                    aws_secret_access_key=OUTSIDER_SECRET, config=NO_RETRIES)
            failed_ids = []
            outcomes = ""
            for _ in range(self.CALLS):
                try:
                    client.list_users()
                    outcomes += "."
                except ClientError as error:
                    self.assertEqual(error.response["Error"]["Code"], "ServiceUnavailable")
                    failed_ids.append(error.response["ResponseMetadata"]["RequestId"])
                    outcomes += "X"
            client.close()
            # The log holds exactly the failed requests.
            entries = control(server.endpoint, "GET", "faults/log")[1]["entries"]
            self.assertEqual([e["request_id"] for e in entries], failed_ids)
            [state] = control(server.endpoint, "GET", "faults")[1]["rules"]
            self.assertEqual((state["matched"], state["fired"]), (self.CALLS, len(failed_ids)))
            return outcomes, failed_ids

    def test_same_seed_same_pattern_other_seed_or_id_another(self):
        first, first_ids = self.pattern(7, "flaky")
        again, again_ids = self.pattern(7, "flaky")
        self.assertEqual(first, again)
        self.assertEqual(first_ids, again_ids)  # request ids come from the seed too
        # Both outcomes occur (p = 0.5 over 24 calls).
        self.assertIn("X", first)
        self.assertIn(".", first)
        self.assertNotEqual(self.pattern(7, "wobbly")[0], first)
        self.assertNotEqual(self.pattern(8, "flaky")[0], first)


class CliTest(unittest.TestCase):
    """/usr/bin/aws (v2: standard retries, 3 attempts by default) against injected errors."""

    @classmethod
    def setUpClass(cls):
        cls.server = FakeIamServer()
        cls.endpoint = cls.server.endpoint
        admin = SESSION.client("iam", endpoint_url=cls.endpoint, region_name="us-east-1",
                               aws_access_key_id=OUTSIDER_KEY,
                               aws_secret_access_key=OUTSIDER_SECRET, config=NO_RETRIES)
        admin.create_user(UserName="Bob")
        cls.bob_key = admin.create_access_key(UserName="Bob")["AccessKey"]
        admin.close()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        for path in ("faults", "faults/log"):
            self.assertEqual(control(self.endpoint, "DELETE", path)[0], 200)

    def add_rule(self, rule):
        status, answer = control(self.endpoint, "POST", "faults", rule)
        self.assertEqual(status, 201, answer)

    def log_count(self):
        return len(control(self.endpoint, "GET", "faults/log")[1]["entries"])

    def cli_error(self, expected, *args, env=None):
        result = subprocess.run([AWS_CLI, "--endpoint-url", self.endpoint, "--output", "json",
                                 *args], env=env or aws_cli_env(), capture_output=True,
                                text=True, timeout=60)
        self.assertEqual(result.returncode, SERVICE_ERROR_EXIT,
                         "aws %s: %s %s" % (" ".join(args), result.stdout, result.stderr))
        self.assertEqual(result.stdout, "")
        self.assertEqual(result.stderr.strip(), expected)

    def test_client_errors(self):
        key_id = self.bob_key["AccessKeyId"]
        self.add_rule({"id": "c400", "operation": "ListAccessKeys", "status": 400})
        self.cli_error("An error occurred (ValidationError) when calling the ListAccessKeys "
                       "operation: Injected by fakeiam fault rule c400.",
                       "iam", "list-access-keys", "--user-name", "Bob")

        self.add_rule({"id": "c404", "operation": "DeleteAccessKey", "status": 404})
        self.cli_error("An error occurred (NoSuchEntity) when calling the DeleteAccessKey "
                       "operation: The Access Key with id %s cannot be found." % key_id,
                       "iam", "delete-access-key", "--user-name", "Bob", "--access-key-id", key_id)

        self.add_rule({"id": "c409", "operation": "CreateAccessKey", "status": 409})
        self.cli_error("An error occurred (LimitExceeded) when calling the CreateAccessKey "
                       "operation: " + QUOTA, "iam", "create-access-key", "--user-name", "Bob")
        # One attempt each: the CLI retries none of these.
        self.assertEqual(self.log_count(), 3)

    def test_access_denied_names_bobs_arn(self):
        self.add_rule({"id": "c403", "operation": "ListAccessKeys", "status": 403})
        self.cli_error("An error occurred (AccessDenied) when calling the ListAccessKeys "
                       "operation: User: arn:aws:iam::%s:user/Bob is not authorized to perform: "
                       "iam:ListAccessKeys on resource: user Bob" % ACCOUNT,
                       "iam", "list-access-keys",
                       env=aws_cli_env(self.bob_key["AccessKeyId"],
                                       self.bob_key["SecretAccessKey"]))
        self.assertEqual(self.log_count(), 1)

    def test_server_errors_are_retried_until_max_attempts(self):
        # The CLI's default: standard mode, 3 attempts.
        self.add_rule({"id": "c503", "operation": "ListUsers", "status": 503})
        self.cli_error("An error occurred (ServiceUnavailable) when calling the ListUsers "
                       "operation (reached max retries: 2): " + SERVICE_UNAVAILABLE,
                       "iam", "list-users")
        self.assertEqual(self.log_count(), 3)

        # AWS_MAX_ATTEMPTS counts attempts (unlike boto3 Config's max_attempts).
        self.setUp()
        self.add_rule({"id": "c500", "operation": "GetUser", "status": 500})
        self.cli_error("An error occurred (ServiceFailure) when calling the GetUser "
                       "operation (reached max retries: 1): " + SERVICE_FAILURE,
                       "iam", "get-user", "--user-name", "Bob",
                       env=aws_cli_env(AWS_MAX_ATTEMPTS="2"))
        self.assertEqual(self.log_count(), 2)


class FaultsFileTest(unittest.TestCase):
    """--faults FILE loads rules at start; a bad file stops the server with the file and field."""

    def write(self, directory, name, content):
        path = os.path.join(directory, name)
        with open(path, "w") as f:
            f.write(content if isinstance(content, str) else json.dumps(content))
        return path

    def test_rules_from_file_are_in_force_at_start(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = self.write(tmp, "faults.json", {"rules": [
                {"id": "boot", "operation": "CreateUser", "status": 409, "times": 1}]})
            with FakeIamServer("--faults", path) as server:
                [rule] = control(server.endpoint, "GET", "faults")[1]["rules"]
                self.assertEqual(rule, {"id": "boot", "operation": ["CreateUser"], "times": 1,
                                        "status": 409, "matched": 0, "fired": 0})
                admin = SESSION.client("iam", endpoint_url=server.endpoint,
                                       region_name="us-east-1", aws_access_key_id=OUTSIDER_KEY,
                                       aws_secret_access_key=OUTSIDER_SECRET, config=NO_RETRIES)
                with self.assertRaises(admin.exceptions.EntityAlreadyExistsException) as cm:
                    admin.create_user(UserName="Bob")
                self.assertEqual(cm.exception.response["Error"]["Message"],
                                 "User with name Bob already exists.")
                # times 1: spent; the next call goes through.
                self.assertEqual(admin.create_user(UserName="Bob")["User"]["UserName"], "Bob")
                admin.close()

    def test_bad_file_exits_1_naming_file_and_field(self):
        with tempfile.TemporaryDirectory() as tmp:
            cases = [
                (self.write(tmp, "range.json", {"rules": [
                    {"id": "ok", "status": 500},
                    {"id": "bad", "operation": "CreateUser", "status": 503,
                     "probability": 1.5}]}), "/rules/1/probability"),
                (self.write(tmp, "field.json", [{"status": 500, "operaton": "ListUsers"}]),
                 "/0/operaton"),
                (self.write(tmp, "syntax.json", '[{"status": 500},'), "line 1"),
                (os.path.join(tmp, "missing.json"), "cannot open"),
            ]
            for path, detail in cases:
                with self.subTest(file=os.path.basename(path)):
                    result = subprocess.run([os.environ["FAKEIAM_SERVER"], "--port", "0",
                                             "--faults", path], capture_output=True, text=True,
                                            timeout=10)
                    self.assertEqual(result.returncode, 1, result.stderr)
                    self.assertEqual(result.stdout, "")  # it never started listening
                    self.assertIn(path, result.stderr)
                    self.assertIn(detail, result.stderr)


class ControlApiTest(FaultTestCase):
    """The control API refuses bad rules with a 400 naming the field, and changes nothing."""

    def test_bad_rules_are_refused_and_change_nothing(self):
        self.add_rules({"id": "keep", "operation": "ListUsers", "status": 500, "times": 1})
        with self.assertRaises(self.admin.exceptions.ServiceFailureException):
            self.admin.list_users()
        before = self.rules()
        self.assertEqual([(r["id"], r["matched"], r["fired"]) for r in before], [("keep", 1, 1)])

        cases = [
            ({"id": "x", "operation": "ListUsers", "stauts": 503}, "/stauts"),
            ({"operation": ["ListUsers", "Nope"], "status": 500}, "/operation/1"),
            ({"status": 500, "probability": 0}, "/probability"),
            ({"status": 500, "probability": "half"}, "/probability"),
            ({"status": 418}, "/status"),
            ({"status": 600}, "/status"),
            ({"status": 500, "nth": 2, "times": 1}, "/nth"),
            ({"error": "Teapot"}, "/error"),
            ({"code": "Custom"}, "/code"),
            ({"status": 500, "user": ""}, "/user"),
            ({"status": 500, "dialect": "gcp"}, "/dialect"),
            ({"operation": "ListUsers"}, "/effect"),
            ({"rules": [{"status": 500, "latency_ms": -1}]}, "/rules/0/latency_ms"),
            # All or none: the good first rule is not added either.
            ([{"id": "good", "status": 500}, {"id": "bad", "status": 500, "times": 0}],
             "/1/times"),
            # A taken id is caught after parsing: named as "id", without a JSON pointer.
            ({"id": "keep", "status": 503}, "id: keep"),
            ("not json", "line 1"),
        ]
        for body, field in cases:
            with self.subTest(body=body):
                status, answer = control(self.server.endpoint, "POST", "faults", body)
                self.assertEqual(status, 400, answer)
                self.assertEqual(answer["error"]["code"], "InvalidFaultRule")
                self.assertIn(field, answer["error"]["message"])
                self.assertEqual(self.rules(), before)

        # Still in force as before: spent, so calls go through.
        self.assertEqual(self.admin.list_users()["Users"], [])
        self.assertEqual(len(self.fault_log()), 1)

    def test_rule_lifecycle(self):
        ids = self.add_rules([{"operation": "GetUser", "status": 404},
                              {"id": "named", "operation": "ListUsers", "latency_ms": 50}])
        self.assertEqual(ids[1], "named")
        self.assertTrue(ids[0])  # an id is assigned
        started = time.monotonic()
        self.admin.list_users()  # latency only: the call goes on
        self.assertGreaterEqual(time.monotonic() - started, 0.05)
        [entry] = self.fault_log()
        self.assertEqual((entry["rule"], entry["latency_ms"], entry["error_code"]),
                         ("named", 50, ""))

        status, _ = control(self.server.endpoint, "DELETE", "faults/" + ids[0])
        self.assertEqual(status, 200)
        self.assertEqual(self.admin.get_user()["User"]["Arn"], ROOT_ARN)  # no longer faulted
        status, answer = control(self.server.endpoint, "DELETE", "faults/" + ids[0])
        self.assertEqual(status, 404, answer)
        self.assertEqual([r["id"] for r in self.rules()], ["named"])

        self.assertEqual(control(self.server.endpoint, "DELETE", "faults")[0], 200)
        self.assertEqual(self.rules(), [])
        self.assertEqual(len(self.fault_log()), 1)  # clearing rules keeps the log
        self.assertEqual(control(self.server.endpoint, "DELETE", "faults/log")[0], 200)
        self.assertEqual(self.fault_log(), [])


if __name__ == "__main__":
    if not os.access(AWS_CLI, os.X_OK):
        sys.exit("%s (the Debian AWS CLI v2) is required" % AWS_CLI)
    unittest.main(verbosity=2)
