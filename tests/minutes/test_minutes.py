"""The minutes (verslag): per agenda item an account written by the secretariat
(every save a version, a stale save refused with the agenda editor's message), sent to the
members for comments within a term, adopted at the next meeting and final after; who reads
what (closed items only for those inside); the autosave partial's size; the PDFs."""

import datetime
from io import BytesIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from pypdf import PdfReader

from minutes import producers
from minutes.constants import MINUTES, MinutesStatus
from minutes.models import MinutesComment, MinutesRevision
from minutes.selectors import (
    minutes_entry_current,
    minutes_for,
    minutes_meeting_ids,
    minutes_rows,
    previous_minutes_for,
)
from minutes.services import (
    minutes_adopt,
    minutes_comment_add,
    minutes_entry_save,
    minutes_send,
    minutes_start,
)
from nhn_portal.core.constants import GenerationStatus
from nhn_portal.core.models import AuditRecord
from nhn_portal.core.production.services import document_generation_request, document_generation_run
from regiobureau.constants import MINUTES_ITEM_TITLE
from regiobureau.services.guards import StaleAgendaError
from tests.factories import AgendaItemFactory, MeetingFactory
from tests.test_pdf import page_texts

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
STALE = (
    "Someone else changed this agenda in the meantime. Your change was not saved; "
    "the current agenda is shown below. Check it and make your change again."
)
OPEN_TEXT = "Het platform bespreekt de voortgang van de Woondeal."
CLOSED_TEXT = "Onderhandelingsruimte grondposities: maximaal vier miljoen."
# The autosave answer is one small partial: a few KB at most.
AUTOSAVE_MAX_BYTES = 2_000


def url(name, *args):
    namespace = "regiobureau" if name == "meeting_detail" else "minutes"
    return reverse(f"{namespace}:{name}", args=args)


@pytest.fixture
def held(body):
    """A held public meeting of `body` with a public and a closed item, and the body's next
    meeting (where the minutes are adopted)."""
    meeting = MeetingFactory(body=body, held=True, title="Platform Wonen mei")
    meeting.public_item = AgendaItemFactory(meeting=meeting, position=1, title="Woondeal")
    meeting.closed_item = AgendaItemFactory(
        meeting=meeting, position=2, title="Grondposities Zuidrand", is_public=False
    )
    meeting.next = MeetingFactory(body=body, published=True, title="Platform Wonen juni")
    # The standard opening item under which the minutes are adopted (as meeting_create adds).
    AgendaItemFactory(
        meeting=meeting.next, position=1, title=MINUTES_ITEM_TITLE, standard_key="opening"
    )
    return meeting


def write(secretary, meeting):
    minutes_entry_save(
        actor=secretary, item=meeting.public_item, expected_version=0, text=OPEN_TEXT
    )
    minutes_entry_save(
        actor=secretary, item=meeting.closed_item, expected_version=0, text=CLOSED_TEXT
    )
    return minutes_for(meeting)


def send(secretary, minutes, days=7):
    return minutes_send(
        actor=secretary,
        minutes=minutes,
        comment_deadline=timezone.localdate() + datetime.timedelta(days=days),
    )


# ---- Services ------------------------------------------------------------------------------


def test_every_save_is_a_version_with_who_when_what_and_an_audit_record(secretary, held):
    item = held.public_item
    first = minutes_entry_save(actor=secretary, item=item, expected_version=0, text="Eerste tekst")
    second = minutes_entry_save(
        actor=secretary, item=item, expected_version=first.version, text="Tweede tekst\r\n"
    )
    assert second.version == 2 and second.text == "Tweede tekst"
    revisions = list(MinutesRevision.objects.filter(entry=second).order_by("number"))
    assert [(r.number, r.text, r.saved_by) for r in revisions] == [
        (1, "Eerste tekst", secretary),
        (2, "Tweede tekst", secretary),
    ]
    assert AuditRecord.objects.filter(verb="minutes_entry_save").count() == 2
    assert AuditRecord.objects.filter(verb="minutes_start").count() == 1
    # The same text again (an autosave after a pause) adds no version.
    again = minutes_entry_save(actor=secretary, item=item, expected_version=2, text="Tweede tekst")
    assert again.version == 2 and MinutesRevision.objects.count() == 2


def test_a_stale_save_is_refused_with_the_editors_message(secretary, held):
    item = held.public_item
    minutes_entry_save(actor=secretary, item=item, expected_version=0, text="Van A")
    with pytest.raises(StaleAgendaError) as refused:
        minutes_entry_save(actor=secretary, item=item, expected_version=0, text="Van B")
    assert str(_(STALE)) in refused.value.messages
    assert minutes_entry_current(item=item).text == "Van A"


def test_minutes_are_written_only_once_the_agenda_is_out(secretary, body):
    draft = AgendaItemFactory(meeting=MeetingFactory(body=body))
    with pytest.raises(ValidationError):
        minutes_entry_save(actor=secretary, item=draft, expected_version=0, text="X")


def test_send_needs_a_held_meeting_a_future_term_and_some_text(secretary, body, held):
    published = MeetingFactory(body=body, published=True)
    item = AgendaItemFactory(meeting=published)
    minutes_entry_save(actor=secretary, item=item, expected_version=0, text="Tekst")
    with pytest.raises(ValidationError, match="gehouden|held"):
        send(secretary, minutes_for(published))
    empty = minutes_start(actor=secretary, meeting=held)
    with pytest.raises(ValidationError):
        send(secretary, empty)
    minutes = write(secretary, held)
    with pytest.raises(ValidationError):
        send(secretary, minutes, days=-1)
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.DRAFT


def test_sending_mails_the_members_a_link_after_the_commit(
    secretary, member, held, celery_eager, django_capture_on_commit_callbacks
):
    minutes = write(secretary, held)
    with django_capture_on_commit_callbacks(execute=True):
        send(secretary, minutes)
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.SENT and minutes.sent_at is not None
    assert [m.to for m in mail.outbox] == [[member.email]]
    body = mail.outbox[0].body
    assert url("minutes_detail", held.pk) in body
    assert CLOSED_TEXT not in body and OPEN_TEXT not in body  # a link, never content
    assert AuditRecord.objects.filter(verb="minutes_send").exists()


def test_members_comment_per_entry_or_on_the_whole_until_the_term(
    secretary, member, outsider, held
):
    minutes = write(secretary, held)
    with pytest.raises(ValidationError):  # not yet sent
        minutes_comment_add(actor=member, minutes=minutes, text="Vroeg")
    send(secretary, minutes)
    entry = minutes.entries.get(item=held.closed_item)
    minutes_comment_add(actor=member, minutes=minutes, entry=entry, text="Bedrag klopt")
    minutes_comment_add(actor=member, minutes=minutes, text="Verder akkoord")
    assert MinutesComment.objects.filter(minutes=minutes).count() == 2
    with pytest.raises(ValidationError):
        minutes_comment_add(actor=outsider, minutes=minutes, text="Mag niet")
    minutes.comment_deadline = timezone.localdate() - datetime.timedelta(days=1)
    minutes.save()
    with pytest.raises(ValidationError):
        minutes_comment_add(actor=member, minutes=minutes, text="Te laat")
    assert AuditRecord.objects.filter(verb="minutes_comment_add").count() == 2


def test_adoption_at_the_next_meeting_keeps_changes_as_a_version_and_is_final(
    secretary, body, held
):
    minutes = write(secretary, held)
    with pytest.raises(ValidationError):  # a draft is sent for comments first
        minutes_adopt(actor=secretary, minutes=minutes, at_meeting=held.next)
    send(secretary, minutes)
    later = MeetingFactory(body=body, published=True, starts_at=held.next.starts_at.replace(
        year=held.next.starts_at.year + 1))  # fmt: skip
    with pytest.raises(ValidationError):
        minutes_adopt(actor=secretary, minutes=minutes, at_meeting=later)
    minutes_adopt(
        actor=secretary,
        minutes=minutes,
        at_meeting=held.next,
        changes={held.public_item: OPEN_TEXT + " Tekstuele wijziging."},
    )
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.ADOPTED
    assert minutes.adopted_in == held.next and minutes.adopted_at is not None
    entry = minutes.entries.get(item=held.public_item)
    assert entry.text.endswith("Tekstuele wijziging.") and entry.version == 2
    assert entry.revisions.get(number=2).status == MinutesStatus.ADOPTED
    assert entry.revisions.get(number=1).text == OPEN_TEXT  # the history is kept
    with pytest.raises(ValidationError):
        minutes_entry_save(actor=secretary, item=held.public_item, expected_version=2, text="Later")
    assert AuditRecord.objects.filter(verb="minutes_adopt").exists()


# ---- Who reads what ------------------------------------------------------------------------


def texts(user, meeting):
    minutes = minutes_for(meeting)
    rows = minutes_rows(user=user, meeting=meeting, minutes=minutes)
    return [(row.number, row.visible, row.text) for row in rows]


def test_members_read_once_sent_outsiders_only_adopted_public_items(
    secretary, member, outsider, client, held
):
    from django.contrib.auth.models import AnonymousUser

    minutes = write(secretary, held)
    for reader in (member, outsider, AnonymousUser()):
        assert not previous_minutes_for(user=reader, meeting=held.next)
    send(secretary, minutes)
    assert texts(member, held) == [("1", True, OPEN_TEXT), ("2", True, CLOSED_TEXT)]
    client.force_login(outsider)
    assert client.get(url("minutes_detail", held.pk)).status_code == 404
    minutes_adopt(actor=secretary, minutes=minutes, at_meeting=held.next)
    assert texts(outsider, held) == [("1", True, OPEN_TEXT), ("2", False, "")]
    assert texts(AnonymousUser(), held) == [("1", True, OPEN_TEXT), ("2", False, "")]
    html = client.get(url("minutes_detail", held.pk)).content.decode()
    assert OPEN_TEXT in html and CLOSED_TEXT not in html
    assert "Grondposities" not in html and "Besloten agendapunt" in html
    # The next meeting's standard item links to these minutes; the archive too.
    assert previous_minutes_for(user=outsider, meeting=held.next) == minutes
    assert minutes_meeting_ids(user=outsider, meeting_ids=[held.pk]) == {held.pk}


def test_closed_meeting_minutes_stay_with_its_members(secretary, member, outsider, body):
    meeting = MeetingFactory(body=body, held=True, is_public=False)
    meeting.public_item = AgendaItemFactory(meeting=meeting, position=1)
    meeting.closed_item = AgendaItemFactory(meeting=meeting, position=2, is_public=False)
    meeting.next = MeetingFactory(body=body, published=True)
    minutes = write(secretary, meeting)
    send(secretary, minutes)
    minutes_adopt(actor=secretary, minutes=minutes, at_meeting=meeting.next)
    assert minutes_meeting_ids(user=outsider, meeting_ids=[meeting.pk]) == set()
    assert minutes_meeting_ids(user=member, meeting_ids=[meeting.pk]) == {meeting.pk}


# ---- Views ---------------------------------------------------------------------------------


def test_autosave_answers_one_small_partial(client, secretary, held):
    client.force_login(secretary)
    response = client.post(
        url("minutes_entry_save", held.public_item.pk),
        {"text": OPEN_TEXT * 40, "minutes_version": 0},
        **HTMX,
    )
    assert response.status_code == 200
    assert len(response.content) < AUTOSAVE_MAX_BYTES
    html = response.content.decode()
    assert 'name="minutes_version" value="1"' in html
    assert OPEN_TEXT not in html  # the text is not sent back
    assert "<html" not in html


def test_second_secretary_gets_409_and_the_editors_conflict_message(client, secretary, held):
    other = type(secretary).objects.create_user(email="tweede@example.org")
    other.groups.set(secretary.groups.all())
    minutes_entry_save(
        actor=other, item=held.public_item, expected_version=0, text="Tekst van de ander"
    )
    client.force_login(secretary)
    response = client.post(
        url("minutes_entry_save", held.public_item.pk),
        {"text": "Mijn tekst", "minutes_version": 0},
        **HTMX,
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert str(_(STALE)) in html
    assert "Tekst van de ander" in html  # what is saved now is shown
    assert 'name="minutes_version" value="0"' in html  # no later autosave overwrites it
    assert len(response.content) < AUTOSAVE_MAX_BYTES
    # Without JavaScript: the editor page with the message, status 409.
    plain = client.post(
        url("minutes_entry_save", held.public_item.pk),
        {"text": "Mijn tekst", "minutes_version": 0},
    )
    assert plain.status_code == 409 and str(_(STALE)) in plain.content.decode()
    page = plain.content.decode()
    assert "Tekst van de ander" in page and "Mijn tekst</textarea>" in page  # both kept
    assert 'name="minutes_version" value="1"' in page  # a knowing save again
    assert minutes_entry_current(item=held.public_item).text == "Tekst van de ander"


def test_plain_post_saves_and_redirects_to_the_entry(client, secretary, held):
    client.force_login(secretary)
    response = client.post(
        url("minutes_entry_save", held.public_item.pk), {"text": "Tekst", "minutes_version": 0}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#entry-{held.public_item.pk}")
    editor = client.get(url("minutes_edit", held.pk))
    assert editor.status_code == 200 and "Tekst" in editor.content.decode()
    assert editor["Cache-Control"].startswith("no-store") or "no-store" in editor["Cache-Control"]


def test_send_comment_and_adopt_through_the_pages(
    client, secretary, member, held, celery_eager, django_capture_on_commit_callbacks
):
    write(secretary, held)
    client.force_login(secretary)
    deadline = timezone.localdate() + datetime.timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("minutes_send", held.pk), {"comment_deadline": deadline})
    assert response.status_code == 302 and len(mail.outbox) == 1
    client.force_login(member)
    page = client.get(url("minutes_detail", held.pk))
    assert page.status_code == 200 and CLOSED_TEXT in page.content.decode()
    entry = minutes_for(held).entries.get(item=held.public_item)
    response = client.post(
        url("minutes_comment", held.pk), {"entry": entry.pk, "text": "Kleine correctie"}
    )
    assert response.status_code == 302
    assert client.post(url("minutes_adopt", held.pk)).status_code == 404  # not the secretariat
    client.force_login(secretary)
    page = client.get(url("minutes_detail", held.pk)).content.decode()
    assert "Kleine correctie" in page
    assert client.post(url("minutes_adopt", held.pk)).status_code == 302
    assert minutes_for(held).is_adopted
    next_page = client.get(url("meeting_detail", held.next.pk)).content.decode()
    assert url("minutes_detail", held.pk) in next_page
    history = client.get(url("minutes_history", held.pk)).content.decode()
    assert OPEN_TEXT in history


def test_non_members_get_404_for_draft_and_sent_minutes(client, secretary, outsider, held):
    minutes = write(secretary, held)
    client.force_login(outsider)
    for name in ("minutes_detail", "minutes_edit", "minutes_history"):
        assert client.get(url(name, held.pk)).status_code == 404
    send(secretary, minutes)
    assert client.get(url("minutes_detail", held.pk)).status_code == 404
    assert client.post(url("minutes_comment", held.pk), {"text": "x"}).status_code == 404
    client.logout()
    assert client.get(url("minutes_detail", held.pk)).status_code == 404


def test_minutes_list_shows_what_the_reader_may_read(client, secretary, member, outsider, held):
    minutes = write(secretary, held)
    send(secretary, minutes)
    client.force_login(member)
    assert url("minutes_detail", held.pk) in client.get(url("minutes_list")).content.decode()
    client.force_login(outsider)
    assert url("minutes_detail", held.pk) not in client.get(url("minutes_list")).content.decode()


def test_standard_item_exists_in_the_default_template():
    from regiobureau.constants import DEFAULT_TEMPLATE_ITEMS

    assert MINUTES_ITEM_TITLE in [title for _placement, title, _purpose in DEFAULT_TEMPLATE_ITEMS]


# ---- PDF -----------------------------------------------------------------------------------


def make_pdf(meeting, secretary, audience):
    job = document_generation_request(
        actor=secretary, subject=meeting, kind=MINUTES, audience=audience
    )
    job = document_generation_run(job_id=job.pk)
    assert job.status == GenerationStatus.DONE, job.failure_reason
    return job.document


def pdf_text(document) -> str:
    return " ".join(page_texts(PdfReader(BytesIO(document.file.read()))))


def test_public_version_only_for_adopted_minutes_of_a_public_meeting(secretary, held):
    def run(audience):
        job = document_generation_request(
            actor=secretary, subject=held, kind=MINUTES, audience=audience
        )
        return document_generation_run(job_id=job.pk)

    minutes = write(secretary, held)
    assert run(producers.MEMBERS).status == GenerationStatus.FAILED  # a draft is not sent yet
    send(secretary, minutes)
    assert run(producers.PUBLIC).status == GenerationStatus.FAILED  # not adopted yet
    assert run(producers.MEMBERS).status == GenerationStatus.DONE
    minutes_adopt(actor=secretary, minutes=minutes, at_meeting=held.next)
    assert run(producers.PUBLIC).status == GenerationStatus.DONE
    held.is_public = False
    assert [a for a, _label in producers._minutes_audiences(held)] == [producers.MEMBERS]


def test_pdf_public_version_leaves_out_closed_items_members_version_has_them(secretary, held):
    minutes = write(secretary, held)
    send(secretary, minutes)
    minutes_adopt(actor=secretary, minutes=minutes, at_meeting=held.next)
    public = make_pdf(held, secretary, producers.PUBLIC)
    text = pdf_text(public)
    assert OPEN_TEXT in text and "Besloten agendapunt" in text
    assert CLOSED_TEXT not in text and "Grondposities" not in text
    assert public.confidential is False
    members = make_pdf(held, secretary, producers.MEMBERS)
    text = pdf_text(members)
    assert OPEN_TEXT in text and CLOSED_TEXT in text and "Grondposities" in text
    assert members.confidential is True


def test_sending_without_any_account_is_refused_and_makes_nothing(client, secretary, held):
    client.force_login(secretary)
    deadline = timezone.localdate() + datetime.timedelta(days=5)
    response = client.post(url("minutes_send", held.pk), {"comment_deadline": deadline})
    assert response.status_code == 422
    assert minutes_for(held) is None
    assert not mail.outbox


def test_refused_autosave_keeps_the_loaded_version(client, secretary, held):
    minutes_entry_save(actor=secretary, item=held.public_item, expected_version=0, text="Eerste")
    client.force_login(secretary)
    response = client.post(
        url("minutes_entry_save", held.public_item.pk),
        {"text": "x" * 20_001, "minutes_version": 1},
        **HTMX,
    )
    assert response.status_code == 422
    assert 'name="minutes_version" value="1"' in response.content.decode()
    assert minutes_entry_current(item=held.public_item).text == "Eerste"


def test_editor_and_reading_page_queries_do_not_grow_with_the_agenda(client, secretary, held):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    write(secretary, held)
    client.force_login(secretary)
    client.get(url("minutes_edit", held.pk))  # warm the session

    def count(name):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(name, held.pk)).status_code == 200
        return len(queries)

    before = {name: count(name) for name in ("minutes_edit", "minutes_detail")}
    for position in range(3, 9):
        item = AgendaItemFactory(meeting=held, position=position)
        minutes_entry_save(actor=secretary, item=item, expected_version=0, text="Tekst")
    assert {name: count(name) for name in ("minutes_edit", "minutes_detail")} == before


def test_adoption_page_keeps_textual_changes_as_a_new_version(client, secretary, held):
    minutes = write(secretary, held)
    send(secretary, minutes)
    client.force_login(secretary)
    page = client.get(url("minutes_detail", held.pk)).content.decode()
    assert f'name="text_{held.public_item.pk}"' in page
    response = client.post(
        url("minutes_adopt", held.pk),
        {
            f"text_{held.public_item.pk}": OPEN_TEXT + " Aangevuld in de vergadering.",
            f"text_{held.closed_item.pk}": CLOSED_TEXT,  # unchanged: no new version
        },
    )
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.is_adopted
    changed = minutes.entries.get(item=held.public_item)
    assert changed.version == 2 and changed.text.endswith("Aangevuld in de vergadering.")
    assert minutes.entries.get(item=held.closed_item).version == 1
    history = client.get(url("minutes_history", held.pk)).content.decode()
    assert OPEN_TEXT in history and "Aangevuld in de vergadering." in history


# ---- Search --------------------------------------------------------------------------------


def found(user, word):
    from nhn_portal.core import search

    return [hit.url for hit in search.search(user=user, query=word).hits]


def test_minutes_are_found_as_their_pages_show_them(secretary, member, outsider, held):
    """A draft only by the secretariat, minutes sent by the body's members, adopted minutes
    of a public meeting by everyone for its public items; a closed item's account never
    reaches outsiders, not even as a hit."""
    from django.contrib.auth.models import AnonymousUser

    visitor = AnonymousUser()
    minutes = write(secretary, held)
    public_hit = url("minutes_detail", held.pk) + f"#verslag-{held.public_item.pk}"
    closed_word = "onderhandelingsruimte"
    assert found(secretary, "voortgang") == [public_hit]
    assert found(member, "voortgang") == []
    send(secretary, minutes)
    assert found(member, "voortgang") == [public_hit]
    assert found(outsider, "voortgang") == []
    minutes_adopt(actor=secretary, minutes=minutes, at_meeting=held.next)
    assert found(visitor, "voortgang") == [public_hit]
    assert found(outsider, closed_word) == []
    assert len(found(member, closed_word)) == 1
