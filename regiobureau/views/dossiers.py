"""Dossiers: a topic's trail through bodies and meetings (werkgroep → … → stuurgroep)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from nhn_portal.core.portal import page_panels
from regiobureau.selectors.decisions import decisions_for_dossier
from regiobureau.selectors.dossiers import access_dossier, dossier_trail
from regiobureau.selectors.dossiers import dossier_list as dossier_list_selector


@login_not_required
def dossier_list(request):
    return render(
        request,
        "regiobureau/dossier_list.html",
        {"dossiers": dossier_list_selector(user=request.user)},
    )


@login_not_required
def dossier_detail(request, slug: str):
    """The trail shows only the items the reader may see (selectors.dossier_trail); apps above
    add their sections as "dossier" panels (raden: which councils were informed)."""
    dossier = access_dossier(user=request.user, slug=slug)
    slots, panels = page_panels("dossier", request, dossier=dossier)
    return render(
        request,
        "regiobureau/dossier_detail.html",
        {
            "dossier": dossier,
            "trail": dossier_trail(user=request.user, dossier=dossier),
            # What was decided on it.
            "decisions": decisions_for_dossier(user=request.user, dossier=dossier),
            "slots": slots,
            **panels,
        },
    )
