"""The public portal: pages anyone may open without a login, showing only what an anonymous
visitor may see (publiek.selectors reads the lower floors as an AnonymousUser). Each page has
one canonical URL and works without JavaScript.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from consultaties.selectors import public_consultations
from middelen.selectors import core_message_current
from nhn_portal.core import ratelimit, search
from nhn_portal.core.http import no_store, vary_on_htmx
from raden.selectors.discussions import letter_discussion_counts
from raden.selectors.letters import letter_items, letter_paragraphs

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
        "consultations": public_consultations()[:5],
        "core_message": core_message_current(),
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
        "decisions": selectors.decisions_of_body(body=body),
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
def decision_detail(request, pk):
    """An adopted decision on a public item: its text, rule and outcome, the meeting, the
    dossier and the council letters it led to. 404 for anything a visitor may not see."""
    decision = selectors.access_decision(pk=pk)
    letters = selectors.decision_letters(decision)
    context = {
        "decision": decision,
        "item": decision.item,
        "meeting": decision.item.meeting,
        "decision_list": decision.item.meeting.decision_list,
        "votes": list(decision.votes.all()),
        "letters": letters,
        # What the councils did with it: in how many of them it was on an agenda.
        "discussions": letter_discussion_counts(decision=decision) if letters else None,
        "decision_list_pdf": selectors.decision_list_pdf(decision.item.meeting),
    }
    return render(request, "publiek/decision_detail.html", context)


@login_not_required
def letter_list(request):
    return render(request, "publiek/letter_list.html", {"letters": selectors.letter_list()})


@login_not_required
def letter_detail(request, pk):
    letter = selectors.access_letter(pk=pk)
    context = {
        "letter": letter,
        "items": letter_items(letter),
        "paragraphs": letter_paragraphs(letter),
    }
    return render(request, "publiek/letter_detail.html", context)


SORTS = ("relevance", "date")
PAGE_SIZE = 20


@login_not_required
def search_page(request):
    """One search box for everything: a plain GET form; with htmx the results
    update while typing (the same view answers with the #results partial). Results are
    filtered by the reader's visibility in `core.search.visible_entries`. A visitor without a
    login gets a limited number of searches a minute per address (429 beyond it)."""
    if not request.user.is_authenticated:
        decision = ratelimit.consume(ratelimit.SEARCH, request)
        if not decision.allowed:
            return vary_on_htmx(ratelimit.too_many_requests(request, decision))
    raw = request.GET.get("q", "")
    query = search.clean_query(raw)
    sort = request.GET.get("sortering") if request.GET.get("sortering") in SORTS else "relevance"
    filters = {name: request.GET.get(name, "")[:200] for name in search.FACETS}
    try:
        page = max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        page = 1
    page = min(page, 50)
    result = search.search(
        user=request.user,
        query=query,
        filters=filters,
        sort=sort,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    params = request.GET.copy()
    params.pop("pagina", None)
    context = {
        "result": result,
        "query": query,
        "too_long": len(raw.strip()) > search.MAX_QUERY_LENGTH,
        "sort": sort,
        "filters": filters,
        "facets": _facet_links(result, filters, params),
        "page": page,
        "has_next": page * PAGE_SIZE < result.total,
        "count_cap": search.COUNT_CAP,
        "params": params.urlencode(),
    }
    template = "publiek/search.html#results" if request.htmx else "publiek/search.html"
    response = vary_on_htmx(render(request, template, context))
    if request.user.is_authenticated:
        # A member's results may name confidential things: nothing keeps them.
        no_store(response)
    return response


def _facet_links(result, filters, params) -> list[dict]:
    """Each facet with its values as links that set (or, when chosen, remove) that filter."""
    facets = []
    for name, values in result.facets.items():
        if not values:
            continue
        others = _without(params, name)
        links = []
        for value, label, count in values:
            chosen = filters.get(name) == value
            query = others if chosen else QueryDict(others, mutable=True)
            if not chosen:
                query[name] = value
                query = query.urlencode()
            links.append({"label": label, "count": count, "chosen": chosen, "href": f"?{query}"})
        facets.append({"label": FACET_LABELS[name], "links": links})
    return facets


def _without(params, *names) -> str:
    copy = params.copy()
    for name in names:
        copy.pop(name, None)
    return copy.urlencode()


FACET_LABELS = {
    "kind": _("Kind"),
    "body_name": _("Body"),
    "theme_name": _("Theme"),
    "dossier_name": _("Dossier"),
    "year": _("Year"),
}
