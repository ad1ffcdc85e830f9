"""The signed links of the council gatherings (issue 13): no account, no stored token.

- The **invitation link** of one municipality for one gathering: its griffie forwards it to the
  council; whoever opens it gives a name and e-mail address and gets a personal link by mail
  (so the address is verified before anything is recorded). Valid until the gathering starts.
- The **personal link** of one council member for one gathering: register, cancel, and fetch
  the materials afterwards. Valid until MATERIALS_DAYS after the gathering ended; "used" once
  the member cancelled with it (a new invitation gives a new link).

Both are `django.core.signing` payloads with their own salt, so an altered link (or one of the
other kind) fails its signature; nothing is recorded by opening a link.
"""

import datetime
from dataclasses import dataclass

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


def personal_token(*, gathering_id: int, municipality_id: int, name: str, email: str) -> str:
    payload = {
        "g": gathering_id,
        "m": municipality_id,
        "n": name,
        "e": email.strip().lower(),
        "i": int(timezone.now().timestamp()),
    }
    return signing.dumps(payload, salt=PERSONAL_SALT, compress=True)


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
    payload = _load(token, PERSONAL_SALT)
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
