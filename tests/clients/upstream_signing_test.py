#!/usr/bin/python3
"""The recorder's upstream requests, checked against botocore's own SigV4 signer.

Run as CTest does:
  FAKEIAM_SERVER=/path/to/fakeiam-server /usr/bin/python3 tests/clients/upstream_signing_test.py

The upstream is a small capture server (http.server on 127.0.0.1, an ephemeral port) that keeps
each request exactly as it arrived and answers a canned IAM response.
`fakeiam-server --record F --upstream <capture>` runs with known AWS credentials in its
environment; a boto3 call (or a raw request) goes to the recorder, and the Authorization header
the capture server received is recomputed with botocore.auth.SigV4Auth on an AWSRequest rebuilt
from the captured method, URL, signed headers and body at the captured X-Amz-Date: the two
signatures must be the same, so AWS would accept what the recorder sends.
"""
import datetime
import http.server
import os
import re
import sys
import tempfile
import threading
import types
import unittest
import urllib.request
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fakeiam_process import (OUTSIDER_KEY, OUTSIDER_SECRET, FakeIamServer,  # noqa: E402
                            isolate_process_environment, isolated_aws_env)

isolate_process_environment()  # before boto3 is imported

import boto3  # noqa: E402
import botocore.auth  # noqa: E402
import botocore.session  # noqa: E402
from botocore.auth import SigV4Auth  # noqa: E402
from botocore.awsrequest import AWSRequest  # noqa: E402
from botocore.config import Config  # noqa: E402
from botocore.credentials import Credentials  # noqa: E402

SESSION = boto3.session.Session(botocore_session=botocore.session.Session())
NO_RETRIES = Config(retries={"total_max_attempts": 1, "mode": "standard"})

# The recorder's upstream credentials: an AWS documentation example key, never a real one.
UPSTREAM_KEY = "AKIDEXAMPLEUPSTREAM1"
UPSTREAM_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYUPSTREAMKEY"
SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLE//session+token=="

REQUEST_ID = "11111111-2222-3333-4444-555555555555"
LIST_USERS = (
    '<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult>'
    "<Users><member><Path>/team a/</Path><UserName>Captured</UserName>"
    "<UserId>AIDACAPTUREDUSER00001</UserId>"
    "<Arn>arn:aws:iam::123456789012:user/team a/Captured</Arn>"
    "<CreateDate>2025-01-01T00:00:00Z</CreateDate></member></Users>"
    "<IsTruncated>false</IsTruncated></ListUsersResult>"
    "<ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata></ListUsersResponse>"
    % REQUEST_ID).encode()

AUTHORIZATION = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/"
    r"(?P<service>[^/]+)/aws4_request, SignedHeaders=(?P<signed>[a-z0-9;-]+), "
    r"Signature=(?P<signature>[0-9a-f]{64})$")


class CaptureServer:
    """An upstream that keeps every request (method, target, headers in order, body) and answers
    each with the canned ListUsers response."""

    def __init__(self):
        self.requests = []
        captured = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _capture(self):
                length = int(self.headers.get("Content-Length", 0))
                captured.append({"method": self.command, "target": self.path,
                                 "headers": list(self.headers.items()),
                                 "body": self.rfile.read(length)})
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.send_header("x-amzn-RequestId", REQUEST_ID)
                self.send_header("Content-Length", str(len(LIST_USERS)))
                self.end_headers()
                self.wfile.write(LIST_USERS)

            do_GET = do_POST = _capture

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.endpoint = "http://127.0.0.1:%d" % self.port
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def header(request, name):
    values = [v for k, v in request["headers"] if k.lower() == name.lower()]
    if len(values) != 1:
        raise AssertionError("%d %s fields in %r" % (len(values), name, request["headers"]))
    return values[0]


def botocore_authorization(request, credentials, region):
    """What botocore's SigV4Auth makes of the captured request, signed at its X-Amz-Date."""
    signed = AUTHORIZATION.match(header(request, "Authorization")).group("signed").split(";")
    # The fields the recorder signed, as they arrived (SigV4Auth adds the token itself).
    headers = [(k, v) for k, v in request["headers"]
               if k.lower() in signed and k.lower() != "x-amz-security-token"]
    rebuilt = AWSRequest(method=request["method"],
                         url="http://%s%s" % (header(request, "Host"), request["target"]),
                         data=request["body"], headers=dict(headers))
    when = datetime.datetime.strptime(header(request, "X-Amz-Date"), "%Y%m%dT%H%M%SZ")

    class AtCapturedDate(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return when

    # add_auth reads the time from datetime.datetime.utcnow(): the captured date, for it only.
    with mock.patch.object(botocore.auth, "datetime",
                           types.SimpleNamespace(datetime=AtCapturedDate)):
        SigV4Auth(credentials, "iam", region).add_auth(rebuilt)
    return rebuilt.headers["Authorization"], signed


class UpstreamSigV4Test(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.capture = CaptureServer()
        self.addCleanup(self.capture.stop)
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def start_recorder(self, token=None, *extra):
        env = isolated_aws_env(UPSTREAM_KEY, UPSTREAM_SECRET)
        if token:
            env["AWS_SESSION_TOKEN"] = token
        recorder = FakeIamServer("--record", os.path.join(self.tmp.name, "f.json"), "--upstream",
                                 self.capture.endpoint, *extra, env=env)
        self.addCleanup(recorder.stop)
        return recorder

    def client(self, recorder, region):
        client = SESSION.client("iam", endpoint_url=recorder.endpoint, region_name=region,
                                aws_access_key_id=OUTSIDER_KEY,
                                aws_secret_access_key=OUTSIDER_SECRET, config=NO_RETRIES)
        self.addCleanup(client.close)
        return client

    def assert_signed_as_botocore_signs(self, request, region, token=None):
        authorization = header(request, "Authorization")
        parts = AUTHORIZATION.match(authorization)
        self.assertIsNotNone(parts, authorization)
        # The recorder's key, for the region the client signed for, for iam, today.
        self.assertEqual((parts["key"], parts["region"], parts["service"]),
                         (UPSTREAM_KEY, region, "iam"))
        amz_date = header(request, "X-Amz-Date")
        self.assertEqual(parts["date"], amz_date[:8])
        signed_at = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")
        self.assertLess(abs(datetime.datetime.utcnow() - signed_at), datetime.timedelta(minutes=5))
        self.assertEqual(header(request, "Host"), "127.0.0.1:%d" % self.capture.port)

        expected, signed = botocore_authorization(
            request, Credentials(UPSTREAM_KEY, UPSTREAM_SECRET, token), region)
        self.assertEqual(authorization, expected)
        # What a server needs covered is covered: the target host, the date, the body's type and
        # the session token.
        must_sign = {"host", "x-amz-date"} | ({"content-type"} if request["body"] else set())
        self.assertLessEqual(must_sign, set(signed))
        if token:
            self.assertEqual(header(request, "X-Amz-Security-Token"), token)
            self.assertIn("x-amz-security-token", signed)
        else:
            self.assertNotIn("x-amz-security-token", [k.lower() for k, _ in request["headers"]])

    def test_boto3_call_is_signed_again_as_botocore_would_sign_it(self):
        recorder = self.start_recorder()
        region = "eu-central-1"  # not the default: the scope must follow the client's
        client = self.client(recorder, region)
        sent = []
        client.meta.events.register("before-send.iam",
                                    lambda request, **_: sent.append(request.body))
        users = client.list_users(PathPrefix="/team a/", MaxItems=5)
        # The canned answer came back through the recorder.
        self.assertEqual([u["UserName"] for u in users["Users"]], ["Captured"])
        self.assertEqual(users["ResponseMetadata"]["RequestId"], REQUEST_ID)

        [request] = self.capture.requests
        self.assertEqual((request["method"], request["target"]), ("POST", "/"))
        # The body went on as boto3 wrote it.
        self.assertEqual(sent, ["Action=ListUsers&Version=2010-05-08&PathPrefix=%2Fteam+a%2F&"
                                "MaxItems=5"])
        self.assertEqual(request["body"], sent[0].encode())
        self.assert_signed_as_botocore_signs(request, region)
        self.assertEqual(recorder.stop(), 0, recorder.server_log())

    def test_session_token_is_sent_and_signed(self):
        recorder = self.start_recorder(SESSION_TOKEN)
        self.client(recorder, "us-east-1").list_users()
        [request] = self.capture.requests
        self.assert_signed_as_botocore_signs(request, "us-east-1", SESSION_TOKEN)
        self.assertEqual(recorder.stop(), 0, recorder.server_log())

    def test_unsigned_query_request_is_signed_for_the_upstream_region(self):
        # No client signature names a region: --upstream-region gives it. The query string is
        # signed in SigV4's canonical order and encoding, as botocore orders and encodes it.
        recorder = self.start_recorder(None, "--upstream-region", "ap-southeast-2")
        query = "Version=2010-05-08&PathPrefix=%2Fteam%20a%2F&Action=ListUsers&MaxItems=7"
        with urllib.request.urlopen(recorder.endpoint + "/?" + query, timeout=10) as response:
            self.assertEqual(response.read(), LIST_USERS)
        [request] = self.capture.requests
        self.assertEqual((request["method"], request["target"], request["body"]),
                         ("GET", "/?" + query, b""))
        self.assert_signed_as_botocore_signs(request, "ap-southeast-2")
        self.assertEqual(recorder.stop(), 0, recorder.server_log())


if __name__ == "__main__":
    unittest.main(verbosity=2)
