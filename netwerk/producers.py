"""The boundary spanner's monthly report as a kind of document of the production pipeline:
the subject is the BoundarySpanner, the audience the month ("YYYY-MM"). The report goes to the
sub-region's office, so meetings and decisions are read as an anonymous visitor would; it
lists the open opportunities too, so the file is confidential (the spanner and the
secretariat download it)."""

import re

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nhn_portal.core.production.registry import (
    ProducedDocument,
    ProductionRefused,
    register_document_kind,
)

from . import selectors
from .constants import SPANNER_REPORT
from .permissions import can_read_spanner_page
from .services.spanners import spanner_report_finished

PDF_TEMPLATE = "netwerk/pdf/spanner_report.html"
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def report_audiences(spanner) -> list[tuple[str, object]]:
    return [(month, selectors.month_label(month)) for month in selectors.recent_months()]


def produce_spanner_report(spanner, audience: str) -> ProducedDocument:
    if not MONTH.match(audience):
        raise ProductionRefused(_("Unknown month: %(month)s.") % {"month": audience})
    start, end = selectors.month_bounds(audience)
    overview = selectors.spanner_overview(
        user=AnonymousUser(), spanner=spanner, start=start, end=end
    )
    label = selectors.month_label(audience)
    return ProducedDocument(
        template=PDF_TEMPLATE,
        context={
            "spanner": spanner,
            "subregion": spanner.subregion,
            "overview": overview,
            "month_label": label,
            "confidential": True,
        },
        title=f"Maandrapport grensverkenner {spanner.subregion.name} {label}",
        confidential=True,
    )


def may_download(user, spanner, audience: str) -> bool:
    return can_read_spanner_page(user, spanner)


register_document_kind(
    kind=SPANNER_REPORT,
    label=gettext_lazy("Monthly report"),
    subject_model="netwerk.BoundarySpanner",
    audiences=report_audiences,
    produce=produce_spanner_report,
    may_download=may_download,
    on_finished=spanner_report_finished,
)
