"""The four-eyes review of an annotation: the secretariat sends it ter review to named
reviewers with a date; a reviewer who did not write it adopts it, or any reviewer sends it
back to its author with a comment. Every step is audited; the mails go through the outbox."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nhn_portal.core.audit import audited_create, audited_update, timestamp_once
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.tasking import enqueue_on_commit
from regiobureau.bundle import meeting_bundle_queue
from regiobureau.constants import ANNOTATION_TRANSITIONS, AnnotationStatus, ReviewOutcome
from regiobureau.models.annotations import Annotation, AnnotationReview
from regiobureau.selectors.annotation_reviews import (
    annotation_author_ids,
    annotation_reviewer_candidates,
    open_review_for,
)

# The tasks that mail the reviewer and, on a return, the author (regiobureau/tasks.py).
REQUEST_TASK = "regiobureau.tasks.annotation_review_requested_notify"
RETURN_TASK = "regiobureau.tasks.annotation_returned_notify"


def _locked(annotation: Annotation) -> Annotation:
    """Lock the annotation's row and bring the caller's instance up to date with it."""
    Annotation.objects.select_for_update().filter(pk=annotation.pk).first()
    annotation.refresh_from_db()
    return annotation


@transaction.atomic
def annotation_send_for_review(
    *, actor, annotation: Annotation, reviewers, due_on: datetime.date
) -> list[AnnotationReview]:
    """concept → ter review, with one request per reviewer and the date the review is
    wanted by; each reviewer is mailed after the commit. A reviewer is a secretary of the
    regiobureau or the body's secretary or chair, and never someone who wrote the text."""
    _locked(annotation)
    current = AnnotationStatus(annotation.status)
    if AnnotationStatus.IN_REVIEW not in ANNOTATION_TRANSITIONS[current]:
        raise ValidationError(
            _("An annotation with status “%(current)s” cannot be sent for review.")
            % {"current": current.label},
            code="bad_transition",
        )
    reviewers = list({reviewer.pk: reviewer for reviewer in reviewers}.values())
    if not reviewers:
        raise ValidationError({"reviewers": _("Name at least one reviewer.")})
    if due_on is None or due_on < timezone.localdate():
        raise ValidationError({"due_on": _("Choose a date from today onwards.")})
    meeting = annotation.agenda_item.meeting
    eligible = {user.pk for user in annotation_reviewer_candidates(meeting=meeting)}
    authors = annotation_author_ids(annotation) | {actor.pk}
    for reviewer in reviewers:
        if reviewer.pk in authors:
            raise ValidationError(
                {
                    "reviewers": _(
                        "%(name)s wrote this annotation or sends it for review and cannot"
                        " review it; name someone else."
                    )
                    % {"name": reviewer}
                }
            )
        if reviewer.pk not in eligible:
            raise ValidationError(
                {
                    "reviewers": _(
                        "%(name)s is not in the secretariat and not the chair of %(body)s."
                    )
                    % {"name": reviewer, "body": meeting.body}
                }
            )
    audited_update(
        actor=actor,
        obj=annotation,
        verb="annotation_send_for_review",
        clean=False,
        recorded=["status"],
        status=AnnotationStatus.IN_REVIEW,
    )
    requests = []
    for reviewer in reviewers:
        review = AnnotationReview(
            annotation=annotation,
            reviewer=reviewer,
            requested_by=actor,
            due_on=due_on,
            version=annotation.version,
        )
        audited_create(
            actor=actor,
            obj=review,
            verb="annotation_review_request",
            changes={"reviewer": reviewer.pk, "due_on": due_on.isoformat()},
            clean=False,
        )
        enqueue_on_commit(REQUEST_TASK, review.pk)
        requests.append(review)
    return requests


def _review_in_hand(*, actor, annotation: Annotation) -> AnnotationReview:
    """The actor's open request on an annotation ter review, or a refusal."""
    if annotation.status != AnnotationStatus.IN_REVIEW:
        raise ValidationError(
            _("This annotation is not waiting for a review."), code="not_in_review"
        )
    review = open_review_for(user=actor, annotation=annotation)
    if review is None:
        raise ValidationError(
            _("Only a reviewer named for this annotation can do this."), code="not_reviewer"
        )
    return review


def _decide(*, actor, review: AnnotationReview, outcome: str, comment: str = "") -> None:
    """Close the actor's request with its outcome, and let the other open ones lapse."""
    now = timezone.now()
    audited_update(
        actor=actor,
        obj=review,
        verb=f"annotation_review_{ReviewOutcome(outcome).name.lower()}",
        clean=False,
        recorded=["outcome"],
        decided_at=now,
        outcome=outcome,
        comment=comment,
    )
    others = review.annotation.reviews.filter(decided_at__isnull=True).exclude(pk=review.pk)
    for other in others:
        audited_update(
            actor=actor,
            obj=other,
            verb="annotation_review_lapse",
            clean=False,
            recorded=["outcome"],
            decided_at=now,
            outcome=ReviewOutcome.LAPSED,
        )


@transaction.atomic
def annotation_adopt(*, actor, annotation: Annotation) -> Annotation:
    """ter review → vastgesteld, by a named reviewer who did not write the text (four eyes).
    The adopted text is kept apart, so members keep reading it while a new draft is written."""
    _locked(annotation)
    review = _review_in_hand(actor=actor, annotation=annotation)
    if actor.pk in annotation_author_ids(annotation):
        raise ValidationError(
            _(
                "You wrote this annotation or sent it for review; another reviewer adopts it"
                " (four-eyes principle)."
            ),
            code="own_annotation",
        )
    audited_update(
        actor=actor,
        obj=annotation,
        verb="annotation_adopt",
        clean=False,
        recorded=["status", "adopted_number"],
        status=AnnotationStatus.ADOPTED,
        adopted_content=annotation.content(),
        adopted_number=annotation.version,
        adopted_at=timezone.now(),
    )
    _decide(actor=actor, review=review, outcome=ReviewOutcome.ADOPTED)
    # The members' bundle carries the adopted annotations.
    meeting_bundle_queue(annotation.agenda_item.meeting)
    return annotation


@transaction.atomic
def annotation_return(*, actor, annotation: Annotation, comment: str) -> Annotation:
    """ter review → concept: a reviewer sends the annotation back to its author with a
    comment; the author is mailed after the commit (a link, never the comment itself)."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Say what should change before sending it back.")})
    _locked(annotation)
    review = _review_in_hand(actor=actor, annotation=annotation)
    audited_update(
        actor=actor,
        obj=annotation,
        verb="annotation_return",
        clean=False,
        recorded=["status"],
        status=AnnotationStatus.DRAFT,
    )
    _decide(actor=actor, review=review, outcome=ReviewOutcome.RETURNED, comment=comment)
    enqueue_on_commit(RETURN_TASK, review.pk)
    return annotation


@transaction.atomic
def annotation_reviews_lapse(*, actor, annotation: Annotation) -> int:
    """The secretariat takes an annotation back from review: its open requests lapse."""
    now = timezone.now()
    lapsed = 0
    for review in annotation.reviews.filter(decided_at__isnull=True):
        audited_update(
            actor=actor,
            obj=review,
            verb="annotation_review_lapse",
            clean=False,
            recorded=["outcome"],
            decided_at=now,
            outcome=ReviewOutcome.LAPSED,
        )
        lapsed += 1
    return lapsed


def _review_link(review: AnnotationReview, name: str) -> str:
    return site_link(reverse(f"regiobureau:{name}", args=[review.annotation.agenda_item_id]))


def annotation_review_notify(*, review_id: int) -> int:
    """Mail the reviewer that an annotation waits for her (once per request; nothing when
    the request was decided or lapsed before the worker got to it)."""
    review = (
        AnnotationReview.objects.select_related(
            "reviewer", "annotation__agenda_item__meeting__body"
        )
        .filter(pk=review_id)
        .first()
    )
    if review is None or not review.is_open or review.notified_at is not None:
        return 0
    sent = send_templated_mail(
        template="regiobureau/email/annotation_review_requested",
        context={
            "review": review,
            "meeting": review.annotation.agenda_item.meeting,
            "link": _review_link(review, "annotation_review"),
        },
        recipients=[review.reviewer.email],
    )
    with transaction.atomic():
        timestamp_once(
            model=AnnotationReview,
            pk=review.pk,
            field="notified_at",
            verb="annotation_review_notify",
            changes={"reviewer": review.reviewer_id},
        )
    return sent


def annotation_returned_notify(*, review_id: int) -> int:
    """Mail the author(s) and whoever asked for the review that the annotation came back
    (once per return); the comment itself is read in the portal."""
    review = (
        AnnotationReview.objects.select_related(
            "reviewer", "requested_by", "annotation__agenda_item__meeting__body"
        )
        .filter(pk=review_id, outcome=ReviewOutcome.RETURNED)
        .first()
    )
    if review is None or review.author_notified_at is not None:
        return 0
    annotation = review.annotation
    versions = annotation.versions.exclude(saved_by=None).filter(number__lte=review.version)
    if annotation.adopted_number is not None:
        versions = versions.filter(number__gt=annotation.adopted_number)
    recipients = {v.saved_by.email for v in versions.select_related("saved_by")}
    if review.requested_by is not None:
        recipients.add(review.requested_by.email)
    recipients.discard(review.reviewer.email)
    sent = send_templated_mail(
        template="regiobureau/email/annotation_returned",
        context={
            "review": review,
            "meeting": annotation.agenda_item.meeting,
            "link": _review_link(review, "annotation_edit"),
        },
        recipients=recipients,
    )
    with transaction.atomic():
        timestamp_once(
            model=AnnotationReview,
            pk=review.pk,
            field="author_notified_at",
            verb="annotation_returned_notify",
            changes={"recipients": len(recipients)},
        )
    return sent
