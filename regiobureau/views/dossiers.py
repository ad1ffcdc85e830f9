"""Dossiers: a topic's trail through bodies and meetings (werkgroep → … → stuurgroep)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from raden import selectors as raden_selectors
from regiobureau import decision_selectors, selectors


@login_not_required
def dossier_list(request):
    return render(
        request,
        "regiobureau/dossier_list.html",
        {"dossiers": selectors.dossier_list(user=request.user)},
    )


@login_not_required
def dossier_detail(request, slug: str):
    """The trail shows only the items the reader may see (selectors.dossier_trail)."""
    dossier = selectors.access_dossier(user=request.user, slug=slug)
    return render(
        request,
        "regiobureau/dossier_detail.html",
        {
            "dossier": dossier,
            "trail": selectors.dossier_trail(user=request.user, dossier=dossier),
            # Issue 5: what was decided on it, and which councils were informed.
            "decisions": decision_selectors.decisions_for_dossier(
                user=request.user, dossier=dossier
            ),
            "council_letters": raden_selectors.council_letters_for_dossier(
                user=request.user, dossier=dossier
            ),
        },
    )
