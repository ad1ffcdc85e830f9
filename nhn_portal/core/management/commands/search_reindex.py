"""`manage.py search_reindex`: rebuild the search index from every registered indexer's
objects (after the upgrade that brought search, or to repair it). Safe to run twice."""

from django.core.management.base import BaseCommand

from nhn_portal.core import search


class Command(BaseCommand):
    help = "Rebuild the search index of every searchable object."

    def handle(self, *args, **options):
        total = search.search_index_rebuild()
        self.stdout.write(f"{total} entries indexed.")
