"""Starts and stops a fakeiam-server process for the real-client test suites.

The server binary comes from the FAKEIAM_SERVER environment variable (CTest sets it). Each server
listens on 127.0.0.1 with an ephemeral port, read from the first line it prints.

No client library is imported here: tests/cli/fakeiam_server_test.py imports this module under
pythons that lack boto3, so each suite builds its own clients (ServerTestCase.make_client).
"""
import json
import os
import signal
import subprocess
import tempfile
import unittest
import urllib.error
import urllib.request

ENV_KEYS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE")

# A key id the server has never issued: the fake treats its signer as the account root.
OUTSIDER_KEY = "AKIAIOSFODNN7EXAMPLE"
OUTSIDER_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


class FakeIamServer:
    """A running fakeiam-server; use as a context manager or call stop().

    `env` replaces the server's environment (the upstream credentials of a recorder, say).
    """

    def __init__(self, *args, env=None):
        binary = os.environ.get("FAKEIAM_SERVER")
        if not binary:
            raise RuntimeError("set FAKEIAM_SERVER to the fakeiam-server binary")
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen([binary, "--port", "0", *args], stdout=subprocess.PIPE,
                                        stderr=self.log, env=env)
        line = self.process.stdout.readline().decode()
        prefix = "fakeiam listening on "
        if not line.startswith(prefix):
            self.process.kill()
            raise RuntimeError("fakeiam-server did not start: %r %s" % (line, self.server_log()))
        self.endpoint = line[len(prefix):].strip()

    def server_log(self):
        """What the server wrote to standard error so far (all of it, once stopped)."""
        if self.log.closed:
            return self._final_log
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def control(self, method, path, body=None):
        """control() on this server's endpoint."""
        return control(self.endpoint, method, path, body)

    def stop(self, sig=signal.SIGTERM):
        """Stops the server with `sig` (SIGTERM by default) and returns its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=10)
        if not self.log.closed:
            self._final_log = self.server_log()
            self.log.close()
            self.process.stdout.close()
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def isolated_aws_env(access_key_id=OUTSIDER_KEY, secret=OUTSIDER_SECRET):
    """An environment for AWS clients that ignores the user's own AWS configuration."""
    env = {k: v for k, v in os.environ.items() if k not in ENV_KEYS}
    env.update({
        "AWS_ACCESS_KEY_ID": access_key_id,
        "AWS_SECRET_ACCESS_KEY": secret,
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_PAGER": "",
    })
    return env


def aws_cli_env(access_key_id=OUTSIDER_KEY, secret=OUTSIDER_SECRET, **extra):
    """isolated_aws_env for /usr/bin/aws, which must load Debian's own Python modules and its own
    defaults (output, retries) whatever the calling shell set up; `extra` adds variables."""
    env = isolated_aws_env(access_key_id, secret)
    for name in ("PYTHONPATH", "PYTHONHOME", "AWS_REGION", "AWS_DEFAULT_OUTPUT",
                 "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS"):
        env.pop(name, None)
    env.update(extra)
    return env


def isolate_process_environment():
    """Replaces this process's environment with isolated_aws_env(), less any AWS_* setting a client
    would otherwise pick up (a retry mode, a region, an endpoint, say).

    Call it before boto3 is imported: no ~/.aws and no AWS_* setting may leak into any client.
    """
    env = isolated_aws_env()
    for name in ("AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS", "AWS_REGION", "AWS_DEFAULT_OUTPUT",
                 "AWS_ENDPOINT_URL", "AWS_CA_BUNDLE"):
        env.pop(name, None)
    os.environ.clear()
    os.environ.update(env)


def control(endpoint, method, path, body=None):
    """One request to fakeiam's own API (ENDPOINT/_fakeiam/PATH); returns (status, parsed JSON).

    `body` is sent as JSON, or as it is when it is already text or bytes (a malformed rule, say).
    """
    if body is None:
        data = None
    elif isinstance(body, str):
        data = body.encode()
    elif isinstance(body, bytes):
        data = body
    else:
        data = json.dumps(body).encode()
    request = urllib.request.Request(endpoint + "/_fakeiam/" + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


class ServerTestCase(unittest.TestCase):
    """Starts a fresh fakeiam-server for each test; self.admin signs with OUTSIDER_KEY (the root).

    The boto3 suites share this set-up; a subclass supplies make_client, so the client library
    (and its defaults: region, retries) stays the suite's own.
    """

    SERVER_ARGS = ()

    def setUp(self):
        self.server = FakeIamServer(*self.SERVER_ARGS)
        self.addCleanup(self.stop_server)
        self.admin = self.client()

    def stop_server(self):
        # A clean SIGTERM exit: a crash during the test shows up here.
        self.assertEqual(self.server.stop(), 0, self.server.server_log())

    def start_server(self, *args, env=None):
        server = FakeIamServer(*args, env=env)
        self.addCleanup(server.stop)
        return server

    def make_client(self, endpoint, key_id, secret, **options):
        """Builds a client for `endpoint`; `options` are the suite's own (region, config...)."""
        raise NotImplementedError("a ServerTestCase subclass builds its clients")

    def client(self, key_id=OUTSIDER_KEY, secret=OUTSIDER_SECRET, server=None, **options):
        client = self.make_client((server or self.server).endpoint, key_id, secret, **options)
        self.addCleanup(client.close)  # its pooled connections, before the server stops
        return client

    def client_for(self, key, **kwargs):
        """A client signing with a CreateAccessKey result."""
        return self.client(key["AccessKeyId"], key["SecretAccessKey"], **kwargs)
