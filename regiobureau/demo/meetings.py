"""Demo meetings: one upcoming meeting per base-model body with a realistic Dutch agenda
(agendas.py), and the Platform Wonen's previous meeting, held, with its decisions and actions.

The loaders are idempotent: a body that already has its demo meeting (recognised by its title)
is left alone, so running `manage.py load_nhn --demo` twice changes nothing. All writes go
through the services, so the demo leaves the same audit trail as real use. The previous
meeting's open actions show on the upcoming Wonen meeting's actielijst.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gremia import services as registry_services
from gremia.constants import BodyKind, DecisionRule, PersonFunction
from gremia.models.registry import Body, Membership, Organisation, Person, Theme
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from nhn_portal.core.workdays import (
    is_working_day,
    working_day_on_or_after,
    working_day_on_or_before,
)
from regiobureau.constants import (
    AnnotationStatus,
    Confidentiality,
    DecisionOutcome,
    MeetingStatus,
    Presence,
    VoteChoice,
)
from regiobureau.demo.agendas import (
    AGENDAS,
    DOSSIERS,
    EARLIER_AGENDA,
    EARLIER_DAYS_AGO,
    EARLIER_DECISIONS,
    EARLIER_MEETING_TITLE,
    PREVIOUS_AGENDA,
    PREVIOUS_BODY_SLUG,
    PREVIOUS_DAYS_AGO,
    PREVIOUS_MEETING_TITLE,
    SECRETARY_EMAIL,
    Item,
)
from regiobureau.models.annotations import Annotation
from regiobureau.models.meetings import Dossier, Meeting
from regiobureau.selectors.attendance import attendance_seats
from regiobureau.selectors.decisions import voting_members
from regiobureau.services.actions import action_item_create
from regiobureau.services.agenda import agenda_item_create, dossier_create
from regiobureau.services.annotation_reviews import annotation_adopt, annotation_send_for_review
from regiobureau.services.annotations import annotation_save
from regiobureau.services.attendance import attendance_record
from regiobureau.services.decisions import decision_list_adopt, decision_record
from regiobureau.services.documents import document_upload
from regiobureau.services.meetings import (
    default_documents_deadline,
    meeting_create,
    meeting_publish_agenda,
    meeting_set_status,
)

FOR, AGAINST, ABSTAIN = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN


def demo_title(body: Body) -> str:
    return f"{body.short_name or body.name} (demo)"


def load_demo_meetings(*, report: LoadReport | None = None) -> list[Meeting]:
    """Create the demo meetings that are missing; returns the meetings created now."""
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    dossiers = ensure_dossiers(actor)
    created = []
    for slug, (days, is_public, items) in AGENDAS.items():
        body = Body.objects.filter(slug=slug).first()
        if body is None or body.is_dissolved():
            continue
        exists = Meeting.objects.filter(body=body, title=demo_title(body)).exists()
        if report is not None:
            report.count("demovergaderingen", created=not exists)
        if exists:
            continue
        created.append(demo_meeting_create(actor, body, days, is_public, items, dossiers))
    demo_review_waiting(actor)
    return created


# The second demo secretary: she reviews the annotations the first one writes (four eyes).
REVIEWER_EMAIL = "reviewer@example.org"


def _reviewed_and_adopted(actor, annotation) -> None:
    """Sent for review to the second secretary, who adopts it; left a concept without her."""
    reviewer = User.objects.filter(email=REVIEWER_EMAIL).first()
    if reviewer is None or actor is None:
        return
    annotation_send_for_review(
        actor=actor, annotation=annotation, reviewers=[reviewer], due_on=timezone.localdate()
    )
    annotation_adopt(actor=reviewer, annotation=annotation)


def demo_review_waiting(actor) -> None:
    """One annotation of a coming demo meeting waits for the second secretary's review (her
    to-do line); not again while one waits, so a second load changes nothing."""
    reviewer = User.objects.filter(email=REVIEWER_EMAIL).first()
    if reviewer is None or actor is None:
        return
    if reviewer.annotation_reviews.filter(decided_at__isnull=True).exists():
        return
    annotation = (
        Annotation.objects.filter(
            status=AnnotationStatus.DRAFT,
            agenda_item__meeting__title__endswith="(demo)",
            agenda_item__meeting__starts_at__gte=timezone.now(),
        )
        .select_related("agenda_item__meeting")
        .order_by("agenda_item__meeting__starts_at", "agenda_item__position", "pk")
        .first()
    )
    if annotation is None:
        return
    meeting = annotation.agenda_item.meeting
    due = max(
        timezone.localdate() + datetime.timedelta(days=1),
        timezone.localtime(meeting.starts_at).date() - datetime.timedelta(days=3),
    )
    annotation_send_for_review(actor=actor, annotation=annotation, reviewers=[reviewer], due_on=due)


def ensure_dossiers(actor) -> dict[str, Dossier]:
    dossiers = {}
    for slug, name, theme_slug, description in DOSSIERS:
        dossier = Dossier.objects.filter(slug=slug).first()
        if dossier is None:
            dossier = dossier_create(
                actor=actor,
                name=name,
                slug=slug,
                description=description,
                theme=Theme.objects.filter(slug=theme_slug).first(),
            )
        dossiers[slug] = dossier
    return dossiers


def demo_meeting_create(
    actor, body, days, is_public, items, dossiers, *, title: str = ""
) -> Meeting:
    """A published meeting `days` from today (negative: in the past) with the given agenda,
    on the first free working day from there (see `demo_day`), with a deadline that suits
    the calendar (`demo_deadline`)."""
    day = demo_day(days)
    tz = timezone.get_current_timezone()
    starts = datetime.datetime.combine(day, datetime.time(14, 0), tzinfo=tz)
    meeting = meeting_create(
        actor=actor,
        body=body,
        title=title or demo_title(body),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        location="Provinciehuis Noord-Holland, Haarlem"
        if body.kind == BodyKind.STEERING_GROUP
        else "Regiokantoor NHN, Alkmaar",
        online_url="https://vergaderen.example.org/nhn",
        is_public=is_public,
        documents_deadline=demo_deadline(body, day),
    )
    presenters = [
        m.person for m in Membership.objects.current().filter(body=body).select_related("person")
    ]
    for index, spec in enumerate(items):
        presenter = presenters[index % len(presenters)] if presenters else None
        _item(actor, meeting, spec, dossiers, presenter, parent=None)
    meeting.refresh_from_db()
    meeting_publish_agenda(actor=actor, meeting=meeting, expected_version=meeting.agenda_version)
    meeting.refresh_from_db()
    if meeting.status != MeetingStatus.AGENDA_PUBLISHED:  # an assert vanishes under python -O
        raise RuntimeError(f"demo meeting {meeting} was not published")
    return meeting


def demo_day(days: int) -> datetime.date:
    """The working day `days` from today, or the nearest one after it (before it for a past
    meeting) on which no other meeting is held: the demo has one meeting a day, so no member
    sits in two meetings at once and no room is booked twice, whatever day it is loaded."""
    step = datetime.timedelta(days=1 if days >= 0 else -1)
    day = timezone.localdate() + datetime.timedelta(days=days)
    active = Meeting.objects.exclude(status=MeetingStatus.CANCELLED)
    while not is_working_day(day) or active.filter(starts_at__date=day).exists():
        day += step
    return day


def demo_deadline(body: Body, day: datetime.date) -> datetime.date:
    """The deadline for stukken of the body's meeting on `day`: ten working days before it
    (for a coming meeting not before tomorrow, so its stukken arrive on time), and not before
    the latest meeting of a body that prepares it, so that preparation is in time. Always a
    working day before the meeting."""
    deadline = default_documents_deadline(
        datetime.datetime.combine(day, datetime.time(14, 0), tzinfo=timezone.get_current_timezone())
    )
    today = timezone.localdate()
    if day > today:
        deadline = max(deadline, working_day_on_or_after(today + datetime.timedelta(days=1)))
    preparing = (
        Meeting.objects.exclude(status=MeetingStatus.CANCELLED)
        .filter(body__prepares=body, starts_at__date__lt=day)
        .order_by("-starts_at")
        .first()
    )
    if preparing is not None:
        deadline = max(deadline, timezone.localtime(preparing.starts_at).date())
    return min(deadline, working_day_on_or_before(day - datetime.timedelta(days=1)))


def _item(actor, meeting, spec: Item, dossiers, presenter, *, parent):
    item = agenda_item_create(
        actor=actor,
        meeting=meeting,
        expected_version=None,
        title=spec.title,
        purpose=spec.purpose,
        presenter=presenter,
        planned_minutes=spec.minutes,
        is_public=spec.public,
        dossier=dossiers.get(spec.dossier) if spec.dossier else None,
        parent=parent,
    )
    for doc in spec.docs:
        document_upload(
            actor=actor,
            item=item,
            title=doc.title,
            confidentiality=Confidentiality.CONFIDENTIAL
            if doc.confidential
            else Confidentiality.PUBLIC,
            upload=SimpleUploadedFile(
                f"{doc.title.lower().replace(' ', '-')[:60]}.pdf",
                demo_pdf(doc.title, str(meeting.body)),
                content_type="application/pdf",
            ),
        )
    if spec.annotation:
        annotation = annotation_save(
            actor=actor, item=item, expected_version=None, **spec.annotation
        )
        if meeting.body.kind in (BodyKind.STEERING_GROUP, BodyKind.PLATFORM):
            _reviewed_and_adopted(actor, annotation)
    for sub in spec.subs:
        _item(actor, meeting, sub, dossiers, presenter, parent=item)
    return item


def demo_pdf(title: str, subtitle: str) -> bytes:
    """A small, valid one-page PDF (with a correct cross-reference table) showing the title."""

    def escape(text: str) -> str:
        text = text.encode("latin-1", "replace").decode("latin-1")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    lines = [title, subtitle, "Demodocument NHN Portaal"]
    stream = "BT /F1 16 Tf 56 770 Td ({}) Tj /F1 11 Tf 0 -24 Td ({}) Tj 0 -18 Td ({}) Tj ET".format(
        *(escape(line) for line in lines)
    ).encode("latin-1")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def load_demo_previous_meeting(*, report: LoadReport | None = None) -> Meeting | None:
    """The Platform Wonen's previous meeting, two weeks ago: created if missing, held, with
    its decisions (one by majority vote) and actions (one overdue). Returns it (None without a
    Platform Wonen); once it is held, nothing is done again."""
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    meeting = Meeting.objects.select_related("body").filter(title=PREVIOUS_MEETING_TITLE).first()
    if meeting is None:
        body = Body.objects.filter(slug=PREVIOUS_BODY_SLUG).first()
        if body is None or body.is_dissolved():
            if report is not None:
                report.note("vorige vergadering Wonen (demo): geen Platform Wonen, overgeslagen")
            return None
        meeting = demo_meeting_create(
            actor,
            body,
            -PREVIOUS_DAYS_AGO,
            True,
            PREVIOUS_AGENDA,
            ensure_dossiers(actor),
            title=PREVIOUS_MEETING_TITLE,
        )
    if meeting.status != MeetingStatus.AGENDA_PUBLISHED:
        if report is not None:
            report.count("gehouden demovergaderingen", created=False)
        return meeting
    meeting_set_status(actor=actor, meeting=meeting, status=MeetingStatus.HELD)
    _majority_rule(actor, meeting)
    _record_attendance(actor, meeting)
    _record_decisions(actor, meeting)
    _record_actions(actor, meeting)
    if report is not None:
        report.count("gehouden demovergaderingen", created=True)
    return meeting


def load_demo_adopted_decisions(*, report: LoadReport | None = None) -> Meeting | None:
    """The Platform Wonen's meeting before the previous one: held, its decisions recorded and
    its besluitenlijst adopted in the previous meeting (created first when missing). Once
    adopted, nothing is done again. Returns it (None without a Platform Wonen)."""
    previous = load_demo_previous_meeting()
    if previous is None:
        return None
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    meeting = Meeting.objects.select_related("body").filter(title=EARLIER_MEETING_TITLE).first()
    if meeting is None:
        meeting = demo_meeting_create(
            actor,
            previous.body,
            -EARLIER_DAYS_AGO,
            True,
            EARLIER_AGENDA,
            ensure_dossiers(actor),
            title=EARLIER_MEETING_TITLE,
        )
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED:
        meeting_set_status(actor=actor, meeting=meeting, status=MeetingStatus.HELD)
        items = {item.title: item for item in meeting.items.all()}
        # Taken unanimously: by majority (the platform's rule in the demo) with every member for.
        majority = meeting.body.decision_rule == DecisionRule.MAJORITY
        votes = {person.pk: FOR for person in voting_members(meeting)} if majority else {}
        for title, text in EARLIER_DECISIONS.items():
            if title in items and not items[title].decisions.exists():
                decision_record(
                    actor=actor,
                    item=items[title],
                    text=text,
                    outcome=None if majority else DecisionOutcome.ADOPTED,
                    votes=votes,
                )
    if meeting.status == MeetingStatus.HELD:
        decision_list_adopt(actor=actor, meeting=meeting, at_meeting=previous)
        if report is not None:
            report.count("vastgestelde besluitenlijsten (demo)", created=True)
    elif report is not None:
        report.count("vastgestelde besluitenlijsten (demo)", created=False)
    return meeting


def _majority_rule(actor, meeting) -> None:
    # The demo shows a vote: the Platform Wonen decides by majority (a rule of play the
    # stuurgroep may set per body). Only a body still on the default rule is changed.
    body = meeting.body
    if body.decision_rule == DecisionRule.CONSENSUS:
        registry_services.body_rules_update(
            actor=actor, body=body, decision_rule=DecisionRule.MAJORITY
        )


DEMO_SUBSTITUTE_NAME = "Sanne de Vries (demo)"


def _record_attendance(actor, meeting) -> None:
    """The presentielijst: the last seat sent a colleague of the same organisation
    as substitute, the one before it was absent, the others were there."""
    seats = attendance_seats(meeting)
    if len(seats) < 3:
        return
    substituted, absent = seats[-1].membership, seats[-2].membership
    colleague = Person.objects.filter(
        name=DEMO_SUBSTITUTE_NAME, organisation=substituted.organisation
    ).first() or registry_services.person_create(
        actor=actor,
        name=DEMO_SUBSTITUTE_NAME,
        function=PersonFunction.CIVIL_SERVANT,
        organisation=substituted.organisation,
        email="sanne.devries@example.org",
    )
    entries = {seat.membership.pk: (Presence.PRESENT, None) for seat in seats}
    entries[substituted.pk] = (Presence.SUBSTITUTED, colleague.pk)
    entries[absent.pk] = (Presence.ABSENT, None)
    attendance_record(actor=actor, meeting=meeting, entries=entries)


def _record_decisions(actor, meeting):
    items = {item.title: item for item in meeting.items.all()}
    # The seats present vote (a substitute for the member), in name order.
    voters = [person.pk for person in voting_members(meeting)]
    choices = [FOR, FOR, AGAINST, ABSTAIN, FOR]
    woondeal = decision_record(
        actor=actor,
        item=items["Woondeal NHN: voortgang en versnellingsmaatregelen"],
        text=(
            "Het platform neemt kennis van de voortgang van de Woondeal en stemt in met de "
            "versnellingsmaatregelen, waaronder extra capaciteit voor planvorming in de Kop "
            "van Noord-Holland en West-Friesland."
        ),
        votes=dict(zip(voters, choices, strict=False)),
    )
    if "West-Friesland: flexwonen" in items:
        decision_record(
            actor=actor,
            item=items["West-Friesland: flexwonen"],
            text="Het platform neemt kennis van de aanpak flexwonen in West-Friesland.",
            outcome=DecisionOutcome.NOTED,
        )
    if "Grondposities Zuidrand: onderhandelingsruimte" in items:
        decision_record(
            actor=actor,
            item=items["Grondposities Zuidrand: onderhandelingsruimte"],
            text="Aangehouden tot na de nieuwe taxatie.",
            outcome=DecisionOutcome.POSTPONED,
        )
    return woondeal


def _working_day(day: datetime.date) -> datetime.date:
    return working_day_on_or_after(day)


def _thursday_from(day: datetime.date) -> datetime.date:
    """The first Thursday from `day` on, outside the Christmas recess (21 December – 6 January)."""
    day += datetime.timedelta(days=(3 - day.weekday()) % 7)
    while (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 6):
        day += datetime.timedelta(days=7)
    return day


def _record_actions(actor, meeting) -> None:
    today = timezone.localdate()
    item = meeting.items.filter(title__startswith="Woondeal").first()
    # Demo persons are found by their e-mail address (gremia.demo.person_email).
    kramer = Person.objects.filter(email="bas.kramer@example.org").first()
    peeters = Person.objects.filter(email="iris.peeters@example.org").first()
    schagen = Organisation.objects.filter(slug="gemeente-schagen").first()
    # The demo bestuurder (chair of the platform) has something to do as well.
    chair = Person.objects.filter(user__email="bestuurder@example.org").first()
    specs = [
        (
            chair,
            None,
            today + datetime.timedelta(days=10),
            "Bestuurlijk overleg met de provincie over de versnellingsmiddelen voorbereiden.",
        ),
        (
            kramer,
            None,
            today - datetime.timedelta(days=5),
            "Notitie netcongestie en woningbouw in de Kop aanleveren (achterstallig).",
        ),
        (
            peeters,
            None,
            today + datetime.timedelta(days=14),
            "Regionale aanpak flexwonen afstemmen met de woningcorporaties.",
        ),
        (
            None,
            schagen,
            today + datetime.timedelta(days=30),
            "Planlijst woningbouw Schagen actualiseren voor de monitor.",
        ),
    ]
    for person, organisation, deadline, description in specs:
        if person is None and organisation is None:
            continue
        action_item_create(
            actor=actor,
            meeting=meeting,
            item=item,
            description=description,
            deadline=_working_day(deadline),
            owner_person=person,
            owner_organisation=organisation,
        )
