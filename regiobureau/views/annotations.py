"""Annotations: the secretariat writes them (versioned, with a review status) and compares
versions; members read them on the reading page (views/reading.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text
from regiobureau.constants import ANNOTATION_FIELDS, ANNOTATION_TRANSITIONS, AnnotationStatus
from regiobureau.diffing import annotation_diff
from regiobureau.forms.annotations import AnnotationForm
from regiobureau.selectors.annotations import annotation_for_item
from regiobureau.selectors.annotations import annotation_versions as annotation_versions_selector
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
        },
        status=status,
    )


def _status_actions(annotation) -> list[tuple[str, str]]:
    if annotation is None:
        return []
    allowed = ANNOTATION_TRANSITIONS[AnnotationStatus(annotation.status)]
    labels = {
        AnnotationStatus.IN_REVIEW: _("Send for review"),
        AnnotationStatus.ADOPTED: _("Adopt"),
        AnnotationStatus.DRAFT: _("Back to draft"),
    }
    return [(status.value, labels[status]) for status in AnnotationStatus if status in allowed]


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
