"""The audit helpers every service writes through: a row is validated, saved and recorded in
one transaction, or not at all; and a selector's NotFound is a 404 for the visitor."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from gremia.models.registry import Theme
from nhn_portal.core.access import NotFound, require_secretariat
from nhn_portal.core.audit import audit_records_create, audited_create
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.models import AuditRecord
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_audited_create_validates_saves_and_records_the_creation():
    actor = UserFactory()
    with transaction.atomic():
        theme = audited_create(
            actor=actor,
            obj=Theme(name="Energie", slug="energie"),
            verb="theme_create",
            changes={"name": "Energie"},
        )
    record = AuditRecord.objects.get(verb="theme_create")
    assert theme.pk and record.object_id == str(theme.pk)
    assert record.action == AuditAction.CREATE and record.actor == actor
    assert record.changes == {"name": "Energie"}


def test_audited_create_refuses_an_invalid_row_and_records_nothing():
    with pytest.raises(ValidationError), transaction.atomic():
        audited_create(actor=None, obj=Theme(name="", slug="leeg"), verb="theme_create")
    assert not Theme.objects.filter(slug="leeg").exists()
    assert not AuditRecord.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_audited_create_runs_only_inside_the_services_transaction():
    with pytest.raises(RuntimeError):
        audited_create(actor=None, obj=Theme(name="Zorg", slug="zorg"), verb="theme_create")
    assert not Theme.objects.filter(slug="zorg").exists()


def test_not_found_is_a_domain_error_and_a_404_page(client):
    with pytest.raises(NotFound):
        require_secretariat(UserFactory())
    client.force_login(UserFactory())
    # The audit trail is the beheerder's: anyone else gets the 404 page, not an error.
    response = client.get("/audit/")
    assert response.status_code == 404


def test_audit_records_create_writes_one_record_per_object_in_one_insert(
    django_assert_num_queries,
):
    actor = UserFactory()
    themes = [Theme.objects.create(name=f"Thema {n}", slug=f"thema-{n}") for n in range(5)]
    # The content type cache warm, as in a running site (run alone, nothing else warmed it).
    ContentType.objects.get_for_model(Theme)
    with transaction.atomic(), django_assert_num_queries(1):
        audit_records_create(
            actor=actor,
            objects=themes,
            action=AuditAction.UPDATE,
            verb="theme_touch",
            changes=lambda theme: {"name": theme.name},
        )
    records = AuditRecord.objects.filter(verb="theme_touch").order_by("object_id")
    assert [r.object_id for r in records] == sorted(str(t.pk) for t in themes)
    assert all(r.actor == actor and r.action == AuditAction.UPDATE for r in records)
    assert records[0].changes == {"name": "Thema 0"}
