"""No-store caching and the audit of reads: every page or download that shows something
confidential carries `Cache-Control: no-store` and writes who read what, when and from where;
a refused (404) id is recorded too. Audit rows cannot be changed or deleted (PostgreSQL)."""

import os

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from nhn_portal.core.audit import audit_record_create
from nhn_portal.core.constants import AuditAction, Role
from nhn_portal.core.models import AuditRecord
from regiobureau.models.documents import Document
from tests.builders import CONFIDENTIAL_DOC
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def reads(action=AuditAction.READ):
    return AuditRecord.objects.filter(action=action)


def test_the_reading_page_is_not_stored_and_its_read_is_recorded(client, member, published_meeting):
    client.force_login(member)
    url = reverse("regiobureau:meeting_reading", args=[published_meeting.pk])
    response = client.get(url, REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Pragma"] == "no-cache"
    record = reads().get()
    assert record.actor == member
    assert record.content_type.model == "meeting"
    assert record.object_id == str(published_meeting.pk)
    assert record.client_address == "192.0.2.7"
    assert url in record.verb


def test_a_refused_id_is_recorded_as_refused(client, outsider, published_meeting):
    client.force_login(outsider)
    url = reverse("regiobureau:meeting_reading", args=[published_meeting.pk])
    assert client.get(url).status_code == 404
    record = reads(AuditAction.DENIED).get()
    assert record.actor == outsider and record.object_id == str(published_meeting.pk)
    assert not reads().exists()


def test_a_guessed_stuk_id_leaves_a_record_with_the_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    url = reverse("regiobureau:document_download", args=[999999])
    response = client.get(url, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert response.status_code == 404
    record = reads(AuditAction.DENIED).get()
    assert record.actor is None
    assert record.object_id == "999999"
    assert record.client_address == "198.51.100.9"


def test_a_closed_item_is_not_stored_a_public_one_may_be(client, member, published_meeting):
    client.force_login(member)
    closed = client.get(reverse("regiobureau:item_detail", args=[published_meeting.closed_item.pk]))
    assert closed.status_code == 200
    assert "no-store" in closed["Cache-Control"]
    assert reads().filter(object_id=str(published_meeting.closed_item.pk)).exists()

    client.logout()
    public = client.get(reverse("regiobureau:item_detail", args=[published_meeting.public_item.pk]))
    assert public.status_code == 200
    assert "no-store" not in public.get("Cache-Control", "")
    assert not reads().filter(actor=None).exists()


def test_a_confidential_stuk_download_is_recorded_a_public_one_not(
    client, member, published_meeting
):
    client.force_login(member)
    secret = Document.objects.get(title=CONFIDENTIAL_DOC)
    public = Document.objects.get(title="Voortgangsrapportage")
    response = client.get(reverse("regiobureau:document_download", args=[secret.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert reads().get().object_id == str(secret.pk)

    response = client.get(reverse("regiobureau:document_download", args=[public.pk]))
    assert response.status_code == 200
    assert "no-store" not in response["Cache-Control"]
    assert reads().count() == 1


def test_the_annotation_pages_of_the_secretariat_are_not_stored(
    client, secretary, published_meeting
):
    client.force_login(secretary)
    item = published_meeting.closed_item
    for name in ["annotation_edit", "annotation_versions"]:
        response = client.get(reverse(f"regiobureau:{name}", args=[item.pk]))
        assert response.status_code == 200, name
        assert "no-store" in response["Cache-Control"], name
    assert reads().filter(object_id=str(item.pk)).count() == 2


def test_the_beheerder_filters_the_audit_trail(client, member, published_meeting):
    client.force_login(member)
    client.get(reverse("regiobureau:meeting_reading", args=[published_meeting.pk]))
    beheerder = UserFactory(email="beheer@example.org", roles=[Role.MANAGER])
    client.force_login(beheerder)
    page = client.get(reverse("audit_log"), {"action": "read"})
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert list(page.context["page"]) == list(reads())
    assert member.email in page.text and "Audittrail" in page.text
    other = client.get(reverse("audit_log"), {"actor": "niemand@", "action": "read"})
    assert list(other.context["page"]) == []
    # The navigation shows it to the beheerder only.
    assert reverse("audit_log") in client.get(reverse("home")).text


@pytest.mark.parametrize("role", [Role.SECRETARY, Role.ADMINISTRATOR, Role.CLERK])
def test_nobody_but_the_beheerder_reads_the_audit_trail(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("audit_log")).status_code == 404
    assert reverse("audit_log") not in client.get(reverse("home")).text


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the trigger is PostgreSQL's; CI runs PostgreSQL",
)
def test_the_database_refuses_to_change_or_delete_audit_rows(published_meeting):
    assert connection.vendor == "postgresql"
    record = AuditRecord.objects.first()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditRecord.objects.filter(pk=record.pk).update(verb="weggepoetst")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditRecord.objects.filter(pk=record.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditRecord.objects.filter(pk=record.pk).update(actor=UserFactory())
    record.refresh_from_db()
    assert record.verb != "weggepoetst"
    # Deleting a login may still blank its name on its records (SET NULL), nothing else.
    user = UserFactory()
    with transaction.atomic():
        own = audit_record_create(
            actor=user, obj=user, action=AuditAction.UPDATE, verb="test", changes={}
        )
    user.delete()
    own.refresh_from_db()
    assert own.actor is None and own.verb == "test"
