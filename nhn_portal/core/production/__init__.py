"""Document production (issue #4): PDFs made in the background, stored with their history.

- `registry`: the kinds of document apps register (their `producers` modules);
- `services`: request, run, retry and sweep generation jobs (the worker's side included);
- `selectors`: the status panel's entries and access to a stored version.

Import the public names from here: `from nhn_portal.core import production`.
"""

from nhn_portal.core.tasking import PUBLISH_RETRY_POLICY, TRANSIENT_ERRORS
from nhn_portal.pdf import PdfRenderError

from .registry import (
    _KINDS,
    DocumentKind,
    ProducedDocument,
    ProductionRefused,
    document_kind,
    document_kinds_for,
    register_document_kind,
)
from .selectors import (
    ProductionEntry,
    access_generated_document,
    access_generation_job,
    generated_document_current,
    production_entries,
)
from .services import (
    LOST_MESSAGE,
    MAX_ATTEMPTS,
    PENDING,
    QUEUED_GRACE,
    RUNNING_GRACE,
    document_generation_request,
    document_generation_retry,
    document_generation_run,
    document_generation_sweep,
    enqueue,
    failure_reason,
    generated_documents_withdraw,
)

__all__ = [
    "LOST_MESSAGE",
    "MAX_ATTEMPTS",
    "PENDING",
    "PUBLISH_RETRY_POLICY",
    "QUEUED_GRACE",
    "RUNNING_GRACE",
    "TRANSIENT_ERRORS",
    "_KINDS",
    "DocumentKind",
    "PdfRenderError",
    "ProducedDocument",
    "ProductionEntry",
    "ProductionRefused",
    "access_generated_document",
    "access_generation_job",
    "document_generation_request",
    "document_generation_retry",
    "document_generation_run",
    "document_generation_sweep",
    "document_kind",
    "document_kinds_for",
    "enqueue",
    "failure_reason",
    "generated_document_current",
    "generated_documents_withdraw",
    "production_entries",
    "register_document_kind",
]
