"""Dossiers: a topic's trail through bodies and meetings (werkgroep → … → stuurgroep)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from nhn_portal.core.portal import page_panels
from regiobureau import selectors


@login_not_required
def dossier_list(request):
    return render(
        request,
        "regiobureau/dossier_list.html",
        {"dossiers": selectors.dossier_list(user=request.user)},
    )


@login_not_required
def dossier_detail(request, slug: str):
    """The trail shows only the items the reader may see (selectors.dossier_trail); apps above
    add their sections as "dossier" panels (raden: which councils were informed)."""
    dossier = selectors.access_dossier(user=request.user, slug=slug)
    slots, panels = page_panels("dossier", request, dossier=dossier)
    return render(
        request,
        "regiobureau/dossier_detail.html",
        {
            "dossier": dossier,
            "trail": selectors.dossier_trail(user=request.user, dossier=dossier),
            # Issue 5: what was decided on it.
            "decisions": selectors.decisions_for_dossier(user=request.user, dossier=dossier),
            "slots": slots,
            **panels,
        },
    )
