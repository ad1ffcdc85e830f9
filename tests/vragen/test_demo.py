"""The demo's questions from council members: five, four answered (one kept closed), one
past its answer date on the secretariat's list; loading again creates nothing."""

import pytest

from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from vragen.constants import QuestionStatus
from vragen.demo import load_demo_questions
from vragen.models import CouncilQuestion
from vragen.selectors import overdue_questions, public_questions

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager", "quick_pdfs")]


def test_the_demo_has_five_questions_four_answered_one_overdue(nhn_demo):
    questions = CouncilQuestion.objects.all()
    assert questions.count() == 5
    assert questions.filter(status=QuestionStatus.SENT).count() == 4
    assert public_questions().count() == 3
    assert list(overdue_questions().values_list("subject", flat=True)) == [
        "Energieopslag en netcongestie in de Kop"
    ]
    assert all(q.reviewed_by != q.answered_by for q in questions.exclude(answered_by=None))
    assert User.objects.filter(email="secretaris@example.org").exists()
    # The question asked through a personal link is in the name of that council's member.
    linked = questions.get(registration__isnull=False)
    assert linked.municipality == linked.registration.municipality
    assert linked.asker_name == linked.registration.name
    report = LoadReport()
    load_demo_questions(report=report)
    assert CouncilQuestion.objects.count() == 5
    assert not report.anything_created
