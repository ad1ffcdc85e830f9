"""The collegebrieven and sub-region summaries for the sub-region office (its
boundary spanner and colleagues): what went to the office itself and to the colleges of its
sub-region, with their PDFs. A download by the office is recorded (gedownload) on its own
copy. Everyone else gets 404 (selectors.office_copies / access_office_copy)."""

from django.http import Http404
from django.shortcuts import render

from nhn_portal.core.http import confidential, file_response
from raden import permissions
from raden.constants import Addressee, RenderStatus
from raden.selectors.letters import access_office_copy
from raden.selectors.letters import office_copies as office_copies_selector
from raden.selectors.offices import office_council_copies
from raden.services.delivery import delivery_mark_downloaded


@confidential()
def office_copies(request):
    office, copies = office_copies_selector(user=request.user)
    return render(
        request,
        "raden/office_copies.html",
        {
            "office": office,
            "copies": copies,
            "council_copies": office_council_copies(user=request.user),
            "Addressee": Addressee,
        },
    )


@confidential("raden.councilletterdelivery")
def office_copy_download(request, pk: int):
    delivery = access_office_copy(user=request.user, pk=pk)
    if delivery.render_status != RenderStatus.DONE or delivery.document is None:
        raise Http404
    office = permissions.subregion_office(request.user)
    if office is not None and delivery.municipality_id == office.pk:
        delivery_mark_downloaded(actor=request.user, delivery=delivery)
    filename = (
        f"{delivery.addressee}-{delivery.letter_id}-v{delivery.letter.version}"
        f"-{delivery.municipality.slug}.pdf"
    )
    return file_response(
        delivery.document.file,
        filename=filename,
        content_type="application/pdf",
        confidential=False,
    )
