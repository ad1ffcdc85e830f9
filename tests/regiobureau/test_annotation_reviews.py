"""The four-eyes review of annotations: named reviewers with a date, only a reviewer who did
not write the text adopts it, "terugsturen met opmerking" goes back to the author, mails go out
after the commit, every step is audited, and the reviewer's to-do lines."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gremia.constants import MembershipRole
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord, OutboxMessage, User
from nhn_portal.core.portal import WORK, todo_lines
from regiobureau.bundle import REFRESH_TASK
from regiobureau.constants import AnnotationStatus, ReviewOutcome
from regiobureau.models.annotations import Annotation, AnnotationReview
from regiobureau.selectors.annotation_reviews import (
    annotation_reviewer_candidates,
    annotation_reviews_waiting_for,
)
from regiobureau.services.annotation_reviews import (
    annotation_adopt,
    annotation_return,
    annotation_review_notify,
    annotation_send_for_review,
)
from regiobureau.services.annotations import annotation_save
from regiobureau.services.meetings import meeting_publish_agenda
from tests.builders import make_meeting, member_of
from tests.factories import AgendaItemFactory, UserFactory

pytestmark = pytest.mark.django_db

A = AnnotationStatus
TODAY = timezone.localdate


@pytest.fixture
def item(secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    return AgendaItemFactory(meeting=meeting, title="Woondeal NHN")


@pytest.fixture
def annotation(secretary, item):
    """A concept written by `secretary`."""
    return annotation_save(
        actor=secretary, item=item, expected_version=None, core_message="<p>Kern</p>"
    )


@pytest.fixture
def colleague(db):
    """A second secretary of the regiobureau: a reviewer."""
    return UserFactory(roles=[Role.SECRETARY], first_name="Eva", last_name="de Wit")


@pytest.fixture
def chair(body):
    """The body's chair, a bestuurder: a reviewer too."""
    return member_of(body, role=MembershipRole.CHAIR)


def send(annotation, actor, *reviewers, due=None):
    return annotation_send_for_review(
        actor=actor,
        annotation=annotation,
        reviewers=list(reviewers),
        due_on=due or TODAY() + datetime.timedelta(days=3),
    )


# --- Services ------------------------------------------------------------------------------


def test_sending_for_review_names_reviewers_and_a_date(annotation, secretary, colleague, chair):
    reviews = send(annotation, secretary, colleague, chair, due=TODAY() + datetime.timedelta(2))
    annotation.refresh_from_db()
    assert annotation.status == A.IN_REVIEW
    assert {r.reviewer for r in reviews} == {colleague, chair}
    for review in AnnotationReview.objects.all():
        assert review.requested_by == secretary
        assert review.due_on == TODAY() + datetime.timedelta(2)
        assert review.version == annotation.version
        assert review.is_open and review.outcome == ReviewOutcome.OPEN
    verbs = list(AuditRecord.objects.order_by("pk").values_list("verb", flat=True))
    assert verbs[-3:] == [
        "annotation_send_for_review",
        "annotation_review_request",
        "annotation_review_request",
    ]


def test_the_author_cannot_adopt_her_own_annotation(annotation, secretary, colleague):
    # The author may not name herself, nor send it to nobody.
    with pytest.raises(ValidationError) as refused:
        send(annotation, secretary, secretary)
    assert "reviewers" in refused.value.message_dict
    with pytest.raises(ValidationError):
        send(annotation, secretary)
    send(annotation, secretary, colleague)
    # Not being a reviewer, she cannot adopt either.
    with pytest.raises(ValidationError) as refused:
        annotation_adopt(actor=secretary, annotation=annotation)
    assert refused.value.code == "not_reviewer"
    annotation.refresh_from_db()
    assert annotation.status == A.IN_REVIEW


def test_a_reviewer_who_edited_the_text_cannot_adopt_it(annotation, secretary, colleague):
    other = UserFactory(roles=[Role.SECRETARY])
    send(annotation, secretary, colleague, other)
    # The colleague improves the text while it is ter review: now she is an author too.
    annotation_save(
        actor=colleague,
        item=annotation.agenda_item,
        expected_version=annotation.version,
        core_message="<p>Beter</p>",
    )
    with pytest.raises(ValidationError) as refused:
        annotation_adopt(actor=colleague, annotation=annotation)
    assert refused.value.code == "own_annotation"
    assert "vier-ogen" in refused.value.messages[0] or "four-eyes" in refused.value.messages[0]
    annotation_adopt(actor=other, annotation=annotation)
    annotation.refresh_from_db()
    assert annotation.status == A.ADOPTED
    assert annotation.adopted_content["core_message"] == "<p>Beter</p>"


def test_another_reviewer_adopts_and_the_other_requests_lapse(
    annotation, secretary, colleague, chair
):
    send(annotation, secretary, colleague, chair)
    annotation_adopt(actor=chair, annotation=annotation)
    annotation.refresh_from_db()
    assert annotation.status == A.ADOPTED
    assert annotation.adopted_number == annotation.version
    decided = {r.reviewer: r for r in AnnotationReview.objects.all()}
    assert decided[chair].outcome == ReviewOutcome.ADOPTED and decided[chair].decided_at
    assert decided[colleague].outcome == ReviewOutcome.LAPSED
    record = AuditRecord.objects.get(verb="annotation_adopt")
    assert record.actor == chair
    assert record.changes["status"] == [A.IN_REVIEW, A.ADOPTED]
    assert AuditRecord.objects.filter(verb="annotation_review_adopted", actor=chair).exists()
    assert AuditRecord.objects.filter(verb="annotation_review_lapse").count() == 1
    # A lapsed reviewer has nothing left to decide.
    with pytest.raises(ValidationError):
        annotation_adopt(actor=colleague, annotation=annotation)


def test_return_with_comment_goes_back_to_the_author(annotation, secretary, colleague):
    send(annotation, secretary, colleague)
    with pytest.raises(ValidationError) as refused:
        annotation_return(actor=colleague, annotation=annotation, comment="  ")
    assert "comment" in refused.value.message_dict
    annotation_return(
        actor=colleague, annotation=annotation, comment="Het voorstel mist de kosten."
    )
    annotation.refresh_from_db()
    assert annotation.status == A.DRAFT
    review = AnnotationReview.objects.get()
    assert review.outcome == ReviewOutcome.RETURNED
    assert review.comment == "Het voorstel mist de kosten."
    record = AuditRecord.objects.get(verb="annotation_return")
    assert record.actor == colleague and record.changes["status"] == [A.IN_REVIEW, A.DRAFT]
    # The author rewrites and sends it again; now the colleague may adopt it.
    send(annotation, secretary, colleague)
    annotation_adopt(actor=colleague, annotation=annotation)
    annotation.refresh_from_db()
    assert annotation.status == A.ADOPTED


def test_reviewers_are_the_secretariat_or_the_chair_of_the_body(
    annotation, secretary, colleague, chair, member, outsider
):
    candidates = annotation_reviewer_candidates(meeting=annotation.agenda_item.meeting)
    assert colleague in candidates and chair in candidates and secretary in candidates
    assert member not in candidates and outsider not in candidates
    for stranger in (member, outsider):
        with pytest.raises(ValidationError) as refused:
            send(annotation, secretary, stranger)
        assert "reviewers" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        send(annotation, secretary, colleague, due=TODAY() - datetime.timedelta(days=1))
    assert "due_on" in refused.value.message_dict
    assert not AnnotationReview.objects.exists()
    annotation.refresh_from_db()
    assert annotation.status == A.DRAFT


def test_reviewers_are_mailed_after_the_commit_once(
    annotation, secretary, colleague, chair, celery_eager, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        send(annotation, secretary, colleague, chair)
        assert mail.outbox == []
    assert sorted(address for m in mail.outbox for address in m.to) == sorted(
        [colleague.email, chair.email]
    )
    message = mail.outbox[0]
    assert "beoordel" in message.subject.lower()
    link = reverse("regiobureau:annotation_review", args=[annotation.agenda_item_id])
    assert link in message.body
    # A link, never the content.
    assert "Kern" not in message.body
    assert AnnotationReview.objects.filter(notified_at__isnull=False).count() == 2
    # Delivered again: nothing more goes out.
    review = AnnotationReview.objects.first()
    assert annotation_review_notify(review_id=review.pk) == 0
    assert len(mail.outbox) == 2


def test_the_author_is_mailed_when_it_comes_back(
    annotation, secretary, colleague, celery_eager, django_capture_on_commit_callbacks
):
    from django.core import mail

    send(annotation, secretary, colleague)
    with django_capture_on_commit_callbacks(execute=True):
        annotation_return(actor=colleague, annotation=annotation, comment="Geheim commentaar")
    assert [m.to for m in mail.outbox] == [[secretary.email]]
    assert "Geheim commentaar" not in mail.outbox[0].body
    assert reverse("regiobureau:annotation_edit", args=[annotation.agenda_item_id]) in (
        mail.outbox[0].body
    )


# --- The reviewer's to-do lines --------------------------------------------------------------


def test_reviews_waiting_for_a_reviewer(
    annotation, secretary, colleague, chair, body, django_assert_max_num_queries
):
    send(annotation, secretary, colleague, chair, due=TODAY() + datetime.timedelta(days=5))
    second = annotation_save(
        actor=secretary,
        item=AgendaItemFactory(meeting=annotation.agenda_item.meeting),
        expected_version=None,
        proposal="<p>Instemmen</p>",
    )
    send(second, secretary, colleague, due=TODAY() + datetime.timedelta(days=1))
    with django_assert_max_num_queries(3):
        waiting = annotation_reviews_waiting_for(colleague)
    assert [line.annotation for line in waiting] == [second, annotation]  # earliest due first
    line = waiting[1]
    assert line.item == annotation.agenda_item
    assert line.meeting == annotation.agenda_item.meeting
    assert line.due_on == TODAY() + datetime.timedelta(days=5)
    assert line.url == reverse("regiobureau:annotation_review", args=[line.item.pk])
    assert not line.is_overdue
    assert annotation_reviews_waiting_for(secretary) == []
    # Decided: off the list (the chair's request lapsed when the colleague adopted).
    annotation_adopt(actor=colleague, annotation=annotation)
    assert [line.annotation for line in annotation_reviews_waiting_for(colleague)] == [second]
    assert annotation_reviews_waiting_for(chair) == []


# --- Views ---------------------------------------------------------------------------------


def review_url(item_pk):
    return reverse("regiobureau:annotation_review", args=[item_pk])


def test_review_page_permissions(client, annotation, secretary, colleague, chair, member, outsider):
    send(annotation, secretary, chair)
    url = review_url(annotation.agenda_item_id)
    # A member of the body who is not a reviewer, an outsider and a secretary not asked
    # cannot decide; the outsiders do not even learn that it exists.
    for user in (member, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "adopt"}).status_code == 404
    client.force_login(colleague)
    assert client.post(url, {"action": "adopt"}).status_code == 400
    assert Annotation.objects.get().status == A.IN_REVIEW
    # The chair, asked, reads it and adopts it.
    client.force_login(chair)
    page = client.get(url)
    assert page.status_code == 200
    assert 'value="adopt"' in page.text and "Kern" in page.text
    response = client.post(url, {"action": "adopt"})
    assert response.status_code == 302
    assert Annotation.objects.get().status == A.ADOPTED
    # Decided, the page is no longer hers.
    assert client.get(url).status_code == 404


def test_the_author_is_not_offered_the_adopt_button(client, annotation, secretary, colleague):
    send(annotation, secretary, colleague)
    client.force_login(secretary)
    page = client.get(review_url(annotation.agenda_item_id))
    assert page.status_code == 200
    assert 'value="adopt"' not in page.text
    edit = client.get(reverse("regiobureau:annotation_edit", args=[annotation.agenda_item_id]))
    assert 'value="vastgesteld"' not in edit.text


def test_sending_for_review_and_returning_through_the_pages(
    client, annotation, secretary, colleague
):
    client.force_login(secretary)
    edit_url = reverse("regiobureau:annotation_edit", args=[annotation.agenda_item_id])
    request_url = reverse("regiobureau:annotation_request_review", args=[annotation.agenda_item_id])
    assert client.get(request_url).status_code == 405
    page = client.get(edit_url)
    assert page.context["review_form"] is not None
    assert secretary not in page.context["review_form"].fields["reviewers"].queryset
    assert "Gewone tekst of eenvoudige HTML" not in page.text
    assert "data-rich-text" in page.text
    response = client.post(request_url, {"reviewers": [], "due_on": TODAY().isoformat()})
    assert response.status_code == 400
    due = TODAY() + datetime.timedelta(days=4)
    response = client.post(request_url, {"reviewers": [colleague.pk], "due_on": due.isoformat()})
    assert response.status_code == 302
    assert AnnotationReview.objects.get().reviewer == colleague

    client.force_login(colleague)
    url = review_url(annotation.agenda_item_id)
    response = client.post(url, {"action": "return", "comment": ""})
    assert response.status_code == 400
    response = client.post(url, {"action": "return", "comment": "Graag de kosten erbij."})
    assert response.status_code == 302
    assert Annotation.objects.get().status == A.DRAFT

    # The history on the annotation page: who did what when.
    client.force_login(secretary)
    page = client.get(edit_url)
    history = page.context["history"]
    assert [event.kind for event in history] == ["saved", "requested", "returned"]
    assert history[2].who == colleague
    assert "Graag de kosten erbij." in page.text
    assert str(colleague) in page.text


# --- Wired into the portal: the to-do list and the bundle -----------------------------------


def test_the_reviewer_finds_the_request_on_her_to_do_list(annotation, secretary, colleague, chair):
    page = review_url(annotation.agenda_item_id)

    def asked(user) -> list:
        # As a new request loads the user: the lines are kept on the user object per request.
        fresh = User.objects.get(pk=user.pk)
        return [line for line in todo_lines(fresh) if line.url == page]

    send(annotation, secretary, colleague, chair, due=TODAY() + datetime.timedelta(days=3))
    for reviewer in (colleague, chair):  # a secretary, and a bestuurder who chairs the body
        lines = asked(reviewer)
        assert len(lines) == 1, reviewer
        assert lines[0].group == WORK
        assert lines[0].when == TODAY() + datetime.timedelta(days=3)
        assert "Woondeal NHN" in str(lines[0].text)
    assert asked(secretary) == []  # the author is not asked
    annotation_adopt(actor=colleague, annotation=annotation)
    assert asked(chair) == []  # decided: the chair's request lapsed


def test_adopting_an_annotation_of_a_published_agenda_renews_the_bundle(
    annotation, secretary, colleague
):
    meeting = annotation.agenda_item.meeting
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    queued = OutboxMessage.objects.filter(task_name=REFRESH_TASK, args=[meeting.pk])
    before = queued.count()
    send(annotation, secretary, colleague)
    assert queued.count() == before  # asking for a review changes nothing the members read
    annotation_adopt(actor=colleague, annotation=annotation)
    assert queued.count() == before + 1
