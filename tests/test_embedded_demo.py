"""The embedded default answers quickly: `load_nhn --demo` leaves nothing in
the broker's queue ahead of a new user's first PDF.

The time itself is measured by bench/embedded_first_pdf.py, not here.
"""

import hashlib
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from pypdf import PdfReader

from nhn_portal.celery import app
from nhn_portal.core.constants import GenerationStatus, Role
from nhn_portal.core.models import GenerationJob
from nhn_portal.core.production import services as production_services
from raden.constants import Addressee
from raden.demo import LETTER_TITLE
from raden.models.letters import CouncilLetterDelivery
from regiobureau import bundle
from tests.demo import quick_render


@pytest.fixture
def sent_to_broker(monkeypatch):
    """Every message handed to the broker (none reaches one: the call is recorded instead)."""
    sent = []
    monkeypatch.setattr(
        app.amqp, "send_task_message", lambda producer, name, *a, **kw: sent.append(name)
    )
    return sent


@pytest.fixture
def letters_rendered_by_weasyprint(monkeypatch):
    """WeasyPrint renders the copies of raden's demo letter, the documents this test reads;
    the demo's other PDFs (agendas, bundles, the consultations' letters) get tests.demo's quick
    stand-ins, as the `nhn_demo` fixture makes them, to spare the run their rendering."""
    real = production_services.render_pdf_from_html

    def render(*, html):
        return real(html=html) if LETTER_TITLE in html else quick_render(html=html)

    monkeypatch.setattr(production_services, "render_pdf_from_html", render)
    # A bundle of quick stand-ins has no placeholders to put the stukken in.
    monkeypatch.setattr(bundle, "compose_bundle", lambda rendered, **kwargs: rendered)


# Transactional: the services enqueue after their commit, which a test transaction would hold.
@pytest.mark.django_db(transaction=True)
def test_the_demo_leaves_no_task_queued_and_its_history_done(
    settings, sent_to_broker, letters_rendered_by_weasyprint
):
    settings.DEBUG = True
    # An earlier transactional test flushes the role groups the data migration made.
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    out = io.StringIO()
    call_command("load_nhn", "--demo", stdout=out)

    assert sent_to_broker == []
    assert app.conf.task_always_eager is False  # the inline run ended with the command
    jobs = GenerationJob.objects.all()
    assert jobs.count() >= 17
    assert set(jobs.values_list("status", flat=True)) <= {GenerationStatus.DONE}
    # The griffies' notifications ran while loading, as a worker would have run them (the
    # demo has griffie logins for Texel and Hoorn; the other councils have no one to mail).
    # Hoorn's council asked for the weekly digest: its copy waits for that.
    # The 17 councils' copies of raden's demo letter (the consultations' letters come beside
    # it); the demo letter also goes to the three sub-region offices.
    copies = CouncilLetterDelivery.objects.filter(letter__title=LETTER_TITLE)
    deliveries = copies.filter(addressee=Addressee.COUNCIL)
    assert deliveries.count() == 17
    offices = copies.filter(addressee=Addressee.SUBREGION_OFFICE)
    assert offices.count() == 3
    notified = deliveries.filter(notified_at__isnull=False)
    assert set(notified.values_list("municipality__slug", flat=True)) == {"gemeente-texel"}
    output = out.getvalue()
    assert "e-mails van de demo (niet verstuurd): " in output
    assert "Subject:" not in output

    # The one demo load with WeasyPrint itself (the `nhn_demo` fixture makes quick stand-ins
    # throughout): each council's copy is a real, tagged PDF addressed to that council.
    for delivery in deliveries.select_related("job__document", "municipality"):
        document = delivery.job.document
        data = document.file.read()
        assert data.startswith(b"%PDF-")
        assert hashlib.sha256(data).hexdigest() == document.sha256
        reader = PdfReader(io.BytesIO(data))
        assert "WeasyPrint" in reader.metadata.producer
        assert len(reader.pages) == document.pages >= 1
        town = delivery.municipality.name.removeprefix("Gemeente ")
        assert town in " ".join(page.extract_text() for page in reader.pages)
