"""fakeiam-server --save-state survives a kill at any point of the save: SIGTERM starts the save of
a large state, SIGKILL follows after a delay spread over how long a save takes, and the file is
always either the whole previous state or the whole new one, never a torn one. A temporary file a
killed save leaves is removed by the next save, so leftovers never pile up.

Run with FAKEIAM_SERVER=<path to fakeiam-server> python3 save_state_kill_test.py
(standard library only, like fakeiam_server_test.py).
"""
import json
import os
import re
import signal
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients"))
from fakeiam_process import FakeIamServer  # noqa: E402

USERS = 1500
KEYS_PER_USER = 8
KILLS = 24
# src/core/files.cpp writes "<file>.tmp-XXXXXX" (mkstemp) beside the file, then renames it over.
TEMPORARY = re.compile(r"^state\.json\.tmp-[A-Za-z0-9]{6}$")
SERVER_ARGS = ("--quiet", "--clock", "fixed", "--key-quota", str(KEYS_PER_USER))


def fixture(users, keys_per_user):
    """A fixture of `users` users with `keys_per_user` keys each; fakeiam generates the ids,
    secrets and dates, from its seed."""
    return {"version": 1, "profile": "aws", "account_id": "123456789012", "root_access_keys": [],
            "users": [{"name": "user%05d" % n, "access_keys": [{} for _ in range(keys_per_user)]}
                      for n in range(users)]}


class SaveStateKillTest(unittest.TestCase):
    maxDiff = 1000

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.path = os.path.join(self.tmp.name, "state.json")
        self.large = self.write("large.json", fixture(USERS, KEYS_PER_USER))

    def write(self, name, document):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w") as f:
            json.dump(document, f)
        return path

    def read_state(self):
        with open(self.path, "rb") as f:
            return f.read()

    def leftovers(self):
        return sorted(name for name in os.listdir(self.tmp.name) if TEMPORARY.match(name))

    def start_saving(self, state_file):
        server = FakeIamServer(*SERVER_ARGS, "--state", state_file, "--save-state", self.path)
        self.addCleanup(server.stop)
        return server

    def saved_cleanly(self, state_file):
        """Starts a server on `state_file`, stops it with SIGTERM; returns how long it took to
        stop (the save, mostly)."""
        server = self.start_saving(state_file)
        started = time.monotonic()
        self.assertEqual(server.stop(), 0, server.server_log())
        return time.monotonic() - started

    def assert_loads(self, contents, users):
        """fakeiam itself loads `contents`, with this many users."""
        document = json.loads(contents)
        self.assertEqual(len(document["users"]), users)
        copy = os.path.join(self.tmp.name, "copy.json")
        with open(copy, "wb") as f:
            f.write(contents)
        with FakeIamServer(*SERVER_ARGS, "--state", copy) as server:
            status, health = server.control("GET", "health")
            self.assertEqual(status, 200, health)

    def test_a_kill_at_any_point_of_the_save_leaves_the_old_or_the_new_state(self):
        # The previous state: a small one, as a save writes it.
        self.saved_cleanly(self.write("small.json", fixture(3, 1)))
        old_state = self.read_state()
        # The new state, and how long a save of it takes from SIGTERM on.
        save_seconds = max(self.saved_cleanly(self.large) for _ in range(2))
        new_state = self.read_state()
        self.assertNotEqual(old_state, new_state)
        self.assert_loads(old_state, 3)
        self.assert_loads(new_state, USERS)
        self.assertEqual(
            sum(len(user["access_keys"]) for user in json.loads(new_state)["users"]),
            USERS * KEYS_PER_USER)

        outcomes = {"old": 0, "new": 0}
        killed_mid_write = 0
        for kill in range(KILLS):
            with open(self.path, "wb") as f:
                f.write(old_state)
            server = self.start_saving(self.large)
            delay = save_seconds * 1.2 * kill / (KILLS - 1)
            server.process.send_signal(signal.SIGTERM)
            time.sleep(delay)
            server.process.kill()
            server.process.wait(timeout=30)

            state = self.read_state()
            with self.subTest(kill=kill, delay=delay):
                self.assertIn(state, (old_state, new_state),
                              "a torn state file after a kill %.3fs into the save" % delay)
            outcomes["new" if state == new_state else "old"] += 1
            leftovers = self.leftovers()
            killed_mid_write += len(leftovers)
            # The next save removed what an earlier kill left: at most this kill's own file.
            self.assertLessEqual(len(leftovers), 1, leftovers)

        # A save that completes leaves nothing else behind.
        self.saved_cleanly(self.large)
        self.assertEqual(self.read_state(), new_state)
        self.assertEqual(self.leftovers(), [])
        print("save-state kills: %d kills over %.3fs saves: %d left the old state, %d the new, "
              "%d landed mid-write" % (KILLS, save_seconds, outcomes["old"], outcomes["new"],
                                       killed_mid_write), file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
