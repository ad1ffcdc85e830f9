"""The Regio Deal showcase (netwerk): writes, each validated and audited
in one transaction."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from netwerk.constants import IMAGE_MAX_BYTES, IMAGE_MAX_SIDE, ProjectStatus, ReviewState
from netwerk.models.regio_deal import ProjectImage, RegioDealProject
from nhn_portal.core.audit import audit_record_create, audited_update
from nhn_portal.core.constants import AuditAction


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
