"""The rules of play (spelregelnotitie) and the cooperation agreement."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from gremia.constants import (
    OrganisationKind,
    RulesStatus,
)
from gremia.models.registry import Body, Organisation
from gremia.models.rules import AgreementAdoption, RulesOfPlay
from nhn_portal.core.access import is_secretariat

from .common import _sort_key
from .registry import body_list_active

# --- rules of play -----------------------------------------------------------------------------


def _rules_visible(user) -> Q:
    """Adopted and superseded versions are open to every logged-in user; drafts only to the
    secretariat, who write them."""
    if is_secretariat(user):
        return Q()
    return ~Q(status=RulesStatus.DRAFT)


def rules_get(*, user, pk: int) -> RulesOfPlay | None:
    """One version the user may see, or None."""
    return RulesOfPlay.objects.filter(_rules_visible(user), pk=pk).select_related("body").first()


def rules_current(*, body: Body | None) -> RulesOfPlay | None:
    """The adopted version of a body's (body None: the NHN-wide) rules of play, or None."""
    scope = RulesOfPlay.objects.filter(status=RulesStatus.ADOPTED)
    scope = scope.filter(body=body) if body else scope.filter(body__isnull=True)
    return scope.order_by("-version").first()


def rules_versions(*, user, body: Body | None) -> list[RulesOfPlay]:
    """Every version of one scope the user may see, newest first."""
    scope = RulesOfPlay.objects.filter(_rules_visible(user))
    scope = scope.filter(body=body) if body else scope.filter(body__isnull=True)
    return list(scope.select_related("body").order_by("-version"))


def rules_overview(*, user) -> dict:
    """The NHN-wide versions and, per body, its versions (newest first) that the user may
    see; active bodies without any version are listed as such. Two queries."""
    versions = list(
        RulesOfPlay.objects.filter(_rules_visible(user)).select_related("body").order_by("-version")
    )
    nhn = [rules for rules in versions if rules.body_id is None]
    per_body: dict[int, list[RulesOfPlay]] = defaultdict(list)
    for rules in versions:
        if rules.body_id is not None:
            per_body[rules.body_id].append(rules)
    bodies = sorted(body_list_active(), key=_sort_key)
    return {
        "nhn": nhn,
        "bodies": [(body, per_body.get(body.pk, [])) for body in bodies],
    }


# --- the cooperation agreement -----------------------------------------------------------------

AGREEMENT_KINDS = (
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.PROVINCE,
    OrganisationKind.WATER_BOARD,
)


def agreement_overview() -> dict:
    """Every party to the samenwerkingsovereenkomst (municipalities, province, water board)
    with its adoption (None when nothing is recorded), and how many adopted; one query."""
    parties = list(
        Organisation.objects.filter(kind__in=AGREEMENT_KINDS)
        .select_related("subregion", "agreement_adoption")
        .order_by("kind", "subregion__name", "name")
    )
    rows = []
    for organisation in parties:
        try:
            adoption = organisation.agreement_adoption
        except AgreementAdoption.DoesNotExist:
            adoption = None
        rows.append((organisation, adoption))
    adopted = sum(1 for _organisation, adoption in rows if adoption and adoption.adopted)
    return {"rows": rows, "adopted": adopted, "total": len(rows)}
