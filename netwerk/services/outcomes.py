"""The ledger of outcomes (what each sub-region gets): writes by the secretariat, each
validated and audited in one transaction."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gremia.constants import OrganisationKind
from netwerk.models.outcomes import OutcomeEntry, OutcomeShare
from nhn_portal.core.audit import audit_record_create, audited_update
from nhn_portal.core.constants import AuditAction

HUNDRED = Decimal(100)


def _check_shares(shares) -> list[tuple]:
    """(municipality, weight or None) pairs: municipalities only, each once, and weights given
    for all or none; given weights add up to 100 %."""
    shares = list(shares)
    seen = set()
    for municipality, _weight in shares:
        if municipality.kind != OrganisationKind.MUNICIPALITY:
            raise ValidationError(
                _("%(name)s is not a municipality.") % {"name": municipality.name},
                code="not_municipality",
            )
        if municipality.pk in seen:
            raise ValidationError(
                _("%(name)s is named twice.") % {"name": municipality.name}, code="twice"
            )
        seen.add(municipality.pk)
    weights = [weight for _m, weight in shares if weight is not None]
    if weights and len(weights) != len(shares):
        raise ValidationError(
            _("Give a share for every municipality, or for none (an even split)."),
            code="shares_partial",
        )
    if weights and sum(weights) != HUNDRED:
        raise ValidationError(
            _("The shares add up to %(sum)s %%, not 100 %%.") % {"sum": sum(weights)},
            code="shares_sum",
        )
    return shares


def _check_places(entry: OutcomeEntry, shares: list) -> None:
    if shares and entry.subregion_id:
        raise ValidationError(
            _("Name either a whole sub-region or municipalities, not both."), code="places_both"
        )
    if not shares and not entry.subregion_id and not entry.project_id:
        raise ValidationError(
            _("Name the municipalities or the sub-region where the money lands."),
            code="places_missing",
        )


def _set_shares(entry: OutcomeEntry, shares: list) -> None:
    entry.shares.all().delete()
    OutcomeShare.objects.bulk_create(
        OutcomeShare(entry=entry, municipality=municipality, weight=weight)
        for municipality, weight in shares
    )


@transaction.atomic
def outcome_entry_create(
    *,
    actor,
    title: str,
    kind: str,
    amount: Decimal,
    year: int,
    subregion=None,
    project=None,
    decision=None,
    confidential: bool = False,
    shares=(),
) -> OutcomeEntry:
    """A new entry in the ledger; `shares` are (municipality, weight in % or None). The
    views let only the secretariat call it."""
    shares = _check_shares(shares)
    entry = OutcomeEntry(
        title=title.strip(),
        kind=kind,
        amount_cents=int((Decimal(amount) * 100).to_integral_value()),
        year=year,
        subregion=subregion,
        project=project,
        decision=decision,
        confidential=confidential,
    )
    entry.full_clean()
    _check_places(entry, shares)
    entry.save()
    _set_shares(entry, shares)
    audit_record_create(
        actor=actor, obj=entry, action=AuditAction.CREATE, verb="outcome_entry_create"
    )
    return entry


@transaction.atomic
def outcome_entry_update(*, actor, entry: OutcomeEntry, shares=(), **values) -> OutcomeEntry:
    """Change an entry; its municipalities are replaced by `shares`."""
    shares = _check_shares(shares)
    entry = OutcomeEntry.objects.select_for_update().get(pk=entry.pk)
    if "amount" in values:
        values["amount_cents"] = int((Decimal(values.pop("amount")) * 100).to_integral_value())
    if "title" in values:
        values["title"] = values["title"].strip()
    before = sorted((s.municipality_id, str(s.weight)) for s in entry.shares.all())

    def before_save():
        _check_places(entry, shares)

    entry = audited_update(
        actor=actor, obj=entry, verb="outcome_entry_update", before_save=before_save, **values
    )
    after = sorted((m.pk, str(w)) for m, w in shares)
    if before != after:
        _set_shares(entry, shares)
        audit_record_create(
            actor=actor,
            obj=entry,
            action=AuditAction.UPDATE,
            verb="outcome_entry_shares",
            changes={"shares": {"before": before, "after": after}},
        )
    return entry
