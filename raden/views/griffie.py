"""The griffie portal: its council's letters, one copy with its download and the griffie's
steps; the secretariat's retry of a failed copy. A griffie's pages go through
selectors.access_delivery only (404 for another council's copy).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.access import require_secretariat
from nhn_portal.core.http import confidential, error_text, file_response
from nhn_portal.core.release import cached_fragment
from raden import permissions
from raden.constants import DeliveryStatus, RenderStatus
from raden.forms import (
    DiscussionForm,
    ScheduleForm,
)
from raden.models.discussions import LetterDiscussion
from raden.selectors.discussions import discussions_for_delivery
from raden.selectors.letters import (
    access_delivery,
    delivery_list_for_griffie,
    delivery_list_version,
    letter_items,
    letter_list,
    meetings_for_letters,
)
from raden.services.delivery import delivery_confirm_receipt, delivery_mark_downloaded
from raden.services.delivery import delivery_schedule as delivery_schedule_service
from raden.services.delivery import delivery_take_note as delivery_take_note_service
from raden.services.discussions import letter_discussion_record
from raden.services.issuing import delivery_render_retry

DELIVERY_LIST = "raden/delivery_list.html"
# The cached table of a council's letters lives this long at most; a write it shows changes
# its key.
DELIVERY_LIST_SECONDS = 60 * 60


def _delivery_table(request, municipality) -> str:
    """The table of the council's letters, the same for each of its griffiers until a write
    it shows (delivery_list_version): rendered once, then from the cache."""

    def render_table() -> str:
        deliveries = delivery_list_for_griffie(user=request.user)
        return render_to_string(DELIVERY_LIST + "#deliveries", {"deliveries": deliveries})

    version = delivery_list_version(municipality=municipality)
    key = f"griffie-letters:{municipality.pk}:{get_language()}:{version}"
    return mark_safe(cached_fragment(key, render_table, DELIVERY_LIST_SECONDS))  # noqa: S308


def letter_index(request):
    """Griffie: the letters for its own council, newest first. Secretariat: all letters."""
    if permissions.is_griffie(request.user) and not permissions.is_secretariat(request.user):
        municipality = permissions.griffie_municipality(request.user)
        if municipality is None:  # a griffie role without its council: nothing to list
            table = render_to_string(DELIVERY_LIST + "#deliveries", {"deliveries": []})
        else:
            table = _delivery_table(request, municipality)
        return render(
            request, DELIVERY_LIST, {"municipality": municipality, "deliveries_table": table}
        )
    require_secretariat(request.user)
    return render(
        request,
        "raden/letter_list.html",
        {
            "letters": letter_list(user=request.user),
            "meetings": meetings_for_letters()[:20],
        },
    )


@confidential("raden.councilletterdelivery")
def delivery_detail(request, pk: int):
    delivery = access_delivery(user=request.user, pk=pk)
    return render(
        request,
        "raden/delivery_detail.html",
        {
            "delivery": delivery,
            "letter": delivery.letter,
            "items": letter_items(delivery.letter),
            "schedule_form": ScheduleForm(
                initial={
                    "council_date": delivery.council_date,
                    "council_link": delivery.council_link,
                }
            ),
            "is_griffie": permissions.is_griffie(request.user),
            "DeliveryStatus": DeliveryStatus,
            "discussions": discussions_for_delivery(delivery),
            "discussion_form": DiscussionForm(),
        },
    )


@confidential("raden.councilletterdelivery")
def delivery_download(request, pk: int):
    """The council's PDF; a griffie's first download is recorded (gedownload)."""
    delivery = access_delivery(user=request.user, pk=pk)
    if delivery.render_status != RenderStatus.DONE or delivery.document is None:
        raise Http404
    if permissions.griffie_municipality(request.user) is not None:
        delivery_mark_downloaded(actor=request.user, delivery=delivery)
    filename = (
        f"raadsinformatiebrief-{delivery.letter_id}-v{delivery.letter.version}"
        f"-{delivery.municipality.slug}.pdf"
    )
    # The letter itself is public once issued; the copy is the griffie's, so no shared cache.
    return file_response(
        delivery.document.file,
        filename=filename,
        content_type="application/pdf",
        confidential=False,
    )


def _griffie_delivery(request, pk: int):
    # The steps are the griffie's own statements; the secretariat does not make them.
    delivery = access_delivery(user=request.user, pk=pk)
    if permissions.griffie_municipality(request.user) is None:
        raise Http404
    return delivery


@require_POST
def delivery_confirm(request, pk: int):
    delivery = _griffie_delivery(request, pk)
    try:
        delivery_confirm_receipt(actor=request.user, delivery=delivery)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Receipt has been confirmed. Thank you."))
    return redirect("raden:delivery_detail", pk=delivery.pk)


@require_POST
def delivery_schedule(request, pk: int):
    delivery = _griffie_delivery(request, pk)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        try:
            delivery_schedule_service(
                actor=request.user,
                delivery=delivery,
                council_date=form.cleaned_data["council_date"],
                link=form.cleaned_data["council_link"],
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The council meeting date has been recorded."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("raden:delivery_detail", pk=delivery.pk)


@require_POST
def delivery_take_note(request, pk: int):
    delivery = _griffie_delivery(request, pk)
    try:
        delivery_take_note_service(actor=request.user, delivery=delivery)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Recorded: the council has taken note of the letter."))
    return redirect("raden:delivery_detail", pk=delivery.pk)


@require_POST
def delivery_discussion_add(request, pk: int):
    """The griffie records a committee or council agenda date for her council's copy and
    what came of it (a motion as a PDF)."""
    delivery = _griffie_delivery(request, pk)
    form = DiscussionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            letter_discussion_record(actor=request.user, delivery=delivery, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("What the council did with the letter has been recorded."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("raden:delivery_detail", pk=delivery.pk)


@confidential("raden.councilletterdelivery")
def delivery_motion(request, pk: int, discussion_pk: int):
    """The adopted motion of a council about a letter (its griffie and the secretariat)."""
    delivery = access_delivery(user=request.user, pk=pk)
    discussion = (
        LetterDiscussion.objects.filter(delivery=delivery, pk=discussion_pk)
        .exclude(motion="")
        .first()
    )
    if discussion is None:
        raise Http404
    return file_response(
        discussion.motion,
        filename=f"motie-{delivery.municipality.slug}-{discussion.agenda_date}.pdf",
        content_type="application/pdf",
        confidential=False,
    )


@require_POST
def delivery_retry(request, pk: int):
    """The secretariat makes a failed council's PDF again."""
    require_secretariat(request.user)
    delivery = access_delivery(user=request.user, pk=pk)
    try:
        delivery_render_retry(actor=request.user, delivery=delivery)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The PDF is being made again."))
    return redirect("raden:letter_detail", pk=delivery.letter_id)
