"""What a council did with a letter: the griffie records, for her own council's copy only, the
committee or council agenda it was put on and the outcome (a motion with its text as a stuk).
One transaction with its audit record."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from nhn_portal.core.audit import audited_create
from raden import permissions
from raden.constants import Addressee, DiscussionOutcome
from raden.models.discussions import LetterDiscussion
from raden.models.letters import CouncilLetterDelivery

MOTION_MAX_BYTES = 20 * 1024 * 1024


@transaction.atomic
def letter_discussion_record(
    *,
    actor,
    delivery: CouncilLetterDelivery,
    forum: str,
    agenda_date: datetime.date,
    outcome: str = "",
    motion=None,
) -> LetterDiscussion:
    """Record that the council put the letter on a committee's or the council's agenda, and
    what came of it. Only the griffie of the council the copy is for."""
    own = permissions.griffie_municipality(actor)
    if own is None or own.pk != delivery.municipality_id or delivery.addressee != Addressee.COUNCIL:
        raise ValidationError(_("You can only do this for your own council."), code="other")
    if outcome == DiscussionOutcome.MOTION and not motion:
        raise ValidationError({"motion": _("Upload the adopted motion.")}, code="no_motion")
    if motion and outcome != DiscussionOutcome.MOTION:
        raise ValidationError(
            {"motion": _("A motion is uploaded only when a motion was adopted.")}, code="motion"
        )
    if motion:
        head = motion.read(5)
        motion.seek(0)
        if head != b"%PDF-" or motion.size > MOTION_MAX_BYTES:
            raise ValidationError({"motion": _("Upload the motion as a PDF.")}, code="not_pdf")
    discussion = LetterDiscussion(
        delivery=delivery,
        forum=forum,
        agenda_date=agenda_date,
        outcome=outcome,
        recorded_by=actor,
    )
    if motion:
        discussion.motion.save(motion.name, motion, save=False)
    return audited_create(
        actor=actor,
        obj=discussion,
        verb="letter discussion recorded",
        changes={"forum": forum, "agenda_date": str(agenda_date), "outcome": outcome},
    )
