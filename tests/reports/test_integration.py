"""The yearly report over the real area statistics and the records of tests/reports/records.py."""

import io

import docx
import openpyxl
import pytest
from django.core.management import call_command

from enforcement.officers.models.officer import Officer
from reports.annual import services
from reports.statistics.compile import compile_statistics, subtree_scope
from tests.base import api_client_for, query_counts_at_two_sizes
from tests.factories import (
    AttendanceFactory,
    CertificateFactory,
    ExamResultFactory,
    OfficerFactory,
    PublicityActivityFactory,
    TrainingSessionFactory,
    case_with_events,
)
from tests.reports.fixtures import TOWNSHIP_2021
from tests.reports.records import EXPECTED, EXPECTED_PROBLEMS, YEAR, completed, d

STATS_URL = "/api/v1/stats/"


def test_the_statistics_have_the_known_answers(world, records):
    body = api_client_for(world.team_lead_a).get(STATS_URL, {"year": YEAR}).json()
    assert (body["year"], body["agency"]) == (YEAR, {"id": world.township_a.pk, "name": "甲镇人民政府"})
    for area, figures in EXPECTED.items():
        assert body[area] == figures, area
    assert [problem["code"] for problem in body["problems"]] == EXPECTED_PROBLEMS
    assert all(problem["text"] and problem["cause"] and problem["measure"] for problem in body["problems"])


def test_the_hand_made_figures_have_exactly_the_keys_of_the_real_statistics(world, records):
    real = compile_statistics(subtree_scope(world.township_a), YEAR)
    assert set(TOWNSHIP_2021) == set(real)
    for area, figures in TOWNSHIP_2021.items():
        if isinstance(figures, dict) and area != "agency":
            assert set(figures) == set(real[area]), area


def test_the_statistics_query_count_does_not_grow_with_the_data(world, records):
    def more_records(count: int) -> None:
        for _ in range(count):
            officer = OfficerFactory(agency=world.team_a)
            CertificateFactory(officer=officer, issued_on=d("2020-01-01"), valid_until=d("2025-12-31"))
            AttendanceFactory(session=records.training, officer=officer)
            ExamResultFactory(exam=records.exam, officer=officer, score=80)
            PublicityActivityFactory(agency=world.team_a, start_date=d("2021-06-26"), end_date=d("2021-06-26"))
            case_with_events(world.team_a, ("application_received", d("2021-10-11")), officer=officer)

    scope = subtree_scope(world.township_a)
    counts = query_counts_at_two_sizes(more_records, lambda: compile_statistics(scope, YEAR))
    assert counts[0] == counts[1]
    assert compile_statistics(scope, YEAR)["officers"]["total"] == EXPECTED["officers"]["total"] + 50


def test_the_statistics_api_query_count_does_not_grow_with_the_data(world, records):
    client = api_client_for(world.supervisor)
    counts = query_counts_at_two_sizes(
        lambda count: OfficerFactory.create_batch(count, agency=world.township_b),
        lambda: client.get(STATS_URL, {"year": YEAR, "agency": world.county.pk}),
    )
    assert counts[0] == counts[1]


def listed(client, path: str, **filters) -> int:
    response = client.get(f"/api/v1/{path}/", {"page_size": 500, **filters})
    assert response.status_code == 200, response.content
    return response.json()["count"]


def test_county_totals_count_a_person_in_sessions_of_several_offices_once(world, records):
    # 张伟 of team A also attends a county session, with an officer of township B.
    county_session = TrainingSessionFactory(agency=world.county, date=d("2021-10-12"), hours=6)
    AttendanceFactory(session=county_session, officer=records.zhang)
    AttendanceFactory(session=county_session, officer=OfficerFactory(agency=world.township_b))
    client = api_client_for(world.supervisor)
    county = client.get(STATS_URL, {"year": YEAR, "agency": world.county.pk}).json()
    # 张伟 attended sessions of team A, township A and the county: one person.
    assert county["training"]["attendances"] == EXPECTED["training"]["attendances"] + 1
    assert county["training"]["sessions"] == listed(client, "training-sessions", agency=world.county.pk, year=YEAR)
    assert county["training"]["sessions"] == EXPECTED["training"]["sessions"] + 1
    in_service = listed(client, "officers", agency=world.county.pk, status=["active", "seconded"])
    assert county["officers"]["total"] == in_service == Officer.objects.in_service().count()
    enforcing = listed(client, "officers", agency=world.county.pk, status="active", is_enforcement_officer=True)
    assert county["officers"]["enforcement_officers"] == enforcing
    assert county["exams"]["exams"] == listed(client, "exams", agency=world.county.pk, year=YEAR)
    sat = client.get("/api/v1/exam-results/", {"agency": world.county.pk, "year": YEAR, "absent": False}).json()
    assert county["exams"]["participants"] == len({row["officer"] for row in sat["results"]})
    activities = listed(client, "publicity-activities", agency=world.county.pk, year=YEAR)
    assert county["publicity"]["activities"] == activities
    received = listed(client, "reconsideration-cases", agency=world.county.pk, year=YEAR)
    assert county["reconsideration"]["received"] == received == EXPECTED["reconsideration"]["received"] + 1


def test_a_township_user_gets_the_townships_figures_and_404_for_the_county(world, records):
    client = api_client_for(world.team_lead_a)
    assert client.get(STATS_URL, {"year": YEAR, "agency": world.county.pk}).status_code == 404
    own = client.get(STATS_URL, {"year": YEAR, "agency": world.township_a.pk}).json()
    assert own["reconsideration"] == EXPECTED["reconsideration"]
    assert client.get(STATS_URL, {"year": YEAR, "agency": world.township_b.pk}).status_code == 404


@pytest.fixture
def published(world, records, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.township_a, year=YEAR, user=world.team_lead_a)
    report.refresh_from_db()
    return services.publish_report(report=completed(report, world.team_lead_a), user=world.team_lead_a)


def test_a_published_report_does_not_change_when_records_are_edited(world, records, published):
    frozen = (published.statistics, published.document, published.docx.read(), published.xlsx.read())
    records.li.certificates.update(valid_until=d("2021-03-01"))
    records.exam.results.filter(officer=records.liu).update(score=88)
    OfficerFactory.create_batch(3, agency=world.team_a)
    case_with_events(world.township_a, ("application_received", d("2021-11-11")), officer=records.zhang)
    live = compile_statistics(subtree_scope(world.township_a), YEAR)
    assert live["officers"]["total"] == EXPECTED["officers"]["total"] + 3
    assert live["exams"]["pass_rate"] == 1.0
    published.refresh_from_db()
    assert (published.statistics, published.document, published.docx.read(), published.xlsx.read()) == frozen
    assert published.statistics["officers"] == EXPECTED["officers"]


def test_posting_a_report_answers_202_and_its_files_open_with_the_figures(
    world, records, django_capture_on_commit_callbacks
):
    client = api_client_for(world.team_lead_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/reports/", {"agency": world.township_a.pk, "year": YEAR})
    assert response.status_code == 202, response.content
    links = client.get(f"/api/v1/reports/{response.json()['id']}/").json()["links"]

    word = docx.Document(io.BytesIO(b"".join(client.get(links["docx"]).streaming_content)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "一、主要做法和成效" and "二、存在问题及下一步工作计划" in headings
    text = "\n".join(p.text for p in word.paragraphs)
    assert "其中行政执法人员3人，持有有效行政执法证件2人，持证率66.7%" in text
    assert "考试成绩合格率66.7%" in text
    assert (
        "全年以我镇为被申请人的行政复议案件收到申请5件，受理5件；已审结3件（维持1件、纠错1件、撤回1件），尚未审结2件。"
        in text
    )

    book = openpyxl.load_workbook(io.BytesIO(b"".join(client.get(links["xlsx"]).streaming_content)))

    def figures(sheet: str) -> dict:
        return {row[0]: row[1] for row in book[sheet].iter_rows(min_row=4, max_col=2, values_only=True) if row[0]}

    assert figures("执法人员")["在职干部职工（人）"] == 4
    assert figures("学法考试")["合格率"] == 2 / 3
    assert figures("法治宣传")["国家宪法日"] == 1
    # Numbered for the Chinese reader; the rule codes stay in the API.
    problems = [row[0] for row in book["存在问题"].iter_rows(min_row=2, values_only=True)]
    assert problems == list(range(1, len(EXPECTED_PROBLEMS) + 1))
    assert client.get(links["html"]).status_code == 200


@pytest.mark.parametrize("kind", ["json", "docx", "xlsx"])
def test_compile_report_writes_each_format(world, records, tmp_path, kind):
    output = tmp_path / f"report.{kind}"
    call_command("compile_report", agency=world.township_a.pk, year=YEAR, format=kind, output=str(output))
    if kind == "json":
        assert '"certified_rate": 0.6667' in output.read_text()
    elif kind == "docx":
        assert "一、主要做法和成效" in [p.text for p in docx.Document(output).paragraphs]
    else:
        assert "学法考试" in openpyxl.load_workbook(output).sheetnames
