#!/usr/bin/python3
"""fakeiam-server driven by a real client: Debian's boto3/botocore.

Run: FAKEIAM_SERVER=/path/to/fakeiam-server /usr/bin/python3 tests/clients/boto3_test.py

Every test starts its own server on an ephemeral port, so tests share no state. Assertions are
about what boto3 parses out of the server's responses, and they state AWS's behaviour: where the
fake differs, the test fails rather than being bent to match.
"""
import base64
import datetime
import math
import os
import re
import sys
import unittest
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fakeiam_process import (OUTSIDER_KEY, OUTSIDER_SECRET, ServerTestCase,  # noqa: E402
                            isolate_process_environment)

isolate_process_environment()  # before boto3 is imported

import boto3  # noqa: E402
import botocore.session  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402

ACCOUNT = "123456789012"
ROOT_ARN = "arn:aws:iam::%s:root" % ACCOUNT
ACCESS_KEY_ID = re.compile(r"^AKIA[A-Z2-7]{16}$")
SECRET = re.compile(r"^[A-Za-z0-9+/]{40}$")
USER_ID = re.compile(r"^AIDA[A-Z2-7]{17}$")
# The --clock fixed start (see fakeiam-server --help): one second more per event.
FIXED_START = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
NOT_FOUND_USER = "The user with name {} cannot be found."

# Exactly one attempt: retries would hide a status the fake got wrong (and legacy-mode
# max_attempts=1 would still allow one retry, hence total_max_attempts).
NO_RETRIES = Config(retries={"total_max_attempts": 1, "mode": "standard"})

# One botocore session for every client: loading the service model once keeps the suite fast.
SESSION = boto3.session.Session(botocore_session=botocore.session.Session())


def account_of(access_key_id):
    """The account id AWS packs into an AKIA key id (what `aws sts get-access-key-info` reads)."""
    raw = base64.b32decode(access_key_id[4:])
    return "%012d" % ((int.from_bytes(raw[:6], "big") & 0x7FFFFFFFFF80) >> 7)


class FakeIamTestCase(ServerTestCase):
    """ServerTestCase's per-test server, with boto3 clients: us-east-1 unless told, no retries."""

    def make_client(self, endpoint, key_id, secret, region="us-east-1"):
        return SESSION.client("iam", endpoint_url=endpoint, region_name=region,
                              aws_access_key_id=key_id, aws_secret_access_key=secret,
                              config=NO_RETRIES)

    def assert_request_id(self, response):
        meta = response["ResponseMetadata"]
        uuid.UUID(meta["RequestId"])  # raises if not a UUID
        self.assertEqual(meta["RequestId"], meta["HTTPHeaders"]["x-amzn-requestid"])
        self.assertEqual(meta["RetryAttempts"], 0)

    def assert_error(self, cm, code, status, message=None):
        """Checks a ClientError as boto3 parsed it from the server's ErrorResponse."""
        response = cm.exception.response
        self.assertEqual(response["Error"]["Code"], code)
        self.assertEqual(response["Error"]["Type"], "Sender")
        if message is not None:
            self.assertEqual(response["Error"]["Message"], message)
        else:
            self.assertTrue(response["Error"]["Message"])
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], status)
        self.assert_request_id(response)
        # botocore words its exception text from the code and message.
        self.assertIn("(%s)" % code, str(cm.exception))
        return response

    def capture_raw_bodies(self, client, operation):
        """Collects the raw HTTP bodies of `operation`'s responses."""
        bodies = []
        client.meta.events.register("after-call.iam." + operation,
                                    lambda http_response, **_: bodies.append(http_response.text))
        return bodies

    def capture_wire_params(self, client, operation):
        """Collects the form fields boto3 sends for `operation`."""
        sent = []
        client.meta.events.register("before-sign.iam." + operation,
                                    lambda request, **_: sent.append(dict(request.data)))
        return sent


class SeedExamplesTest(FakeIamTestCase):
    """The AWS CLI doc pages' examples (create-access-key, list-access-keys, delete-access-key)."""

    def test_create_list_delete_for_bob(self):
        before = datetime.datetime.now(datetime.timezone.utc)
        user = self.admin.create_user(UserName="Bob")["User"]
        self.assertEqual(user["UserName"], "Bob")

        created = []
        for _ in range(2):
            response = self.admin.create_access_key(UserName="Bob")
            self.assert_request_id(response)
            self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], 200)
            key = response["AccessKey"]
            self.assertEqual(set(key), {"UserName", "AccessKeyId", "Status", "SecretAccessKey",
                                        "CreateDate"})
            self.assertEqual(key["UserName"], "Bob")
            self.assertRegex(key["AccessKeyId"], ACCESS_KEY_ID)
            self.assertEqual(account_of(key["AccessKeyId"]), ACCOUNT)
            self.assertEqual(key["Status"], "Active")  # the default status of a new key
            self.assertRegex(key["SecretAccessKey"], SECRET)
            self.assertIsInstance(key["CreateDate"], datetime.datetime)
            self.assertIsNotNone(key["CreateDate"].tzinfo)
            # The default clock is the wall clock (second resolution on the wire).
            self.assertLessEqual(before.replace(microsecond=0), key["CreateDate"])
            self.assertLess(key["CreateDate"] - before, datetime.timedelta(minutes=5))
            created.append(key)
        self.assertNotEqual(created[0]["AccessKeyId"], created[1]["AccessKeyId"])
        self.assertNotEqual(created[0]["SecretAccessKey"], created[1]["SecretAccessKey"])

        raw = self.capture_raw_bodies(self.admin, "ListAccessKeys")
        listed = self.admin.list_access_keys(UserName="Bob")
        self.assert_request_id(listed)
        self.assertIs(listed["IsTruncated"], False)
        self.assertNotIn("Marker", listed)
        # Metadata is the created key minus its secret, in creation order.
        expected = [{k: v for k, v in key.items() if k != "SecretAccessKey"} for key in created]
        self.assertEqual(listed["AccessKeyMetadata"], expected)

        deleted = self.admin.delete_access_key(UserName="Bob",
                                               AccessKeyId=created[0]["AccessKeyId"])
        self.assertEqual(set(deleted), {"ResponseMetadata"})  # DeleteAccessKey has no output
        self.assert_request_id(deleted)

        listed = self.admin.list_access_keys(UserName="Bob")
        self.assertEqual(listed["AccessKeyMetadata"], expected[1:])
        self.assertIs(listed["IsTruncated"], False)

        # The secret is returned by CreateAccessKey only: not even unparsed in a listing's XML.
        self.assertEqual(len(raw), 2)
        for body in raw:
            self.assertNotIn("SecretAccessKey", body)
            for key in created:
                self.assertNotIn(key["SecretAccessKey"], body)
            self.assertIn("<UserName>Bob</UserName>", body)

    def test_list_for_user_without_keys_is_empty(self):
        self.admin.create_user(UserName="Bob")
        listed = self.admin.list_access_keys(UserName="Bob")
        self.assertEqual(listed["AccessKeyMetadata"], [])
        self.assertIs(listed["IsTruncated"], False)

    def test_update_access_key_status_shows_in_list(self):
        self.admin.create_user(UserName="Bob")
        key = self.admin.create_access_key(UserName="Bob")["AccessKey"]
        response = self.admin.update_access_key(UserName="Bob", AccessKeyId=key["AccessKeyId"],
                                                Status="Inactive")
        self.assertEqual(set(response), {"ResponseMetadata"})
        [listed] = self.admin.list_access_keys(UserName="Bob")["AccessKeyMetadata"]
        self.assertEqual(listed["Status"], "Inactive")
        self.assertEqual(listed["CreateDate"], key["CreateDate"])


class PaginationTest(FakeIamTestCase):
    """botocore's paginators: PageSize is MaxItems on the wire; MaxItems/NextToken stay local."""

    SERVER_ARGS = ("--key-quota", "50")
    KEYS = 23

    def setUp(self):
        super().setUp()
        self.admin.create_user(UserName="Bob")
        self.ids = [self.admin.create_access_key(UserName="Bob")["AccessKey"]["AccessKeyId"]
                    for _ in range(self.KEYS)]

    def test_page_size_lists_every_key_once_in_creation_order(self):
        sent = self.capture_wire_params(self.admin, "ListAccessKeys")
        pages = list(self.admin.get_paginator("list_access_keys").paginate(
            UserName="Bob", PaginationConfig={"PageSize": 5}))
        listed = [m["AccessKeyId"] for page in pages for m in page["AccessKeyMetadata"]]
        self.assertEqual(listed, self.ids)
        self.assertEqual(len(pages), math.ceil(self.KEYS / 5))
        for page in pages:
            self.assertLessEqual(len(page["AccessKeyMetadata"]), 5)
            self.assertEqual(page["IsTruncated"], page is not pages[-1])
            # A Marker comes with IsTruncated true, and only then.
            self.assertEqual("Marker" in page, page["IsTruncated"])
            self.assertTrue(all(m["UserName"] == "Bob" for m in page["AccessKeyMetadata"]))
        # PageSize is MaxItems on the wire; each later request carries the previous Marker.
        self.assertEqual([s.get("MaxItems") for s in sent], [5] * len(pages))
        self.assertNotIn("Marker", sent[0])
        self.assertEqual([s["Marker"] for s in sent[1:]], [p["Marker"] for p in pages[:-1]])

    def test_max_items_then_starting_token_resumes_where_it_stopped(self):
        paginator = self.admin.get_paginator("list_access_keys")
        first = paginator.paginate(UserName="Bob", PaginationConfig={
            "PageSize": 5, "MaxItems": 7}).build_full_result()
        self.assertEqual([m["AccessKeyId"] for m in first["AccessKeyMetadata"]], self.ids[:7])
        self.assertIn("NextToken", first)

        # 7 is not a page boundary: the token must resume mid-page, at the 8th key.
        rest = paginator.paginate(UserName="Bob", PaginationConfig={
            "PageSize": 5, "StartingToken": first["NextToken"]}).build_full_result()
        self.assertEqual([m["AccessKeyId"] for m in rest["AccessKeyMetadata"]], self.ids[7:])
        self.assertNotIn("NextToken", rest)

    def test_chained_max_items_walk_the_whole_listing(self):
        paginator = self.admin.get_paginator("list_access_keys")
        token, walked, rounds = None, [], 0
        while True:
            config = {"PageSize": 4, "MaxItems": 7}
            if token:
                config["StartingToken"] = token
            result = paginator.paginate(UserName="Bob",
                                        PaginationConfig=config).build_full_result()
            walked.extend(m["AccessKeyId"] for m in result["AccessKeyMetadata"])
            rounds += 1
            token = result.get("NextToken")
            if not token:
                break
        self.assertEqual(walked, self.ids)
        self.assertEqual(rounds, math.ceil(self.KEYS / 7))

    def test_raw_max_items_and_marker(self):
        first = self.admin.list_access_keys(UserName="Bob", MaxItems=10)
        self.assertIs(first["IsTruncated"], True)
        self.assertTrue(first["Marker"])
        second = self.admin.list_access_keys(UserName="Bob", MaxItems=1000,
                                             Marker=first["Marker"])
        self.assertIs(second["IsTruncated"], False)
        self.assertEqual([m["AccessKeyId"] for m in first["AccessKeyMetadata"] +
                          second["AccessKeyMetadata"]], self.ids)

    def test_list_users_paginator_with_page_size(self):
        names = ["Carol", "alice", "Dave", "erin", "Frank", "grace", "Heidi"]
        for name in names:
            self.admin.create_user(UserName=name)
        sent = self.capture_wire_params(self.admin, "ListUsers")
        pages = list(self.admin.get_paginator("list_users").paginate(
            PaginationConfig={"PageSize": 3}))
        listed = [u["UserName"] for page in pages for u in page["Users"]]
        self.assertEqual(sorted(listed), sorted(names + ["Bob"]))  # each user exactly once
        self.assertGreaterEqual(len(pages), math.ceil(len(listed) / 3))
        for page in pages:
            self.assertLessEqual(len(page["Users"]), 3)
            self.assertEqual(page["IsTruncated"], page is not pages[-1])
        self.assertEqual([s.get("MaxItems") for s in sent], [3] * len(pages))

        # The same through MaxItems + StartingToken.
        paginator = self.admin.get_paginator("list_users")
        first = paginator.paginate(PaginationConfig={"PageSize": 3, "MaxItems": 4}) \
            .build_full_result()
        rest = paginator.paginate(PaginationConfig={
            "PageSize": 3, "StartingToken": first["NextToken"]}).build_full_result()
        self.assertEqual([u["UserName"] for u in first["Users"] + rest["Users"]], listed)


class ImplicitUserTest(FakeIamTestCase):
    """Without UserName, IAM acts on the user owning the signing key (or on the root)."""

    def setUp(self):
        super().setUp()
        self.bob_user = self.admin.create_user(UserName="Bob")["User"]
        self.bob_key = self.admin.create_access_key(UserName="Bob")["AccessKey"]
        self.bob = self.client_for(self.bob_key)

    def test_bob_lists_and_creates_his_own_keys(self):
        listed = self.bob.list_access_keys()
        self.assertEqual([m["AccessKeyId"] for m in listed["AccessKeyMetadata"]],
                         [self.bob_key["AccessKeyId"]])
        self.assertEqual(listed["AccessKeyMetadata"][0]["UserName"], "Bob")

        created = self.bob.create_access_key()["AccessKey"]
        self.assertEqual(created["UserName"], "Bob")
        self.assertRegex(created["AccessKeyId"], ACCESS_KEY_ID)
        self.assertEqual(
            [m["AccessKeyId"] for m in self.admin.list_access_keys(
                UserName="Bob")["AccessKeyMetadata"]],
            [self.bob_key["AccessKeyId"], created["AccessKeyId"]])
        # The root's own list is untouched.
        self.assertEqual(self.admin.list_access_keys()["AccessKeyMetadata"], [])

        # Bob's second key acts for Bob too, and deletes his first key without naming him.
        second = self.client_for(created)
        second.delete_access_key(AccessKeyId=self.bob_key["AccessKeyId"])
        self.assertEqual([m["AccessKeyId"] for m in second.list_access_keys()[
            "AccessKeyMetadata"]], [created["AccessKeyId"]])

    def test_get_user_without_name_is_the_caller(self):
        user = self.bob.get_user()["User"]
        self.assertEqual(user, self.bob_user)
        self.assertEqual(user["Arn"], "arn:aws:iam::%s:user/Bob" % ACCOUNT)

    def test_unknown_key_acts_as_root(self):
        self.assertEqual(self.admin.list_access_keys()["AccessKeyMetadata"], [])
        root_key = self.admin.create_access_key()["AccessKey"]
        self.assertRegex(root_key["AccessKeyId"], ACCESS_KEY_ID)
        self.assertRegex(root_key["SecretAccessKey"], SECRET)
        self.assertEqual([m["AccessKeyId"] for m in self.admin.list_access_keys()[
            "AccessKeyMetadata"]], [root_key["AccessKeyId"]])
        # The root's key is nobody's user key.
        bobs = [m["AccessKeyId"] for m in self.bob.list_access_keys()["AccessKeyMetadata"]]
        self.assertNotIn(root_key["AccessKeyId"], bobs)

        # The root's own key manages the root's keys as well.
        root = self.client_for(root_key)
        self.assertEqual([m["AccessKeyId"] for m in root.list_access_keys()[
            "AccessKeyMetadata"]], [root_key["AccessKeyId"]])
        for caller in (self.admin, root):
            user = caller.get_user()["User"]
            self.assertEqual(user["Arn"], ROOT_ARN)
            self.assertEqual(user["UserId"], ACCOUNT)
            self.assertIsInstance(user["CreateDate"], datetime.datetime)
            # IAM's root record has no user name or path.
            self.assertNotIn("UserName", user)
            self.assertNotIn("Path", user)

    def test_another_account_id(self):
        server = self.start_server("--account-id", "210987654321")
        admin = self.client(server=server)
        self.assertEqual(admin.get_user()["User"]["Arn"], "arn:aws:iam::210987654321:root")
        admin.create_user(UserName="Bob")
        key = admin.create_access_key(UserName="Bob")["AccessKey"]
        self.assertEqual(account_of(key["AccessKeyId"]), "210987654321")
        self.assertEqual(self.client_for(key, server=server).get_user()["User"]["Arn"],
                         "arn:aws:iam::210987654321:user/Bob")


class AccessKeyLastUsedTest(FakeIamTestCase):
    SERVER_ARGS = ("--clock", "fixed")

    def test_never_used_then_used_from_eu_west_1(self):
        self.admin.create_user(UserName="Bob")
        key = self.admin.create_access_key(UserName="Bob")["AccessKey"]

        never = self.admin.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])
        self.assert_request_id(never)
        self.assertEqual(never["UserName"], "Bob")
        self.assertEqual(never["AccessKeyLastUsed"], {"ServiceName": "N/A", "Region": "N/A"})

        eu = self.client_for(key, region="eu-west-1")
        sent = []
        eu.meta.events.register("before-send.iam.ListAccessKeys",
                                lambda request, **_: sent.append(request.headers["Authorization"]))
        eu.list_access_keys()
        # boto3 really signed for eu-west-1 (a custom endpoint keeps the client's region).
        self.assertIn("/eu-west-1/iam/aws4_request", sent[0].decode()
                      if isinstance(sent[0], bytes) else sent[0])

        used = self.admin.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])
        self.assertEqual(used["UserName"], "Bob")
        last = used["AccessKeyLastUsed"]
        self.assertEqual(last["ServiceName"], "iam")
        self.assertEqual(last["Region"], "eu-west-1")
        self.assertIsInstance(last["LastUsedDate"], datetime.datetime)
        self.assertGreater(last["LastUsedDate"], key["CreateDate"])  # the clock steps per event

        # The latest use wins.
        self.client_for(key).get_user()
        again = self.admin.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])
        self.assertEqual(again["AccessKeyLastUsed"]["Region"], "us-east-1")
        self.assertGreater(again["AccessKeyLastUsed"]["LastUsedDate"], last["LastUsedDate"])

    def test_key_reads_its_own_last_use(self):
        self.admin.create_user(UserName="Bob")
        key = self.admin.create_access_key(UserName="Bob")["AccessKey"]
        bob = self.client_for(key, region="ap-southeast-2")
        last = bob.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])["AccessKeyLastUsed"]
        # This very request is a use of the key.
        self.assertEqual((last["ServiceName"], last["Region"]), ("iam", "ap-southeast-2"))


class ErrorsTest(FakeIamTestCase):
    """Errors as boto3 surfaces them: modelled codes as ClientError subclasses, others as is."""

    def setUp(self):
        super().setUp()
        self.admin.create_user(UserName="Bob")

    def test_no_such_user(self):
        calls = [
            lambda: self.admin.get_user(UserName="Nobody"),
            lambda: self.admin.list_access_keys(UserName="Nobody"),
            lambda: self.admin.create_access_key(UserName="Nobody"),
            lambda: self.admin.delete_user(UserName="Nobody"),
        ]
        for call in calls:
            with self.assertRaises(self.admin.exceptions.NoSuchEntityException) as cm:
                call()
            self.assertIsInstance(cm.exception, ClientError)
            self.assert_error(cm, "NoSuchEntity", 404, NOT_FOUND_USER.format("Nobody"))

    def test_no_such_access_key(self):
        for call in (
                lambda: self.admin.delete_access_key(UserName="Bob", AccessKeyId=OUTSIDER_KEY),
                lambda: self.admin.update_access_key(UserName="Bob", AccessKeyId=OUTSIDER_KEY,
                                                     Status="Inactive")):
            with self.assertRaises(self.admin.exceptions.NoSuchEntityException) as cm:
                call()
            self.assert_error(cm, "NoSuchEntity", 404,
                              "The Access Key with id %s cannot be found." % OUTSIDER_KEY)

    def test_another_users_key_is_not_found(self):
        self.admin.create_user(UserName="Alice")
        alices = self.admin.create_access_key(UserName="Alice")["AccessKey"]["AccessKeyId"]
        with self.assertRaises(self.admin.exceptions.NoSuchEntityException) as cm:
            self.admin.delete_access_key(UserName="Bob", AccessKeyId=alices)
        self.assert_error(cm, "NoSuchEntity", 404,
                          "The Access Key with id %s cannot be found." % alices)
        self.assertEqual(len(self.admin.list_access_keys(UserName="Alice")["AccessKeyMetadata"]), 1)

    def test_key_quota(self):
        for _ in range(2):
            self.admin.create_access_key(UserName="Bob")
        with self.assertRaises(self.admin.exceptions.LimitExceededException) as cm:
            self.admin.create_access_key(UserName="Bob")
        self.assert_error(cm, "LimitExceeded", 409, "Cannot exceed quota for AccessKeysPerUser: 2")
        self.assertEqual(len(self.admin.list_access_keys(UserName="Bob")["AccessKeyMetadata"]), 2)

    def test_user_already_exists(self):
        with self.assertRaises(self.admin.exceptions.EntityAlreadyExistsException) as cm:
            self.admin.create_user(UserName="Bob")
        self.assert_error(cm, "EntityAlreadyExists", 409, "User with name Bob already exists.")

    def test_delete_user_with_keys(self):
        self.admin.create_access_key(UserName="Bob")
        with self.assertRaises(self.admin.exceptions.DeleteConflictException) as cm:
            self.admin.delete_user(UserName="Bob")
        self.assert_error(cm, "DeleteConflict", 409,
                          "Cannot delete entity, must delete access keys first.")

    def test_validation_errors(self):
        # botocore checks types and minimums only: patterns and maximums are the server's job.
        cases = [
            (lambda: self.admin.create_user(UserName="x y"),
             "1 validation error detected: Value 'x y' at 'userName' failed to satisfy "
             "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"),
            (lambda: self.admin.list_access_keys(UserName="Bob", MaxItems=1001),
             "1 validation error detected: Value '1001' at 'maxItems' failed to satisfy "
             "constraint: Member must have value less than or equal to 1000"),
            (lambda: self.admin.create_user(UserName="Carol", Path="no-slashes"),
             "1 validation error detected: Value 'no-slashes' at 'path' failed to satisfy "
             "constraint: Member must satisfy regular expression pattern: "
             "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"),
        ]
        for call, message in cases + self.server_only_validation_cases():
            with self.assertRaises(ClientError) as cm:
                call()
            # ValidationError is not in the IAM model: a plain ClientError, no subclass.
            self.assertIs(type(cm.exception), ClientError)
            self.assert_error(cm, "ValidationError", 400, message)

    def server_only_validation_cases(self):
        """Input botocore lets through (it checks no pattern, enum or maximum) or never sends."""
        omit_key_id = self.client()
        omit_key_id.meta.events.register(
            "before-sign.iam.DeleteAccessKey",
            lambda request, **_: request.data.pop("AccessKeyId"))
        long_bad_name = "a b" * 30
        violation = ("Value '%s' at 'userName' failed to satisfy constraint: Member must "
                     % long_bad_name)
        return [
            (lambda: omit_key_id.delete_access_key(UserName="Bob", AccessKeyId=OUTSIDER_KEY),
             "1 validation error detected: Value null at 'accessKeyId' failed to satisfy "
             "constraint: Member must not be null"),
            (lambda: self.admin.update_access_key(AccessKeyId="AKIA-not-valid-id!!",
                                                  Status="Active"),
             "1 validation error detected: Value 'AKIA-not-valid-id!!' at 'accessKeyId' failed "
             "to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+"),
            (lambda: self.admin.update_access_key(AccessKeyId=OUTSIDER_KEY, Status="Bogus"),
             "1 validation error detected: Value 'Bogus' at 'status' failed to satisfy "
             "constraint: Member must satisfy enum value set: [Active, Inactive, Expired]"),
            (lambda: self.admin.create_user(UserName=long_bad_name),
             "2 validation errors detected: " + violation + "have length less than or equal to "
             "64; " + violation + "satisfy regular expression pattern: [\\w+=,.@-]+"),
        ]

    def test_garbage_marker(self):
        # InvalidInput *is* modelled for IAM (InvalidInputException), so boto3 raises the subclass.
        with self.assertRaises(self.admin.exceptions.InvalidInputException) as cm:
            self.admin.list_access_keys(UserName="Bob", Marker="garbage")
        self.assert_error(cm, "InvalidInput", 400)

    def test_marker_of_another_listing(self):
        # The marker is opaque and bound to its listing: Bob's is no good for Alice's keys.
        self.admin.create_user(UserName="Alice")
        for user in ("Bob", "Alice"):
            for _ in range(2):
                self.admin.create_access_key(UserName=user)
        marker = self.admin.list_access_keys(UserName="Bob", MaxItems=1)["Marker"]
        with self.assertRaises(self.admin.exceptions.InvalidInputException) as cm:
            self.admin.list_access_keys(UserName="Alice", Marker=marker)
        self.assert_error(cm, "InvalidInput", 400)

    def test_last_used_of_unknown_key_is_access_denied(self):
        callers = [(self.admin, ROOT_ARN)]
        bob_key = self.admin.create_access_key(UserName="Bob")["AccessKey"]
        callers.append((self.client_for(bob_key), "arn:aws:iam::%s:user/Bob" % ACCOUNT))
        for caller, arn in callers:
            with self.assertRaises(ClientError) as cm:
                caller.get_access_key_last_used(AccessKeyId=OUTSIDER_KEY)
            # Not NoSuchEntityException, although that is the only error the model lists.
            self.assertIs(type(cm.exception), ClientError)
            message = self.assert_error(cm, "AccessDenied", 403)["Error"]["Message"]
            # AWS's punctuation here ("perform:" or "perform") is not pinned down; the parts are.
            self.assertRegex(message, r"^User: %s is not authorized to perform:? "
                                      r"iam:GetAccessKeyLastUsed on resource: access key %s\b"
                             % (re.escape(arn), OUTSIDER_KEY))

    def rewrite_form(self, client, operation, fields):
        """Makes `client` send `fields` as the form body of `operation` (signed as such)."""
        def rewrite(request, **_):
            request.data = dict(fields)
        client.meta.events.register("before-sign.iam." + operation, rewrite)

    def test_invalid_action(self):
        self.rewrite_form(self.admin, "ListUsers", {"Action": "Bogus", "Version": "2010-05-08"})
        with self.assertRaises(ClientError) as cm:
            self.admin.list_users()
        self.assertIs(type(cm.exception), ClientError)
        self.assert_error(cm, "InvalidAction", 400,
                          "Could not find operation Bogus for version 2010-05-08")

    def test_action_without_version(self):
        self.rewrite_form(self.admin, "ListUsers", {"Action": "ListUsers"})
        with self.assertRaises(ClientError) as cm:
            self.admin.list_users()
        self.assert_error(cm, "InvalidAction", 400,
                          "Could not find operation ListUsers for version NO_VERSION_SPECIFIED")

    def test_action_with_another_version(self):
        self.rewrite_form(self.admin, "ListUsers", {"Action": "ListUsers", "Version": "2011-01-01"})
        with self.assertRaises(ClientError) as cm:
            self.admin.list_users()
        self.assert_error(cm, "InvalidAction", 400,
                          "Could not find operation ListUsers for version 2011-01-01")

    def test_missing_action(self):
        self.rewrite_form(self.admin, "ListUsers", {"Version": "2010-05-08"})
        with self.assertRaises(ClientError) as cm:
            self.admin.list_users()
        self.assertIs(type(cm.exception), ClientError)
        self.assert_error(cm, "MissingAction", 400,
                          "The request is missing an action or a required parameter.")

    def test_malformed_form_body(self):
        # AWS's common errors list MalformedQueryString with HTTP 404 (sic).
        self.admin.meta.events.register(
            "before-sign.iam.ListUsers",
            lambda request, **_: setattr(request, "data",
                                         "Action=ListUsers&Version=2010-05-08&Bad=%zz"))
        with self.assertRaises(ClientError) as cm:
            self.admin.list_users()
        self.assert_error(cm, "MalformedQueryString", 404,
                          "The query string contains a syntax error.")

    def test_errors_leave_state_alone(self):
        # After a run of failures the store still holds exactly what succeeded.
        key = self.admin.create_access_key(UserName="Bob")["AccessKey"]
        for call in (lambda: self.admin.create_user(UserName="Bob"),
                     lambda: self.admin.delete_user(UserName="Bob"),
                     lambda: self.admin.create_access_key(UserName="Nobody")):
            with self.assertRaises(ClientError):
                call()
        self.assertEqual([m["AccessKeyId"] for m in self.admin.list_access_keys(
            UserName="Bob")["AccessKeyMetadata"]], [key["AccessKeyId"]])
        self.assertEqual([u["UserName"] for u in self.admin.list_users()["Users"]], ["Bob"])


class UsersTest(FakeIamTestCase):

    def test_create_get_list_delete(self):
        alice = self.admin.create_user(UserName="Alice", Path="/division_abc/subdivision_xyz/")
        self.assert_request_id(alice)
        alice = alice["User"]
        self.assertEqual(alice["UserName"], "Alice")
        self.assertEqual(alice["Path"], "/division_abc/subdivision_xyz/")
        self.assertEqual(alice["Arn"],
                         "arn:aws:iam::%s:user/division_abc/subdivision_xyz/Alice" % ACCOUNT)
        self.assertRegex(alice["UserId"], USER_ID)
        self.assertIsInstance(alice["CreateDate"], datetime.datetime)
        self.assertEqual(self.admin.get_user(UserName="Alice")["User"], alice)

        bob = self.admin.create_user(UserName="Bob")["User"]
        self.assertEqual(bob["Path"], "/")  # the default path
        self.assertEqual(bob["Arn"], "arn:aws:iam::%s:user/Bob" % ACCOUNT)
        self.assertNotEqual(bob["UserId"], alice["UserId"])
        carol = self.admin.create_user(UserName="Carol", Path="/division_abc/")["User"]

        everyone = self.admin.list_users()
        self.assertIs(everyone["IsTruncated"], False)
        self.assertCountEqual(everyone["Users"], [alice, bob, carol])
        in_division = self.admin.list_users(PathPrefix="/division_abc/")["Users"]
        self.assertCountEqual(in_division, [alice, carol])
        self.assertEqual(self.admin.list_users(PathPrefix="/division_abc/subdivision_xyz/")[
            "Users"], [alice])
        self.assertEqual(self.admin.list_users(PathPrefix="/nowhere/")["Users"], [])

        # A user with keys cannot go; without them it can.
        key = self.admin.create_access_key(UserName="Bob")["AccessKey"]
        with self.assertRaises(self.admin.exceptions.DeleteConflictException):
            self.admin.delete_user(UserName="Bob")
        self.admin.delete_access_key(UserName="Bob", AccessKeyId=key["AccessKeyId"])
        deleted = self.admin.delete_user(UserName="Bob")
        self.assertEqual(set(deleted), {"ResponseMetadata"})
        with self.assertRaises(self.admin.exceptions.NoSuchEntityException) as cm:
            self.admin.get_user(UserName="Bob")
        self.assert_error(cm, "NoSuchEntity", 404, NOT_FOUND_USER.format("Bob"))
        self.assertCountEqual(self.admin.list_users()["Users"], [alice, carol])

    def test_names_are_unique_regardless_of_case(self):
        self.admin.create_user(UserName="Bob")
        with self.assertRaises(self.admin.exceptions.EntityAlreadyExistsException):
            self.admin.create_user(UserName="BOB")


class DeterminismTest(FakeIamTestCase):
    """Same --seed and --clock fixed: byte-for-byte the same answers; another seed: other ids."""

    SERVER_ARGS = ("--seed", "42", "--clock", "fixed")

    def run_sequence(self, server):
        admin = self.client(server=server)
        out = [admin.create_user(UserName="Bob")]
        keys = [admin.create_access_key(UserName="Bob") for _ in range(2)]
        out += keys
        out.append(admin.list_access_keys(UserName="Bob"))
        bob = self.client_for(keys[0]["AccessKey"], server=server, region="eu-west-1")
        out.append(bob.get_user())
        out.append(admin.get_access_key_last_used(AccessKeyId=keys[0]["AccessKey"]["AccessKeyId"]))
        out.append(admin.create_access_key())
        out.append(admin.list_users())
        try:
            admin.get_user(UserName="Nobody")
        except ClientError as e:
            out.append(e.response)
        for response in out:
            # Headers are transport detail; the request id (body and header) is compared.
            response["ResponseMetadata"].pop("HTTPHeaders")
        return out

    def test_same_seed_same_responses(self):
        first = self.run_sequence(self.server)
        second = self.run_sequence(self.start_server(*self.SERVER_ARGS))
        self.assertEqual(len(first), 9)
        self.assertEqual(first, second)

        # The fixed clock: 2025-01-01T00:00:00Z, one second more per event.
        self.assertEqual(first[0]["User"]["CreateDate"], FIXED_START)
        self.assertEqual(first[1]["AccessKey"]["CreateDate"],
                         FIXED_START + datetime.timedelta(seconds=1))
        self.assertEqual(first[2]["AccessKey"]["CreateDate"],
                         FIXED_START + datetime.timedelta(seconds=2))

    def test_other_seed_other_ids(self):
        first = self.run_sequence(self.server)
        other = self.run_sequence(self.start_server("--seed", "43", "--clock", "fixed"))
        self.assertNotEqual(first[0]["User"]["UserId"], other[0]["User"]["UserId"])
        for a, b in zip(first[1:3], other[1:3]):
            self.assertNotEqual(a["AccessKey"]["AccessKeyId"], b["AccessKey"]["AccessKeyId"])
            self.assertNotEqual(a["AccessKey"]["SecretAccessKey"],
                                b["AccessKey"]["SecretAccessKey"])
            # Only the ids change: dates come from the clock, not the seed.
            self.assertEqual(a["AccessKey"]["CreateDate"], b["AccessKey"]["CreateDate"])
        for a, b in zip(first, other):
            self.assertNotEqual(a["ResponseMetadata"]["RequestId"],
                                b["ResponseMetadata"]["RequestId"])

    def test_clock_from_an_instant(self):
        server = self.start_server("--clock", "2030-06-15T12:00:00Z")
        admin = self.client(server=server)
        start = datetime.datetime(2030, 6, 15, 12, tzinfo=datetime.timezone.utc)
        self.assertEqual(admin.create_user(UserName="Bob")["User"]["CreateDate"], start)
        self.assertEqual(admin.create_access_key(UserName="Bob")["AccessKey"]["CreateDate"],
                         start + datetime.timedelta(seconds=1))


if __name__ == "__main__":
    unittest.main(verbosity=2)
