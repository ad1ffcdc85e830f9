"""The new member's personal link to their induction pack: signed (django.core.signing), no
token stored; it carries only the succession's id and is valid for 90 days."""

from django.core import signing
from django.urls import reverse

from nhn_portal.core.mail import site_link

SALT = "verkiezingen.induction_pack"
MAX_AGE = 90 * 24 * 3600


def induction_pack_token(succession) -> str:
    return signing.dumps({"s": succession.pk}, salt=SALT, compress=True)


def induction_pack_link(succession) -> str:
    return site_link(
        reverse("verkiezingen:induction_pack", kwargs={"token": induction_pack_token(succession)})
    )


def succession_id_from_token(token: str) -> int | None:
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return data.get("s") if isinstance(data, dict) else None


class PackLinkHolder:
    """Who opens a valid personal link: not a user, only the holder of that one pack's link
    (the pipeline's `may_download` asks for it by its succession)."""

    is_authenticated = False

    def __init__(self, succession_id: int):
        self.succession_id = succession_id
