"""A Redis server of a test's own, on a Unix socket in a folder of the test (no port, so it never
meets bin/demo's, CI's or a colleague's Redis), which the test may stop and start again — as
bin/embedded-worker runs one for the demo. redis-server comes from Debian (bin/setup).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import redis

START_TIMEOUT = 10  # seconds


class RedisServer:
    def __init__(self, folder: Path):
        self.folder = folder
        self.socket = folder / "redis.sock"
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0, *, scheme: str = "unix") -> str:
        """redis-py's and Django's URL (`unix://…?db=`), or kombu's (`redis+socket://…`)."""
        if scheme == "kombu":
            return f"redis+socket://{self.socket}?virtual_host={db}"
        return f"unix://{self.socket}?db={db}"

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700",
                "--dir", str(self.folder), "--appendonly", "yes", "--save", "",
                "--logfile", str(self.folder / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if redis.Redis(unix_socket_path=str(self.socket)).ping():
                    return
            except redis.ConnectionError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"redis-server did not start:\n{self.log()}")
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server as an outage would (its data stays in the append-only file)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def log(self) -> str:
        path = self.folder / "redis.log"
        return path.read_text()[-3000:] if path.exists() else ""


@contextmanager
def private_redis(folder: Path):
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
