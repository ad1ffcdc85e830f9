"""Writes of the netwerk app: every change is validated and audited in one transaction."""

import datetime
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from gremia.models import Body
from nhn_portal.core.audit import audit_record_create, audited_update
from nhn_portal.core.constants import AuditAction

from .constants import IMAGE_MAX_BYTES, IMAGE_MAX_SIDE, ProjectStatus, ReviewState
from .models import (
    Alignment,
    BoundarySpanner,
    ExternalMoment,
    LobbyContact,
    LobbyDossier,
    Opportunity,
    OpportunityStep,
    ProjectImage,
    RegioDealProject,
    RelatedTable,
)


def _require_future_deadline(deadline: datetime.date, today: datetime.date) -> None:
    if deadline < today:
        raise ValidationError(
            {"deadline": _("The deadline is in the past: this opportunity can no longer be met.")},
            code="deadline_past",
        )


@transaction.atomic
def opportunity_create(
    *,
    actor,
    title: str,
    kind: str,
    deciding_body: Body,
    signalled_on: datetime.date,
    deadline: datetime.date,
    description: str = "",
    source: str = "",
    today: datetime.date | None = None,
) -> Opportunity:
    """Record a signal with its external deadline and the body that must decide."""
    today = today or timezone.localdate()
    _require_future_deadline(deadline, today)
    if signalled_on > today:
        raise ValidationError(
            {"signalled_on": _("A signal cannot be dated in the future.")}, code="signal_future"
        )
    opportunity = Opportunity(
        title=title.strip(),
        kind=kind,
        deciding_body=deciding_body,
        signalled_on=signalled_on,
        deadline=deadline,
        description=description,
        source=source,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    opportunity.full_clean()
    opportunity.save()
    audit_record_create(
        actor=actor,
        obj=opportunity,
        action=AuditAction.CREATE,
        verb="opportunity_create",
        changes={"deadline": deadline.isoformat(), "deciding_body": str(deciding_body)},
    )
    return opportunity


def _locked(opportunity: Opportunity) -> Opportunity:
    locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if locked.is_decided:
        raise ValidationError(
            _("This opportunity was decided; its route can no longer change."), code="decided"
        )
    return locked


@transaction.atomic
def opportunity_step_add(
    *, actor, opportunity: Opportunity, body: Body, planned_on: datetime.date
) -> OpportunityStep:
    """Add the next stop of the route. A body only once (a route that loops back is refused),
    and never planned before the step it follows."""
    opportunity = _locked(opportunity)
    steps = list(opportunity.steps.select_related("body"))
    if any(step.body_id == body.pk for step in steps):
        raise ValidationError(
            {"body": _("This body is already on the route: a route may not loop back.")},
            code="loop",
        )
    if steps and planned_on < steps[-1].planned_on:
        raise ValidationError(
            {
                "planned_on": _(
                    "A step cannot be planned before the step it follows (%(body)s, %(date)s)."
                )
                % {"body": steps[-1].body, "date": steps[-1].planned_on.strftime("%d-%m-%Y")}
            },
            code="order",
        )
    if planned_on < opportunity.signalled_on:
        raise ValidationError(
            {"planned_on": _("A step cannot be planned before the signal.")}, code="before_signal"
        )
    position = (opportunity.steps.aggregate(last=Max("position"))["last"] or 0) + 1
    step = OpportunityStep(
        opportunity=opportunity, position=position, body=body, planned_on=planned_on
    )
    step.full_clean()
    step.save()
    audit_record_create(
        actor=actor,
        obj=opportunity,
        action=AuditAction.UPDATE,
        verb="opportunity_step_add",
        changes={"step": [None, f"{position}. {body} {planned_on.isoformat()}"]},
    )
    return step


@transaction.atomic
def opportunity_step_remove(*, actor, step: OpportunityStep) -> None:
    """Take a stop off the route; the later steps move up."""
    opportunity = _locked(step.opportunity)
    step = OpportunityStep.objects.select_related("body").get(pk=step.pk)
    description = f"{step.position}. {step.body} {step.planned_on.isoformat()}"
    step.delete()
    for position, later in enumerate(opportunity.steps.order_by("position"), start=1):
        if later.position != position:
            later.position = position
            later.save(update_fields=["position", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=opportunity,
        action=AuditAction.UPDATE,
        verb="opportunity_step_remove",
        changes={"step": [description, None]},
    )


@transaction.atomic
def opportunity_step_complete(
    *, actor, step: OpportunityStep, done_on: datetime.date, today: datetime.date | None = None
) -> OpportunityStep:
    """The body dealt with the opportunity on `done_on` (not in the future)."""
    today = today or timezone.localdate()
    _locked(step.opportunity)
    if done_on > today:
        raise ValidationError(
            {"done_on": _("A step cannot be done in the future.")}, code="done_future"
        )
    return audited_update(actor=actor, obj=step, verb="opportunity_step_complete", done_on=done_on)


@transaction.atomic
def opportunity_decide(
    *,
    actor,
    opportunity: Opportunity,
    decided_on: datetime.date,
    outcome: str,
    today: datetime.date | None = None,
) -> Opportunity:
    """Record the decision; the lead time signal → decision follows from it."""
    today = today or timezone.localdate()
    opportunity = _locked(opportunity)
    if decided_on > today:
        raise ValidationError(
            {"decided_on": _("A decision cannot be dated in the future.")}, code="decided_future"
        )
    if not outcome:
        raise ValidationError({"outcome": _("Choose the outcome.")}, code="outcome")
    return audited_update(
        actor=actor,
        obj=opportunity,
        verb="opportunity_decide",
        decided_on=decided_on,
        outcome=outcome,
    )


# ---- Public-affairs agenda ------------------------------------------------------------------


@transaction.atomic
def lobby_dossier_create(
    *,
    actor,
    title: str,
    arena: str,
    position: str = "",
    lobbyist=None,
    carriers=(),
    decisions=(),
) -> LobbyDossier:
    """A new lobby dossier: confidential until someone decides otherwise."""
    dossier = LobbyDossier(title=title.strip(), arena=arena, position=position, lobbyist=lobbyist)
    dossier.full_clean()
    dossier.save()
    dossier.carriers.set(carriers)
    dossier.decisions.set(decisions)
    audit_record_create(
        actor=actor,
        obj=dossier,
        action=AuditAction.CREATE,
        verb="lobby_dossier_create",
        changes={"carriers": [str(person) for person in carriers]},
    )
    return dossier


@transaction.atomic
def lobby_dossier_set_confidential(
    *, actor, dossier: LobbyDossier, confidential: bool
) -> LobbyDossier:
    """Marking a dossier confidential withdraws its published summary in the same step."""
    dossier = LobbyDossier.objects.select_for_update().get(pk=dossier.pk)
    values = {"confidential": confidential}
    if confidential:
        values["summary_published_at"] = None
    return audited_update(actor=actor, obj=dossier, verb="lobby_dossier_set_confidential", **values)


@transaction.atomic
def lobby_dossier_publish_summary(*, actor, dossier: LobbyDossier, summary: str) -> LobbyDossier:
    """Publish the dossier's public summary; refused while the dossier is confidential."""
    dossier = LobbyDossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.confidential:
        raise ValidationError(
            _("This dossier is confidential: its summary cannot be published."),
            code="confidential",
        )
    if not summary.strip():
        raise ValidationError(
            {"public_summary": _("Write the public summary first.")}, code="empty"
        )
    return audited_update(
        actor=actor,
        obj=dossier,
        verb="lobby_dossier_publish_summary",
        public_summary=summary.strip(),
        summary_published_at=timezone.now(),
    )


@transaction.atomic
def lobby_contact_add(
    *, actor, dossier: LobbyDossier, organisation: str, role: str
) -> LobbyContact:
    """A contact by organisation and role; a contact without organisation is refused."""
    contact = LobbyContact(dossier=dossier, organisation=organisation.strip(), role=role.strip())
    contact.full_clean()
    contact.save()
    audit_record_create(
        actor=actor,
        obj=dossier,
        action=AuditAction.UPDATE,
        verb="lobby_contact_add",
        changes={"contact": [None, str(contact)]},
    )
    return contact


@transaction.atomic
def external_moment_add(
    *,
    actor,
    dossier: LobbyDossier,
    title: str,
    date: datetime.date,
    preparing_body: Body | None = None,
    today: datetime.date | None = None,
) -> ExternalMoment:
    """A key external moment; one in the past cannot be prepared for and is refused."""
    today = today or timezone.localdate()
    if date < today:
        raise ValidationError(
            {"date": _("This moment is in the past: there is nothing left to prepare.")},
            code="moment_past",
        )
    moment = ExternalMoment(
        dossier=dossier, title=title.strip(), date=date, preparing_body=preparing_body
    )
    moment.full_clean()
    moment.save()
    audit_record_create(
        actor=actor,
        obj=dossier,
        action=AuditAction.UPDATE,
        verb="external_moment_add",
        changes={"moment": [None, f"{moment} {date.isoformat()}"]},
    )
    return moment


# ---- Related tables ----------------------------------------------------------------------


@transaction.atomic
def related_table_create(
    *,
    actor,
    name: str,
    purpose: str,
    contact: str = "",
    body: Body | None = None,
    theme=None,
    meeting_rhythm: str = "",
) -> RelatedTable:
    table = RelatedTable(
        name=name.strip(),
        purpose=purpose.strip(),
        contact=contact.strip(),
        body=body,
        theme=theme,
        meeting_rhythm=meeting_rhythm.strip(),
    )
    table.full_clean()
    table.save()
    audit_record_create(
        actor=actor, obj=table, action=AuditAction.CREATE, verb="related_table_create"
    )
    return table


@transaction.atomic
def alignment_add(
    *, actor, table: RelatedTable, attends: str, attendee=None, attendee_role: str = ""
) -> Alignment:
    """Who from NHN attends what at a related table: a person or at least a role."""
    alignment = Alignment(
        table=table, attends=attends.strip(), attendee=attendee, attendee_role=attendee_role.strip()
    )
    alignment.full_clean()
    alignment.save()
    audit_record_create(
        actor=actor,
        obj=table,
        action=AuditAction.UPDATE,
        verb="alignment_add",
        changes={"alignment": [None, str(alignment)]},
    )
    return alignment


# ---- Regio Deal showcase -----------------------------------------------------------------


@transaction.atomic
def regio_deal_project_create(
    *,
    actor,
    title: str,
    line: str,
    summary: str,
    status: str = ProjectStatus.PREPARING,
    partners: str = "",
    results: str = "",
    municipalities=(),
) -> RegioDealProject:
    """A draft project; it is public only after the review step."""
    project = RegioDealProject(
        title=title.strip(),
        line=line,
        status=status,
        summary=summary.strip(),
        partners=partners.strip(),
        results=results.strip(),
    )
    project.full_clean()
    project.save()
    project.municipalities.set(municipalities)
    audit_record_create(
        actor=actor, obj=project, action=AuditAction.CREATE, verb="regio_deal_project_create"
    )
    return project


def _project_locked(project: RegioDealProject, *, state: str, message: str) -> RegioDealProject:
    project = RegioDealProject.objects.select_for_update().get(pk=project.pk)
    if project.review_state != state:
        raise ValidationError(message, code="review_state")
    return project


@transaction.atomic
def regio_deal_project_submit(*, actor, project: RegioDealProject) -> RegioDealProject:
    project = _project_locked(
        project, state=ReviewState.DRAFT, message=_("Only a draft can be submitted for review.")
    )
    return audited_update(
        actor=actor,
        obj=project,
        verb="regio_deal_project_submit",
        review_state=ReviewState.SUBMITTED,
        submitted_by=actor,
        recorded=["review_state"],
    )


@transaction.atomic
def regio_deal_project_review(
    *, actor, project: RegioDealProject, approve: bool
) -> RegioDealProject:
    """Approve (public from now on) or send back to draft; never by the one who submitted."""
    project = _project_locked(
        project,
        state=ReviewState.SUBMITTED,
        message=_("This project is not waiting for review."),
    )
    if project.submitted_by_id == getattr(actor, "pk", None):
        raise ValidationError(
            _("Someone other than the person who submitted the project must review it."),
            code="four_eyes",
        )
    return audited_update(
        actor=actor,
        obj=project,
        verb="regio_deal_project_approve" if approve else "regio_deal_project_reject",
        review_state=ReviewState.APPROVED if approve else ReviewState.DRAFT,
        approved_by=actor if approve else None,
        recorded=["review_state"],
    )


def _resized_jpeg(upload) -> tuple[ContentFile, int, int]:
    """The upload as a JPEG of at most IMAGE_MAX_SIDE pixels a side, without its metadata;
    a ValidationError (in Dutch) when it is too large or not an image."""
    if upload.size > IMAGE_MAX_BYTES:
        raise ValidationError(
            {
                "image": _("The picture is larger than %(mb)s MB.")
                % {"mb": IMAGE_MAX_BYTES // (1024 * 1024)}
            },
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            picture = image.convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            {"image": _("This file is not a picture (JPEG, PNG or WebP).")}, code="not_image"
        ) from None
    picture.thumbnail((IMAGE_MAX_SIDE, IMAGE_MAX_SIDE))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name="picture.jpg"), picture.width, picture.height


@transaction.atomic
def project_image_add(*, actor, project: RegioDealProject, upload, alt_text: str) -> ProjectImage:
    """A picture of a draft project: alt text required, checked, resized and re-encoded."""
    project = _project_locked(
        project,
        state=ReviewState.DRAFT,
        message=_("Pictures can only be added to a draft; the review covers them."),
    )
    if not alt_text.strip():
        raise ValidationError(
            {"alt_text": _("Describe the picture for people who cannot see it.")}, code="alt"
        )
    content, width, height = _resized_jpeg(upload)
    picture = ProjectImage(project=project, alt_text=alt_text.strip(), width=width, height=height)
    picture.image.save(content.name, content, save=False)
    picture.full_clean()
    picture.save()
    audit_record_create(
        actor=actor,
        obj=project,
        action=AuditAction.UPDATE,
        verb="project_image_add",
        changes={"picture": [None, picture.alt_text]},
    )
    return picture


# ---- Boundary spanners -------------------------------------------------------------------


@transaction.atomic
def boundary_spanner_set(*, actor, subregion, person) -> BoundarySpanner:
    """The beheerder names the sub-region's boundary spanner (replacing an earlier one)."""
    spanner = BoundarySpanner.objects.select_for_update().filter(subregion=subregion).first()
    if spanner is None:
        spanner = BoundarySpanner(subregion=subregion, person=person)
        spanner.full_clean()
        spanner.save()
        audit_record_create(
            actor=actor, obj=spanner, action=AuditAction.CREATE, verb="boundary_spanner_set"
        )
        return spanner
    return audited_update(actor=actor, obj=spanner, verb="boundary_spanner_set", person=person)
