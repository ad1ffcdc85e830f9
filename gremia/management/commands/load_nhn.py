"""`manage.py load_nhn [--demo]`: load the real NHN structure, optionally with demo data.

Idempotent and respectful of edits: what exists (by slug, or e-mail for demo persons and
logins) is left as it is, so running it twice, or on an edited database, changes nothing.
Output is Dutch for the operator who runs the set-up; it is not part of the UI catalogue.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from gremia.demo import load_demo
from gremia.reference import LoadReport, load_reference


class Command(BaseCommand):
    help = "Laadt de basisregio's, organisaties, thema's en gremia van NHN (--demo: demodata)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Voeg fictieve personen, lidmaatschappen en demo-logins toe (alleen met DEBUG).",
        )

    def handle(self, *args, demo: bool = False, **options):
        if demo and not settings.DEBUG:
            # The demo logins share a published password; they must never reach production.
            raise CommandError(
                "Demodata en demo-logins worden alleen aangemaakt als DEBUG aan staat; "
                "start opnieuw met DEBUG=1 of laat --demo weg."
            )
        report = LoadReport()
        with transaction.atomic():
            load_reference(report=report)
            if demo:
                load_demo(report=report)
        self.stdout.write("Referentiedata NHN" + (" en demodata" if demo else "") + " geladen:")
        for line in report.lines():
            self.stdout.write(f"  {line}")
        if demo:
            # The demo meetings need the demo logins and memberships above; they live with
            # the meetings in regiobureau, which builds on the registry (not the other way).
            from regiobureau.demo import load_demo_meetings

            with transaction.atomic():
                load_demo_meetings(stdout=self.stdout)
            # Decisions, actions and a council letter on the demo Platform Wonen meeting.
            from raden.demo import load_demo_council_letters

            with transaction.atomic():
                load_demo_council_letters(stdout=self.stdout)
        if not report.created:
            self.stdout.write(self.style.SUCCESS("Alles was al aanwezig; niets gewijzigd."))
        else:
            self.stdout.write(self.style.SUCCESS(f"{report.created.total()} objecten aangemaakt."))
