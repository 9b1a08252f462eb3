#!/usr/bin/env python3
"""Drives the real AWS CLI v2 (Debian's /usr/bin/aws) against fakeiam-server.

Run as CTest does:
  FAKEIAM_SERVER=/path/to/fakeiam-server /usr/bin/python3 tests/clients/aws_cli_test.py

Every CLI call goes through --endpoint-url with an environment that ignores ~/.aws. The CLI costs
~0.6 s per call, so each test class shares one server, and bulk set-up (dozens of keys) is done
with plain HTTP requests; everything under test is done through the CLI.
"""
import base64
import datetime
import json
import math
import os
import re
import socket
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fakeiam_process import FakeIamServer, isolated_aws_env  # noqa: E402

# The Debian package is the v2 CLI; the `aws` on PATH may be a pip-installed v1.
AWS_CLI = "/usr/bin/aws"
# What /usr/bin/aws (v2) exits with when the service answers with an error.
SERVICE_ERROR_EXIT = 254
ACCOUNT_ID = "123456789012"
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(REPO_ROOT, "fixtures", "aws", "bob-two-keys.json")
NS = {"iam": "https://iam.amazonaws.com/doc/2010-05-08/"}

ACCESS_KEY_ID = re.compile(r"AKIA[A-Z2-7]{16}")
SECRET = re.compile(r"[A-Za-z0-9+/]{40}")
USER_ID = re.compile(r"AIDA[A-Z2-7]{17}")
# Timestamps from the wall clock are compared with the test's own clock, with this much slack.
CLOCK_SLACK = datetime.timedelta(minutes=2)


def cli_env(access_key_id=None, secret=None, region=None):
    env = isolated_aws_env() if access_key_id is None else isolated_aws_env(access_key_id, secret)
    # /usr/bin/aws must load Debian's own Python modules, whatever the calling shell set up.
    for name in ("PYTHONPATH", "PYTHONHOME", "AWS_REGION", "AWS_DEFAULT_OUTPUT"):
        env.pop(name, None)
    if region:
        env["AWS_DEFAULT_REGION"] = region
    return env


def run_cli(server, *args, env=None):
    return subprocess.run([AWS_CLI, "--endpoint-url", server.endpoint, "--output", "json", *args],
                          env=env or cli_env(), capture_output=True, text=True, timeout=60)


def parse_time(text):
    """An ISO 8601 UTC timestamp as the CLI prints it (v2 prints +00:00 rather than Z)."""
    value = datetime.datetime.fromisoformat(text)
    if value.utcoffset() != datetime.timedelta(0):
        raise AssertionError("not UTC: %r" % text)
    return value


def account_in_key_id(key_id):
    """The account id AWS encodes in characters 5-12 of a key id (sts get-access-key-info)."""
    raw = base64.b32decode(key_id[4:])
    return "%012d" % ((int.from_bytes(raw[:6], "big") & 0x7FFFFFFFFF80) >> 7)


def raw_post(endpoint, body, content_type="application/x-www-form-urlencoded; charset=utf-8",
             timeout=10):
    """An unsigned POST; returns (status, headers, body text) for successes and errors alike."""
    data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(endpoint + "/", data=data, method="POST",
                                     headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def raw_call(endpoint, action, **params):
    """Set-up through plain HTTP: one IAM action, which must succeed; returns its Result element."""
    body = urllib.parse.urlencode({"Action": action, "Version": "2010-05-08", **params})
    status, _, text = raw_post(endpoint, body)
    if status != 200:
        raise AssertionError("%s failed during set-up: %d %s" % (action, status, text))
    return ET.fromstring(text).find("iam:%sResult" % action, NS)


def raw_create_key(endpoint, user):
    key = raw_call(endpoint, "CreateAccessKey", UserName=user).find("iam:AccessKey", NS)
    return {"id": key.findtext("iam:AccessKeyId", namespaces=NS),
            "secret": key.findtext("iam:SecretAccessKey", namespaces=NS)}


class CliTestCase(unittest.TestCase):
    """One fakeiam-server per class, started with SERVER_ARGS."""
    SERVER_ARGS = ()
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        # Not --quiet: the request log shows how many pages the CLI asked for.
        cls.server = FakeIamServer(*cls.SERVER_ARGS)
        cls.endpoint = cls.server.endpoint

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def aws(self, *args, env=None):
        """Runs the CLI, which must succeed; returns its JSON output (None if it printed none)."""
        result = run_cli(self.server, *args, env=env)
        self.assertEqual(result.returncode, 0,
                         "aws %s failed: %s" % (" ".join(args), result.stderr))
        return json.loads(result.stdout) if result.stdout.strip() else None

    def aws_error(self, code, operation, message, *args, env=None):
        """Runs the CLI; the service must answer with this error, surfaced as the CLI does."""
        result = run_cli(self.server, *args, env=env)
        self.assertEqual(result.returncode, SERVICE_ERROR_EXIT,
                         "aws %s: %s %s" % (" ".join(args), result.stdout, result.stderr))
        self.assertEqual(result.stdout, "")
        expected = "An error occurred (%s) when calling the %s operation: %s" % (
            code, operation, message)
        self.assertEqual(result.stderr.strip(), expected)

    def requests_served(self, operation):
        """How many successful requests of this operation the server has logged so far."""
        return len(re.findall(r"^\S+ POST / %s 200 " % operation, self.server.server_log(), re.M))

    def assertNear(self, when, now=None):
        now = now or datetime.datetime.now(datetime.timezone.utc)
        self.assertLessEqual(abs(when - now), CLOCK_SLACK, "%s is not about now (%s)" % (when, now))

    def assertNewAccessKey(self, key, user):
        """CreateAccessKey's AccessKey, in the shape of the create-access-key seed example."""
        self.assertEqual(set(key), {"UserName", "Status", "CreateDate", "SecretAccessKey",
                                    "AccessKeyId"})
        self.assertEqual(key["UserName"], user)
        self.assertEqual(key["Status"], "Active")
        self.assertRegex(key["SecretAccessKey"], r"\A%s\Z" % SECRET.pattern)
        self.assertRegex(key["AccessKeyId"], r"\A%s\Z" % ACCESS_KEY_ID.pattern)
        self.assertEqual(account_in_key_id(key["AccessKeyId"]), ACCOUNT_ID)
        parse_time(key["CreateDate"])


class SeedExamplesTest(CliTestCase):
    """The AWS CLI doc examples for Bob, in order, on one server with the real clock."""

    def test_seed_examples_for_bob(self):
        start = datetime.datetime.now(datetime.timezone.utc)

        user = self.aws("iam", "create-user", "--user-name", "Bob")["User"]
        self.assertEqual(user["UserName"], "Bob")
        self.assertEqual(user["Path"], "/")
        self.assertEqual(user["Arn"], "arn:aws:iam::%s:user/Bob" % ACCOUNT_ID)
        self.assertRegex(user["UserId"], r"\A%s\Z" % USER_ID.pattern)
        self.assertNear(parse_time(user["CreateDate"]), start)

        created = []
        for _ in range(2):
            out = self.aws("iam", "create-access-key", "--user-name", "Bob")
            self.assertEqual(set(out), {"AccessKey"})
            self.assertNewAccessKey(out["AccessKey"], "Bob")
            self.assertNear(parse_time(out["AccessKey"]["CreateDate"]), start)
            created.append(out["AccessKey"])
        self.assertNotEqual(created[0]["AccessKeyId"], created[1]["AccessKeyId"])
        self.assertNotEqual(created[0]["SecretAccessKey"], created[1]["SecretAccessKey"])

        # Metadata only (never the secret), in creation order, as created.
        expected = [{"UserName": "Bob", "Status": "Active", "CreateDate": k["CreateDate"],
                     "AccessKeyId": k["AccessKeyId"]} for k in created]
        listed = self.aws("iam", "list-access-keys", "--user-name", "Bob")
        self.assertEqual(listed, {"AccessKeyMetadata": expected})

        deleted = run_cli(self.server, "iam", "delete-access-key", "--access-key-id",
                          created[0]["AccessKeyId"], "--user-name", "Bob")
        self.assertEqual((deleted.returncode, deleted.stdout, deleted.stderr), (0, "", ""))

        listed = self.aws("iam", "list-access-keys", "--user-name", "Bob")
        self.assertEqual(listed, {"AccessKeyMetadata": expected[1:]})


class PaginationTest(CliTestCase):
    """The CLI's paginator (PageSize -> MaxItems, NextToken) over more keys than a page."""
    SERVER_ARGS = ("--key-quota", "50", "--clock", "fixed")
    KEYS = 23

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        raw_call(cls.endpoint, "CreateUser", UserName="Pat")
        cls.pat_keys = [raw_create_key(cls.endpoint, "Pat")["id"] for _ in range(cls.KEYS)]
        raw_call(cls.endpoint, "CreateUser", UserName="Quinn")
        cls.quinn_keys = [raw_create_key(cls.endpoint, "Quinn")["id"] for _ in range(6)]
        cls.users = ["Pat", "Quinn"]
        for name in ("user-a", "user-b", "user-c", "user-d", "user-e"):
            raw_call(cls.endpoint, "CreateUser", UserName=name)
            cls.users.append(name)

    def ids(self, out):
        return [k["AccessKeyId"] for k in out["AccessKeyMetadata"]]

    def test_page_size_lists_every_key_once_in_creation_order(self):
        before = self.requests_served("ListAccessKeys")
        out = self.aws("iam", "list-access-keys", "--user-name", "Pat", "--page-size", "5")
        self.assertEqual(set(out), {"AccessKeyMetadata"})
        self.assertEqual(self.ids(out), self.pat_keys)
        self.assertTrue(all(k["UserName"] == "Pat" and k["Status"] == "Active"
                            for k in out["AccessKeyMetadata"]))
        dates = [parse_time(k["CreateDate"]) for k in out["AccessKeyMetadata"]]
        self.assertEqual(dates, sorted(set(dates)))  # the fixed clock steps once per event
        # The CLI really paged: 23 keys at 5 per request, following IsTruncated/Marker.
        self.assertEqual(self.requests_served("ListAccessKeys") - before,
                         math.ceil(self.KEYS / 5))

    def page_through(self, *extra):
        """Follows --max-items 7 / --starting-token until no NextToken; returns (sizes, ids)."""
        sizes, ids, token = [], [], None
        while True:
            args = ["iam", "list-access-keys", "--user-name", "Pat", "--max-items", "7", *extra]
            if token:
                args += ["--starting-token", token]
            out = self.aws(*args)
            sizes.append(len(out["AccessKeyMetadata"]))
            ids += self.ids(out)
            token = out.get("NextToken")
            if not token:
                return sizes, ids
            self.assertLess(len(sizes), 10, "pagination does not end")

    def test_max_items_and_starting_token_resume_where_they_stopped(self):
        sizes, ids = self.page_through()
        self.assertEqual(sizes, [7, 7, 7, 2])
        self.assertEqual(ids, self.pat_keys)

    def test_page_size_with_max_items(self):
        # Pages of 3 on the wire, 7 items per CLI call: tokens resume mid-page through Marker.
        sizes, ids = self.page_through("--page-size", "3")
        self.assertEqual(sizes, [7, 7, 7, 2])
        self.assertEqual(ids, self.pat_keys)

    def test_no_paginate_max_items_and_raw_marker_reach_the_server(self):
        # With --no-paginate the CLI sends --max-items as MaxItems and shows IsTruncated/Marker.
        first = self.aws("iam", "list-access-keys", "--user-name", "Quinn", "--no-paginate",
                         "--max-items", "3")
        self.assertEqual(self.ids(first), self.quinn_keys[:3])
        self.assertIs(first["IsTruncated"], True)
        self.assertIsInstance(first["Marker"], str)
        # The marker still resumes after the last key it covered is deleted.
        raw_call(self.endpoint, "DeleteAccessKey", UserName="Quinn",
                 AccessKeyId=self.quinn_keys[2])
        rest = self.aws("iam", "list-access-keys", "--no-paginate", "--cli-input-json",
                        json.dumps({"UserName": "Quinn", "Marker": first["Marker"]}))
        self.assertEqual(self.ids(rest), self.quinn_keys[3:])
        self.assertIs(rest["IsTruncated"], False)
        self.assertNotIn("Marker", rest)

    def test_list_users_page_size(self):
        before = self.requests_served("ListUsers")
        out = self.aws("iam", "list-users", "--page-size", "2")
        self.assertEqual(set(out), {"Users"})
        names = [u["UserName"] for u in out["Users"]]
        self.assertEqual(sorted(names), sorted(self.users))  # each user exactly once
        self.assertEqual(self.requests_served("ListUsers") - before, math.ceil(len(self.users) / 2))


class ImplicitUserTest(CliTestCase):
    """Without --user-name, IAM acts on the owner of the signing key (the root for unknown keys)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        raw_call(cls.endpoint, "CreateUser", UserName="Bob")
        cls.bob_key = raw_create_key(cls.endpoint, "Bob")

    def test_bob_key_acts_on_bob(self):
        env = cli_env(self.bob_key["id"], self.bob_key["secret"])
        user = self.aws("iam", "get-user", env=env)["User"]
        self.assertEqual(user["UserName"], "Bob")
        self.assertEqual(user["Arn"], "arn:aws:iam::%s:user/Bob" % ACCOUNT_ID)

        created = self.aws("iam", "create-access-key", env=env)["AccessKey"]
        self.assertNewAccessKey(created, "Bob")

        listed = self.aws("iam", "list-access-keys", env=env)["AccessKeyMetadata"]
        self.assertEqual([k["AccessKeyId"] for k in listed],
                         [self.bob_key["id"], created["AccessKeyId"]])
        self.assertEqual({k["UserName"] for k in listed}, {"Bob"})

    def test_unknown_key_acts_as_account_root(self):
        # The doc example key: this server never issued it.
        env = cli_env("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        user = self.aws("iam", "get-user", env=env)["User"]
        self.assertEqual(user["Arn"], "arn:aws:iam::%s:root" % ACCOUNT_ID)
        self.assertEqual(user["UserId"], ACCOUNT_ID)
        self.assertNotIn("UserName", user)  # the root's record has no name
        parse_time(user["CreateDate"])

        self.assertEqual(self.aws("iam", "list-access-keys", env=env), {"AccessKeyMetadata": []})
        created = self.aws("iam", "create-access-key", env=env)["AccessKey"]
        self.assertRegex(created["AccessKeyId"], r"\A%s\Z" % ACCESS_KEY_ID.pattern)
        self.assertRegex(created["SecretAccessKey"], r"\A%s\Z" % SECRET.pattern)
        listed = self.aws("iam", "list-access-keys", env=env)["AccessKeyMetadata"]
        # The root's key, and not Bob's.
        self.assertEqual([k["AccessKeyId"] for k in listed], [created["AccessKeyId"]])


class AccessKeyLastUsedTest(CliTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        raw_call(cls.endpoint, "CreateUser", UserName="Carol")
        cls.key = raw_create_key(cls.endpoint, "Carol")

    def test_last_used_records_service_and_region_of_the_signing_request(self):
        never = self.aws("iam", "get-access-key-last-used", "--access-key-id", self.key["id"])
        self.assertEqual(never, {"UserName": "Carol",
                                 "AccessKeyLastUsed": {"ServiceName": "N/A", "Region": "N/A"}})

        signed_at = datetime.datetime.now(datetime.timezone.utc)
        self.aws("iam", "list-access-keys",
                 env=cli_env(self.key["id"], self.key["secret"], region="eu-west-1"))

        used = self.aws("iam", "get-access-key-last-used", "--access-key-id", self.key["id"])
        self.assertEqual(used["UserName"], "Carol")
        last = used["AccessKeyLastUsed"]
        self.assertEqual(set(last), {"LastUsedDate", "ServiceName", "Region"})
        self.assertEqual((last["ServiceName"], last["Region"]), ("iam", "eu-west-1"))
        self.assertNear(parse_time(last["LastUsedDate"]), signed_at)


class ErrorsTest(CliTestCase):
    """Each IAM error as the CLI surfaces it: exit status 254 and one line on stderr."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        raw_call(cls.endpoint, "CreateUser", UserName="Bob")
        cls.bob_keys = [raw_create_key(cls.endpoint, "Bob")["id"] for _ in range(2)]

    def test_no_such_user(self):
        self.aws_error("NoSuchEntity", "ListAccessKeys",
                       "The user with name Nobody cannot be found.",
                       "iam", "list-access-keys", "--user-name", "Nobody")

    def test_no_such_access_key(self):
        unknown = "AKIA" + "Z" * 16
        self.assertNotIn(unknown, self.bob_keys)
        self.aws_error("NoSuchEntity", "DeleteAccessKey",
                       "The Access Key with id %s cannot be found." % unknown,
                       "iam", "delete-access-key", "--access-key-id", unknown, "--user-name", "Bob")

    def test_entity_already_exists(self):
        self.aws_error("EntityAlreadyExists", "CreateUser", "User with name Bob already exists.",
                       "iam", "create-user", "--user-name", "Bob")

    def test_entity_already_exists_ignores_case(self):
        # IAM user names are unique regardless of case.
        self.aws_error("EntityAlreadyExists", "CreateUser", "User with name BOB already exists.",
                       "iam", "create-user", "--user-name", "BOB")

    def test_limit_exceeded(self):
        self.aws_error("LimitExceeded", "CreateAccessKey",
                       "Cannot exceed quota for AccessKeysPerUser: 2",
                       "iam", "create-access-key", "--user-name", "Bob")

    def test_delete_conflict(self):
        self.aws_error("DeleteConflict", "DeleteUser",
                       "Cannot delete entity, must delete access keys first.",
                       "iam", "delete-user", "--user-name", "Bob")

    def test_validation_error_user_name(self):
        # The CLI checks only lengths locally; the pattern is the server's to enforce.
        self.aws_error("ValidationError", "ListAccessKeys",
                       "1 validation error detected: Value 'bad name' at 'userName' failed to "
                       "satisfy constraint: Member must satisfy regular expression pattern: "
                       "[\\w+=,.@-]+",
                       "iam", "list-access-keys", "--user-name", "bad name")

    def test_validation_error_status(self):
        # The CLI sends any string (its 2.9.19 model lists only Active/Inactive); IAM's current
        # enum also has Expired, which only ever appears in output.
        self.aws_error("ValidationError", "UpdateAccessKey",
                       "1 validation error detected: Value 'Bogus' at 'status' failed to satisfy "
                       "constraint: Member must satisfy enum value set: "
                       "[Active, Inactive, Expired]",
                       "iam", "update-access-key", "--user-name", "Bob", "--access-key-id",
                       self.bob_keys[0], "--status", "Bogus")

    def test_invalid_input_marker(self):
        # --starting-token is decoded by the CLI itself; --cli-input-json puts Marker on the wire.
        # AWS's wording for a bad marker is not documented, so only the code is pinned.
        result = run_cli(self.server, "iam", "list-access-keys", "--no-paginate",
                         "--cli-input-json", json.dumps({"UserName": "Bob", "Marker": "garbage"}))
        self.assertEqual(result.returncode, SERVICE_ERROR_EXIT, result.stderr)
        self.assertRegex(result.stderr.strip(),
                         r"\AAn error occurred \(InvalidInput\) when calling "
                         r"the ListAccessKeys operation: \S")

    def test_access_denied_for_unknown_key_last_used(self):
        # AWS does not say whether a key it does not show you exists: 403 AccessDenied.
        unknown = "AKIA" + "Y" * 16
        result = run_cli(self.server, "iam", "get-access-key-last-used", "--access-key-id", unknown)
        self.assertEqual(result.returncode, SERVICE_ERROR_EXIT, result.stderr)
        prefix = ("An error occurred (AccessDenied) when calling the GetAccessKeyLastUsed "
                  "operation: User: arn:aws:iam::%s:root is not authorized to perform" % ACCOUNT_ID)
        message = result.stderr.strip()
        self.assertTrue(message.startswith(prefix), message)
        self.assertIn("iam:GetAccessKeyLastUsed", message)
        self.assertIn(unknown, message)


class RobustnessTest(CliTestCase):
    """Bad requests from other clients get IAM errors and leave the server serving the CLI."""

    def error_code(self, body):
        return ET.fromstring(body).findtext("iam:Error/iam:Code", namespaces=NS)

    def test_server_answers_the_cli_after_bad_requests(self):
        status, headers, body = raw_post(self.endpoint, "Action=Bogus&Version=2010-05-08")
        self.assertEqual((status, self.error_code(body)), (400, "InvalidAction"))
        self.assertEqual(ET.fromstring(body).findtext("iam:Error/iam:Message", namespaces=NS),
                         "Could not find operation Bogus for version 2010-05-08")
        self.assertEqual(headers["x-amzn-RequestId"],
                         ET.fromstring(body).findtext("iam:RequestId", namespaces=NS))

        status, _, body = raw_post(self.endpoint, "Version=2010-05-08")
        self.assertEqual((status, self.error_code(body)), (400, "MissingAction"))

        # A malformed form body (a bad percent escape).
        status, _, body = raw_post(self.endpoint, "Action=ListUsers&Version=2010-05-08&%zz")
        self.assertEqual(self.error_code(body), "MalformedQueryString")
        self.assertTrue(400 <= status < 500, status)

        port = int(urllib.parse.urlsplit(self.endpoint).port)
        # Not HTTP at all.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(b"GARBAGE \x00\xff\r\n\r\n")
            self.assertTrue(conn.recv(100).startswith(b"HTTP/1.1 4"))
        # A body cut short by the client hanging up.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nAction=Li")

        # A client stalled mid-body must not hold up others while the server waits for it.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as stalled:
            stalled.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nAction=")
            status, _, _ = raw_post(self.endpoint, "Action=ListUsers&Version=2010-05-08",
                                    timeout=2)
            self.assertEqual(status, 200)
            created = self.aws("iam", "create-user", "--user-name", "Erin")["User"]
        self.assertEqual(self.aws("iam", "list-users"), {"Users": [created]})


class StateFileTest(unittest.TestCase):
    """--state loads a fixture; --save-state writes what the CLI created when the server stops."""
    maxDiff = None

    def test_state_loads_the_bob_fixture(self):
        with open(FIXTURE) as f:
            fixture = json.load(f)
        keys = fixture["users"][0]["access_keys"]
        # The fixture is the list-access-keys seed example.
        self.assertEqual([(k["id"], k["status"]) for k in keys],
                         [("AKIAIOSFODNN7EXAMPLE", "Active"), ("AKIAI44QH8DHBEXAMPLE", "Inactive")])
        with FakeIamServer("--state", FIXTURE) as server:
            result = run_cli(server, "iam", "list-access-keys", "--user-name", "Bob")
        self.assertEqual(result.returncode, 0, result.stderr)
        listed = json.loads(result.stdout)["AccessKeyMetadata"]
        self.assertEqual([(k["UserName"], k["AccessKeyId"], k["Status"]) for k in listed],
                         [("Bob", k["id"], k["status"]) for k in keys])
        self.assertEqual([parse_time(k["CreateDate"]) for k in listed],
                         [parse_time(k["create_date"]) for k in keys])

    def test_save_state_on_sigterm_holds_what_the_cli_created(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "state.json")
            server = FakeIamServer("--save-state", path)
            try:
                user = run_cli(server, "iam", "create-user", "--user-name", "Dana")
                key = run_cli(server, "iam", "create-access-key", "--user-name", "Dana")
            finally:
                status = server.stop()
            self.assertEqual(status, 0, server.server_log())
            self.assertEqual((user.returncode, key.returncode), (0, 0), user.stderr + key.stderr)
            user = json.loads(user.stdout)["User"]
            key = json.loads(key.stdout)["AccessKey"]

            with open(path) as f:
                state = json.load(f)
            self.assertEqual([u["name"] for u in state["users"]], ["Dana"])
            saved_user = state["users"][0]
            self.assertEqual((saved_user["id"], saved_user["path"]), (user["UserId"], "/"))
            # The file keeps milliseconds; the wire (and so the CLI) shows whole seconds.
            self.assertEqual(parse_time(saved_user["create_date"]).replace(microsecond=0),
                             parse_time(user["CreateDate"]))
            self.assertEqual([(k["id"], k["secret"], k["status"])
                              for k in saved_user["access_keys"]],
                             [(key["AccessKeyId"], key["SecretAccessKey"], "Active")])
            self.assertEqual(state["root_access_keys"], [])

            # The saved file is a state another server starts from.
            with FakeIamServer("--state", path) as again:
                listed = run_cli(again, "iam", "list-access-keys", "--user-name", "Dana")
            self.assertEqual(listed.returncode, 0, listed.stderr)
            listed = json.loads(listed.stdout)["AccessKeyMetadata"]
            self.assertEqual([k["AccessKeyId"] for k in listed], [key["AccessKeyId"]])


if __name__ == "__main__":
    if not os.access(AWS_CLI, os.X_OK):
        sys.exit("%s (the Debian AWS CLI v2) is required" % AWS_CLI)
    unittest.main(verbosity=2)
