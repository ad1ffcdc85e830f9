"""`manage.py search_reindex`: rebuild the search index from every registered indexer's
objects (after the upgrade that brought search, or to repair it). Safe to run twice."""

from django.core.management.base import BaseCommand
from django.db import transaction

from nhn_portal.core import search


class Command(BaseCommand):
    help = "Rebuild the search index (issue 11)."

    def handle(self, *args, **options):
        total = 0
        for model in search.indexers():
            ids = list(model._default_manager.values_list("pk", flat=True).order_by("pk"))
            for start in range(0, len(ids), 500):
                with transaction.atomic():
                    chunk = model._default_manager.filter(pk__in=ids[start : start + 500])
                    total += search.search_entries_refresh(objects=search.prepare(model, chunk))
        self.stdout.write(f"{total} entries indexed.")
