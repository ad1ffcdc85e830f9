"""Issuing a council letter costs the same number of queries for 10 copies as for 38: the
copies, their generation jobs, the audit records and the outbox rows are written in bulk."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from gremia.constants import OrganisationKind
from gremia.models.registry import Organisation
from nhn_portal.core.models import AuditRecord, GenerationJob
from raden.models.letters import CouncilLetter, CouncilLetterDelivery
from raden.services.issuing import council_letter_issue
from tests.builders import letter_for
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# The whole issue, whatever the number of copies (measured; a change here is a regression
# unless the issue itself gained a step). PostgreSQL writes the letter's search vector in one
# more statement (core.search's tsvector update).
ISSUE_QUERIES = {"postgresql": 25}.get(connection.vendor, 24)


def _letter(meeting, secretary, region, *, copies):
    """An adopted letter with a collegebrief and a summary: a council and a college copy per
    municipality plus one per sub-region office (four). 38 copies with all 17 municipalities,
    10 when only three of them remain municipalities."""
    letter = letter_for(meeting, secretary, region)
    CouncilLetter.objects.filter(pk=letter.pk).update(
        college_text="Aan het college.", subregion_summary="Samenvatting."
    )
    for subregion in {org.subregion for org in region.values()}:
        OrganisationFactory(kind=OrganisationKind.SUBREGIONAL_OFFICE, subregion=subregion)
    OrganisationFactory(kind=OrganisationKind.SUBREGIONAL_OFFICE)  # a fourth sub-region
    if copies == 10:
        keep = sorted(org.pk for org in region.values())[:3]
        Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).exclude(pk__in=keep).update(
            kind=OrganisationKind.OTHER
        )
    letter.refresh_from_db()
    return letter


@pytest.mark.parametrize("copies", [10, 38])
def test_issue_costs_the_same_queries_for_any_number_of_copies(
    copies, secretary, meeting_with_decision, region, django_assert_num_queries
):
    letter = _letter(meeting_with_decision, secretary, region, copies=copies)
    ContentType.objects.get_for_model(GenerationJob)  # the cache warm, as in a running site
    with django_assert_num_queries(ISSUE_QUERIES):
        council_letter_issue(actor=secretary, letter=letter)
    deliveries = CouncilLetterDelivery.objects.filter(letter=letter)
    assert deliveries.count() == copies
    assert not deliveries.filter(job__isnull=True).exists()
    assert GenerationJob.objects.filter(object_id=letter.pk).count() == copies
    assert AuditRecord.objects.filter(verb="document_generation_request").count() == copies
    assert AuditRecord.objects.filter(
        verb="council_letter_issue", object_id=str(letter.pk)
    ).exists()
