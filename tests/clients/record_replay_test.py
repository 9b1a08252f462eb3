#!/usr/bin/python3
"""Record and replay, proved with the real AWS clients: Debian's boto3 and /usr/bin/aws (v2).

Run as CTest does:
  FAKEIAM_SERVER=/path/to/fakeiam-server /usr/bin/python3 tests/clients/record_replay_test.py

Each test plays the part of a developer recording against the cloud: a first fakeiam, U
(--clock fixed, a seed), stands in for the cloud; `fakeiam-server --record FILE --upstream U` (R)
forwards a key-rotation scenario to it, signed again with a key of U's own user "recorder" from
R's environment, while the client signs with an arbitrary key. Then U is stopped, and
`fakeiam-server --replay FILE` (P) answers the same scenario offline: the client must see exactly
what it saw while recording (status, headers, body, request ids, dates), the secrets masked in the
file aside, and exactly the same bytes with --no-redact.

A scenario's results are plain data: each call's parsed response (less RetryAttempts and any Date
header) or error (code, message, HTTP status, request id), and the raw body of every answer.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fakeiam_process import (OUTSIDER_KEY, ServerTestCase, aws_cli_env,  # noqa: E402
                            isolate_process_environment, isolated_aws_env)

isolate_process_environment()  # before boto3 is imported

import boto3  # noqa: E402
import botocore.session  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402

AWS_CLI = "/usr/bin/aws"
SERVICE_ERROR_EXIT = 254
# One attempt per call, so that calls and recorded exchanges pair up one to one.
NO_RETRIES = Config(retries={"total_max_attempts": 1, "mode": "standard"})
SESSION = boto3.session.Session(botocore_session=botocore.session.Session())

UPSTREAM_ARGS = ("--clock", "fixed", "--seed", "7", "--quiet")
RECORDER_USER = "recorder"
# What a 40-character secret becomes in a redacted cassette.
MASK40 = "REDACTED" * 5
QUOTA = "Cannot exceed quota for AccessKeysPerUser: 2"
CASSETTE_CHECK_FAILED = 3  # fakeiam-server's exit status when a replay did not hold


def plain(value):
    """A parsed response as comparable, printable data (datetimes as ISO 8601 text)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def trimmed(response):
    """A response less what legitimately varies between two runs of a client."""
    response = plain(response)
    meta = response["ResponseMetadata"]
    meta.pop("RetryAttempts", None)
    meta["HTTPHeaders"].pop("date", None)
    return response


def masked(value, secrets):
    """`value` with every secret in `secrets` (text or bytes) replaced by its mask."""
    if isinstance(value, dict):
        return {k: masked(v, secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(masked(v, secrets) for v in value)
    for secret in secrets:
        if isinstance(value, str):
            value = value.replace(secret, MASK40[:len(secret)])
        elif isinstance(value, bytes):
            value = value.replace(secret.encode(), MASK40[:len(secret)].encode())
    return value


def expect(condition, what):
    """A check inside a scenario (which runs outside any TestCase method); not stripped by -O."""
    if not condition:
        raise AssertionError(what)


def load_cassette(path):
    with open(path) as f:
        cassette = json.load(f)
    return cassette


class Boto3Scenario:
    """Key rotation through one boto3 client: each call's outcome, and the raw body of each
    answer (botocore's after-call event sees the HTTP response of errors too)."""

    def __init__(self, client):
        self.client = client
        self.results = []  # (operation, "ok" | "error", data)
        self.bodies = []   # (HTTP status, raw body bytes), one per request sent
        client.meta.events.register("after-call.iam", self._answer)

    def _answer(self, http_response, **_):
        self.bodies.append((http_response.status_code, http_response.content))

    def ok(self, operation, **params):
        response = getattr(self.client, operation)(**params)
        self.results.append((operation, "ok", trimmed(response)))
        return response

    def error(self, operation, **params):
        try:
            getattr(self.client, operation)(**params)
        except ClientError as error:
            response = error.response
            outcome = (response["Error"]["Code"], response["Error"]["Message"],
                       response["ResponseMetadata"]["HTTPStatusCode"],
                       response["ResponseMetadata"]["RequestId"])
            self.results.append((operation, "error", outcome))
            return outcome
        raise AssertionError("%s(%s) succeeded; an error was expected" % (operation, params))

    @property
    def operations(self):
        return ["".join(part.title() for part in op.split("_")) for op, _, _ in self.results]

    def secrets(self):
        return [data["AccessKey"]["SecretAccessKey"] for op, kind, data in self.results
                if op == "create_access_key" and kind == "ok"]

    def run(self, user="Rotator"):
        """The scenario; returns self. Every call is made exactly once, in a fixed order."""
        self.ok("get_user")  # no UserName: the caller's own user, as the server sees the caller
        self.ok("create_user", UserName=user)
        first = self.ok("create_access_key", UserName=user)["AccessKey"]["AccessKeyId"]
        second = self.ok("create_access_key", UserName=user)["AccessKey"]["AccessKeyId"]
        page = self.ok("list_access_keys", UserName=user, MaxItems=1)
        listed = [m["AccessKeyId"] for m in page["AccessKeyMetadata"]]
        while page["IsTruncated"]:
            page = self.ok("list_access_keys", UserName=user, MaxItems=1, Marker=page["Marker"])
            listed += [m["AccessKeyId"] for m in page["AccessKeyMetadata"]]
        expect(listed == [first, second], listed)
        self.ok("update_access_key", UserName=user, AccessKeyId=first, Status="Inactive")
        self.ok("get_access_key_last_used", AccessKeyId=first)
        self.error("get_user", UserName="Nobody")
        self.error("create_access_key", UserName=user)  # a third key: over the quota
        self.ok("delete_access_key", UserName=user, AccessKeyId=first)
        self.ok("list_access_keys", UserName=user)
        self.ok("delete_access_key", UserName=user, AccessKeyId=second)
        self.ok("delete_user", UserName=user)
        return self


def run_aws(endpoint, *args):
    """One /usr/bin/aws iam call: (args, exit status, parsed stdout or None, stderr)."""
    result = subprocess.run([AWS_CLI, "--endpoint-url", endpoint, "--region", "us-east-1",
                             "--output", "json", "--no-cli-pager", "iam", *args],
                            env=aws_cli_env(), capture_output=True, text=True, timeout=60)
    stdout = json.loads(result.stdout) if result.stdout.strip() else None
    return (list(args), result.returncode, stdout, result.stderr)


def cli_scenario(endpoint, user="CliRotator"):
    """Key rotation through the AWS CLI, shorter than boto3's (each call starts a process)."""
    results = []

    def aws(*args, status=0):
        outcome = run_aws(endpoint, *args)
        expect(outcome[1] == status, outcome)
        results.append(outcome)
        return outcome[2]

    aws("get-user")
    aws("create-user", "--user-name", user)
    first = aws("create-access-key", "--user-name", user)["AccessKey"]["AccessKeyId"]
    second = aws("create-access-key", "--user-name", user)["AccessKey"]["AccessKeyId"]
    # The CLI pages by itself: two ListAccessKeys requests, the second with the first's Marker.
    listed = aws("list-access-keys", "--user-name", user, "--page-size", "1")
    expect([m["AccessKeyId"] for m in listed["AccessKeyMetadata"]] == [first, second], listed)
    aws("update-access-key", "--user-name", user, "--access-key-id", first, "--status", "Inactive")
    aws("get-access-key-last-used", "--access-key-id", first)
    aws("get-user", "--user-name", "Nobody", status=SERVICE_ERROR_EXIT)
    aws("create-access-key", "--user-name", user, status=SERVICE_ERROR_EXIT)
    aws("delete-access-key", "--user-name", user, "--access-key-id", first)
    aws("delete-access-key", "--user-name", user, "--access-key-id", second)
    aws("delete-user", "--user-name", user)
    return results


# The operations of cli_scenario's requests, in order (list-access-keys makes two).
CLI_OPERATIONS = ["GetUser", "CreateUser", "CreateAccessKey", "CreateAccessKey", "ListAccessKeys",
                  "ListAccessKeys", "UpdateAccessKey", "GetAccessKeyLastUsed", "GetUser",
                  "CreateAccessKey", "DeleteAccessKey", "DeleteAccessKey", "DeleteUser"]


class RecordReplayTestCase(ServerTestCase):
    """self.server is the upstream U, self.admin a root client of U; the recorder's key is a key
    of U's user "recorder"."""

    SERVER_ARGS = UPSTREAM_ARGS
    maxDiff = None

    def setUp(self):
        super().setUp()
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.admin.create_user(UserName=RECORDER_USER)
        self.recorder_key = self.admin.create_access_key(UserName=RECORDER_USER)["AccessKey"]
        # Never used so far: a last-used date later on means U saw it sign.
        self.assertNotIn("LastUsedDate", self.recorder_last_used())

    def make_client(self, endpoint, key_id, secret):
        return SESSION.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id=key_id, aws_secret_access_key=secret,
                              config=NO_RETRIES)

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def recorder_last_used(self):
        return self.admin.get_access_key_last_used(
            AccessKeyId=self.recorder_key["AccessKeyId"])["AccessKeyLastUsed"]

    def start_recorder(self, cassette, *extra):
        """R: records into `cassette`, forwarding to U with the recorder's key in its env."""
        return self.start_server("--record", cassette, "--upstream", self.server.endpoint, *extra,
                                 env=isolated_aws_env(self.recorder_key["AccessKeyId"],
                                                      self.recorder_key["SecretAccessKey"]))

    def stop_recorder(self, recorder, cassette, exchanges):
        """SIGTERM: exit 0, and the file is a whole cassette of `exchanges` interactions."""
        self.assertEqual(recorder.control("GET", "cassette"),
                         (200, {"mode": "record", "file": cassette, "recorded": exchanges}))
        self.assertEqual(recorder.stop(), 0, recorder.server_log())
        self.assertIn("recorded %d exchanges in %s" % (exchanges, cassette), recorder.server_log())
        loaded = load_cassette(cassette)
        self.assertEqual((loaded["format"], loaded["version"]), ("fakeiam cassette", 1))
        self.assertEqual([i["id"] for i in loaded["interactions"]],
                         list(range(1, exchanges + 1)))
        return loaded

    def stop_upstream(self):
        """Stops U: whatever answers from now on answers offline."""
        self.assertEqual(self.server.stop(), 0, self.server.server_log())
        self.assertIsNotNone(self.server.process.poll())

    def assert_resigned(self, recorded_caller):
        """U saw the recorder's key sign (not the client's): the caller's user, the key's use."""
        self.assertEqual(recorded_caller["User"]["UserName"], RECORDER_USER)
        last_used = self.recorder_last_used()
        self.assertIsInstance(last_used.get("LastUsedDate"), datetime.datetime, last_used)
        self.assertEqual((last_used["ServiceName"], last_used["Region"]), ("iam", "us-east-1"))

    def assert_replay_held(self, replay, cassette, interactions):
        status, answer = replay.control("GET", "cassette")
        self.assertEqual(status, 200, answer)
        self.assertEqual(answer, {"mode": "replay", "interactions": interactions, "unused": [],
                                  "unmatched": []})
        self.assertEqual(replay.stop(), 0, replay.server_log())
        self.assertIn("%s held" % cassette, replay.server_log())

    def record_boto3(self, cassette, *extra):
        """The boto3 scenario recorded through R into `cassette`; U keeps running."""
        recorder = self.start_recorder(cassette, *extra)
        recording = Boto3Scenario(self.client(server=recorder)).run()
        self.assertEqual(len(recording.bodies), len(recording.results))
        loaded = self.stop_recorder(recorder, cassette, len(recording.results))
        self.assertEqual([i["operation"] for i in loaded["interactions"]], recording.operations)
        return recording, loaded

    def cassette_text(self, cassette):
        with open(cassette) as f:
            return f.read()


class Boto3RecordReplayTest(RecordReplayTestCase):

    def test_recording_through_upstream_replays_offline_identically(self):
        cassette = self.path("rotation.json")
        recording, loaded = self.record_boto3(cassette)
        results = recording.results
        self.assertEqual(len(results), 14)

        # What U answered, as boto3 parsed it: the scenario is realistic, not a string of errors.
        self.assert_resigned(results[0][2])
        self.assertEqual(results[8][1:], ("error", ("NoSuchEntity",
                                                    "The user with name Nobody cannot be found.",
                                                    404, results[8][2][3])))
        self.assertEqual(results[9][1:], ("error", ("LimitExceeded", QUOTA, 409,
                                                    results[9][2][3])))
        secrets = recording.secrets()
        self.assertEqual(len(secrets), 2)
        for secret in secrets:
            self.assertRegex(secret, r"^[A-Za-z0-9+/]{40}$")
            self.assertNotEqual(secret, MASK40)

        # The file masks the secrets (and every signature): none of them, nor the recorder's own
        # secret, is anywhere in it.
        text = self.cassette_text(cassette)
        for secret in secrets + [self.recorder_key["SecretAccessKey"]]:
            self.assertNotIn(secret, text)
        self.assertEqual(text.count("<SecretAccessKey>%s</SecretAccessKey>" % MASK40), 2)
        for interaction in loaded["interactions"]:
            authorization = interaction["request"]["headers"]["Authorization"]
            # The client's own key is what the file says signed (the recorder signs again).
            self.assertRegex(authorization, r"^AWS4-HMAC-SHA256 Credential=%s/\d{8}/us-east-1/"
                             r"iam/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature="
                             r"(REDACTED){8}$" % OUTSIDER_KEY)
        # The second page asked for the first page's marker.
        first_page, second_page = (i for i in loaded["interactions"][4:6])
        self.assertEqual(second_page["request"]["form"]["Marker"],
                         results[4][2]["Marker"])
        self.assertNotIn("Marker", first_page["request"]["form"])

        self.stop_upstream()
        replay = self.start_server("--replay", cassette)
        replayed = Boto3Scenario(self.client(server=replay)).run()
        # Identical, the masked secrets aside: same ids, dates, request ids, headers, bodies.
        self.assertEqual(replayed.results, masked(results, secrets))
        self.assertEqual(replayed.bodies, masked(recording.bodies, secrets))
        self.assertEqual(replayed.secrets(), [MASK40, MASK40])
        self.assert_replay_held(replay, cassette, len(results))

    def test_no_redact_recording_replays_byte_identical_with_secrets(self):
        cassette = self.path("unredacted.json")
        recording, loaded = self.record_boto3(cassette, "--no-redact")
        secrets = recording.secrets()
        text = self.cassette_text(cassette)
        for secret in secrets:
            self.assertIn("<SecretAccessKey>%s</SecretAccessKey>" % secret, text)
        self.assertNotIn("REDACTED", text)
        # The client's signatures are kept; the recorder's secret was never in an exchange.
        self.assertRegex(loaded["interactions"][0]["request"]["headers"]["Authorization"],
                         r"Signature=[0-9a-f]{64}$")
        self.assertNotIn(self.recorder_key["SecretAccessKey"], text)

        self.stop_upstream()
        replay = self.start_server("--replay", cassette)
        client = self.client(server=replay)
        replayed = Boto3Scenario(client).run()
        self.assertEqual(replayed.results, recording.results)
        self.assertEqual(replayed.bodies, recording.bodies)
        self.assertEqual(replayed.secrets(), secrets)
        # DELETE /_fakeiam/cassette starts over: the same answers again.
        self.assertEqual(replay.control("DELETE", "cassette"), (200, {"rewound": True}))
        again = Boto3Scenario(client).run()
        self.assertEqual((again.results, again.bodies), (recording.results, recording.bodies))
        self.assert_replay_held(replay, cassette, len(recording.results))

    def test_an_upstream_that_does_not_answer_is_a_502_and_not_recorded(self):
        cassette = self.path("partial.json")
        recorder = self.start_recorder(cassette)
        client = self.client(server=recorder)
        caller = trimmed(client.get_user())
        self.assert_resigned(caller)
        self.stop_upstream()
        with self.assertRaises(ClientError) as cm:
            client.create_user(UserName="Rotator")
        error = cm.exception.response
        self.assertEqual((error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]),
                         ("UpstreamUnavailable", 502))
        self.assertIn(self.server.endpoint, error["Error"]["Message"])
        loaded = self.stop_recorder(recorder, cassette, 1)
        self.assertEqual([i["operation"] for i in loaded["interactions"]], ["GetUser"])


class CliRecordReplayTest(RecordReplayTestCase):

    def test_recording_through_upstream_replays_offline_identically(self):
        cassette = self.path("cli-rotation.json")
        recorder = self.start_recorder(cassette)
        results = cli_scenario(recorder.endpoint)
        loaded = self.stop_recorder(recorder, cassette, len(CLI_OPERATIONS))
        self.assertEqual([i["operation"] for i in loaded["interactions"]], CLI_OPERATIONS)

        self.assert_resigned(results[0][2])
        secrets = [r[2]["AccessKey"]["SecretAccessKey"] for r in results[2:4]]
        for secret in secrets:
            self.assertRegex(secret, r"^[A-Za-z0-9+/]{40}$")
            self.assertNotIn(secret, self.cassette_text(cassette))
        self.assertEqual([r[3] for r in results[7:9]], [
            "\nAn error occurred (NoSuchEntity) when calling the GetUser operation: The user with "
            "name Nobody cannot be found.\n",
            "\nAn error occurred (LimitExceeded) when calling the CreateAccessKey operation: "
            + QUOTA + "\n"])
        # The CLI followed the marker of the first page.
        first_page, second_page = loaded["interactions"][4:6]
        self.assertEqual(second_page["request"]["form"]["MaxItems"], "1")
        [marker] = re.findall(r"<Marker>([^<]+)</Marker>",
                              "\n".join(first_page["response"]["body_lines"]))
        self.assertEqual(second_page["request"]["form"]["Marker"], marker)

        self.stop_upstream()
        replay = self.start_server("--replay", cassette)
        replayed = cli_scenario(replay.endpoint)
        self.assertEqual(replayed, masked(results, secrets))
        self.assertEqual([r[2]["AccessKey"]["SecretAccessKey"] for r in replayed[2:4]],
                         [MASK40, MASK40])
        self.assert_replay_held(replay, cassette, len(CLI_OPERATIONS))


class ReplayMissTest(RecordReplayTestCase):
    """What a client sees when it asks the replay something the recording does not hold."""

    def setUp(self):
        super().setUp()
        self.cassette = self.path("rotation.json")
        self.recording, self.loaded = self.record_boto3(self.cassette)
        self.count = len(self.recording.results)
        self.stop_upstream()

    def test_changed_call_is_unmatched_for_boto3_and_the_cli_and_fails_the_replay(self):
        replay = self.start_server("--replay", self.cassette)
        client = self.client(server=replay)
        with self.assertRaises(ClientError) as cm:
            client.create_user(UserName="Other")
        error = cm.exception.response
        self.assertEqual((error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]),
                         ("UnmatchedRequest", 404))
        boto3_miss = ('No recorded interaction matches POST / CreateUser UserName=Other. The '
                      'closest is #2 CreateUser: UserName is "Other" here, "Rotator" in the '
                      'recording.')
        self.assertEqual(error["Error"]["Message"], boto3_miss)

        cli = run_aws(replay.endpoint, "delete-user", "--user-name", "Other")
        cli_miss = ('No recorded interaction matches POST / DeleteUser UserName=Other. The '
                    'closest is #14 DeleteUser: UserName is "Other" here, "Rotator" in the '
                    'recording.')
        self.assertEqual(cli[1:], (SERVICE_ERROR_EXIT, None,
                                   "\nAn error occurred (UnmatchedRequest) when calling the "
                                   "DeleteUser operation: %s\n" % cli_miss))

        # Played so far: nothing. The status says so, and names both misses.
        status, answer = replay.control("GET", "cassette")
        self.assertEqual(status, 200)
        self.assertEqual(answer["unused"], list(range(1, self.count + 1)))
        self.assertEqual(answer["unmatched"], [
            {"request": "POST / CreateUser UserName=Other", "message": boto3_miss},
            {"request": "POST / DeleteUser UserName=Other", "message": cli_miss}])

        # The rest of the scenario still replays; the misses fail the replay all the same.
        replayed = Boto3Scenario(client).run()
        self.assertEqual(replayed.results, masked(self.recording.results,
                                                  self.recording.secrets()))
        self.assertEqual(replay.stop(), CASSETTE_CHECK_FAILED)
        log = replay.server_log()
        self.assertIn("%s: 2 problems with the cassette:\n" % self.cassette, log)
        self.assertIn("- unmatched request: %s\n" % boto3_miss, log)
        self.assertIn("- unmatched request: %s\n" % cli_miss, log)
        self.assertNotIn("never played", log)

    def test_a_second_play_of_an_interaction_is_refused_unless_repeats_are_allowed(self):
        for flags, refused in (((), True), (("--allow-repeats",), False)):
            with self.subTest(flags=flags):
                replay = self.start_server("--replay", self.cassette, *flags)
                client = self.client(server=replay)
                first = trimmed(client.get_user())
                self.assertEqual(first, self.recording.results[0][2])
                if refused:
                    with self.assertRaises(ClientError) as cm:
                        client.get_user()
                    self.assertEqual(cm.exception.response["Error"]["Message"],
                                     "POST / GetUser matches #1 GetUser, which was already "
                                     "played, and repeats are not allowed.")
                else:
                    self.assertEqual(trimmed(client.get_user()), first)
                # Interactions 2.. were never played either way.
                self.assertEqual(replay.stop(), CASSETTE_CHECK_FAILED)
                self.assertIn("- interaction #2 CreateUser was never played\n",
                              replay.server_log())

    def test_unplayed_interactions_fail_the_replay_unless_allowed(self):
        for flags, code in (((), CASSETTE_CHECK_FAILED), (("--allow-unused",), 0)):
            with self.subTest(flags=flags):
                replay = self.start_server("--replay", self.cassette, *flags)
                client = self.client(server=replay)
                self.assertEqual(trimmed(client.get_user()), self.recording.results[0][2])
                self.assertEqual(replay.control("GET", "cassette")[1]["unused"],
                                 list(range(2, self.count + 1)))
                self.assertEqual(replay.stop(), code, replay.server_log())
                log = replay.server_log()
                if code:
                    self.assertIn("%s: %d problems with the cassette:\n" % (self.cassette,
                                                                           self.count - 1), log)
                    self.assertIn("- interaction #14 DeleteUser was never played\n", log)
                else:
                    self.assertIn("%s held" % self.cassette, log)

    def test_strict_order_refuses_an_out_of_order_call(self):
        replay = self.start_server("--replay", self.cassette, "--match-order", "strict")
        client = self.client(server=replay)
        # The first page of keys, before anything else was asked: recorded fifth.
        with self.assertRaises(ClientError) as cm:
            client.list_access_keys(UserName="Rotator", MaxItems=1)
        error = cm.exception.response
        self.assertEqual((error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]),
                         ("UnmatchedRequest", 404))
        message = ('POST / ListAccessKeys MaxItems=1 UserName=Rotator is out of order: the next '
                   'recorded interaction is #1 GetUser, and the request differs from it: Action '
                   'is "ListAccessKeys" here, "GetUser" in the recording; MaxItems is "1" here, '
                   'missing in the recording; UserName is "Rotator" here, missing in the '
                   'recording. It matches #5 ListAccessKeys, recorded later.')
        self.assertEqual(error["Error"]["Message"], message)
        # The same scenario in the recorded order replays in full.
        replayed = Boto3Scenario(client).run()
        self.assertEqual(replayed.results, masked(self.recording.results,
                                                  self.recording.secrets()))
        status, answer = replay.control("GET", "cassette")
        self.assertEqual((answer["unused"], [u["message"] for u in answer["unmatched"]]),
                         ([], [message]))
        self.assertEqual(replay.stop(), CASSETTE_CHECK_FAILED)
        self.assertIn("- unmatched request: %s\n" % message, replay.server_log())


if __name__ == "__main__":
    if not os.access(AWS_CLI, os.X_OK):
        sys.exit("%s (the Debian AWS CLI v2) is required" % AWS_CLI)
    unittest.main(verbosity=2)
