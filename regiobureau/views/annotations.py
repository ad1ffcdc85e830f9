"""Annotations: the secretariat writes them (versioned, with a review status) and compares
versions; members read them on the reading page (views/reading.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text
from regiobureau.constants import ANNOTATION_FIELDS, ANNOTATION_TRANSITIONS, AnnotationStatus
from regiobureau.diffing import annotation_diff
from regiobureau.forms.annotations import AnnotationForm, ReviewRequestForm, ReviewReturnForm
from regiobureau.permissions import can_see_agenda
from regiobureau.selectors.annotation_reviews import (
    access_annotation_for_review,
    annotation_author_ids,
    annotation_history,
    annotation_reviewer_candidates,
    open_review_for,
)
from regiobureau.selectors.annotations import annotation_for_item
from regiobureau.selectors.annotations import annotation_versions as annotation_versions_selector
from regiobureau.services.annotation_reviews import (
    annotation_adopt,
    annotation_return,
    annotation_send_for_review,
)
from regiobureau.services.annotations import annotation_save, annotation_set_status
from regiobureau.services.guards import StaleAgendaError
from regiobureau.views.common import secretariat_item


@confidential("regiobureau.agendaitem")
def annotation_edit(request, pk: int):
    """The seven structured fields of an item's annotation; a stale save is refused (409)
    and the writer's unsaved text is shown next to the current version."""
    item = secretariat_item(request, pk)
    annotation = annotation_for_item(user=request.user, item=item)
    form = AnnotationForm(request.POST or None, annotation=annotation)
    status, unsaved, stale = 200, None, None
    if request.method == "POST" and form.is_valid():
        try:
            annotation_save(
                actor=request.user,
                item=item,
                expected_version=form.cleaned_data["version"],
                **form.content(),
            )
        except StaleAgendaError as error:
            unsaved = [(form.fields[name].label, value) for name, value in form.content().items()]
            annotation = annotation_for_item(user=request.user, item=item)
            form = AnnotationForm(annotation=annotation)
            stale = error_text(error)
            status = 409
        except ValidationError as error:
            add_service_errors(form, error)
            status = 400
        else:
            messages.success(request, _("The annotation has been saved as a new version."))
            return redirect("regiobureau:annotation_edit", pk=item.pk)
    elif form.errors:
        status = 400
    return render(
        request,
        "regiobureau/annotation_form.html",
        {
            "item": item,
            "meeting": item.meeting,
            "annotation": annotation,
            "form": form,
            "unsaved": unsaved,
            "stale": stale,
            "status_actions": _status_actions(annotation),
            **_review_context(request.user, item, annotation),
        },
        status=status,
    )


def _status_actions(annotation) -> list[tuple[str, str]]:
    """Only "back to draft" here: sending for review names reviewers (its own form) and only
    a reviewer adopts (the review page)."""
    if annotation is None:
        return []
    allowed = ANNOTATION_TRANSITIONS[AnnotationStatus(annotation.status)]
    if AnnotationStatus.DRAFT in allowed:
        return [(AnnotationStatus.DRAFT.value, _("Back to draft"))]
    return []


def _review_context(user, item, annotation, review_form=None) -> dict:
    """The review part of the annotation page: the form to send it for review (a concept),
    the reviewer's own open request, and the history."""
    if annotation is None:
        return {"review_form": None, "my_review": None, "history": []}
    if review_form is None and annotation.status == AnnotationStatus.DRAFT:
        excluded = annotation_author_ids(annotation) | {user.pk}
        candidates = [
            candidate
            for candidate in annotation_reviewer_candidates(meeting=item.meeting)
            if candidate.pk not in excluded
        ]
        review_form = ReviewRequestForm(candidates=candidates)
    return {
        "review_form": review_form,
        "my_review": open_review_for(user=user, annotation=annotation),
        "history": annotation_history(user=user, annotation=annotation),
    }


@require_POST
def annotation_request_review(request, pk: int):
    """Send the annotation for review to the reviewers named in the form."""
    item = secretariat_item(request, pk)
    annotation = annotation_for_item(user=request.user, item=item)
    if annotation is None:
        raise Http404
    candidates = annotation_reviewer_candidates(meeting=item.meeting)
    form = ReviewRequestForm(request.POST, candidates=candidates)
    if form.is_valid():
        try:
            annotation_send_for_review(
                actor=request.user,
                annotation=annotation,
                reviewers=list(form.cleaned_data["reviewers"]),
                due_on=form.cleaned_data["due_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The annotation has been sent for review; the reviewers are mailed.")
            )
            return redirect("regiobureau:annotation_edit", pk=item.pk)
    return render(
        request,
        "regiobureau/annotation_form.html",
        {
            "item": item,
            "meeting": item.meeting,
            "annotation": annotation,
            "form": AnnotationForm(annotation=annotation),
            "status_actions": _status_actions(annotation),
            **_review_context(request.user, item, annotation, review_form=form),
        },
        status=400,
    )


@confidential("regiobureau.agendaitem")
def annotation_review(request, pk: int):
    """The reviewer's page: the text ter review, the history, and her verdict: adopt it
    (not for who wrote it) or send it back to the author with a comment."""
    item, annotation = access_annotation_for_review(user=request.user, item_pk=pk)
    my_review = open_review_for(user=request.user, annotation=annotation)
    return_form = ReviewReturnForm(request.POST if request.POST.get("action") == "return" else None)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ("adopt", "return"):
            messages.error(request, _("Unknown action."))
            return redirect("regiobureau:annotation_review", pk=item.pk)
        status = 400
        try:
            if action == "adopt":
                annotation_adopt(actor=request.user, annotation=annotation)
                done = _("You have adopted the annotation.")
            elif return_form.is_valid():
                annotation_return(
                    actor=request.user,
                    annotation=annotation,
                    comment=return_form.cleaned_data["comment"],
                )
                done = _("The annotation has been sent back to its author with your comment.")
            else:
                done = None
        except ValidationError as error:
            if action == "return":
                add_service_errors(return_form, error)
            else:
                messages.error(request, error_text(error))
        else:
            if done:
                messages.success(request, done)
                if is_secretariat(request.user):
                    return redirect("regiobureau:annotation_edit", pk=item.pk)
                if can_see_agenda(request.user, item.meeting):
                    return redirect("regiobureau:meeting_reading", pk=item.meeting_id)
                return redirect("home")
    is_author = request.user.pk in annotation_author_ids(annotation)
    return render(
        request,
        "regiobureau/annotation_review.html",
        {
            "item": item,
            "meeting": item.meeting,
            "annotation": annotation,
            "fields": [
                (annotation._meta.get_field(name).verbose_name, getattr(annotation, name))
                for name in ANNOTATION_FIELDS
            ],
            "my_review": my_review,
            "can_decide": my_review is not None and annotation.status == AnnotationStatus.IN_REVIEW,
            "can_adopt": my_review is not None
            and annotation.status == AnnotationStatus.IN_REVIEW
            and not is_author,
            "is_author": is_author,
            "agenda_out": can_see_agenda(request.user, item.meeting),
            "return_form": return_form,
            "history": annotation_history(user=request.user, annotation=annotation),
        },
        status=status,
    )


@require_POST
def annotation_status(request, pk: int):
    item = secretariat_item(request, pk)
    annotation = annotation_for_item(user=request.user, item=item)
    if annotation is None:
        raise Http404
    target = request.POST.get("status", "")
    if target not in AnnotationStatus.values:
        messages.error(request, _("Unknown action."))
        return redirect("regiobureau:annotation_edit", pk=item.pk)
    try:
        annotation_set_status(actor=request.user, annotation=annotation, status=target)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The annotation now has status “%(status)s”.")
            % {"status": annotation.get_status_display()},
        )
    return redirect("regiobureau:annotation_edit", pk=item.pk)


@confidential("regiobureau.agendaitem")
def annotation_versions(request, pk: int):
    """All saved versions, and the difference between two of them (?a=1&b=2)."""
    item = secretariat_item(request, pk)
    annotation = annotation_for_item(user=request.user, item=item)
    if annotation is None:
        raise Http404
    versions = annotation_versions_selector(user=request.user, annotation=annotation)
    by_number = {v.number: v for v in versions}
    diff, old, new = None, None, None
    if len(versions) >= 2:
        old = by_number.get(_int(request.GET.get("a")), versions[1])
        new = by_number.get(_int(request.GET.get("b")), versions[0])
        diff = annotation_diff(old.content, new.content)
    return render(
        request,
        "regiobureau/annotation_versions.html",
        {
            "item": item,
            "meeting": item.meeting,
            "annotation": annotation,
            "versions": versions,
            "diff": diff,
            "old": old,
            "new": new,
            "fields": ANNOTATION_FIELDS,
        },
    )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
