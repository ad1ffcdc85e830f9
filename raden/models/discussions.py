"""What each council did with a letter: per council copy, the committee or council agenda it
was put on (date) and the outcome — taken note of, discussed, or a motion adopted (the motion
as an uploaded stuk). Recorded by the griffie of that council only."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from raden.constants import AgendaForum, DiscussionOutcome


def motion_upload_to(instance, filename: str) -> str:
    return f"raden/moties/{instance.delivery_id}/{filename}"


class LetterDiscussion(TimeStampedModel):
    delivery = models.ForeignKey(
        "raden.CouncilLetterDelivery",
        verbose_name=_("council copy"),
        on_delete=models.CASCADE,
        related_name="discussions",
    )
    forum = models.CharField(_("agenda of"), max_length=20, choices=AgendaForum.choices)
    agenda_date = models.DateField(_("agenda date"))
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=DiscussionOutcome.choices, blank=True
    )
    motion = models.FileField(_("motion"), upload_to=motion_upload_to, max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("council discussion of a letter")
        verbose_name_plural = _("council discussions of letters")
        ordering = ["delivery", "agenda_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome=DiscussionOutcome.MOTION) | ~Q(motion=""),
                name="letter_discussion_motion_has_file",
                violation_error_message=_("Upload the adopted motion."),
            )
        ]

    def __str__(self):
        return f"{self.delivery} – {self.get_forum_display()} {self.agenda_date}"
