"""Starts and stops a fakeiam-server process for the real-client test suites.

The server binary comes from the FAKEIAM_SERVER environment variable (CTest sets it). Each server
listens on 127.0.0.1 with an ephemeral port, read from the first line it prints.
"""
import os
import signal
import subprocess
import tempfile

ENV_KEYS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE")


class FakeIamServer:
    """A running fakeiam-server; use as a context manager or call stop()."""

    def __init__(self, *args):
        binary = os.environ.get("FAKEIAM_SERVER")
        if not binary:
            raise RuntimeError("set FAKEIAM_SERVER to the fakeiam-server binary")
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen([binary, "--port", "0", *args], stdout=subprocess.PIPE,
                                        stderr=self.log)
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

    def stop(self):
        """Stops the server with SIGTERM and returns its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
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


def isolated_aws_env(access_key_id="AKIAIOSFODNN7EXAMPLE",
                     secret="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"):
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
