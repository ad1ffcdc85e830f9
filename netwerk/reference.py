"""Reference data: the related programme tables the report names beside NHN (the ring around
the base model), with the mutual "afstemming" appointments by role. Public information about
organisations; no private persons. Idempotent: a table with the same name is left alone."""

from gremia.models.registry import Body, Theme
from netwerk.models.tables import RelatedTable
from netwerk.services.tables import alignment_add, related_table_create
from nhn_portal.core.seeding import LoadReport

STEERING_GROUP = "publieke-stuurgroep-nhn"

# (name, purpose, NHN body slug, theme slug, meeting rhythm, [(attends, role from NHN)])
RELATED_TABLES = [
    (
        "Energieregio NHN (RES NHN)",
        "De Regionale Energiestrategie: opwek van duurzame energie, warmte en het energienet in "
        "Noord-Holland Noord.",
        STEERING_GROUP,
        None,
        "Stuurgroep circa zes keer per jaar",
        [("Stuurgroep RES NHN", "Portefeuillehouder energie namens de publieke stuurgroep")],
    ),
    (
        "RPAnhn (Regionaal Platform Arbeidsmarktbeleid)",
        "Arbeidsmarktregio Noord-Holland Noord: werkgevers, onderwijs en overheden over werk en "
        "scholing.",
        "platform-economie",
        "economie",
        "Bestuur circa vier keer per jaar",
        [("Bestuur RPAnhn", "Voorzitter Platform Economie")],
    ),
    (
        "NHN Gezond",
        "Regionale samenwerking op gezondheid en zorg in Noord-Holland Noord.",
        STEERING_GROUP,
        None,
        "Kwartaaloverleg",
        [("Kwartaaloverleg NHN Gezond", "Regiosecretaris NHN")],
    ),
    (
        "Ontwikkelbedrijf NHN",
        "Regionale economische ontwikkelorganisatie: acquisitie, innovatie en vestigingsklimaat.",
        "platform-economie",
        "economie",
        "Raad van commissarissen en aandeelhoudersvergadering",
        [("Aandeelhoudersvergadering", "Portefeuillehouder economie")],
    ),
    (
        "Stichting Regio Deal Noord-Holland Noord",
        "Eigen stichting en programmaorganisatie van de Regio Deal NHN 2025–2029 (Beter Leren, "
        "Beter Leven, Beter Werken); bewust niet opgenomen in de NHN-governance.",
        STEERING_GROUP,
        None,
        "Stichtingsbestuur circa zes keer per jaar",
        [("Stichtingsbestuur", "Voorzitter publieke stuurgroep (afstemming)")],
    ),
]


def load_related_tables(*, report: LoadReport | None = None) -> int:
    bodies = {body.slug: body for body in Body.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    created = 0
    for name, purpose, body_slug, theme_slug, rhythm, alignments in RELATED_TABLES:
        present = RelatedTable.objects.filter(name=name).exists()
        if report is not None:
            report.count("verbonden tafels", created=not present)
        if present:
            continue
        table = related_table_create(
            actor=None,
            name=name,
            purpose=purpose,
            body=bodies.get(body_slug),
            theme=themes.get(theme_slug) if theme_slug else None,
            meeting_rhythm=rhythm,
        )
        for attends, role in alignments:
            alignment_add(actor=None, table=table, attends=attends, attendee_role=role)
        created += 1
    return created
