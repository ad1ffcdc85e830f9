"""The questions of council members: the griffie's and the secretariat's pages, the council
member's personal link (no account) and the public pages of published answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text
from vragen import permissions, selectors
from vragen.constants import QuestionStatus
from vragen.forms import AnswerForm, AskForm, AssignForm, LinkAskForm
from vragen.services import (
    question_answer,
    question_ask,
    question_assign,
    question_link_send,
    question_review,
    registration_from_token,
)


def _require_user(user) -> None:
    if not permissions.can_use_questions(user):
        raise Http404


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@confidential()
def question_list(request):
    """The overview per council (and per dossier, with ?dossier=)."""
    _require_user(request.user)
    municipality_id = _int(request.GET.get("raad"))
    dossier_id = _int(request.GET.get("dossier"))
    questions = selectors.questions_for(
        request.user, municipality_id=municipality_id, dossier_id=dossier_id
    )
    return render(
        request,
        "vragen/question_list.html",
        {
            "questions": questions,
            "councils": selectors.council_counts(request.user),
            "is_secretariat": permissions.is_secretariat(request.user),
            "municipality": permissions.griffie_municipality(request.user),
            "registrations": selectors.registrations_for_links(request.user),
            "filtered": bool(municipality_id or dossier_id),
        },
    )


@confidential()
def question_create(request):
    _require_user(request.user)
    secretariat = permissions.is_secretariat(request.user)
    municipalities = selectors.municipalities() if secretariat else None
    form = AskForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        municipality = data.pop("municipality", None) or permissions.griffie_municipality(
            request.user
        )
        try:
            question = question_ask(actor=request.user, municipality=municipality, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question has been sent to the regiobureau."))
            return redirect(question)
    return render(
        request,
        "vragen/question_form.html",
        {"form": form},
        status=422 if form.is_bound else 200,
    )


@confidential("vragen.councilquestion")
def question_detail(request, pk: int):
    question = selectors.access_question(user=request.user, pk=pk)
    secretariat = permissions.is_secretariat(request.user)
    open_question = question.status != QuestionStatus.SENT
    return render(
        request,
        "vragen/question_detail.html",
        {
            "question": question,
            "is_secretariat": secretariat,
            "assign_form": (
                AssignForm(
                    initial={"assignee": question.assignee_id},
                    users=selectors.assignable_users(),
                )
                if secretariat and open_question
                else None
            ),
            "answer_form": (
                AnswerForm(
                    initial={"answer": question.answer, "closed_reason": question.closed_reason}
                )
                if secretariat and open_question
                else None
            ),
            "can_review": (
                secretariat
                and question.status == QuestionStatus.DRAFTED
                and question.answered_by_id != request.user.pk
            ),
        },
    )


@require_POST
@confidential()
def question_assign_view(request, pk: int):
    question = selectors.access_question(user=request.user, pk=pk)
    form = AssignForm(request.POST, users=selectors.assignable_users())
    if not permissions.is_secretariat(request.user):
        raise Http404
    if form.is_valid():
        try:
            question_assign(actor=request.user, question=question, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The question has been routed."))
    else:
        messages.error(request, _("Choose a person at the regiobureau."))
    return redirect(question)


@require_POST
@confidential()
def question_answer_view(request, pk: int):
    question = selectors.access_question(user=request.user, pk=pk)
    if not permissions.is_secretariat(request.user):
        raise Http404
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            question_answer(actor=request.user, question=question, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The answer waits for a second person's review."))
    else:
        messages.error(request, _("Write the answer."))
    return redirect(question)


@require_POST
@confidential()
def question_review_view(request, pk: int):
    question = selectors.access_question(user=request.user, pk=pk)
    if not permissions.is_secretariat(request.user):
        raise Http404
    try:
        question_review(actor=request.user, question=question)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The answer has been approved and sent."))
    return redirect(question)


@require_POST
@confidential()
def question_link_send_view(request, registration_pk: int):
    registration = selectors.access_registration(user=request.user, pk=registration_pk)
    try:
        question_link_send(actor=request.user, registration=registration)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("The personal link has been sent to %(name)s.") % {"name": registration}
        )
    return redirect("vragen:question_list")


@login_not_required
@confidential()
def question_link(request, token: str):
    """A council member's personal link (from the gatherings register): no account; the
    question is recorded for her and her council only."""
    try:
        registration = registration_from_token(token)
    except ValidationError as error:
        return render(
            request, "vragen/question_link.html", {"refusal": error_text(error)}, status=403
        )
    form = LinkAskForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                question = question_ask(
                    actor=None,
                    municipality=registration.municipality,
                    asker_name=registration.name,
                    registration=registration,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return render(
                    request,
                    "vragen/question_link.html",
                    {"registration": registration, "thanks": question},
                )
        status = 422
    return render(
        request,
        "vragen/question_link.html",
        {"registration": registration, "form": form},
        status=status,
    )


@login_not_required
def public_list(request):
    return render(
        request, "vragen/public_list.html", {"questions": selectors.public_questions()[:200]}
    )


@login_not_required
def public_detail(request, pk: int):
    return render(request, "vragen/public_detail.html", {"question": selectors.public_question(pk)})
