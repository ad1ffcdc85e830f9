"""What members see of annotations. Members read the last adopted text;
while the secretariat writes a new draft they keep it, with a note that a new version is being
prepared; a concept never adopted reaches them only once it is sent to them ter review. The
reading page, the item page, comments and the members' annotated PDF alike."""

import pytest
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core.constants import Role
from nhn_portal.pdf import render_html
from regiobureau import producers
from regiobureau.constants import AnnotationStatus, ItemPurpose
from regiobureau.models.annotations import Annotation
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.annotation_reviews import annotation_adopt, annotation_send_for_review
from regiobureau.services.annotations import annotation_save, annotation_set_status
from regiobureau.services.meetings import meeting_publish_agenda
from tests.builders import make_meeting
from tests.factories import AnnotationFactory, UserFactory
from tests.reading import reading_with_parts

pytestmark = pytest.mark.django_db

A = AnnotationStatus
ADOPTED_TEXT = "Vastgesteld advies: instemmen"
DRAFT_TEXT = "Nieuw concept: nog niet instemmen"
PENDING_NOTE = "er wordt een nieuwe versie voorbereid"


@pytest.fixture
def meeting(secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    meeting.item = agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Woondeal NHN",
        purpose=ItemPurpose.DECISION,
    )
    meeting.refresh_from_db()
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    meeting.item.refresh_from_db()
    return meeting


def write(secretary, item, text) -> Annotation:
    return annotation_save(
        actor=secretary, item=item, expected_version=None, core_message=f"<p>{text}</p>"
    )


def set_status(secretary, annotation, *statuses):
    """Through the four-eyes review: ter review to a second secretary, who adopts it."""
    reviewer = None
    for status in statuses:
        if status == A.IN_REVIEW:
            reviewer = UserFactory(roles=[Role.SECRETARY])
            annotation_send_for_review(
                actor=secretary,
                annotation=annotation,
                reviewers=[reviewer],
                due_on=timezone.localdate(),
            )
        elif status == A.ADOPTED:
            annotation = annotation_adopt(actor=reviewer, annotation=annotation)
        else:
            annotation = annotation_set_status(
                actor=secretary, annotation=annotation, status=status
            )
    return annotation


def reading(client, user, meeting) -> str:
    """The reading page with every item's annotation opened (loaded on demand, issue 26)."""
    client.force_login(user)
    return reading_with_parts(client, meeting.pk)


def item_page(client, user, item) -> str:
    client.force_login(user)
    return client.get(reverse("regiobureau:item_detail", args=[item.pk])).text


def members_pdf_html(meeting) -> str:
    produced = producers.produce_annotated_agenda(meeting, producers.MEMBERS)
    return render_html(template=produced.template, context=produced.context, title=produced.title)


def test_a_concept_never_adopted_is_not_shown_to_members(client, meeting, member, secretary):
    write(secretary, meeting.item, DRAFT_TEXT)
    assert DRAFT_TEXT not in reading(client, member, meeting)
    assert DRAFT_TEXT not in item_page(client, member, meeting.item)
    assert DRAFT_TEXT not in members_pdf_html(meeting)
    # Nor can a member respond to it.
    response = client.post(
        reverse("regiobureau:comment_add", args=[meeting.item.pk]), {"text": "Mijn reactie"}
    )
    assert response.status_code == 404
    # The secretariat works on it as before.
    assert DRAFT_TEXT in reading(client, secretary, meeting)


def test_a_concept_sent_ter_review_is_shown_to_members_marked_as_such(
    client, meeting, member, secretary
):
    annotation = write(secretary, meeting.item, DRAFT_TEXT)
    set_status(secretary, annotation, A.IN_REVIEW)
    page = reading(client, member, meeting)
    assert DRAFT_TEXT in page
    assert "ter review" in page.lower()
    assert DRAFT_TEXT in members_pdf_html(meeting)


def test_members_keep_the_adopted_text_while_a_new_draft_is_written(
    client, meeting, member, secretary
):
    annotation = write(secretary, meeting.item, ADOPTED_TEXT)
    set_status(secretary, annotation, A.IN_REVIEW, A.ADOPTED)
    assert ADOPTED_TEXT in reading(client, member, meeting)
    assert PENDING_NOTE not in reading(client, member, meeting).lower()

    write(secretary, meeting.item, DRAFT_TEXT)  # back to concept: a new version

    page = reading(client, member, meeting)
    assert ADOPTED_TEXT in page and DRAFT_TEXT not in page
    assert PENDING_NOTE in page.lower()
    detail = item_page(client, member, meeting.item)
    assert ADOPTED_TEXT in detail and DRAFT_TEXT not in detail
    assert PENDING_NOTE in detail.lower()
    html = members_pdf_html(meeting)
    assert ADOPTED_TEXT in html and DRAFT_TEXT not in html
    assert PENDING_NOTE in html.lower()
    # The secretariat sees its draft; the stored adopted text survived the edit.
    secretariat_page = reading(client, secretary, meeting)
    assert DRAFT_TEXT in secretariat_page and ADOPTED_TEXT not in secretariat_page
    annotation.refresh_from_db()
    assert ADOPTED_TEXT in annotation.adopted_content["core_message"]
    assert annotation.adopted_number == 1 and annotation.version == 2


def test_once_the_new_version_is_adopted_members_read_it_without_the_note(
    client, meeting, member, secretary
):
    annotation = write(secretary, meeting.item, ADOPTED_TEXT)
    set_status(secretary, annotation, A.IN_REVIEW, A.ADOPTED)
    annotation = write(secretary, meeting.item, DRAFT_TEXT)
    set_status(secretary, annotation, A.IN_REVIEW, A.ADOPTED)
    page = reading(client, member, meeting)
    assert DRAFT_TEXT in page and ADOPTED_TEXT not in page
    assert PENDING_NOTE not in page.lower()
    annotation.refresh_from_db()
    assert annotation.adopted_number == 2


def test_an_annotation_adopted_before_the_snapshot_keeps_its_text_when_edited(
    client, meeting, member, secretary
):
    annotation = AnnotationFactory(
        agenda_item=meeting.item, status=A.ADOPTED, core_message=ADOPTED_TEXT, version=1
    )
    assert annotation.adopted_content is None
    write(secretary, meeting.item, DRAFT_TEXT)
    page = reading(client, member, meeting)
    assert ADOPTED_TEXT in page and DRAFT_TEXT not in page
    assert PENDING_NOTE in page.lower()


def test_an_outsider_still_sees_no_annotation_at_all(client, meeting, outsider, secretary):
    annotation = write(secretary, meeting.item, ADOPTED_TEXT)
    set_status(secretary, annotation, A.IN_REVIEW, A.ADOPTED)
    client.force_login(outsider)
    assert client.get(reverse("regiobureau:meeting_reading", args=[meeting.pk])).status_code == 404
    assert ADOPTED_TEXT not in item_page(client, outsider, meeting.item)
