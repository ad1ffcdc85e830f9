"""Reads for the four-eyes review of annotations: who may review, who wrote the text under
review, what waits on a reviewer (her to-do lines) and the annotation's history."""

import dataclasses
import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from gremia.constants import MembershipRole
from gremia.models.registry import Membership
from nhn_portal.core.access import NotFound, is_secretariat
from nhn_portal.core.constants import Role
from regiobureau import permissions
from regiobureau.constants import AnnotationStatus, ReviewOutcome
from regiobureau.models.annotations import Annotation, AnnotationReview
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.selectors.agenda import access_agenda_item

# Who may review an annotation of a body: the regiobureau's secretaries, and the people who
# sit on the body as its secretary or chair.
REVIEWER_ROLES = (MembershipRole.SECRETARY, MembershipRole.CHAIR)


def annotation_reviewer_candidates(*, meeting: Meeting, on: datetime.date | None = None) -> list:
    """The logins that may be asked to review an annotation of `meeting`; one query."""
    body_people = Membership.objects.current(on or timezone.localdate()).filter(
        body_id=meeting.body_id, role__in=REVIEWER_ROLES, person__user__isnull=False
    )
    return list(
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__name=Role.SECRETARY.value) | Q(pk__in=body_people.values("person__user_id"))
        )
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def annotation_author_ids(annotation: Annotation) -> set[int]:
    """The users who wrote the text now under review (every version saved since the last
    adoption) or asked for its review: none of them may adopt it."""
    versions = annotation.versions.exclude(saved_by=None)
    if annotation.adopted_number is not None:
        versions = versions.filter(number__gt=annotation.adopted_number)
    authors = set(versions.values_list("saved_by_id", flat=True))
    authors |= set(
        annotation.reviews.filter(decided_at__isnull=True)
        .exclude(requested_by=None)
        .values_list("requested_by_id", flat=True)
    )
    return authors


def open_review_for(*, user, annotation: Annotation) -> AnnotationReview | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return annotation.reviews.filter(reviewer=user, decided_at__isnull=True).first()


def _may_review(user, meeting: Meeting) -> bool:
    """A named reviewer outside the secretariat reads the annotation while she sits on the
    body, also before the agenda is out (annotations are reviewed before it is published)."""
    return permissions.can_see_confidential(user, meeting.body_id)


def access_annotation_for_review(*, user, item_pk: int) -> tuple[AgendaItem, Annotation]:
    """An annotation on its review page: for the secretariat, and for a reviewer with an
    open request on it (the body's chair reads it there before it is adopted); else 404."""
    if is_secretariat(user):
        item = access_agenda_item(user=user, pk=item_pk)
        annotation = Annotation.objects.filter(agenda_item=item).first()
        if annotation is None:
            raise NotFound
        return item, annotation
    item = AgendaItem.objects.select_related("meeting__body", "parent").filter(pk=item_pk).first()
    annotation = Annotation.objects.filter(agenda_item_id=item_pk).first()
    if item is None or annotation is None or not _may_review(user, item.meeting):
        raise NotFound
    if open_review_for(user=user, annotation=annotation) is None:
        raise NotFound
    return item, annotation


@dataclasses.dataclass(frozen=True)
class ReviewWaiting:
    """One to-do line: an annotation waiting for this reviewer's verdict."""

    review: AnnotationReview
    annotation: Annotation
    item: AgendaItem
    meeting: Meeting
    due_on: datetime.date
    url: str

    @property
    def is_overdue(self) -> bool:
        return self.due_on < timezone.localdate()


def annotation_reviews_waiting_for(user) -> list[ReviewWaiting]:
    """The open review requests of `user`, earliest due first, with the annotation, item,
    meeting, due date and the review page's URL; one query. For the overview's to-do list."""
    if not getattr(user, "is_authenticated", False):
        return []
    reviews = (
        AnnotationReview.objects.filter(
            reviewer=user,
            decided_at__isnull=True,
            annotation__status=AnnotationStatus.IN_REVIEW,
        )
        .select_related("annotation__agenda_item__meeting__body")
        .order_by("due_on", "requested_at", "pk")
    )
    waiting = []
    for review in reviews:
        item = review.annotation.agenda_item
        # A chair who has left the body no longer reads its annotations.
        if not is_secretariat(user) and not _may_review(user, item.meeting):
            continue
        waiting.append(
            ReviewWaiting(
                review=review,
                annotation=review.annotation,
                item=item,
                meeting=item.meeting,
                due_on=review.due_on,
                url=reverse("regiobureau:annotation_review", args=[item.pk]),
            )
        )
    return waiting


@dataclasses.dataclass(frozen=True)
class HistoryEvent:
    at: datetime.datetime
    who: object  # a User, or None for the system
    kind: str  # "saved", "requested", "adopted", "returned", "lapsed"
    version: int | None = None
    reviewer: object = None
    due_on: datetime.date | None = None
    comment: str = ""


def annotation_history(*, user, annotation: Annotation) -> list[HistoryEvent]:
    """Who did what when, oldest first: every version saved, every review asked and every
    verdict (with the comment of a return). For the secretariat and the annotation's
    reviewers; two queries."""
    if not is_secretariat(user) and open_review_for(user=user, annotation=annotation) is None:
        raise NotFound
    events = [
        HistoryEvent(at=v.saved_at, who=v.saved_by, kind="saved", version=v.number)
        for v in annotation.versions.select_related("saved_by")
    ]
    for review in annotation.reviews.select_related("reviewer", "requested_by"):
        events.append(
            HistoryEvent(
                at=review.requested_at,
                who=review.requested_by,
                kind="requested",
                version=review.version,
                reviewer=review.reviewer,
                due_on=review.due_on,
            )
        )
        if review.decided_at is not None:
            kind = {
                ReviewOutcome.ADOPTED: "adopted",
                ReviewOutcome.RETURNED: "returned",
            }.get(review.outcome, "lapsed")
            events.append(
                HistoryEvent(
                    at=review.decided_at,
                    who=review.reviewer,
                    kind=kind,
                    version=review.version,
                    reviewer=review.reviewer,
                    comment=review.comment,
                )
            )
    return sorted(events, key=lambda event: event.at)
