"""How a council wants to be informed, recorded by its own griffie."""

from django.db import transaction

from gremia.models.registry import Organisation
from nhn_portal.core.audit import audited_create, audited_update
from nhn_portal.core.tasking import enqueue_on_commit
from raden.constants import InformationPreference
from raden.models.preferences import CouncilPreference

DIGEST_TASK = "raden.tasks.council_digest"

PREFERENCE_FIELDS = ["preference", "note"]


@transaction.atomic
def council_preference_set(
    *, actor, municipality: Organisation, preference: str, note: str = ""
) -> CouncilPreference:
    """Record (or change) the council's preference; audited either way."""
    existing = (
        CouncilPreference.objects.select_for_update().filter(municipality=municipality).first()
    )
    if existing is not None:
        if existing.preference == InformationPreference.DIGEST != preference:
            # What waited for the digest goes out now, not never.
            enqueue_on_commit(DIGEST_TASK, municipality.pk)
        return audited_update(
            actor=actor,
            obj=existing,
            verb="council_preference_set",
            recorded=PREFERENCE_FIELDS,
            preference=preference,
            note=note.strip(),
            updated_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
    record = CouncilPreference(
        municipality=municipality,
        preference=preference,
        note=note.strip(),
        updated_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audited_create(
        actor=actor, obj=record, verb="council_preference_set", changes={"preference": preference}
    )
    return record
