"""fakeiam-server --record as a process: a recording survives SIGINT and SIGTERM with every
completed exchange, and, written atomically after each one, even SIGKILL under load; --replay
refuses a broken cassette, naming the file and where.

Run with FAKEIAM_SERVER=<path to fakeiam-server> python3 record_signals_test.py
(standard library only, like fakeiam_server_test.py).
"""
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients"))
from fakeiam_process import FakeIamServer  # noqa: E402

BINARY = os.environ.get("FAKEIAM_SERVER", "")
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
# src/core/files.cpp writes "<file>.tmp-XXXXXX" (mkstemp) beside the file, then renames it over.
TEMPORARY = re.compile(r"^rec\.json\.tmp-[A-Za-z0-9]{6}$")


def query_body(action, **params):
    return urllib.parse.urlencode({"Action": action, "Version": "2010-05-08", **params})


def connect(server):
    host, port = urllib.parse.urlsplit(server.endpoint).netloc.rsplit(":", 1)
    return http.client.HTTPConnection(host, int(port), timeout=10)


def exchange(conn, body):
    """One POST / on a kept-alive connection: (status, body text)."""
    conn.request("POST", "/", body=body, headers=FORM)
    response = conn.getresponse()
    return response.status, response.read().decode()


def masked_secrets(text):
    """`text` with each SecretAccessKey masked, as a recording (by default) keeps it."""
    return re.sub(r"<SecretAccessKey>([^<]*)</SecretAccessKey>",
                  lambda m: "<SecretAccessKey>%s</SecretAccessKey>"
                  % ("REDACTED" * 5)[:len(m.group(1))], text)


def load(path):
    with open(path) as f:
        return json.load(f)


def response_text(interaction):
    response = interaction["response"]
    return "\n".join(response["body_lines"]) if "body_lines" in response else response["body"]


class RecordTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.path = os.path.join(self.tmp.name, "rec.json")

    def start_recorder(self):
        server = FakeIamServer("--record", self.path, "--clock", "fixed", "--quiet")
        self.addCleanup(server.stop)
        return server

    def assert_cassette(self, cassette):
        self.assertEqual((cassette["format"], cassette["version"]), ("fakeiam cassette", 1))
        self.assertEqual([i["id"] for i in cassette["interactions"]],
                         list(range(1, len(cassette["interactions"]) + 1)))

    def leftovers(self):
        return sorted(name for name in os.listdir(self.tmp.name) if name != "rec.json")


class StopSignalsTest(RecordTestCase):

    def test_sigint_and_sigterm_keep_every_completed_exchange(self):
        calls = [("CreateUser", {"UserName": "Alice"}), ("CreateAccessKey", {"UserName": "Alice"}),
                 ("ListAccessKeys", {"UserName": "Alice"}), ("GetUser", {"UserName": "Nobody"}),
                 ("CreateUser", {"UserName": "Alice"}), ("ListUsers", {}),
                 ("DeleteUser", {"UserName": "Alice"})]
        texts = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            with self.subTest(signal=sig.name):
                if os.path.exists(self.path):
                    os.unlink(self.path)
                server = self.start_recorder()
                # The file is there, a whole empty cassette, before the first request.
                self.assertEqual(load(self.path)["interactions"], [])
                conn = connect(server)
                answers = [exchange(conn, query_body(action, **params))
                           for action, params in calls]
                conn.close()
                self.assertEqual([status for status, _ in answers],
                                 [200, 200, 200, 404, 409, 200, 409])

                self.assertEqual(server.stop(sig), 0, server.server_log())
                self.assertIn("recorded %d exchanges in %s" % (len(calls), self.path),
                              server.server_log())
                cassette = load(self.path)
                self.assert_cassette(cassette)
                interactions = cassette["interactions"]
                # Every exchange, in order, exactly as the client saw it (the secret masked).
                self.assertEqual([(i["operation"], i["request"]["form"]) for i in interactions],
                                 [(action, {"Action": action, "Version": "2010-05-08", **params})
                                  for action, params in calls])
                self.assertEqual([(i["response"]["status"], response_text(i))
                                  for i in interactions],
                                 [(status, masked_secrets(text)) for status, text in answers])
                self.assertNotEqual(masked_secrets(answers[1][1]), answers[1][1])
                self.assertEqual(self.leftovers(), [])
                with open(self.path) as f:
                    texts.append(f.read())
        # A seeded fake (--clock fixed, seed 0) asked the same: the same cassette, byte for byte.
        self.assertEqual(len(texts), 2)
        self.assertEqual(texts[0], texts[1])


class KillUnderLoadTest(RecordTestCase):
    THREADS = 4
    RESPONSES_BEFORE_KILL = 150

    def test_sigkill_leaves_a_whole_cassette_with_every_answered_exchange(self):
        server = self.start_recorder()
        lock = threading.Lock()
        sent = []      # user names whose request was (about to be) sent
        answered = []  # user names whose response the client had read in full
        stop = threading.Event()

        def hammer(worker):
            conn = connect(server)
            n = 0
            while not stop.is_set():
                name = "t%d-%d" % (worker, n)
                n += 1
                with lock:
                    sent.append(name)
                try:
                    status, _ = exchange(conn, query_body("CreateUser", UserName=name))
                except (OSError, http.client.HTTPException):
                    return  # the server is gone
                if status != 200:
                    raise AssertionError("CreateUser %s: %d" % (name, status))
                with lock:
                    answered.append(name)

        threads = [threading.Thread(target=hammer, args=(i,)) for i in range(self.THREADS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while True:
            with lock:
                count = len(answered)
            if count >= self.RESPONSES_BEFORE_KILL or time.monotonic() > deadline:
                break
            time.sleep(0.005)
        with lock:
            answered_before_kill = list(answered)
        server.process.kill()
        self.assertEqual(server.process.wait(timeout=10), -signal.SIGKILL)
        stop.set()
        for thread in threads:
            thread.join(timeout=20)
            self.assertFalse(thread.is_alive())
        self.assertGreaterEqual(len(answered_before_kill), self.RESPONSES_BEFORE_KILL)

        cassette = load(self.path)  # a whole JSON document, not a torn one
        self.assert_cassette(cassette)
        recorded = [i["request"]["form"]["UserName"] for i in cassette["interactions"]]
        self.assertEqual({i["operation"] for i in cassette["interactions"]}, {"CreateUser"})
        self.assertEqual({i["response"]["status"] for i in cassette["interactions"]}, {200})
        # Every response a client had before the kill is in the file; nothing was never sent.
        self.assertLessEqual(set(answered_before_kill), set(recorded))
        self.assertGreaterEqual(len(recorded), len(answered_before_kill))
        self.assertLessEqual(len(recorded), len(sent))
        self.assertLessEqual(set(recorded), set(sent))
        self.assertEqual(len(set(recorded)), len(recorded))
        # At most the one temporary file a write in progress had open.
        leftovers = self.leftovers()
        self.assertLessEqual(len(leftovers), 1, leftovers)
        for name in leftovers:
            self.assertRegex(name, TEMPORARY)

        # fakeiam itself loads it: a replay starts, and nothing of it was played.
        replay = FakeIamServer("--replay", self.path, "--quiet")
        status, answer = replay.control("GET", "cassette")
        self.assertEqual((status, answer["interactions"]), (200, len(recorded)))
        self.assertEqual(replay.stop(), 3)
        self.assertIn("interaction #1 CreateUser was never played", replay.server_log())


class BrokenCassetteTest(RecordTestCase):

    def recording_text(self):
        server = self.start_recorder()
        conn = connect(server)
        for action, params in (("CreateUser", {"UserName": "Alice"}), ("ListUsers", {})):
            exchange(conn, query_body(action, **params))
        conn.close()
        self.assertEqual(server.stop(), 0)
        with open(self.path) as f:
            return f.read()

    def replay_fails(self, path):
        result = subprocess.run([BINARY, "--port", "0", "--replay", path], capture_output=True,
                                text=True, timeout=30)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stdout, "")  # it never started listening
        return result.stderr

    def test_truncated_file_is_refused_with_its_line_and_column(self):
        text = self.recording_text()
        truncated = text[:len(text) // 2]
        path = os.path.join(self.tmp.name, "truncated.json")
        with open(path, "w") as f:
            f.write(truncated)
        lines = truncated.split("\n")
        self.assertRegex(self.replay_fails(path),
                         r"^fakeiam-server: %s: line %d, column %d: .*unexpected end of input"
                         % (re.escape(path), len(lines), len(lines[-1]) + 1))

    def test_bad_value_is_refused_with_its_json_pointer(self):
        cassette = json.loads(self.recording_text())
        path = os.path.join(self.tmp.name, "bad.json")
        cases = [
            (lambda c: c["interactions"][1]["response"].__setitem__("status", "200"),
             "/interactions/1/response/status: expected a whole number from 100 to 599, "
             'got "200"'),
            (lambda c: c["interactions"][0]["request"].__setitem__("method", 7),
             "/interactions/0/request/method: expected a string, got 7"),
            (lambda c: c.__setitem__("format", "vcr"),
             '/format: not a fakeiam cassette: expected "format": "fakeiam cassette"'),
        ]
        for change, detail in cases:
            with self.subTest(detail=detail):
                broken = json.loads(json.dumps(cassette))
                change(broken)
                with open(path, "w") as f:
                    json.dump(broken, f, indent=2)
                self.assertEqual(self.replay_fails(path),
                                 "fakeiam-server: %s: %s\n" % (path, detail))


if __name__ == "__main__":
    unittest.main(verbosity=2)
