"""Every URL pattern × every role against the checked-in table of expected answers
(tests/security/authorization_matrix.py). A URL pattern missing from the table fails, so no
new page can be forgotten; a changed answer fails until the table is changed in review.

One fixture world (tests/builders.py): a published meeting of a body with a public and a
closed item, stukken, annotations, a comment, the members' and the public agenda PDF; a held
meeting with a decision and an action; a council letter issued to the 17 councils. Every
pattern is asked with GET, with the ids of that world (the closed item, the confidential stuk,
the Texel copy of the letter). Regenerate the table's rows after a deliberate change with
`MATRIX_PRINT=1 pytest tests/security/test_authorization_matrix.py -s -n 0`, which prints each
role's answers, one line per role and pattern.
"""

import datetime
import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse
from django.utils import timezone
from PIL import Image

from consultaties.services import consultation_open
from gremia import services as gremia_services
from gremia.models.registry import Person
from netwerk.constants import OpportunityKind
from netwerk.services.lobby import lobby_dossier_create
from netwerk.services.opportunities import opportunity_create, opportunity_step_add
from netwerk.services.regio_deal import project_image_add, regio_deal_project_create
from netwerk.services.spanners import boundary_spanner_set
from nhn_portal.core.constants import Role
from nhn_portal.core.production.services import document_generation_request, document_generation_run
from planning.services import meeting_series_create, planned_topic_create
from raden import links as raden_links
from raden.models.letters import CouncilLetterItem
from raden.services.composing import council_letter_adopt, council_letter_update
from raden.services.discussions import letter_discussion_record
from raden.services.gatherings import gathering_register
from regiobureau import producers
from regiobureau.constants import Presence, Registration
from regiobureau.models.attendance import Attendance
from regiobureau.models.documents import Document
from regiobureau.models.meetings import CalendarToken
from regiobureau.selectors.attendance import attendance_seats
from regiobureau.services.actions import action_item_create
from regiobureau.services.annotations import annotation_comment_add
from regiobureau.services.attendance import attendance_record
from tests.builders import (
    CLOSED_TITLE,
    CONFIDENTIAL_DOC,
    griffie,
    issue,
    letter_for,
    make_gathering,
    make_meeting_with_decision,
    make_province,
    make_region,
    pdf_upload,
    personal_link,
)
from tests.factories import (
    DossierFactory,
    MeetingFactory,
    OrganisationFactory,
    ThemeFactory,
    UserFactory,
)
from tests.security.authorization_matrix import EXPECTED, ROLES
from tests.test_login_required import walk
from viewer.services import page_note_create
from vragen.services import question_answer, question_ask, question_review, question_token

pytestmark = pytest.mark.django_db

LOGIN_PREFIXES = ("/account/login/", "/beheer/login/")

CLOSED_PLAN = "Jaarplanning: onderhandelingsruimte Zuidrand"
# What none of those outside the world's body may read, on any page: the closed item's title,
# the confidential stuk's title and the closed body's planned topic.
SECRETS = (CLOSED_TITLE, CONFIDENTIAL_DOC, CLOSED_PLAN)
OUTSIDERS = ("anonymous", "ambtenaar", "bestuurder_nonmember", "griffie_texel", "griffie_hoorn")


def content_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def answer(response) -> str:
    """The table's word for an answer: 200, login (a 302 to a login page), 302, 403, …"""
    if response.status_code in (301, 302) and response["Location"].startswith(LOGIN_PREFIXES):
        return "login"
    return str(response.status_code)


@pytest.fixture
def world(secretary, body, member, outsider, published_meeting, fake_render, celery_eager,
          django_capture_on_commit_callbacks):  # fmt: skip
    meeting = published_meeting
    item = meeting.closed_item
    jobs = {}
    for kind, audience in [
        (producers.AGENDA, producers.PUBLIC),
        (producers.ANNOTATED_AGENDA, producers.MEMBERS),
    ]:
        job = document_generation_request(
            actor=secretary, subject=meeting, kind=kind, audience=audience
        )
        jobs[audience] = document_generation_run(job_id=job.pk)
    comment = annotation_comment_add(actor=member, annotation=item.annotation, text="Vraag")
    dossier = DossierFactory(slug="woondeal")
    theme = ThemeFactory(slug="wonen")
    token = CalendarToken.objects.create(user=member)

    region, province = make_region(), make_province()
    held = make_meeting_with_decision(actor=secretary, province=province)
    decision = held.items.get(title__startswith="Woondeal").decisions.get()
    action = action_item_create(
        actor=secretary,
        meeting=held,
        description="Uitwerken",
        deadline=timezone.localdate() + datetime.timedelta(days=7),
        owner_person=member.person,
    )
    letter = letter_for(held, secretary, region, adopt=False)
    # With a collegebrief, so the colleges get copies of their own.
    council_letter_update(
        actor=secretary,
        letter=letter,
        title=letter.title,
        intro=letter.intro,
        contact_person=letter.contact_person,
        college_text="Voor het college.",
    )
    council_letter_adopt(actor=secretary, letter=letter)
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    texel_college = letter.deliveries.get(municipality=region["Texel"], addressee="college")
    opportunity = opportunity_create(
        actor=secretary,
        title="Subsidieronde",
        kind=OpportunityKind.SUBSIDY_ROUND,
        deciding_body=body,
        signalled_on=timezone.localdate(),
        deadline=timezone.localdate() + datetime.timedelta(days=30),
    )
    step = opportunity_step_add(
        actor=secretary, opportunity=opportunity, body=body, planned_on=timezone.localdate()
    )
    project = regio_deal_project_create(
        actor=secretary, title="Praktijkleren", line="beter_leren", summary="Leren in bedrijven"
    )
    picture = io.BytesIO()
    Image.new("RGB", (8, 8)).save(picture, format="PNG")
    project_image = project_image_add(
        actor=secretary,
        project=project,
        upload=SimpleUploadedFile("p.png", picture.getvalue()),
        alt_text="Werkplaats",
    )
    spanner_office = OrganisationFactory(
        name="Regio Kop", slug="regio-kop", kind="subregionaal_bureau",
        subregion=region["Texel"].subregion,
    )  # fmt: skip
    spanner_person = Person.objects.create(name="Grensverkenner", organisation=spanner_office)
    spanner = boundary_spanner_set(
        actor=None, subregion=region["Texel"].subregion, person=spanner_person
    )
    lobby = lobby_dossier_create(
        actor=secretary, title="MIRT", arena="rijk", carriers=[member.person]
    )
    # A council gathering with the Texel invitation, a council member's personal
    # link and their registration.
    gathering = make_gathering(secretary=secretary, capacity=50)
    personal = personal_link(gathering, region["Texel"])
    registration = gathering_register(token=personal)
    invitation = raden_links.invitation_token(
        gathering_id=gathering.pk, municipality_id=region["Texel"].pk
    )
    # A held meeting of the world's body at which the member sat (the evaluation).
    evaluated = MeetingFactory(body=body, held=True, title="Geëvalueerd")
    attendance_record(
        actor=secretary,
        meeting=evaluated,
        entries={
            seat.membership.pk: (Presence.PRESENT, None)
            for seat in attendance_seats(evaluated)
            if seat.person.pk == member.person.pk
        },
    )

    users = {
        "anonymous": None,
        "ambtenaar": UserFactory(roles=[Role.CIVIL_SERVANT]),
        "bestuurder_member": member,
        "bestuurder_nonmember": outsider,
        "griffie_texel": griffie(region["Texel"]),
        "griffie_hoorn": griffie(region["Hoorn"]),
        "secretaris": secretary,
        "beheerder": UserFactory(roles=[Role.MANAGER], is_staff=True, is_superuser=True),
    }
    secret = Document.objects.get(title=CONFIDENTIAL_DOC)
    attendance_row = Attendance.objects.create(
        meeting=meeting,
        membership=member.person.memberships.get(body=body),
        registration=Registration.ATTENDING,
    )
    members_pdf = jobs[producers.MEMBERS].document
    m, i = {"pk": meeting.pk}, {"pk": item.pk}
    # The member's own note on the confidential stuk (the viewer's notes are private).
    note = page_note_create(actor=member, version=secret.current_version, page=1, text="Eigen")
    kwargs = {
        "viewer:document_read": {"pk": secret.pk},
        "viewer:document_note_create": {"pk": secret.pk},
        "viewer:generated_read": {"pk": members_pdf.pk},
        "viewer:generated_file": {"pk": members_pdf.pk},
        "viewer:generated_note_create": {"pk": members_pdf.pk},
        "viewer:note_update": {"pk": note.pk},
        "viewer:note_delete": {"pk": note.pk},
        "viewer:notes_export": {"pk": meeting.pk},
        "regiobureau:meeting_pdf_retry": {"pk": meeting.pk, "job_pk": jobs["leden"].pk},
        "regiobureau:meeting_pdf_download": {
            "pk": meeting.pk,
            "kind": members_pdf.kind,
            "audience": members_pdf.audience,
        },
        "regiobureau:meeting_pdf_version_download": {
            "pk": meeting.pk,
            "kind": members_pdf.kind,
            "audience": members_pdf.audience,
            "version": members_pdf.version,
        },
        "regiobureau:comment_resolve": {"pk": comment.pk},
        "regiobureau:document_version_download": {"pk": secret.pk, "number": 1},
        "regiobureau:dossier_detail": {"slug": dossier.slug},
        "regiobureau:decision_delete": {"pk": decision.pk},
        "regiobureau:action_status": {"pk": action.pk},
        "regiobureau:feed_body": {"slug": body.slug},
        "regiobureau:feed_personal": {"token": token.token},
        "raden:letter_create": {"meeting_pk": held.pk},
        "raden:letter_item_remove": {
            "pk": CouncilLetterItem.objects.filter(letter=letter).first().pk
        },
        "gremia:body_detail": {"slug": body.slug},
        "gremia:organisation_detail": {"slug": region["Texel"].slug},
        "gremia:person_detail": {"pk": Person.objects.get(user=member).pk},
        "platforms:theme_detail": {"slug": theme.slug},
        # The public portal shows the world's public body, archive and letter.
        "publiek:body_detail": {"slug": body.slug},
        "publiek:meeting_archive": {
            "slug": body.slug,
            "year": timezone.localtime(meeting.starts_at).year,
        },
        "publiek:letter_detail": {"pk": letter.pk},
        "publiek:decision_detail": {"pk": decision.pk},
        "regiobureau:meeting_decision_list_public": {"pk": held.pk},
        # The open data API is anonymous for everyone: the closed item and the confidential
        # stuk are 404 whoever asks; the public meeting, decision and body are published.
        "ori:agendapunt-detail": {"pk": item.pk},
        "ori:informatieobject-detail": {"pk": secret.pk},
        "ori:vergadering-detail": {"pk": meeting.pk},
        "ori:besluit-detail": {"pk": decision.pk},
        "ori:organisatorische_eenheid-detail": {"pk": body.pk},
        # A bestuurder holds public office: published. A registration for a meeting not yet
        # held is not attendance: never published.
        "ori:natuurlijk_persoon-detail": {"pk": member.person.pk},
        "ori:aanwezige_deelnemer-detail": {"pk": attendance_row.pk},
        # OParl likewise: the body "nhn" and its lists are published, the closed item and the
        # confidential stuk (as file and as paper) are 404 whoever asks.
        **{
            f"oparl:{name}": {"key": "nhn"}
            for name in [
                "body",
                "organization_list",
                "person_list",
                "membership_list",
                "meeting_list",
                "agenda_item_list",
                "paper_list",
                "file_list",
                "legislative_term_list",
            ]
        },
        "oparl:legislative_term": {"year": 2022},
        "oparl:organization": {"pk": body.pk},
        "oparl:organization_meeting_list": {"pk": body.pk},
        "oparl:person": {"pk": member.person.pk},
        "oparl:membership": {"pk": member.person.memberships.get(body=body).pk},
        "oparl:meeting": {"pk": meeting.pk},
        "oparl:meeting_location": {"pk": meeting.pk},
        "oparl:agenda_item": {"pk": item.pk},
        "oparl:paper": {"pk": secret.pk},
        "oparl:file": {"pk": secret.pk},
        # The bestuurder's municipality: its college is published.
        "ori:dagelijks_bestuur-detail": {"pk": member.person.organisation_id},
        "publiek:council_feed": {"slug": region["Texel"].slug},
        "publiek:council_calendar": {"slug": region["Texel"].slug},
    }
    for name in [
        "meeting_detail", "meeting_edit", "meeting_status", "meeting_publish", "meeting_cancel",
        "agenda_editor", "item_create", "agenda_reorder", "agenda_move", "meeting_pdf_request",
        "meeting_pdf_status", "meeting_pdf_public", "meeting_reading", "meeting_decisions",
        "decision_create", "decision_list_adopt", "action_create", "attendance_register",
        "attendance_record",
    ]:  # fmt: skip
        kwargs[f"regiobureau:{name}"] = m
    kwargs["planning:proposal_list"] = m
    for name in [
        "minutes_detail", "minutes_edit", "minutes_send", "minutes_comment", "minutes_adopt",
        "minutes_history",
    ]:  # fmt: skip
        kwargs[f"minutes:{name}"] = m
    for name in [
        "item_edit", "item_delete", "item_detail", "item_read", "item_reading",
        "comment_add",
        "annotation_edit", "annotation_status", "annotation_versions", "item_documents",
        "annotation_request_review", "annotation_review",
    ]:  # fmt: skip
        kwargs[f"regiobureau:{name}"] = i
    kwargs["minutes:minutes_entry_save"] = i
    for name in [
        "document_detail", "document_download", "document_version_upload",
        "document_confidentiality",
    ]:  # fmt: skip
        kwargs[f"regiobureau:{name}"] = {"pk": secret.pk}
    texel = {"pk": deliveries["Texel"].pk}
    for name in [
        "delivery_detail", "delivery_download", "delivery_confirm", "delivery_schedule",
        "delivery_take_note", "delivery_retry", "delivery_discussion_add",
    ]:  # fmt: skip
        kwargs[f"raden:{name}"] = texel
    # The Texel council adopted a motion about the letter (its griffie recorded it).
    motion = letter_discussion_record(
        actor=users["griffie_texel"],
        delivery=deliveries["Texel"],
        forum="council",
        agenda_date=timezone.localdate(),
        outcome="motion",
        motion=pdf_upload("motie.pdf"),
    )
    kwargs["raden:delivery_motion"] = {**texel, "discussion_pk": motion.pk}
    for name in [
        "letter_detail", "letter_paragraph", "letter_correct", "letter_item_add",
        "letter_adopt", "letter_issue",
    ]:  # fmt: skip
        kwargs[f"raden:{name}"] = {"pk": letter.pk}
    for name in [
        "opportunity_detail",
        "opportunity_step_add",
        "opportunity_decide",
        "opportunity_edit",
    ]:
        kwargs[f"netwerk:{name}"] = {"pk": opportunity.pk}
    for name in [
        "lobby_dossier_detail", "lobby_contact_add", "external_moment_add",
        "lobby_dossier_confidentiality", "lobby_dossier_publish", "lobby_dossier_edit",
    ]:  # fmt: skip
        kwargs[f"netwerk:{name}"] = {"pk": lobby.pk}
    for name in ["project_detail", "project_image_add", "project_review"]:
        kwargs[f"netwerk:{name}"] = {"pk": project.pk}
    kwargs["netwerk:regio_deal_image"] = {"pk": project_image.pk}
    for name in ["spanner_detail", "spanner_report_request"]:
        kwargs[f"netwerk:{name}"] = {"pk": spanner.pk}
    kwargs["netwerk:spanner_report_download"] = {
        "pk": spanner.pk,
        "month": f"{timezone.localdate():%Y-%m}",
    }
    for name in ["gathering_detail", "gathering_edit", "gathering_invite"]:
        kwargs[f"raden:{name}"] = {"pk": gathering.pk}
    kwargs["raden:registration_attendance"] = {"pk": registration.pk}
    kwargs["raden:office_copy_download"] = {"pk": texel_college.pk}
    kwargs["raden:gathering_invitation"] = {"token": invitation}
    for name in ["registration_link", "registration_register", "registration_cancel"]:
        kwargs[f"raden:{name}"] = {"token": personal}
    kwargs["evaluation:evaluation_form"] = {"pk": evaluated.pk}
    kwargs["evaluation:evaluation_body"] = {"slug": body.slug}
    for name in [
        "evaluation_summary_request", "evaluation_summary_place", "evaluation_summary_download",
    ]:  # fmt: skip
        kwargs[f"evaluation:{name}"] = {"slug": body.slug, "period": "2025-h1"}
    for name in ["step_done", "step_remove"]:
        kwargs[f"netwerk:{name}"] = {"pk": step.pk}
    # A draft of the NHN-wide rules of play (the secretariat's until adopted).
    rules = gremia_services.rules_of_play_draft_create(actor=secretary, body=None)
    for name in ["gremia:rules_detail", "gremia:rules_edit", "rules:rules_adopt"]:
        kwargs[name] = {"pk": rules.pk}
    kwargs["platforms:scenario_detail"] = {"key": "economic-board"}
    # The world's body is closed (its meetings are not public by default): its forward agenda
    # is its own.
    planned_topic_create(
        actor=secretary, body=body, month=timezone.localdate().replace(day=1), title=CLOSED_PLAN
    )
    # A series of one meeting two years ahead, out of the way of the world's other meetings.
    series = meeting_series_create(
        actor=secretary,
        body=body,
        first_date=timezone.localdate() + datetime.timedelta(days=730),
        interval_weeks=6,
        count=1,
        start_time=datetime.time(10),
        end_time=datetime.time(12),
    )
    kwargs["planning:series_detail"] = {"pk": series.pk}
    # A consultation of the councils on the held meeting's (public) Woondeal item.
    consultation = consultation_open(
        actor=secretary,
        agenda_item=held.items.get(title__startswith="Woondeal"),
        title="Woondeal consultatie",
        question="Wensen en bedenkingen?",
        issue_letter=False,
    )
    for name in [
        "detail", "matrix_csv", "nota_submit", "nota_approve", "nota_return", "nota_download",
        "final_decision", "final_letter", "public_detail",
    ]:  # fmt: skip
        kwargs[f"consultaties:{name}"] = {"pk": consultation.pk}
    kwargs["oparl:consultation"] = {"pk": consultation.pk}
    kwargs["oparl:consultation_file"] = {"pk": consultation.pk, "part": "consultatie"}
    texel_response = consultation.responses.get(municipality=region["Texel"])
    for name in [
        "response_agenda", "response_outcome", "response_answer", "response_stuk", "public_stuk",
    ]:  # fmt: skip
        kwargs[f"consultaties:{name}"] = {"pk": texel_response.pk}
    # A Texel council member's question, answered, reviewed and published; her question link.
    question = question_ask(
        actor=secretary,
        municipality=region["Texel"],
        asker_name="Anna de Vries",
        subject="Vraag",
        question="Hoe?",
    )
    question_answer(actor=secretary, question=question, answer="Zo.")
    question_review(actor=users["beheerder"], question=question)
    for name in ["question_detail", "question_assign", "question_answer", "question_review"]:
        kwargs[f"vragen:{name}"] = {"pk": question.pk}
    kwargs["vragen:public_detail"] = {"pk": question.pk}
    kwargs["vragen:question_link"] = {"token": question_token(registration=registration)}
    kwargs["vragen:question_link_send"] = {"registration_pk": registration.pk}
    return users, kwargs


def patterns() -> list[tuple[str, str]]:
    """(name, dummy URL) of every named URL pattern; nameless ones are named by their route."""
    found = {}
    for route, name in walk(get_resolver().url_patterns):
        found.setdefault(name or f"/{route}", "/" + route)
    return sorted(found.items())


def expected_row(name: str) -> tuple[str, ...] | None:
    return EXPECTED.get(name)


def test_every_url_pattern_is_in_the_table():
    names = [name for name, _url in patterns()]
    missing = [name for name in names if expected_row(name) is None]
    assert not missing, (
        "These URL patterns have no row in tests/security/authorization_matrix.py; add the "
        f"answer each role should get: {missing}"
    )
    stale = sorted(set(EXPECTED) - set(names))
    assert not stale, f"Rows for URL patterns that no longer exist: {stale}"
    assert all(len(row) == len(ROLES) for row in EXPECTED.values())


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_the_expected_answer_on_every_url(client, world, role):
    """One role's column of the table, signed in once; one test per role, so the roles' columns
    run in parallel (each in a world of its own, so no role's visit changes another's)."""
    users, kwargs = world
    if users[role] is not None:
        client.force_login(users[role])
    column = ROLES.index(role)
    wrong = []
    leaks = []
    for name, dummy in patterns():
        url = reverse(name, kwargs=kwargs[name]) if name in kwargs else dummy
        response = client.get(url)
        got = answer(response)
        if os.environ.get("MATRIX_PRINT"):
            print(f"    {role} {name!r}: {got!r},  # {url}")
        expected = expected_row(name)
        if expected is not None and got != expected[column]:
            wrong.append(f"{name} ({url}): expected {expected[column]} for {role}, got {got}")
        if role in OUTSIDERS and response.status_code == 200:
            content = content_of(response)
            leaks += [f"{name} ({url}) shows {role} {secret!r}" for secret in SECRETS
                      if secret.encode() in content]  # fmt: skip
    assert not wrong, "\n".join(wrong)
    # Content, not only status codes: an outsider's page never names a closed thing.
    assert not leaks, "\n".join(leaks)
