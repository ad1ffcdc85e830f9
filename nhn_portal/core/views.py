"""The portal's own pages: the signed-in overview and the public accessibility statement."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string

from . import selectors
from .forms import AuditFilterForm
from .http import confidential, no_store
from .portal import TODO_LINES_SECONDS, page_panels, public_home_view, todo_label, todo_lines
from .release import cached_fragment


@login_not_required
def home(request):
    """The signed-in overview: the to-do list of what waits on this user (each line a link to
    where the work is done, with its date and why it waits; `portal.todo_lines`, the sources
    registered by the apps), then the apps' overview panels (meetings and actions, council
    letters, one's own memberships in the registry); each app decides what it shows to whom.

    A visitor without a login gets the public front page an app registered
    (`portal.register_public_home`), or the login page when none did."""
    if not request.user.is_authenticated:
        public_home = public_home_view()
        if public_home is None:
            return redirect_to_login(request.get_full_path())
        return public_home(request)
    user = request.user

    def render_overview() -> str:
        slots, context = page_panels("overview", request)
        return render_to_string(
            "core/_overview.html",
            {"slots": slots, "todo": todo_lines(user), **context},
            request=request,
        )

    # Kept per user until anything changes, like the to-do lines (issue 26: the panels were
    # most of what was left of the page). No form in it: nothing tied to the session.
    overview = cached_fragment(
        f"overview:{user.pk}:{todo_label()}", render_overview, TODO_LINES_SECONDS
    )
    return render(request, "core/home.html", {"overview": overview})


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html")


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a login attempt while its account or address is locked out:
    429 with a Dutch explanation, for the allauth login and the admin alike."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "account/locked_out.html", {"cooloff_minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return no_store(response)


def login_delayed(request, seconds: int):
    """A login attempt made while its account waits after failed logins (core.logins): 429
    with Retry-After and a Dutch explanation; the password was not checked."""
    response = render(request, "account/login_delayed.html", {"seconds": seconds}, status=429)
    response["Retry-After"] = str(seconds)
    return no_store(response)


@confidential()
def audit_log(request):
    """The beheerder's audit trail: who changed or read what, when and from where; filtered
    by user, action, object type and dates, 50 a page. 404 for anyone else."""
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    records = selectors.audit_records(
        user=request.user,
        actor=filters.get("actor") or "",
        action=filters.get("action") or "",
        content_type_id=filters["content_type"].pk if filters.get("content_type") else None,
        since=filters.get("since"),
        until=filters.get("until"),
    )
    page = Paginator(records, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "core/audit_log.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
