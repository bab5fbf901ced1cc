"""The yearly report over the real area statistics and records (enforcement and training apps).

Known answers for township A in 2021, as of 2021-12-31:
officers in service 4 (3 in enforcement posts, 1 leader); certified 1 (a certificate
valid through 2025) + 1 (valid until 2022-02-15, so expiring within 90 days);
one enforcement officer without a certificate; one exam, two sat, one passed.
"""

import datetime
import json

import pytest
import time_machine
from django.core.management import call_command

from enforcement.models import Certificate
from reports import services
from tests.base import api_client_for, query_counts_at_two_sizes
from tests.factories import OfficerFactory
from training.models import Attendance, Exam, ExamResult, TrainingSession

STATS_URL = "/api/v1/stats/"
YEAR = 2021

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _after_the_year():
    with time_machine.travel(datetime.datetime(2022, 1, 10, 9, tzinfo=datetime.UTC), tick=False):
        yield


def certify(officer, *, valid_until: datetime.date, number: str):
    return Certificate.objects.create(
        number=number,
        officer=officer,
        issuing_authority="示例县人民政府",
        issued_on=datetime.date(2020, 1, 1),
        valid_until=valid_until,
    )


@pytest.fixture
def township(world):
    a = world.township_a
    certified = OfficerFactory(agency=world.team_a, name="张伟")
    expiring = OfficerFactory(agency=world.team_a, name="李娜")
    uncertified = OfficerFactory(agency=world.team_a, name="王强")
    leader = OfficerFactory(agency=a, name="刘洋", is_leader=True, is_enforcement_officer=False)
    certify(certified, valid_until=datetime.date(2025, 12, 31), number="41000021000001")
    certify(expiring, valid_until=datetime.date(2022, 2, 15), number="41000021000002")
    exam = Exam.objects.create(
        agency=a, title="2021年度学法考试", date=datetime.date(2021, 11, 5), max_score=100, pass_mark=60
    )
    ExamResult.objects.create(exam=exam, officer=certified, score=95)
    ExamResult.objects.create(exam=exam, officer=expiring, score=50)
    return {"certified": certified, "expiring": expiring, "uncertified": uncertified, "leader": leader, "exam": exam}


def test_the_statistics_have_the_known_answers(world, township):
    body = api_client_for(world.team_lead_a).get(STATS_URL, {"year": YEAR}).json()
    officers = body["officers"]
    assert (officers["total"], officers["enforcement_officers"], officers["leaders"]) == (4, 3, 1)
    assert (officers["certified"], officers["expiring_within_90_days"], officers["expired"]) == (2, 1, 0)
    assert officers["certified_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert officers["enforcing_without_certificate"] == 1
    assert (body["exams"]["exams"], body["exams"]["participants"], body["exams"]["passed"]) == (1, 2, 1)
    assert body["exams"]["pass_rate"] == 0.5
    assert body["training"]["sessions"] == 0
    assert body["publicity"]["activities"] == 0
    assert body["reconsideration"]["received"] == 0
    codes = {problem["code"] for problem in body["problems"]}
    assert {"uncertified_enforcement", "certificates_expiring", "exam_pass_rate_low"} <= codes
    assert "correction_rate_high" not in codes


def test_the_statistics_query_count_does_not_grow_with_the_data(world, township):
    serial = iter(range(1000, 2000))

    def more_officers(count: int) -> None:
        for officer in OfficerFactory.create_batch(count, agency=world.team_a):
            certify(officer, valid_until=datetime.date(2024, 6, 30), number=f"4100002100{next(serial)}")
            ExamResult.objects.create(exam=township["exam"], officer=officer, score=80)

    client = api_client_for(world.team_lead_a)
    counts = query_counts_at_two_sizes(more_officers, lambda: client.get(STATS_URL, {"year": YEAR}))
    assert counts[0] == counts[1]


def test_county_totals_count_a_person_in_two_offices_once(world, township):
    officer = township["certified"]
    for agency in (world.team_a, world.township_b):
        session = TrainingSession.objects.create(
            agency=agency, title="民法典专题培训", date=datetime.date(2021, 6, 1), hours=4
        )
        Attendance.objects.create(session=session, officer=officer, hours_credited=4)
    county = api_client_for(world.supervisor).get(STATS_URL, {"year": YEAR, "agency": world.county.pk}).json()
    assert county["training"]["sessions"] == 2
    assert county["training"]["attendances"] == 1
    assert county["officers"]["total"] == 4


def test_a_township_user_asking_for_the_county_gets_404(world, township):
    response = api_client_for(world.team_lead_a).get(STATS_URL, {"year": YEAR, "agency": world.county.pk})
    assert response.status_code == 404


def test_a_published_report_does_not_change_when_a_record_is_edited(
    world, township, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.township_a, year=YEAR, user=world.team_lead_a)
    report.refresh_from_db()
    report = services.publish_report(report=report, user=world.team_lead_a)
    snapshot, document, docx = report.statistics, report.document, report.docx.open("rb").read()
    OfficerFactory.create_batch(3, agency=world.team_a)
    Certificate.objects.filter(officer=township["certified"]).update(valid_until=datetime.date(2021, 3, 1))
    report.refresh_from_db()
    assert (report.statistics, report.document, report.docx.open("rb").read()) == (snapshot, document, docx)
    assert report.statistics["officers"]["total"] == 4


def test_posting_a_report_answers_202_and_its_files_download(world, township, django_capture_on_commit_callbacks):
    client = api_client_for(world.team_lead_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/reports/", {"agency": world.township_a.pk, "year": YEAR})
    assert response.status_code == 202, response.content
    links = client.get(f"/api/v1/reports/{response.json()['id']}/").json()["links"]
    for kind in ("docx", "xlsx", "html"):
        assert client.get(links[kind]).status_code == 200


def test_compile_report_counts_the_whole_subtree(world, township, tmp_path):
    OfficerFactory(agency=world.township_b)
    output = tmp_path / "county.json"
    call_command("compile_report", agency=world.county.pk, year=YEAR, format="json", output=str(output))
    assert json.loads(output.read_text())["officers"]["total"] == 5
