"""The demo's handed-in stuk (issue 10): the ambtenaar of the Werkgroep Wonen has handed in a
stuk for the coming Directeurenoverleg Wonen, waiting for the secretariat."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gremia.models import Body
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from regiobureau.demo import demo_pdf, demo_title
from regiobureau.models.meetings import Meeting
from regiobureau.models.proposals import ProposedDocument
from regiobureau.services.proposals import proposal_submit

AMBTENAAR_EMAIL = "ambtenaar@example.org"
PROPOSAL_TITLE = "Monitor woningbouw Kop van Noord-Holland (concept)"


def load_demo_proposal(*, report: LoadReport | None = None) -> ProposedDocument | None:
    official = User.objects.filter(email=AMBTENAAR_EMAIL).first()
    working_group = Body.objects.filter(slug="werkgroep-wonen").first()
    if official is None or working_group is None or working_group.prepares is None:
        return None
    existing = ProposedDocument.objects.filter(title=PROPOSAL_TITLE).first()
    if existing is not None:
        if report is not None:
            report.count("aangeleverde stukken (demo)", created=False)
        return existing
    meeting = Meeting.objects.filter(
        body=working_group.prepares,
        title=demo_title(working_group.prepares),
        starts_at__gt=timezone.now(),
    ).first()
    if meeting is None:
        return None
    proposal = proposal_submit(
        actor=official,
        meeting=meeting,
        from_body=working_group,
        title=PROPOSAL_TITLE,
        upload=SimpleUploadedFile(
            "monitor-woningbouw-kop.pdf",
            demo_pdf(PROPOSAL_TITLE, "Werkgroep Wonen"),
            "application/pdf",
        ),
        item_title="Woningbouwmonitor Kop van Noord-Holland",
    )
    if report is not None:
        report.count("aangeleverde stukken (demo)", created=True)
    return proposal
