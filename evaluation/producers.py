"""The half-year summary of a body's evaluations as a PDF (confidential: trends only)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evaluation.selectors import (
    EVALUATION_SUMMARY,
    EVALUATION_SUMMARY_SUBJECT,
    can_read_evaluation_summary,
    evaluation_half_year,
    half_year_label,
)
from nhn_portal.core.production.registry import (
    ProducedDocument,
    ProductionRefused,
    register_document_kind,
)


def _evaluation_audiences(summary) -> list[tuple[str, object]]:
    # One file per summary; its audience code is the half year ("2026-h1").
    return [(summary.period, half_year_label(summary.year, summary.half))]


def produce_evaluation_summary(summary, audience: str) -> ProducedDocument:
    """Trends of a body's evaluations over a half year, never an individual answer: no
    figures below the minimum of answers, trend points of at least that many, no remarks
    (they are individual texts; see evaluation/selectors.py)."""
    if audience != summary.period:
        raise ProductionRefused(_("Unknown half year: %(period)s.") % {"period": audience})
    figures = evaluation_half_year(body=summary.body, year=summary.year, half=summary.half)
    if not figures.complete:
        raise ProductionRefused(_("The half year is not complete yet."))
    return ProducedDocument(
        template="evaluation/pdf/summary.html",
        context={"summary": summary, "figures": figures},
        title=f"Evaluatie vergaderingen {summary.body.name} {summary.period}",
        confidential=True,
    )


def may_download_evaluation_summary(user, summary, audience: str) -> bool:
    return can_read_evaluation_summary(user, summary)


register_document_kind(
    kind=EVALUATION_SUMMARY,
    label=gettext_lazy("Evaluation summary"),
    subject_model=EVALUATION_SUMMARY_SUBJECT,
    audiences=_evaluation_audiences,
    produce=produce_evaluation_summary,
    may_download=may_download_evaluation_summary,
)
