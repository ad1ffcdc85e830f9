"""An S3-compatible server for the tests: moto's server mode on a free port of 127.0.0.1.

Used by tests/test_object_storage.py (one server per module) and the two-node test, whose web
and worker processes reach it over HTTP like they would reach MinIO.
"""

from __future__ import annotations

import socket
from contextlib import contextmanager
from dataclasses import dataclass

ACCESS_KEY = "testing-access-key"
SECRET_KEY = "testing-secret-key"
REGION = "eu-west-1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class S3Server:
    endpoint: str

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def create_bucket(self, name: str) -> str:
        self.client().create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        return name

    def env(self, bucket: str) -> dict[str, str]:
        """The settings' environment variables that point the portal at this bucket."""
        return {
            "S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_REGION": REGION,
            "S3_ACCESS_KEY_ID": ACCESS_KEY,
            "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def storages(self, bucket: str, base: dict) -> dict:
        """STORAGES as nhn_portal/settings.py builds it for this bucket (`base`: the current)."""
        return {
            **base,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": bucket,
                    "endpoint_url": self.endpoint,
                    "region_name": REGION,
                    "access_key": ACCESS_KEY,
                    "secret_key": SECRET_KEY,
                    "addressing_style": "path",
                    "signature_version": "s3v4",
                    "default_acl": "private",
                    "querystring_auth": True,
                    "querystring_expire": 60,
                    "file_overwrite": False,
                    "object_parameters": {"ChecksumAlgorithm": "SHA256"},
                },
            },
        }


@contextmanager
def moto_s3_server():
    """moto's S3 server in a thread of this process, on a free loopback port."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield S3Server(endpoint=f"http://127.0.0.1:{port}")
    finally:
        server.stop()
