"""`manage.py load_nhn [--demo]`: load the real NHN structure, optionally with demo data.

Asks each app for its reference and demo data through the seed registry
(nhn_portal.core.seeding), lower floors first. Idempotent and respectful of edits: what exists
(by slug, or e-mail for demo persons and logins) is left as it is, so running it twice, or on
an edited database, changes nothing. Output is Dutch for the operator who runs the set-up; it
is not part of the UI catalogue.
"""

from django.conf import settings
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from nhn_portal.core import search
from nhn_portal.core.seeding import LoadReport, registered_seeds
from nhn_portal.core.tasking import tasks_run_inline

MEMORY_MAIL = "django.core.mail.backends.locmem.EmailBackend"


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
        seeds = registered_seeds()
        with transaction.atomic():
            for seed in seeds:
                if seed.reference is not None:
                    seed.reference(report)
        if demo:
            # One transaction per app: each later app's demo builds on the ones before it. The
            # tasks the demo's services enqueue run here, not in the worker's queue:
            # a new user's first PDF must not wait behind the demo's 17 letters and mails).
            # The mails of that history (to demo addresses) are kept in memory, not sent or
            # printed: only the count is reported.
            # The services' search refreshes wait for one rebuild at the end (a fifth of the
            # demo's time went into re-indexing the same items after each step).
            with (
                tasks_run_inline(),
                override_settings(EMAIL_BACKEND=MEMORY_MAIL),
                search.search_refresh_deferred() as skipped,
            ):
                sent_before = len(getattr(mail, "outbox", []))
                for seed in seeds:
                    if seed.demo is not None:
                        with transaction.atomic():
                            seed.demo(report)
                demo_mails = len(getattr(mail, "outbox", [])) - sent_before
            if report.anything_created or skipped:
                # The search index also covers what the demo made without a service.
                search.search_index_rebuild()
        self.stdout.write("Referentiedata NHN" + (" en demodata" if demo else "") + " geladen:")
        for line in report.lines():
            self.stdout.write(f"  {line}")
        if demo and demo_mails:
            self.stdout.write(f"  e-mails van de demo (niet verstuurd): {demo_mails}")
        if not report.anything_created:
            self.stdout.write(self.style.SUCCESS("Alles was al aanwezig; niets gewijzigd."))
        else:
            self.stdout.write(self.style.SUCCESS(f"{report.created.total()} objecten aangemaakt."))
