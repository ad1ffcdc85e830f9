"""iCalendar (RFC 5545) feeds: one public feed per body and a personal feed per user.

The public feed is what anyone may know: a closed meeting shows only the body's name and
the time, never a place, link or agenda item. The personal feed sits behind a secret token
(CalendarToken) that the user can replace, which revokes the old link; it carries the place
and online link but no agenda items, because calendar apps sync to servers outside the region.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from gremia.models.registry import Body
from regiobureau import permissions
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import CalendarToken
from regiobureau.selectors.meetings import (
    calendar_token_for,
    meeting_list_for_body_feed,
    meeting_list_for_member,
    meeting_list_for_personal_feed,
)
from regiobureau.services.meetings import calendar_token_rotate as calendar_token_rotate_service

TZ = ZoneInfo("Europe/Amsterdam")
ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _event(meeting, *, details: bool, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", f"{meeting.uid}@nhn-portaal")
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(TZ))
    event.add("dtend", meeting.ends_at.astimezone(TZ))
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    # SEQUENCE must grow with every change (a cancellation too) for calendar apps to take
    # the update; seconds between creation and the last change do that without a counter.
    event.add("sequence", max(0, int((meeting.updated_at - meeting.created_at).total_seconds())))
    if details:
        event.add("summary", meeting.display_title)
        if meeting.location:
            event.add("location", meeting.location)
        url = _absolute(meeting.get_absolute_url())
        event.add("url", url)
        lines = [meeting.body.name, url]
        if meeting.online_url:
            lines.append(_("Online: %(url)s") % {"url": meeting.online_url})
        event.add("description", "\n".join(lines))
    else:
        # A closed meeting: that the body meets, and when; nothing else.
        event.add("summary", meeting.body.name)
        event.add("class", "CONFIDENTIAL")
    if meeting.status == MeetingStatus.CANCELLED:
        event.add("status", "CANCELLED")
    elif meeting.status == MeetingStatus.PLANNED:
        event.add("status", "TENTATIVE")
    else:
        event.add("status", "CONFIRMED")
    return event


def build_calendar(meetings, *, name: str, details_for) -> bytes:
    """The feed as bytes; `details_for(meeting)` says whether place and link may be shown."""
    calendar = Calendar()
    calendar.add("prodid", "-//Regiobureau NHN//NHN Portaal//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for meeting in meetings:
        calendar.add_component(_event(meeting, details=details_for(meeting), stamp=stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_not_required
def body_feed(request, slug: str):
    body = get_object_or_404(Body, slug=slug)
    meetings = meeting_list_for_body_feed(body=body)
    content = build_calendar(
        meetings,
        name=_("Meetings of %(body)s") % {"body": body.name},
        details_for=lambda meeting: permissions.can_see_meeting_place(AnonymousUser(), meeting),
    )
    return _ics_response(content, f"{body.slug}.ics")


@login_not_required
def personal_feed(request, token: str):
    """The token is the only credential: an unknown (or replaced) token is a 404."""
    record = CalendarToken.objects.select_related("user").filter(token=token).first()
    if record is None or not record.user.is_active:
        raise Http404
    meetings = meeting_list_for_personal_feed(user=record.user)
    content = build_calendar(
        meetings,
        name=_("My NHN meetings"),
        details_for=lambda meeting: permissions.can_see_meeting_place(record.user, meeting),
    )
    response = _ics_response(content, "mijn-vergaderingen.ics")
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def calendar_subscription(request):
    """The links to subscribe to: the personal feed and the feed of each body I sit on."""
    token = calendar_token_for(user=request.user)
    personal_url = (
        _absolute(reverse("regiobureau:feed_personal", kwargs={"token": token.token}))
        if token
        else None
    )
    meetings = meeting_list_for_member(user=request.user)
    bodies = sorted({m.body for m in meetings}, key=lambda body: body.name)
    return render(
        request,
        "regiobureau/calendar_subscription.html",
        {
            "personal_url": personal_url,
            "body_feeds": [
                (body, _absolute(reverse("regiobureau:feed_body", kwargs={"slug": body.slug})))
                for body in bodies
            ],
        },
    )


@require_POST
def calendar_token_rotate(request):
    """ "Nieuwe link maken": the old personal feed URL stops working at once."""
    had_token = calendar_token_for(user=request.user) is not None
    calendar_token_rotate_service(actor=request.user)
    messages.success(
        request,
        _("A new link has been made; the old link no longer works.")
        if had_token
        else _("Your personal calendar link has been made."),
    )
    return redirect("regiobureau:calendar_subscription")
