"""Reading the cost key and the core message; drafts only for the secretariat."""

from dataclasses import dataclass
from decimal import Decimal

from middelen.arithmetic import Share, cost_shares
from middelen.models import CoreMessage, CostKeyPartner, CostKeyStatus, CostKeyYear, Population
from nhn_portal.core.access import is_secretariat
from nhn_portal.core.constants import Role


def can_see_cost_key(user) -> bool:
    """The secretariat and the partners' members (bestuurders, ambtenaren); a griffie works
    for a council, not for the regiobureau's budget, and does not."""
    if is_secretariat(user):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.role_names & {Role.ADMINISTRATOR, Role.CIVIL_SERVANT})


def cost_key_visible(user, year: int) -> CostKeyYear | None:
    """The cost key of `year` the user may see: for the secretariat the latest version
    (a draft included), for the members the latest adopted version, for others nothing."""
    if not can_see_cost_key(user):
        return None
    keys = CostKeyYear.objects.filter(year=year)
    if not is_secretariat(user):
        keys = keys.filter(status=CostKeyStatus.ADOPTED)
    return keys.select_related("decision__item__meeting").order_by("-version").first()


@dataclass(frozen=True)
class PartnerRow:
    partner: CostKeyPartner
    inhabitants: int
    population: Population | None
    share: Share


def cost_key_rows(key: CostKeyYear) -> list[PartnerRow]:
    """Every partner with its inhabitants on the key's reference date (the latest figure on
    or before it) and its share of the budget."""
    partners = list(key.partners.select_related("organisation"))
    populations: dict[int, Population] = {}
    for population in Population.objects.filter(
        organisation__in=[p.organisation_id for p in partners], date__lte=key.population_date
    ).order_by("organisation_id", "date"):
        populations[population.organisation_id] = population
    inhabitants = [
        (p, populations[p.organisation_id].inhabitants if p.organisation_id in populations else 0)
        for p in partners
    ]
    shares = cost_shares(
        budget_cents=key.budget_cents,
        fixed_part_cents=key.fixed_part_cents,
        inhabitants=inhabitants,
    )
    return [
        PartnerRow(partner=p, inhabitants=n, population=populations.get(p.organisation_id), share=s)
        for (p, n), s in zip(inhabitants, shares, strict=True)
    ]


def cost_key_totals(rows: list[PartnerRow]) -> dict:
    return {
        "cents": sum(r.share.total_cents for r in rows),
        "percentage": sum((r.share.percentage for r in rows), Decimal(0)),
        "inhabitants": sum(r.inhabitants for r in rows),
        "in_kind_hours": sum(r.partner.in_kind_hours for r in rows),
    }


def core_message_current() -> CoreMessage | None:
    """The latest adopted version of the core message (public)."""
    return CoreMessage.objects.filter(adopted_on__isnull=False).order_by("-version").first()


def cost_key_versions(user, year: int) -> list[CostKeyYear]:
    """Every version of `year`'s cost key, for the secretariat (the history of the year)."""
    if not is_secretariat(user):
        return []
    return list(
        CostKeyYear.objects.filter(year=year)
        .select_related("decision__item__meeting")
        .order_by("-version")
    )


def cost_key_for_secretariat(*, year: int) -> CostKeyYear | None:
    """The latest version of `year`, the one the secretariat adopts (the view checks the role)."""
    return CostKeyYear.objects.filter(year=year).order_by("-version").first()


def core_message_versions(user) -> list[CoreMessage]:
    """The versions of the core message the user may see: adopted ones for everybody, drafts
    too for the secretariat; newest first."""
    messages = CoreMessage.objects.select_related("decision__item__meeting__body")
    if not is_secretariat(user):
        messages = messages.filter(adopted_on__isnull=False)
    return list(messages.order_by("-version"))
