import datetime
import io

from django.core.management import call_command
from django.db import transaction

from enforcement.agencies.models import Agency, AgencyKind
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from enforcement.reconsideration.models import ReconsiderationCase
from training.exams.models import ExamResult
from training.publicity.models import PublicityActivity
from training.study.models import TrainingSession

DAY = datetime.date(2026, 6, 1)


def fingerprint() -> tuple:
    return (
        list(Agency.objects.order_by("path").values_list("name", "kind")),
        list(Officer.objects.order_by("id_number").values_list("name", "id_number", "agency__name")),
        list(Certificate.objects.order_by("number").values_list("number", "valid_until", "status")),
        list(TrainingSession.objects.order_by("date", "title").values_list("date", "title", "hours")),
        ExamResult.objects.count(),
        list(PublicityActivity.objects.order_by("start_date", "title").values_list("start_date", "title")),
        ReconsiderationCase.objects.count(),
    )


def test_the_same_seed_and_day_give_the_same_data(db):
    runs = []
    for _ in range(2):
        with transaction.atomic():
            call_command("seed_demo", scale=2, today=DAY, stdout=io.StringIO())
            runs.append(fingerprint())
            transaction.set_rollback(True)
    assert runs[0] == runs[1]
    assert all(runs[0][:4])


def test_scale_is_the_number_of_townships_each_with_its_staff(db):
    call_command("seed_demo", scale=5, today=DAY, stdout=io.StringIO())
    townships = Agency.objects.filter(kind=AgencyKind.TOWNSHIP)
    assert townships.count() == 5
    for township in townships:
        assert Officer.objects.in_subtree_of(township).exists()


def test_seeding_reports_its_progress_step_by_step(db):
    output = io.StringIO()
    call_command("seed_demo", scale=1, today=DAY, stdout=output)
    lines = output.getvalue().splitlines()
    assert lines[0].startswith("[") and "1/" in lines[0]
    assert "Loaded demo data for 1 townships" in lines[-1]
