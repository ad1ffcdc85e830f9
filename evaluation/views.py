"""The evaluation after each meeting: the member's one-screen form, the
page of evaluations still to answer, and the secretariat's page per body with the half-year
summaries, their PDF and the "put on the stuurgroep's agenda" action."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evaluation.forms import EvaluationForm
from evaluation.selectors import (
    EVALUATION_SUMMARY,
    EVALUATION_TERM_DAYS,
    access_evaluation,
    access_evaluation_body,
    access_evaluation_summary,
    evaluated_bodies,
    evaluation_half_years,
    evaluations_open_for,
    next_steering_group_meeting,
    parse_period,
)
from evaluation.services import evaluation_answer
from evaluation.services import (
    evaluation_summary_place as evaluation_summary_place_service,
)
from evaluation.services import (
    evaluation_summary_request as evaluation_summary_request_service,
)
from nhn_portal.core.access import is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text, file_response
from nhn_portal.core.production.selectors import (
    access_generated_document,
    generated_document_current,
)


def evaluation_index(request):
    """What the user still has to evaluate; for the secretariat also the bodies' pages."""
    secretariat = is_secretariat(request.user)
    return render(
        request,
        "evaluation/index.html",
        {
            "open_meetings": evaluations_open_for(user=request.user),
            "secretariat": secretariat,
            "bodies": list(evaluated_bodies()) if secretariat else [],
            "term_days": EVALUATION_TERM_DAYS,
        },
    )


@confidential()
def evaluation_form(request, pk: int):
    """One member's reflection on a meeting they sat at (404 for anyone else)."""
    access = access_evaluation(user=request.user, pk=pk)
    form = EvaluationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                evaluation_answer(
                    actor=request.user,
                    meeting=access.meeting,
                    person=access.person,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you: your evaluation has been saved."))
                return redirect("evaluation:evaluation_index")
        status = 422
    return render(
        request,
        "evaluation/form.html",
        {"access": access, "meeting": access.meeting, "form": form},
        status=status,
    )


@confidential()
def evaluation_body(request, slug: str):
    """The secretariat's page of a body: every half year with its figures and summary."""
    require_secretariat(request.user)
    body = access_evaluation_body(slug=slug)
    half_years = evaluation_half_years(body=body, with_remarks=True)
    entries = {}
    for figures in half_years:
        if figures.summary is not None:
            entries[figures.period] = generated_document_current(
                subject=figures.summary,
                kind=EVALUATION_SUMMARY,
                audience=figures.period,
            )
    return render(
        request,
        "evaluation/body.html",
        {
            "body": body,
            "half_years": [(figures, entries.get(figures.period)) for figures in half_years],
            "next_meeting": next_steering_group_meeting(),
        },
    )


@require_POST
def evaluation_summary_request(request, slug: str, period: str):
    require_secretariat(request.user)
    body = access_evaluation_body(slug=slug)
    year, half = parse_period(period)
    try:
        evaluation_summary_request_service(actor=request.user, body=body, year=year, half=half)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The PDF is being made. Reload the page to see its status."))
    return redirect(_body_page(body.slug, period))


@require_POST
def evaluation_summary_place(request, slug: str, period: str):
    require_secretariat(request.user)
    body = access_evaluation_body(slug=slug)
    year, half = parse_period(period)
    summary = access_evaluation_summary(body=body, year=year, half=half)
    try:
        item = evaluation_summary_place_service(actor=request.user, summary=summary)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The summary is on the agenda of %(meeting)s.") % {"meeting": item.meeting},
        )
    return redirect(_body_page(body.slug, period))


@confidential()
def evaluation_summary_download(request, slug: str, period: str):
    """The summary PDF: the secretariat, the body's and the stuurgroep's members (404 else)."""
    body = access_evaluation_body(slug=slug)
    year, half = parse_period(period)
    summary = access_evaluation_summary(body=body, year=year, half=half)
    document = access_generated_document(
        user=request.user,
        subject=summary,
        kind=EVALUATION_SUMMARY,
        audience=summary.period,
    )
    return file_response(
        document.file,
        filename=f"evaluatie-{body.slug}-{summary.period}.pdf",
        content_type="application/pdf",
        confidential=True,
    )


def _body_page(slug: str, period: str) -> str:
    return reverse("evaluation:evaluation_body", kwargs={"slug": slug}) + f"#{period}"
