"""Reads of produced documents: the status panel's entries and the access to a stored file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models

from nhn_portal.core.access import NotFound, is_secretariat
from nhn_portal.core.models import GeneratedDocument, GenerationJob
from nhn_portal.core.stamps import ObjectQuery

from .registry import DocumentKind, document_kind, document_kinds_for


@dataclass
class ProductionEntry:
    """One document of a subject as the status panel shows it."""

    definition: DocumentKind
    audience: str
    audience_label: Any
    job: GenerationJob | None = None  # the latest request
    versions: list[GeneratedDocument] = field(default_factory=list)  # newest first

    @property
    def current(self) -> GeneratedDocument | None:
        return self.versions[0] if self.versions else None

    @property
    def earlier(self) -> list[GeneratedDocument]:
        return self.versions[1:]

    @property
    def is_pending(self) -> bool:
        return self.job is not None and self.job.is_pending


def production_entries(*, subject: models.Model) -> list[ProductionEntry]:
    """Every registered document of the subject with its latest job and stored versions:
    two queries, however many kinds and versions."""
    entries: dict[tuple[str, str], ProductionEntry] = {}
    for definition in document_kinds_for(subject):
        for audience, audience_label in definition.audiences(subject):
            entries[(definition.kind, audience)] = ProductionEntry(
                definition, audience, audience_label
            )
    if not entries:
        return []
    where = _subject_filter(subject)
    for job in GenerationJob.objects.filter(**where).order_by("-requested_at", "-pk"):
        entry = entries.get((job.kind, job.audience))
        if entry is not None and entry.job is None:
            entry.job = job
    for document in GeneratedDocument.objects.filter(**where).order_by("-version"):
        entry = entries.get((document.kind, document.audience))
        if entry is not None:
            entry.versions.append(document)
    return list(entries.values())


def generated_document_current(
    *, subject: models.Model, kind: str, audience: str
) -> GeneratedDocument | None:
    """The newest stored version (a failed later job leaves it in place), or None; None too
    when the newest was withdrawn (it shows what may no longer be shown)."""
    document = (
        GeneratedDocument.objects.filter(**_subject_filter(subject), kind=kind, audience=audience)
        .order_by("-version")
        .first()
    )
    if document is None or document.withdrawn_at is not None:
        return None
    return document


def generated_document_exists(*, subject: models.Model, kind: str, audience: str) -> bool:
    """Whether any version was ever stored (withdrawn ones included)."""
    return GeneratedDocument.objects.filter(
        **_subject_filter(subject), kind=kind, audience=audience
    ).exists()


def generation_job_latest(
    *, subject: models.Model, kind: str, audience: str
) -> GenerationJob | None:
    """The latest request for the document, or None when it was never asked for."""
    return (
        GenerationJob.objects.filter(**_subject_filter(subject), kind=kind, audience=audience)
        .order_by("-requested_at", "-pk")
        .first()
    )


# generated_documents_of_kinds' queries, one per subject model and kinds, compiled once.
_OF_KINDS: dict[tuple[str, tuple[str, ...]], ObjectQuery] = {}


def generated_documents_of_kinds(*, subject: models.Model, kinds: tuple[str, ...]):
    """The stored versions of some kinds for every audience, newest first, in one query
    compiled once (nhn_portal.core.stamps): the caller takes the first per kind and audience
    it may show (withdrawn ones included, to be told apart)."""
    opts = subject._meta
    query = _OF_KINDS.get((opts.label, kinds))
    if query is None:
        query = _OF_KINDS[opts.label, kinds] = ObjectQuery(
            lambda pk: GeneratedDocument.objects.filter(
                content_type__app_label=opts.app_label,
                content_type__model=opts.model_name,
                object_id=pk,
                kind__in=kinds,
            ).order_by("-version")
        )
    return query.all(subject.pk)


def access_generated_document(
    *, user, subject: models.Model, kind: str, audience: str, version: int | None = None
) -> GeneratedDocument:
    """The requested version (the newest by default), or 404 when it does not exist or the
    kind's rule says this user may not read this audience's document.

    A document is a view of what may be shown *now*: everybody but the secretariat
    gets only the newest version, and not even that once it was withdrawn; superseded and
    withdrawn versions stay the secretariat's archive."""
    definition = document_kind(kind)
    if definition is None or definition.subject_model != subject._meta.label:
        raise NotFound
    if not definition.may_download(user, subject, audience):
        raise NotFound
    qs = GeneratedDocument.objects.filter(**_subject_filter(subject), kind=kind, audience=audience)
    if is_secretariat(user):
        document = (
            qs.filter(version=version).first()
            if version is not None
            else qs.order_by("-version").first()
        )
    else:
        document = qs.order_by("-version").first()
        if document is not None and (
            document.withdrawn_at is not None
            or (version is not None and document.version != version)
        ):
            document = None
    if document is None:
        raise NotFound
    return document


def access_generation_job(*, pk: int, subject: models.Model) -> GenerationJob:
    """A job of this subject (the caller already checked who may manage it), or 404."""
    job = GenerationJob.objects.filter(pk=pk, **_subject_filter(subject)).first()
    if job is None:
        raise NotFound
    return job


def _subject_filter(subject: models.Model) -> dict[str, Any]:
    # By the content type's natural key, so a read is one query whether or not the
    # ContentType cache is warm (pinned query counts stay stable).
    opts = subject._meta
    return {
        "content_type__app_label": opts.app_label,
        "content_type__model": opts.model_name,
        "object_id": subject.pk,
    }
