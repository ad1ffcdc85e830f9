"""Composing and issuing council letters (secretariat): the draft, its items and sub-region
paragraphs, adopting, issuing to the 17 councils, correcting.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from nhn_portal.core.access import require_secretariat
from nhn_portal.core.http import confidential, error_text
from raden.constants import LetterStatus, RenderStatus
from raden.forms import (
    LetterForm,
    LetterItemForm,
    SubregionParagraphForm,
)
from raden.models.letters import CouncilLetterItem
from raden.selectors.letters import (
    access_letter,
    decisions_available_for_letter,
    letter_deliveries,
    letter_items,
    letter_other_copies,
    letters_about_meeting,
    meeting_decision_list_adopted,
)
from raden.services.composing import (
    council_letter_adopt,
    council_letter_correct,
    council_letter_create,
    council_letter_item_add,
    council_letter_item_remove,
    council_letter_paragraph_set,
    council_letter_update,
)
from raden.services.issuing import council_letter_issue
from regiobureau.models.decisions import Decision
from regiobureau.selectors.meetings import access_meeting


def letter_create(request, meeting_pk: int):
    require_secretariat(request.user)
    meeting = access_meeting(user=request.user, pk=meeting_pk)
    form = LetterForm(request.POST or None, initial={"title": str(meeting.body)})
    # A letter reports an adopted decision list; a second letter about the same meeting is
    # asked about first (posted again with second_letter=1).
    adopted = meeting_decision_list_adopted(meeting)
    existing = letters_about_meeting(meeting)
    ask_second = False
    if request.method == "POST" and form.is_valid():
        if not adopted:
            form.add_error(None, _(NOT_ADOPTED))
        elif existing and request.POST.get("second_letter") != "1":
            ask_second = True
        else:
            try:
                letter = council_letter_create(
                    actor=request.user, meeting=meeting, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                return redirect("raden:letter_detail", pk=letter.pk)
    return render(
        request,
        "raden/letter_form.html",
        {
            "form": form,
            "meeting": meeting,
            "adopted": adopted,
            "existing": existing,
            "ask_second": ask_second,
        },
        status=400 if form.errors else 200,
    )


NOT_ADOPTED = gettext_noop(
    "The decision list of this meeting has not been adopted yet. A council information letter "
    "reports an adopted decision list: write it once the next meeting has adopted the list."
)


def _letter_page(request, letter, *, letter_form=None, item_form=None, status=200):
    decisions = Decision.objects.filter(
        pk__in=[d.pk for d in decisions_available_for_letter(letter)]
    ).select_related("item")
    return render(
        request,
        "raden/letter_detail.html",
        {
            "letter": letter,
            "items": letter_items(letter),
            "paragraphs": list(letter.subregion_paragraphs.select_related("subregion")),
            "deliveries": letter_deliveries(letter),
            "other_copies": letter_other_copies(letter),
            "letter_form": letter_form
            or LetterForm(
                initial={
                    "title": letter.title,
                    "intro": letter.intro,
                    "contact_person": letter.contact_person,
                    "college_text": letter.college_text,
                    "subregion_summary": letter.subregion_summary,
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


@confidential("raden.councilletter")
def letter_detail(request, pk: int):
    """Compose a draft (title, introduction, items, sub-region paragraphs), adopt and issue
    it, and follow the PDF of each council after issuing."""
    letter = access_letter(user=request.user, pk=pk)
    if request.method == "POST":
        form = LetterForm(request.POST)
        if form.is_valid():
            try:
                council_letter_update(actor=request.user, letter=letter, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("The letter has been saved."))
                return redirect("raden:letter_detail", pk=letter.pk)
        return _letter_page(request, letter, letter_form=form, status=422)
    return _letter_page(request, letter)


@require_POST
def letter_item_add(request, pk: int):
    letter = access_letter(user=request.user, pk=pk)
    decisions = Decision.objects.filter(item__meeting_id=letter.meeting_id).select_related("item")
    form = LetterItemForm(request.POST, decisions=decisions)
    if form.is_valid():
        try:
            council_letter_item_add(
                actor=request.user,
                letter=letter,
                decision=form.cleaned_data["decision"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("The item has been added to the letter."))
            return redirect("raden:letter_detail", pk=letter.pk)
    return _letter_page(request, letter, item_form=form, status=422)


@require_POST
def letter_item_remove(request, pk: int):
    require_secretariat(request.user)
    entry = get_object_or_404(CouncilLetterItem.objects.select_related("letter"), pk=pk)
    try:
        council_letter_item_remove(actor=request.user, entry=entry)
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("raden:letter_detail", pk=entry.letter_id)


@require_POST
def letter_paragraph(request, pk: int):
    letter = access_letter(user=request.user, pk=pk)
    form = SubregionParagraphForm(request.POST)
    if form.is_valid():
        try:
            council_letter_paragraph_set(
                actor=request.user,
                letter=letter,
                subregion=form.cleaned_data["subregion"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The sub-region paragraph has been saved."))
    return redirect("raden:letter_detail", pk=letter.pk)


def _letter_step(request, pk: int, service, success: str):
    letter = access_letter(user=request.user, pk=pk)
    try:
        result = service(actor=request.user, letter=letter)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("raden:letter_detail", pk=letter.pk)
    messages.success(request, success)
    # A correction is a new letter: continue there.
    is_new = service is council_letter_correct
    return redirect("raden:letter_detail", pk=result.pk if is_new else letter.pk)


@require_POST
def letter_adopt(request, pk: int):
    return _letter_step(request, pk, council_letter_adopt, _("The letter has been adopted."))


@require_POST
def letter_issue(request, pk: int):
    return _letter_step(
        request,
        pk,
        council_letter_issue,
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
        council_letter_correct,
        _("A revised version has been started; change it, adopt it and issue it."),
    )
