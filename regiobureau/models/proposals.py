"""Stukken from the working groups (issue 10): a member of a body that prepares another
(werkgroep → directeurenoverleg, opdrachtgeversoverleg → stuurgroep) hands in a stuk for a
coming meeting of the prepared body, optionally proposing an agenda item; the secretariat
accepts it (it becomes a stuk of the meeting) or returns it with a remark."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from regiobureau.constants import ProposalStatus
from regiobureau.models.documents import Document
from regiobureau.models.meetings import AgendaItem, Meeting


def proposal_upload_to(instance, filename):
    # Generated names only, as for stukken: the uploader's name stays in the database.
    return f"aangeleverd/{instance.meeting_id}/{uuid.uuid4().hex}"


class ProposedDocument(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="proposals"
    )
    from_body = models.ForeignKey(
        "gremia.Body",
        verbose_name=_("from body"),
        on_delete=models.PROTECT,
        related_name="proposals_made",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handed in by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=300)
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("for agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    item_title = models.CharField(_("proposed agenda item"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to=proposal_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=120)
    arrived_late = models.BooleanField(_("handed in after the deadline"), default=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PROPOSED,
    )
    remark = models.TextField(_("remark of the secretariat"), blank=True)
    document = models.OneToOneField(
        Document,
        verbose_name=_("stuk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )

    class Meta:
        verbose_name = _("handed-in stuk")
        verbose_name_plural = _("handed-in stukken")
        ordering = ["meeting", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.RETURNED) | ~Q(remark=""),
                name="proposal_returned_has_remark",
                violation_error_message=_("Say why the stuk is returned."),
            ),
        ]

    def __str__(self):
        return self.title
