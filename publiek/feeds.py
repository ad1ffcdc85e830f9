"""Feeds for councils: per municipality an Atom feed and an iCal of what concerns
its council, so a griffie's own system subscribes instead of re-filing by hand: the council
letters addressed to it and the public meetings of the bodies its executives sit on. Public
data only (read as an anonymous visitor)."""

import datetime

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from consultaties.models import Consultation
from consultaties.selectors import council_public_consultations
from gremia.models.registry import Membership
from nhn_portal.core.templatetags.nhn_dates import format_date, format_when
from raden.selectors.discussions import council_agenda_dates
from raden.selectors.letters import council_name, letter_list_issued, municipalities
from regiobureau.feeds import ICS_CONTENT_TYPE, build_calendar
from regiobureau.selectors.meetings import meeting_queryset_visible

from .selectors import visitor

FEED_ROWS = 50


def access_municipality(slug: str):
    town = municipalities().filter(slug=slug).first()
    if town is None:
        raise Http404
    return town


def council_meetings(town):
    """Public meetings of the bodies on which the municipality currently has a seat."""
    body_ids = (
        Membership.objects.current(timezone.localdate()).filter(organisation=town).values("body_id")
    )
    return (
        meeting_queryset_visible(visitor())
        .filter(is_public=True, body_id__in=body_ids)
        .order_by("-starts_at")
    )


def council_letters(town):
    """Issued letters addressed to the municipality's council (its copy exists)."""
    return letter_list_issued().filter(deliveries__municipality=town)


def _is_consultation(item) -> bool:
    return isinstance(item, Consultation)


class CouncilAtomFeed(Feed):
    feed_type = Atom1Feed
    login_required = False  # what LoginRequiredMiddleware reads (@login_not_required)

    def get_object(self, request, slug):
        return access_municipality(slug)

    def title(self, town):
        return _("NHN Portal for the council of %(town)s") % {"town": council_name(town)}

    def link(self, town):
        return reverse("publiek:council_feed", kwargs={"slug": town.slug})

    def subtitle(self, town):
        return _("Council letters and public meetings of the regional cooperation")

    def author_name(self, town):
        # RFC 4287: a feed whose entries name no author names one itself.
        return _("Regional cooperation Noord-Holland Noord")

    def items(self, town):
        letters = list(council_letters(town)[:FEED_ROWS])
        # Each letter's entry carries the dates the council put it on an agenda.
        agenda: dict[int, list] = {}
        for discussion in council_agenda_dates(town):
            agenda.setdefault(discussion.delivery.letter_id, []).append(discussion)
        for letter in letters:
            letter.agenda_dates = agenda.get(letter.pk, [])
        meetings = list(council_meetings(town)[:FEED_ROWS])
        consultations = council_public_consultations(town)[:FEED_ROWS]
        entries = letters + meetings + consultations
        entries.sort(key=self.item_updateddate, reverse=True)
        return entries[:FEED_ROWS]

    def item_title(self, item):
        if _is_consultation(item):
            return _("Consultation of the councils: %(title)s (respond by %(date)s)") % {
                "title": item.title,
                "date": item.deadline.strftime("%d-%m-%Y"),
            }
        if hasattr(item, "issued_at"):
            return _("Council letter: %(title)s") % {"title": item.title}
        return f"{item} ({format_when(item.starts_at)})"

    def item_description(self, item):
        if _is_consultation(item):
            return item.question
        if hasattr(item, "issued_at"):
            dates = [
                f"{d.get_forum_display()} {format_date(d.agenda_date)}"
                for d in getattr(item, "agenda_dates", [])
            ]
            if not dates:
                return item.intro
            return f"{item.intro}\n" + _("On the agenda: %(dates)s") % {"dates": ", ".join(dates)}
        return item.body.name

    def item_link(self, item):
        if _is_consultation(item):
            return reverse("consultaties:public_detail", kwargs={"pk": item.pk})
        if hasattr(item, "issued_at"):
            return reverse("publiek:letter_detail", kwargs={"pk": item.pk})
        return item.get_absolute_url()

    def item_guid(self, item):
        if _is_consultation(item):
            return f"urn:nhn-portaal:consultatie:{item.pk}"
        kind = "brief" if hasattr(item, "issued_at") else "vergadering"
        return f"urn:nhn-portaal:{kind}:{item.pk}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        if _is_consultation(item):
            return item.created_at
        return item.issued_at if hasattr(item, "issued_at") else item.created_at


council_atom_feed = CouncilAtomFeed()


@login_not_required
def council_calendar(request, slug):
    town = access_municipality(slug)
    name = _("NHN meetings for the council of %(town)s") % {"town": council_name(town)}
    body = build_calendar(
        list(council_meetings(town)), name=name, details_for=lambda meeting: meeting.is_public
    )
    body = _with_deadlines(body, town)
    return HttpResponse(_with_agenda_dates(body, town), content_type=ICS_CONTENT_TYPE)


def _with_deadlines(body: bytes, town) -> bytes:
    """The deadlines of the council's open public consultations as all-day events."""
    open_ones = [c for c in council_public_consultations(town) if c.is_open]
    if not open_ones:
        return body
    calendar = Calendar.from_ical(body)
    stamp = timezone.now()
    for consultation in open_ones:
        event = Event()
        event.add("uid", f"consultatie-{consultation.pk}@nhn-portaal")
        event.add("dtstamp", stamp)
        event.add("dtstart", consultation.deadline)
        event.add(
            "summary",
            _("Deadline consultation: %(title)s") % {"title": consultation.title},
        )
        event.add("description", consultation.question)
        calendar.add_component(event)
    return calendar.to_ical()


def _with_agenda_dates(body: bytes, town) -> bytes:
    """The calendar with an all-day event per date the council put a letter on an agenda."""
    calendar = Calendar.from_ical(body)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for discussion in council_agenda_dates(town):
        letter = discussion.delivery.letter
        event = Event()
        event.add("uid", f"agenda-{discussion.pk}@nhn-portaal")
        event.add("dtstamp", stamp)
        event.add("dtstart", discussion.agenda_date)
        event.add(
            "summary",
            _("%(forum)s: council letter %(title)s")
            % {"forum": discussion.get_forum_display().capitalize(), "title": letter.title},
        )
        calendar.add_component(event)
    return calendar.to_ical()
