import datetime
import random

from enforcement.agencies.scope import Scope
from enforcement.officers import demo as enforcement_demo
from tests.factories import OfficerFactory
from training import demo
from training.exams.models import ExamResult
from training.exams.stats import exam_figures
from training.publicity.models import PublicityActivity
from training.publicity.stats import publicity_figures
from training.study.models import Attendance, TrainingSession


def seeded_context():
    context = enforcement_demo.DemoContext(
        rng=random.Random(7), scale=2, today=datetime.date(2025, 6, 30), years=[2023, 2024, 2025]
    )
    enforcement_demo.seed(context)
    for township in context.townships:
        team = context.offices[township.pk][0]
        OfficerFactory.create_batch(6, agency=team, is_enforcement_officer=True)
        OfficerFactory(agency=township, is_leader=True, is_enforcement_officer=False)
    demo.seed(context)
    return context


def test_the_demo_gives_each_year_sessions_and_one_annual_exam_for_all_staff(db, django_user_model):
    context = seeded_context()
    superuser = django_user_model.objects.create(username="demo_root", is_superuser=True)
    township = context.demo_township
    assert TrainingSession.objects.in_subtree_of(township).filter(date__year=2024).count() >= 10
    assert Attendance.objects.exists()
    # The 2025 exam (November) is still to come on the demo's "today".
    assert exam_figures(Scope(superuser, township), 2025)["exams"] == 0
    assert exam_figures(Scope(superuser, township), 2024)["exams"] == 1
    results = ExamResult.objects.in_subtree_of(township).filter(exam__date__year=2024, makeup_of=None)
    assert results.count() == 7


def test_the_demo_townships_publicity_is_mostly_one_way(db, django_user_model):
    context = seeded_context()
    superuser = django_user_model.objects.create(username="demo_root", is_superuser=True)
    figures = publicity_figures(Scope(superuser, context.demo_township), 2024)
    assert figures["activities"] >= 20
    assert figures["interactive_share"] < 0.5
    assert figures["vice_principals"] >= 1
    assert not PublicityActivity.objects.filter(start_date__gt=context.today).exists()
