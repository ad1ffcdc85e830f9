"""What the councils did with the letters: per copy its agenda dates and outcomes, and per
letter (or per decision, over the letters that carry it) in how many councils it was dealt
with ("besproken in 11 van de 17 raden")."""

from django.db.models import QuerySet

from raden.constants import Addressee
from raden.models.discussions import LetterDiscussion
from raden.models.letters import CouncilLetter, CouncilLetterDelivery


def discussions_for_delivery(delivery: CouncilLetterDelivery) -> QuerySet[LetterDiscussion]:
    return delivery.discussions.all()


def letter_discussion_counts(*, letter: CouncilLetter | None = None, decision=None) -> dict:
    """{"discussed": councils that put it on an agenda and recorded an outcome, "scheduled":
    councils that put it on an agenda, "total": councils that received it}; for a decision,
    over every issued letter that carries it."""
    copies = CouncilLetterDelivery.objects.filter(addressee=Addressee.COUNCIL)
    if letter is not None:
        copies = copies.filter(letter=letter)
    elif decision is not None:
        copies = copies.filter(letter__items__decision=decision, letter__issued_at__isnull=False)
    else:
        raise ValueError("a letter or a decision")
    discussions = LetterDiscussion.objects.filter(delivery__in=copies)
    return {
        "total": copies.values("municipality").distinct().count(),
        "scheduled": discussions.values("delivery__municipality").distinct().count(),
        "discussed": discussions.exclude(outcome="")
        .values("delivery__municipality")
        .distinct()
        .count(),
    }


def discussion_counts_by_letter(letter_ids) -> dict[int, int]:
    """{letter id: councils that dealt with it}, in one query (the distribution dashboard)."""
    rows = (
        LetterDiscussion.objects.filter(
            delivery__letter_id__in=list(letter_ids), delivery__addressee=Addressee.COUNCIL
        )
        .exclude(outcome="")
        .values_list("delivery__letter_id", "delivery__municipality_id")
        .distinct()
    )
    counts: dict[int, int] = {}
    for letter_id, _municipality in rows:
        counts[letter_id] = counts.get(letter_id, 0) + 1
    return counts


def council_agenda_dates(town) -> QuerySet[LetterDiscussion]:
    """The agenda dates the council of `town` recorded for the issued letters (public, as the
    letters and the council's agenda are): the griffie's feeds carry them."""
    return (
        LetterDiscussion.objects.filter(
            delivery__municipality=town,
            delivery__addressee=Addressee.COUNCIL,
            delivery__letter__issued_at__isnull=False,
        )
        .select_related("delivery__letter")
        .order_by("agenda_date", "pk")
    )
