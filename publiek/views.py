"""The public portal: pages anyone may open without a login, showing only what an anonymous
visitor may see (publiek.selectors reads the lower floors as an AnonymousUser). Each page has
one canonical URL and works without JavaScript.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render

from raden import selectors as raden_selectors

from . import selectors


@login_not_required
def front_page(request):
    """`/` for a visitor (registered with core's `home` in publiek.portal)."""
    context = {
        "region": selectors.region_at_a_glance(),
        "bodies": selectors.body_list(),
        "meetings": selectors.meetings_upcoming(),
        "decisions": selectors.decisions_latest(),
        "letters": selectors.letters_latest(),
    }
    return render(request, "publiek/front_page.html", context)


@login_not_required
def body_list(request):
    return render(request, "publiek/body_list.html", {"bodies": selectors.body_list()})


@login_not_required
def body_detail(request, slug):
    body = selectors.access_body(slug=slug)
    context = {
        "body": body,
        "seats": selectors.body_public_seats(body=body),
        "years": selectors.meeting_years(body=body),
        "upcoming": [m for m in selectors.meetings_upcoming(limit=50) if m.body_id == body.pk][:5],
    }
    return render(request, "publiek/body_detail.html", context)


@login_not_required
def meeting_archive(request, slug, year):
    body = selectors.access_body(slug=slug)
    if not 1900 <= year <= 2999:
        raise Http404
    context = {
        "body": body,
        "year": year,
        "meetings": selectors.meeting_archive(body=body, year=year),
        "years": selectors.meeting_years(body=body),
    }
    return render(request, "publiek/meeting_archive.html", context)


@login_not_required
def letter_list(request):
    return render(request, "publiek/letter_list.html", {"letters": selectors.letter_list()})


@login_not_required
def letter_detail(request, pk):
    letter = selectors.access_letter(pk=pk)
    context = {
        "letter": letter,
        "items": raden_selectors.letter_items(letter),
        "paragraphs": raden_selectors.letter_paragraphs(letter),
    }
    return render(request, "publiek/letter_detail.html", context)
