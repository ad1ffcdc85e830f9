"""Council letters (issue 5): the griffie portal, composing and issuing, the dashboard.

Thin views: parse, access (404 for anything the user may not see), call a service or
selector, render. A griffie's pages go through selectors.access_delivery only.
"""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gremia.models import Subregion
from regiobureau import selectors as meeting_selectors
from regiobureau.models import Decision

from . import permissions, selectors, services
from .constants import DeliveryStatus, LetterStatus, RenderStatus
from .forms import (
    DashboardFilterForm,
    LetterForm,
    LetterItemForm,
    ScheduleForm,
    SubregionParagraphForm,
)
from .models import CouncilLetterItem


def _errors(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def _require_secretariat(user) -> None:
    if not permissions.is_secretariat(user):
        raise Http404


# ---- Griffie portal ----------------------------------------------------------------------


def letter_index(request):
    """Griffie: the letters for its own council, newest first. Secretariat: all letters."""
    if permissions.is_griffie(request.user) and not permissions.is_secretariat(request.user):
        return render(
            request,
            "raden/delivery_list.html",
            {
                "municipality": permissions.griffie_municipality(request.user),
                "deliveries": selectors.delivery_list_for_griffie(user=request.user),
            },
        )
    _require_secretariat(request.user)
    return render(
        request,
        "raden/letter_list.html",
        {
            "letters": selectors.letter_list(user=request.user),
            "meetings": selectors.meetings_for_letters()[:20],
        },
    )


def delivery_detail(request, pk: int):
    delivery = selectors.access_delivery(user=request.user, pk=pk)
    return render(
        request,
        "raden/delivery_detail.html",
        {
            "delivery": delivery,
            "letter": delivery.letter,
            "items": selectors.letter_items(delivery.letter),
            "schedule_form": ScheduleForm(
                initial={
                    "council_date": delivery.council_date,
                    "council_link": delivery.council_link,
                }
            ),
            "is_griffie": permissions.is_griffie(request.user),
            "DeliveryStatus": DeliveryStatus,
        },
    )


def delivery_download(request, pk: int):
    """The council's PDF; a griffie's first download is recorded (gedownload)."""
    delivery = selectors.access_delivery(user=request.user, pk=pk)
    if delivery.render_status != RenderStatus.DONE or delivery.document is None:
        raise Http404
    if permissions.griffie_municipality(request.user) is not None:
        services.delivery_mark_downloaded(actor=request.user, delivery=delivery)
    filename = (
        f"raadsinformatiebrief-{delivery.letter_id}-v{delivery.letter.version}"
        f"-{delivery.municipality.slug}.pdf"
    )
    return FileResponse(
        delivery.document.file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/pdf",
    )


def _griffie_delivery(request, pk: int):
    # The steps are the griffie's own statements; the secretariat does not make them.
    delivery = selectors.access_delivery(user=request.user, pk=pk)
    if permissions.griffie_municipality(request.user) is None:
        raise Http404
    return delivery


@require_POST
def delivery_confirm(request, pk: int):
    delivery = _griffie_delivery(request, pk)
    try:
        services.delivery_confirm_receipt(actor=request.user, delivery=delivery)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Receipt has been confirmed. Thank you."))
    return redirect("raden:delivery_detail", pk=delivery.pk)


@require_POST
def delivery_schedule(request, pk: int):
    delivery = _griffie_delivery(request, pk)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        try:
            services.delivery_schedule(
                actor=request.user,
                delivery=delivery,
                council_date=form.cleaned_data["council_date"],
                link=form.cleaned_data["council_link"],
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("The council meeting date has been recorded."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("raden:delivery_detail", pk=delivery.pk)


@require_POST
def delivery_take_note(request, pk: int):
    delivery = _griffie_delivery(request, pk)
    try:
        services.delivery_take_note(actor=request.user, delivery=delivery)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Recorded: the council has taken note of the letter."))
    return redirect("raden:delivery_detail", pk=delivery.pk)


@require_POST
def delivery_retry(request, pk: int):
    """The secretariat makes a failed council's PDF again."""
    _require_secretariat(request.user)
    delivery = selectors.access_delivery(user=request.user, pk=pk)
    try:
        services.delivery_render_retry(actor=request.user, delivery=delivery)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("The PDF is being made again."))
    return redirect("raden:letter_detail", pk=delivery.letter_id)


# ---- Composing and issuing (secretariat) -------------------------------------------------


def letter_create(request, meeting_pk: int):
    _require_secretariat(request.user)
    meeting = meeting_selectors.access_meeting(user=request.user, pk=meeting_pk)
    form = LetterForm(request.POST or None, initial={"title": str(meeting.body)})
    if request.method == "POST" and form.is_valid():
        try:
            letter = services.council_letter_create(
                actor=request.user, meeting=meeting, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            return redirect("raden:letter_detail", pk=letter.pk)
    return render(request, "raden/letter_form.html", {"form": form, "meeting": meeting})


def _letter_page(request, letter, *, letter_form=None, item_form=None, status=200):
    decisions = Decision.objects.filter(
        pk__in=[d.pk for d in selectors.decisions_available_for_letter(letter)]
    ).select_related("item")
    return render(
        request,
        "raden/letter_detail.html",
        {
            "letter": letter,
            "items": selectors.letter_items(letter),
            "paragraphs": list(letter.subregion_paragraphs.select_related("subregion")),
            "deliveries": selectors.letter_deliveries(letter),
            "letter_form": letter_form
            or LetterForm(
                initial={
                    "title": letter.title,
                    "intro": letter.intro,
                    "contact_person": letter.contact_person,
                }
            ),
            "item_form": item_form or LetterItemForm(decisions=decisions),
            "paragraph_form": SubregionParagraphForm(),
            "is_draft": letter.status == LetterStatus.DRAFT,
            "LetterStatus": LetterStatus,
            "RenderStatus": RenderStatus,
        },
        status=status,
    )


def letter_detail(request, pk: int):
    """Compose a draft (title, introduction, items, sub-region paragraphs), adopt and issue
    it, and follow the PDF of each council after issuing."""
    letter = selectors.access_letter(user=request.user, pk=pk)
    if request.method == "POST":
        form = LetterForm(request.POST)
        if form.is_valid():
            try:
                services.council_letter_update(
                    actor=request.user, letter=letter, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, _errors(error))
            else:
                messages.success(request, _("The letter has been saved."))
                return redirect("raden:letter_detail", pk=letter.pk)
        return _letter_page(request, letter, letter_form=form, status=422)
    return _letter_page(request, letter)


@require_POST
def letter_item_add(request, pk: int):
    letter = selectors.access_letter(user=request.user, pk=pk)
    decisions = Decision.objects.filter(item__meeting_id=letter.meeting_id).select_related("item")
    form = LetterItemForm(request.POST, decisions=decisions)
    if form.is_valid():
        try:
            services.council_letter_item_add(
                actor=request.user,
                letter=letter,
                decision=form.cleaned_data["decision"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            form.add_error(None, _errors(error))
        else:
            messages.success(request, _("The item has been added to the letter."))
            return redirect("raden:letter_detail", pk=letter.pk)
    return _letter_page(request, letter, item_form=form, status=422)


@require_POST
def letter_item_remove(request, pk: int):
    _require_secretariat(request.user)
    entry = get_object_or_404(CouncilLetterItem.objects.select_related("letter"), pk=pk)
    try:
        services.council_letter_item_remove(actor=request.user, entry=entry)
    except ValidationError as error:
        messages.error(request, _errors(error))
    return redirect("raden:letter_detail", pk=entry.letter_id)


@require_POST
def letter_paragraph(request, pk: int):
    letter = selectors.access_letter(user=request.user, pk=pk)
    form = SubregionParagraphForm(request.POST)
    if form.is_valid():
        try:
            services.council_letter_paragraph_set(
                actor=request.user,
                letter=letter,
                subregion=form.cleaned_data["subregion"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("The sub-region paragraph has been saved."))
    return redirect("raden:letter_detail", pk=letter.pk)


def _letter_step(request, pk: int, service, success: str):
    letter = selectors.access_letter(user=request.user, pk=pk)
    try:
        result = service(actor=request.user, letter=letter)
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect("raden:letter_detail", pk=letter.pk)
    messages.success(request, success)
    # A correction is a new letter: continue there.
    is_new = service is services.council_letter_correct
    return redirect("raden:letter_detail", pk=result.pk if is_new else letter.pk)


@require_POST
def letter_adopt(request, pk: int):
    return _letter_step(
        request, pk, services.council_letter_adopt, _("The letter has been adopted.")
    )


@require_POST
def letter_issue(request, pk: int):
    return _letter_step(
        request,
        pk,
        services.council_letter_issue,
        _(
            "The letter is being produced for every council; each griffie gets it once its "
            "PDF is ready."
        ),
    )


@require_POST
def letter_correct(request, pk: int):
    return _letter_step(
        request,
        pk,
        services.council_letter_correct,
        _("A revised version has been started; change it, adopt it and issue it."),
    )


# ---- Distribution dashboard --------------------------------------------------------------


def _dashboard_data(request):
    form = DashboardFilterForm(request.GET or None)
    days = form.cleaned_data.get("days") if form.is_valid() else None
    return form, selectors.distribution_dashboard(user=request.user, not_confirmed_days=days)


def dashboard(request):
    """Letters × the 17 councils, grouped by sub-region, status and since when per cell."""
    _require_secretariat(request.user)
    form, data = _dashboard_data(request)
    return render(
        request,
        "raden/dashboard.html",
        {"form": form, "dashboard": data, "DeliveryStatus": DeliveryStatus},
    )


def dashboard_csv(request):
    """The same matrix, one row per letter × council, for a spreadsheet."""
    _require_secretariat(request.user)
    _form, data = _dashboard_data(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        'attachment; filename="verspreiding-raadsinformatiebrieven.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            "brief",
            "versie",
            "verzonden",
            "basisregio",
            "gemeente",
            "status",
            "sinds",
            "raadsvergadering",
            "link",
        ]
    )
    for row in data.rows:
        for subregion, cells in row.groups:
            for cell in cells:
                delivery = cell.delivery
                writer.writerow(
                    [
                        row.letter.title,
                        row.letter.version,
                        _csv_time(row.letter.issued_at),
                        subregion.name if isinstance(subregion, Subregion) else "",
                        cell.municipality.name,
                        delivery.get_status_display() if delivery else "",
                        _csv_time(delivery.status_changed_at) if delivery else "",
                        delivery.council_date.isoformat()
                        if delivery and delivery.council_date
                        else "",
                        delivery.council_link if delivery else "",
                    ]
                )
    return response


def _csv_time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""
