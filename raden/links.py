"""The signed links of the council gatherings: no account, no stored token.

- The **invitation link** of one municipality for one gathering: its griffie forwards it to the
  council; whoever opens it gives a name and e-mail address and gets a personal link by mail
  (so the address is verified before anything is recorded). Valid until the gathering starts.
- The **personal link** of one council member for one gathering: register, cancel, and fetch
  the materials afterwards. Valid until MATERIALS_DAYS after the gathering ended; "used" once
  the member cancelled with it (a new invitation gives a new link).

The invitation link is a `django.core.signing` payload (two ids, nothing personal). The
personal link carries a name and an e-mail address, which must not be readable in a URL that
ends up in mail servers', proxies' and browsers' logs: it is encrypted and authenticated
(Fernet, with a key derived from SECRET_KEY for this purpose; SECRET_KEY_FALLBACKS still open
links made before a key rotation). An altered link, or one of the other kind, fails; nothing
is recorded by opening a link.
"""

import base64
import datetime
import hashlib
import json
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import signing
from django.utils import timezone

from .constants import MATERIALS_DAYS

INVITE_SALT = "raden.gathering.invite"
PERSONAL_SALT = "raden.gathering.personal"


class LinkError(Exception):
    """Why a link cannot be used: "altered", "expired", "used" (the views say what to do)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Invitation:
    gathering_id: int
    municipality_id: int


@dataclass(frozen=True)
class PersonalLink:
    gathering_id: int
    municipality_id: int
    name: str
    email: str
    issued_at: datetime.datetime


def invitation_token(*, gathering_id: int, municipality_id: int) -> str:
    return signing.dumps({"g": gathering_id, "m": municipality_id}, salt=INVITE_SALT)


def _fernet() -> MultiFernet:
    """The personal links' cipher: one key per secret (the current one encrypts)."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    keys = [
        Fernet(
            base64.urlsafe_b64encode(hashlib.sha256(f"{PERSONAL_SALT}:{secret}".encode()).digest())
        )
        for secret in secrets
    ]
    return MultiFernet(keys)


def personal_token(*, gathering_id: int, municipality_id: int, name: str, email: str) -> str:
    payload = {
        "g": gathering_id,
        "m": municipality_id,
        "n": name,
        "e": email.strip().lower(),
        "i": int(timezone.now().timestamp()),
    }
    data = json.dumps(payload, separators=(",", ":")).encode()
    return _fernet().encrypt(data).decode().rstrip("=")


def _load(token: str, salt: str) -> dict:
    try:
        payload = signing.loads(token, salt=salt)
    except signing.BadSignature as error:
        raise LinkError("altered") from error
    if not isinstance(payload, dict):
        raise LinkError("altered")
    return payload


def invitation_read(token: str) -> Invitation:
    payload = _load(token, INVITE_SALT)
    try:
        return Invitation(gathering_id=int(payload["g"]), municipality_id=int(payload["m"]))
    except (KeyError, TypeError, ValueError) as error:
        raise LinkError("altered") from error


def personal_read(token: str) -> PersonalLink:
    try:
        data = _fernet().decrypt((token + "=" * (-len(token) % 4)).encode())
        payload = json.loads(data)
    except (InvalidToken, ValueError, UnicodeError) as error:
        raise LinkError("altered") from error
    if not isinstance(payload, dict):
        raise LinkError("altered")
    try:
        return PersonalLink(
            gathering_id=int(payload["g"]),
            municipality_id=int(payload["m"]),
            name=str(payload["n"]),
            email=str(payload["e"]).strip().lower(),
            issued_at=datetime.datetime.fromtimestamp(int(payload["i"]), tz=datetime.UTC),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise LinkError("altered") from error


def personal_link_expires(meeting) -> datetime.datetime:
    return meeting.ends_at + datetime.timedelta(days=MATERIALS_DAYS)
