"""The minutes, evaluation, rounds, planning and rules models moved out of regiobureau
without moving a row: a database filled with the demo migrates back across the split and
forward again with the same rows in every table, and the content types (which audit records,
PDFs and search entries point at) follow the models."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from evaluation.models import EvaluationAnswer, EvaluationSummary
from minutes.models import Minutes, MinutesEntry
from planning.models import PlannedTopic, ProposedDocument
from rounds.models import RoundVote, WrittenRound
from rules.models import RulesAdoption

MOVED = {
    "minutes": ["minutes", "minutesentry", "minutesrevision", "minutescomment"],
    "evaluation": [
        "evaluationanswer",
        "evaluationreceipt",
        "evaluationinvitation",
        "evaluationsummary",
    ],
    "rounds": ["writtenround", "roundvote"],
    "planning": ["plannedtopic", "proposeddocument"],
    "rules": ["rulesadoption"],
}


# Tables created by migrations after the split (absent when migrated back to before it).
LATER_TABLES = (
    "middelen_coremessage",
    "middelen_costkeypartner",
    "middelen_costkeyyear",
    "middelen_population",
    "planning_meetingseries",
    "planning_meetingseries_meetings",
    "regiobureau_annotationreview",
    "consultaties_consultation",
    "consultaties_consultation_subregions",
    "consultaties_councilrecess",
    "consultaties_councilresponse",
    "consultaties_workinggroupadvice",
    "netwerk_outcomeentry",
    "netwerk_outcomeshare",
    "vragen_councilquestion",
)


def row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 -- our own table names
            counts[table] = cursor.fetchone()[0]
    return counts


def content_type_labels() -> dict[str, str]:
    return dict(
        ContentType.objects.filter(
            model__in=[model for models in MOVED.values() for model in models]
        ).values_list("model", "app_label")
    )


# nhn_demo: the database `load_nhn --demo` leaves (with quick stand-ins for WeasyPrint's PDFs;
# the PDFs themselves are tested elsewhere), committed, as the migrations need it.
@pytest.mark.django_db(transaction=True)
def test_the_demo_migrates_across_the_split_and_back_without_losing_a_row(nhn_demo):
    # The demo fills every moved table the split could lose.
    for model in (
        Minutes,
        MinutesEntry,
        EvaluationAnswer,
        EvaluationSummary,
        WrittenRound,
        RoundVote,
        PlannedTopic,
        ProposedDocument,
        RulesAdoption,
    ):
        assert model.objects.exists(), model
    before = row_counts()
    assert content_type_labels() == {m: app for app, ms in MOVED.items() for m in ms}
    audit_types = set(apps.get_model("core", "AuditRecord").objects.values_list("content_type"))

    # Back to before the split: only Django's model state changes.
    for app in MOVED:
        call_command("migrate", app, "zero", verbosity=0)
    call_command("migrate", "regiobureau", "0013", verbosity=0)
    at_split = row_counts()
    # Going back past the migrations that came after the split drops the tables they made
    # (their rows are later features' own: the recurring series, the reviews of annotations);
    # the split itself keeps every row of every other table.
    later = set(before) - set(at_split)
    assert later == set(LATER_TABLES)
    assert at_split == {table: count for table, count in before.items() if table not in later}
    assert content_type_labels() == {m: "regiobureau" for ms in MOVED.values() for m in ms}

    # And forward again, as a deployed database takes the split.
    call_command("migrate", verbosity=0)
    kept = {table: count for table, count in before.items() if table not in later}
    assert {table: count for table, count in row_counts().items() if table not in later} == kept
    assert content_type_labels() == {m: app for app, ms in MOVED.items() for m in ms}
    # The audit trail still points at the same content types, now named by the new apps.
    assert (
        set(apps.get_model("core", "AuditRecord").objects.values_list("content_type"))
        == audit_types
    )
    minutes = Minutes.objects.select_related("meeting").first()
    assert minutes.entries.exists() and minutes.meeting.pk
