"""The registry of producible documents.

A kind ("agenda", "geannoteerde_agenda", "besluitenlijst", "raadsinformatiebrief") maps to a
producer that turns (subject, audience) into a template, its context, a title and whether it
is confidential. Apps register their kinds in a `producers` module (found by CoreConfig.ready),
so a new kind needs no change here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


class ProductionRefused(Exception):
    """A producer cannot make the document now; the message is the job's failure reason."""


@dataclass(frozen=True)
class ProducedDocument:
    """What a producer returns: rendered by nhn_portal.pdf with `confidential` in the context.

    A kind whose PDF is more than its HTML (the meeting bundle: the agenda with the stukken
    merged in) adds `compose`, called with the rendered `nhn_portal.pdf.RenderedPdf` and
    returning the final one, and a `fingerprint` of what it adds (e.g. the stukken's SHA-256),
    which joins the HTML in the content hash that decides whether the last file is reused.
    """

    template: str
    context: dict[str, Any]
    title: str
    confidential: bool
    compose: Callable[[Any], Any] | None = None
    fingerprint: str = ""


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    label: Any  # a lazy translation, shown on buttons and in the status panel
    subject_model: str  # "app_label.ModelName"
    # (subject) → [(audience code, label)]: fixed for meetings, per municipality for letters.
    audiences: Callable[[Any], list[tuple[str, Any]]]
    produce: Callable[[Any, str], ProducedDocument]
    # (user, subject, audience) → whether the user may download this audience's file.
    may_download: Callable[[Any, Any, str], bool]
    # (job id) → None, after the commit of a job that ended (klaar or mislukt): lets the owner
    # act on the result at once, e.g. make a council's copy available.
    on_finished: Callable[[int], None] | None = None


_KINDS: dict[str, DocumentKind] = {}


def register_document_kind(
    *,
    kind: str,
    label: Any,
    subject_model: str,
    audiences: Callable[[Any], list[tuple[str, Any]]],
    produce: Callable[[Any, str], ProducedDocument],
    may_download: Callable[[Any, Any, str], bool],
    on_finished: Callable[[int], None] | None = None,
) -> DocumentKind:
    """Make a kind of document producible; called from an app's `producers` module."""
    if kind in _KINDS and _KINDS[kind].produce is not produce:
        raise ValueError(f"Document kind {kind!r} is already registered.")
    definition = DocumentKind(
        kind, label, subject_model, audiences, produce, may_download, on_finished
    )
    _KINDS[kind] = definition
    return definition


def document_kind(kind: str) -> DocumentKind | None:
    return _KINDS.get(kind)


def document_kinds_for(subject: models.Model) -> list[DocumentKind]:
    """The registered kinds for this subject's model, in registration order."""
    label = subject._meta.label
    return [definition for definition in _KINDS.values() if definition.subject_model == label]
