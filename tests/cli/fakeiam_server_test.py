"""fakeiam-server as a process: its first line, its options, signals, state files and logs.

Run with FAKEIAM_SERVER=<path to fakeiam-server> python3 fakeiam_server_test.py
"""
import datetime
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients"))
from fakeiam_process import FakeIamServer  # noqa: E402

BINARY = os.environ.get("FAKEIAM_SERVER", "")
SOURCE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def call(endpoint, body):
    """POSTs a form body; returns (status, text)."""
    request = urllib.request.Request(endpoint + "/", data=body.encode(), method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=30)


class FirstLineAndSignals(unittest.TestCase):
    def test_first_line_names_a_reachable_endpoint(self):
        process = subprocess.Popen([BINARY, "--quiet"], stdout=subprocess.PIPE, text=True)
        try:
            line = process.stdout.readline()
            self.assertRegex(line, r"^fakeiam listening on http://127\.0\.0\.1:\d+\n$")
            endpoint = line.split()[-1]
            status, text = call(endpoint, "Action=ListUsers&Version=2010-05-08")
            self.assertEqual(status, 200)
            self.assertIn("<ListUsersResponse", text)
        finally:
            process.send_signal(signal.SIGTERM)
            self.assertEqual(process.wait(timeout=10), 0)

    def test_sigint_and_sigterm_stop_it_cleanly(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            with self.subTest(signal=sig):
                server = FakeIamServer("--quiet")
                call(server.endpoint, "Action=ListUsers&Version=2010-05-08")
                started = time.monotonic()
                server.process.send_signal(sig)
                self.assertEqual(server.process.wait(timeout=10), 0)
                self.assertLess(time.monotonic() - started, 5)

    def test_explicit_port_in_use_is_an_error(self):
        with FakeIamServer("--quiet") as first:
            port = first.endpoint.rsplit(":", 1)[1]
            result = run("--port", port)
            self.assertEqual(result.returncode, 1)
            self.assertIn("cannot listen on 127.0.0.1:" + port, result.stderr)


class Options(unittest.TestCase):
    def test_help_and_version(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("usage: fakeiam-server", result.stdout)
        self.assertIn("--save-state FILE", result.stdout)
        result = run("--version")
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout, r"^fakeiam-server \d+\.\d+\.\d+\n$")

    def test_a_bad_option_exits_2_with_a_message(self):
        result = run("--port", "notaport")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--port takes a whole number", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_fixed_clock_and_seed_make_responses_reproducible(self):
        def session():
            with FakeIamServer("--quiet", "--clock", "fixed", "--seed", "7") as server:
                call(server.endpoint, "Action=CreateUser&UserName=Bob&Version=2010-05-08")
                return call(server.endpoint,
                            "Action=CreateAccessKey&UserName=Bob&Version=2010-05-08")[1]
        first, second = session(), session()
        self.assertEqual(first, second)
        self.assertIn("<CreateDate>2025-01-01T00:00:01Z</CreateDate>", first)

    def test_wall_clock_is_the_default(self):
        with FakeIamServer("--quiet") as server:
            text = call(server.endpoint, "Action=CreateUser&UserName=Bob&Version=2010-05-08")[1]
        created = re.search(r"<CreateDate>(.*)</CreateDate>", text).group(1)
        when = datetime.datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
        self.assertLess(abs((datetime.datetime.utcnow() - when).total_seconds()), 300)

    def test_key_quota_and_account_id(self):
        with FakeIamServer("--quiet", "--key-quota", "3", "--account-id", "111122223333") as s:
            call(s.endpoint, "Action=CreateUser&UserName=Bob&Version=2010-05-08")
            codes = [call(s.endpoint, "Action=CreateAccessKey&UserName=Bob&Version=2010-05-08")[0]
                     for _ in range(4)]
            self.assertEqual(codes, [200, 200, 200, 409])
            text = call(s.endpoint, "Action=GetUser&UserName=Bob&Version=2010-05-08")[1]
            self.assertIn("arn:aws:iam::111122223333:user/Bob", text)


class StateFiles(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def test_state_loads_a_fixture(self):
        fixture = os.path.join(SOURCE_DIR, "fixtures", "aws", "bob-two-keys.json")
        with FakeIamServer("--quiet", "--state", fixture) as server:
            text = call(server.endpoint, "Action=ListAccessKeys&UserName=Bob&Version=2010-05-08")[1]
        self.assertIn("AKIAIOSFODNN7EXAMPLE", text)
        self.assertIn("AKIAI44QH8DHBEXAMPLE", text)

    def test_save_state_on_shutdown_round_trips(self):
        saved = os.path.join(self.dir.name, "state.json")
        with FakeIamServer("--quiet", "--save-state", saved) as server:
            call(server.endpoint, "Action=CreateUser&UserName=Carol&Version=2010-05-08")
            key = call(server.endpoint, "Action=CreateAccessKey&UserName=Carol&Version=2010-05-08")[1]
            self.assertFalse(os.path.exists(saved))
        self.assertEqual(os.listdir(self.dir.name), ["state.json"])
        with open(saved) as f:
            state = json.load(f)
        self.assertEqual(state["users"][0]["name"], "Carol")
        key_id = re.search(r"<AccessKeyId>(.*)</AccessKeyId>", key).group(1)
        self.assertEqual(state["users"][0]["access_keys"][0]["id"], key_id)
        with FakeIamServer("--quiet", "--state", saved) as again:
            text = call(again.endpoint, "Action=ListAccessKeys&UserName=Carol&Version=2010-05-08")[1]
        self.assertIn(key_id, text)

    def test_a_bad_state_file_is_named_in_the_error(self):
        bad = os.path.join(self.dir.name, "bad.json")
        with open(bad, "w") as f:
            f.write('{"version": 1, "users": [{"name": "bad name"}]}')
        result = run("--state", bad)
        self.assertEqual(result.returncode, 1)
        self.assertIn(bad + ": /users/0: 1 validation error detected", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_a_save_that_fails_exits_1(self):
        server = FakeIamServer("--quiet", "--save-state", "/nonexistent/dir/state.json")
        self.assertEqual(server.stop(), 1)
        self.assertIn("/nonexistent/dir/state.json", server.server_log())


class RequestLog(unittest.TestCase):
    def test_one_line_per_request_on_stderr(self):
        server = FakeIamServer()
        call(server.endpoint, "Action=ListUsers&Version=2010-05-08")
        call(server.endpoint, "Action=Nope&Version=2010-05-08")
        server.stop()
        lines = server.server_log().splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertRegex(lines[0], r"^127\.0\.0\.1 POST / ListUsers 200 \d+\.\d\dms$")
        self.assertRegex(lines[1], r"^127\.0\.0\.1 POST / Nope 400 \d+\.\d\dms$")

    def test_quiet_silences_it(self):
        server = FakeIamServer("--quiet")
        call(server.endpoint, "Action=ListUsers&Version=2010-05-08")
        server.stop()
        self.assertEqual(server.server_log(), "")


class Robustness(unittest.TestCase):
    def test_keeps_serving_after_bad_requests(self):
        with FakeIamServer("--quiet") as server:
            host, port = server.endpoint[len("http://"):].split(":")
            for raw in (b"GARBAGE\r\n\r\n", b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n",
                        b"\x00\xff" * 100):
                with socket.create_connection((host, int(port)), timeout=5) as s:
                    s.sendall(raw)
                    s.shutdown(socket.SHUT_WR)
                    try:
                        s.recv(65536)
                    except socket.timeout:
                        pass
            self.assertEqual(call(server.endpoint, "Action=ListUsers&Version=2010-05-08&X=%ZZ")[0], 404)
            self.assertEqual(call(server.endpoint, "Action=ListUsers&Version=2010-05-08")[0], 200)


if __name__ == "__main__":
    unittest.main()
