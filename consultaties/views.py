"""Consultations of the councils: the secretariat's list, form and matrix, the griffie's
response, the reactienota, the recess periods and the public pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultaties import permissions
from consultaties.constants import REACTIENOTA
from consultaties.forms import (
    AdviceForm,
    AnswerForm,
    ConsultationForm,
    FinalDecisionForm,
    OutcomeForm,
    RecessForm,
    ScheduleForm,
)
from consultaties.models import CouncilRecess, CouncilResponse
from consultaties.selectors import (
    access_advice,
    access_consultation,
    access_response,
    consultations_for,
    decisions_missing_consultation,
    default_deadline,
    matrix,
    public_consultations,
    public_responses,
    recess_clashes,
    towns_asked,
    working_group_advice,
    working_group_meetings,
)
from consultaties.services import (
    consultation_open,
    final_decision_link,
    final_letter_issue,
    nota_review,
    nota_submit,
    recess_add,
    recess_remove,
    response_answer,
    response_record,
    response_schedule,
    working_group_advice_add,
)
from nhn_portal.core.access import NotFound, is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import file_response
from nhn_portal.core.production.selectors import (
    access_generated_document,
    generated_document_current,
)
from nhn_portal.core.spreadsheet import csv_writer
from raden.permissions import griffie_municipality
from regiobureau.models.decisions import Decision
from regiobureau.models.meetings import AgendaItem


def consultation_list(request):
    if not (is_secretariat(request.user) or griffie_municipality(request.user)):
        raise NotFound
    return render(
        request,
        "consultaties/consultation_list.html",
        {
            "consultations": consultations_for(request.user),
            "today": timezone.localdate(),
            # The rules of play say these bodies' decisions need one: a decision without.
            "missing": decisions_missing_consultation() if is_secretariat(request.user) else [],
        },
    )


def _draft_items():
    """Agenda items without a decision yet: the drafts a consultation can be about."""
    return AgendaItem.objects.filter(decisions__isnull=True).select_related("meeting__body")


def consultation_create(request):
    require_secretariat(request.user)
    form = ConsultationForm(
        request.POST or None, items=AgendaItem.objects.select_related("meeting__body")
    )
    form.fields["agenda_item"].queryset = AgendaItem.objects.filter(
        pk__in=[item.pk for item in _draft_items()]
    ).select_related("meeting__body")
    warnings = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        today = timezone.localdate()
        deadline = data["deadline"] or default_deadline(
            body=data["agenda_item"].meeting.body, opened_on=today
        )
        warnings = recess_clashes(towns=towns_asked(data["subregions"]), start=today, end=deadline)
        if not warnings or request.POST.get("despite_recess"):
            try:
                consultation = consultation_open(
                    actor=request.user,
                    deadline=deadline,
                    **{k: v for k, v in data.items() if k != "deadline"},
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The consultation is open; the councils get the letter.")
                )
                return redirect(consultation.get_absolute_url())
    return render(
        request,
        "consultaties/consultation_form.html",
        {"form": form, "recess_warnings": warnings},
        status=422 if form.is_bound and (form.errors or warnings) else 200,
    )


def consultation_detail(request, pk):
    consultation = access_consultation(user=request.user, pk=pk)
    secretariat = is_secretariat(request.user)
    town = griffie_municipality(request.user)
    own = None
    if town is not None:
        own = consultation.responses.filter(municipality=town).first()
    if not secretariat and own is None:
        return redirect("consultaties:public_detail", pk=consultation.pk)
    context = {
        "consultation": consultation,
        "secretariat": secretariat,
        "rows": matrix(consultation) if secretariat else [],
        "own": own,
        "advice_list": working_group_advice(consultation),
        "advice_form": AdviceForm(meetings=working_group_meetings()) if secretariat else None,
        "today": timezone.localdate(),
        "nota": generated_document_current(
            subject=consultation, kind=REACTIENOTA, audience="public"
        )
        if consultation.nota_is_adopted
        else None,
    }
    if own is not None:
        context["schedule_form"] = ScheduleForm(
            initial={
                "version": own.version,
                "agenda_body": own.agenda_body,
                "agenda_date": own.agenda_date,
            }
        )
        context["outcome_form"] = OutcomeForm(initial={"version": own.version})
    if secretariat:
        context["decision_form"] = FinalDecisionForm(
            decisions=Decision.objects.filter(
                item__meeting__body=consultation.agenda_item.meeting.body
            ).select_related("item__meeting__body")
        )
        context["answer_form"] = AnswerForm()
    return render(request, "consultaties/consultation_detail.html", context)


@require_POST
def response_edit(request, pk, step):
    response = access_response(user=request.user, pk=pk)
    if not permissions.can_respond(request.user, response):
        raise NotFound
    if step == "agenda":
        form = ScheduleForm(request.POST)
    else:
        form = OutcomeForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if step == "agenda":
                response_schedule(actor=request.user, response=response, **data)
            else:
                response_record(actor=request.user, response=response, **data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your council's response has been recorded."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(response.consultation.get_absolute_url())


@require_POST
def response_answer_view(request, pk):
    require_secretariat(request.user)
    response = access_response(user=request.user, pk=pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            response_answer(actor=request.user, response=response, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The answer has been saved."))
    else:
        messages.error(request, _("Fill in the summary, the answer and the effect."))
    return redirect(response.consultation.get_absolute_url())


@require_POST
def nota_action(request, pk, action):
    require_secretariat(request.user)
    consultation = access_consultation(user=request.user, pk=pk)
    try:
        if action == "submit":
            nota_submit(actor=request.user, consultation=consultation)
        else:
            nota_review(actor=request.user, consultation=consultation, approve=action == "approve")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The reactienota has been updated."))
    return redirect(consultation.get_absolute_url())


@require_POST
def final_decision(request, pk):
    require_secretariat(request.user)
    consultation = access_consultation(user=request.user, pk=pk)
    form = FinalDecisionForm(
        request.POST,
        decisions=Decision.objects.filter(
            item__meeting__body=consultation.agenda_item.meeting.body
        ),
    )
    if form.is_valid():
        try:
            final_decision_link(actor=request.user, consultation=consultation, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The final decision has been linked."))
    else:
        messages.error(request, _("Choose the final decision."))
    return redirect(consultation.get_absolute_url())


@require_POST
def advice_add(request, pk):
    """The secretariat attaches the council working group's advice."""
    require_secretariat(request.user)
    consultation = access_consultation(user=request.user, pk=pk)
    form = AdviceForm(request.POST, request.FILES, meetings=working_group_meetings())
    if form.is_valid():
        try:
            working_group_advice_add(
                actor=request.user, consultation=consultation, **form.cleaned_data
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The working group's advice has been recorded."))
    else:
        messages.error(request, _("Give the advice and its date."))
    return redirect(consultation.get_absolute_url())


@login_not_required
def advice_stuk(request, pk):
    """The working group's advice as a document, for whoever may see the consultation."""
    advice = access_advice(user=request.user, pk=pk)
    if not advice.stuk:
        raise NotFound
    return file_response(
        advice.stuk,
        filename=advice.stuk.name.rsplit("/", 1)[-1],
        content_type="application/pdf",
        confidential=False,
    )


@require_POST
def final_letter(request, pk):
    require_secretariat(request.user)
    consultation = access_consultation(user=request.user, pk=pk)
    try:
        final_letter_issue(actor=request.user, consultation=consultation)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The councils get the reactienota with the final decision."))
    return redirect(consultation.get_absolute_url())


def matrix_csv(request, pk):
    require_secretariat(request.user)
    consultation = access_consultation(user=request.user, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consultatie-{consultation.pk}.csv"'
    response.write("\ufeff")
    writer = csv_writer(response, delimiter=";")
    writer.writerow(
        [
            "basisregio",
            "gemeente",
            "status",
            "geagendeerd",
            "agendadatum",
            "vastgesteld op",
            "te laat",
            "verwerking",
        ]
    )
    for row in matrix(consultation):
        writer.writerow(
            [
                row.municipality.subregion.name if row.municipality.subregion else "",
                row.municipality.name,
                row.get_status_display(),
                row.get_agenda_body_display() if row.agenda_body else "",
                row.agenda_date or "",
                row.outcome_date or "",
                "ja" if row.is_late else "nee",
                row.get_effect_display() if row.effect else "",
            ]
        )
    return response


def response_stuk(request, pk):
    response = access_response(user=request.user, pk=pk)
    if not response.stuk:
        raise NotFound
    return file_response(
        response.stuk,
        filename=response.stuk.name.rsplit("/", 1)[-1],
        content_type="application/pdf",
        confidential=False,
    )


@login_not_required
def public_stuk(request, pk):
    response = get_object_or_404(CouncilResponse.objects.select_related("consultation"), pk=pk)
    if (
        not response.stuk
        or not response.has_outcome
        or not permissions.is_public(response.consultation)
    ):
        raise NotFound
    return file_response(
        response.stuk,
        filename=response.stuk.name.rsplit("/", 1)[-1],
        content_type="application/pdf",
        confidential=False,
    )


def recess_list(request):
    town = griffie_municipality(request.user)
    if town is None:
        raise NotFound
    form = RecessForm(request.POST or None)
    if request.method == "POST":
        if "remove" in request.POST:
            recess = get_object_or_404(CouncilRecess, pk=request.POST["remove"], municipality=town)
            recess_remove(actor=request.user, recess=recess)
            return redirect("consultaties:recess")
        if form.is_valid():
            try:
                recess_add(actor=request.user, municipality=town, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The recess has been recorded."))
                return redirect("consultaties:recess")
    return render(
        request,
        "consultaties/recess_list.html",
        {
            "form": form,
            "municipality": town,
            "recesses": CouncilRecess.objects.filter(municipality=town),
        },
        status=422 if form.is_bound and form.errors else 200,
    )


@login_not_required
def public_list(request):
    return render(
        request,
        "consultaties/public_list.html",
        {"consultations": public_consultations(), "today": timezone.localdate()},
    )


@login_not_required
def public_detail(request, pk):
    consultation = access_consultation(user=request.user, pk=pk)
    if not permissions.is_public(consultation):
        raise NotFound
    return render(
        request,
        "consultaties/public_detail.html",
        {
            "consultation": consultation,
            "responses": public_responses(consultation),
            "advice_list": working_group_advice(consultation),
            "asked": consultation.responses.count(),
            "today": timezone.localdate(),
            "nota": generated_document_current(
                subject=consultation, kind=REACTIENOTA, audience="public"
            )
            if consultation.nota_is_adopted
            else None,
        },
    )


@login_not_required
def nota_download(request, pk):
    """The adopted reactienota's PDF, for whoever may see the consultation."""
    consultation = access_consultation(user=request.user, pk=pk)
    document = access_generated_document(
        user=request.user, subject=consultation, kind=REACTIENOTA, audience="public"
    )
    return file_response(
        document.file,
        filename=document.filename,
        content_type="application/pdf",
        confidential=False,
    )
