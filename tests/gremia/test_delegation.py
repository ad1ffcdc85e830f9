"""Delegation: a bestuurder gives a named assistant read access to her meetings (the
confidential content included), audited and revocable; the assistant reads them under the
bestuurder's name and can do nothing but read."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gremia.models.delegation import Delegation
from gremia.services import delegation_grant, delegation_revoke
from nhn_portal.core.access import NotFound
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord, User
from regiobureau.models.annotations import AnnotationComment, ReadMark
from regiobureau.selectors.documents import access_document
from tests.builders import CLOSED_TITLE, CONFIDENTIAL_DOC, member_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def principal(body):
    return member_of(body, roles=(Role.ADMINISTRATOR,), person_name="Anna Bestuurder")


@pytest.fixture
def assistant(db):
    return UserFactory(first_name="Sam", last_name="Assistent", email="sam@example.org")


def fresh(user) -> User:
    """The user as a new request loads it (the permissions cache per request)."""
    return User.objects.get(pk=user.pk)


def confidential_stuk(meeting):
    return meeting.public_item.documents.get(title=CONFIDENTIAL_DOC)


def test_granting_on_the_page_gives_read_access_to_the_confidential_content(
    client, principal, assistant, published_meeting
):
    stuk = confidential_stuk(published_meeting)
    with pytest.raises(NotFound):
        access_document(user=fresh(assistant), pk=stuk.pk)
    client.force_login(principal)
    page = client.get(reverse("gremia:delegations"))
    assert page.status_code == 200
    assert 'for="id_assistant"' in page.content.decode()
    response = client.post(reverse("gremia:delegations"), {"assistant": assistant.pk})
    assert response.status_code == 302
    delegation = Delegation.objects.get(principal=principal, assistant=assistant)
    assert delegation.is_active
    assert AuditRecord.objects.filter(verb="delegation_grant", actor=principal).exists()

    assert access_document(user=fresh(assistant), pk=stuk.pk) == stuk
    client.force_login(assistant)
    reading = client.get(reverse("regiobureau:meeting_reading", args=[published_meeting.pk]))
    assert reading.status_code == 200
    assert CLOSED_TITLE in reading.content.decode()
    download = client.get(reverse("regiobureau:document_download", args=[stuk.pk]))
    assert download.status_code == 200
    mine = client.get(reverse("regiobureau:my_meetings")).content.decode()
    assert "Vergaderingen van Anna Bestuurder" in mine
    assert published_meeting.get_absolute_url() in mine


def test_the_assistant_can_only_read(client, principal, assistant, published_meeting):
    with_access = delegation_grant(actor=principal, assistant=assistant)
    assert with_access.is_active
    client.force_login(assistant)
    item = published_meeting.public_item
    reading = client.get(reverse("regiobureau:meeting_reading", args=[published_meeting.pk]))
    html = reading.content.decode()
    assert reverse("regiobureau:item_read", args=[item.pk]) not in html
    assert reverse("regiobureau:comment_add", args=[item.pk]) not in html
    assert (
        client.post(reverse("regiobureau:item_read", args=[item.pk]), {"read": "1"}).status_code
        == 404
    )
    assert (
        client.post(
            reverse("regiobureau:comment_add", args=[item.pk]), {"text": "Namens Anna: akkoord"}
        ).status_code
        == 404
    )
    assert not ReadMark.objects.filter(user=assistant).exists()
    assert not AnnotationComment.objects.filter(author=assistant).exists()
    # Nor does she manage the meeting or see the secretariat's pages.
    editor = client.get(reverse("regiobureau:agenda_editor", args=[published_meeting.pk]))
    assert editor.status_code == 404
    # The principal herself still acts as a member.
    client.force_login(principal)
    assert client.post(
        reverse("regiobureau:item_read", args=[item.pk]), {"read": "1"}
    ).status_code in (200, 302)
    assert ReadMark.objects.filter(user=principal, agenda_item=item).exists()


def test_revoking_takes_the_access_away(client, principal, assistant, published_meeting):
    delegation = delegation_grant(actor=principal, assistant=assistant)
    stuk = confidential_stuk(published_meeting)
    assert access_document(user=fresh(assistant), pk=stuk.pk) == stuk
    client.force_login(principal)
    response = client.post(reverse("gremia:delegation_revoke", args=[delegation.pk]))
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert delegation.revoked_at is not None
    assert AuditRecord.objects.filter(verb="delegation_revoke", actor=principal).exists()
    with pytest.raises(NotFound):
        access_document(user=fresh(assistant), pk=stuk.pk)
    client.force_login(assistant)
    reading = client.get(reverse("regiobureau:meeting_reading", args=[published_meeting.pk]))
    assert reading.status_code == 404
    assert "Anna Bestuurder" not in client.get(reverse("regiobureau:my_meetings")).content.decode()
    page = client.get(reverse("regiobureau:document_download", args=[stuk.pk]))
    assert page.status_code == 404


def test_only_the_principal_revokes_and_only_a_bestuurder_delegates(
    client, principal, assistant, body
):
    delegation = delegation_grant(actor=principal, assistant=assistant)
    other = member_of(body, roles=(Role.ADMINISTRATOR,))
    client.force_login(other)
    response = client.post(reverse("gremia:delegation_revoke", args=[delegation.pk]))
    assert response.status_code == 404
    delegation.refresh_from_db()
    assert delegation.is_active
    client.force_login(assistant)  # no bestuurder: no page
    assert client.get(reverse("gremia:delegations")).status_code == 404


def test_refused_for_oneself_twice_and_an_inactive_login(principal, assistant):
    with pytest.raises(ValidationError):
        delegation_grant(actor=principal, assistant=principal)
    delegation_grant(actor=principal, assistant=assistant)
    with pytest.raises(ValidationError):
        delegation_grant(actor=principal, assistant=assistant)
    inactive = UserFactory(is_active=False)
    with pytest.raises(ValidationError):
        delegation_grant(actor=principal, assistant=inactive)
    # After a revoke she may be named again; the old row stays as the record.
    delegation = Delegation.objects.get(assistant=assistant)
    delegation_revoke(actor=principal, delegation=delegation)
    delegation_grant(actor=principal, assistant=assistant)
    assert Delegation.objects.filter(assistant=assistant).count() == 2


def test_the_assistant_reads_only_the_principals_bodies(
    principal, assistant, published_meeting, secretary
):
    from gremia.models.registry import Body
    from regiobureau import permissions

    delegation_grant(actor=principal, assistant=assistant)
    other_body = Body.objects.create(name="Ander gremium", slug="ander-gremium")
    user = fresh(assistant)
    assert permissions.can_see_confidential(user, published_meeting.body_id)
    assert not permissions.can_see_confidential(user, other_body.pk)
    assert not permissions.can_act_as_member(user, published_meeting.body_id)


def test_demo_bestuurder_has_an_assistant(nhn_demo):
    assistant = User.objects.get(email="assistent@example.org")
    delegation = Delegation.objects.get(assistant=assistant, revoked_at__isnull=True)
    assert delegation.principal.email == "bestuurder@example.org"
