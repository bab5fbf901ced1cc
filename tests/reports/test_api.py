import pytest
from django.contrib.auth.models import Group

from enforcement.agencies import roles
from reports.annual import services
from tests.base import ScopedResourceChecks, api_client_for
from tests.factories import UserFactory
from tests.reports.records import EXPECTED, YEAR

STATS_URL = "/api/v1/stats/"
REPORTS_URL = "/api/v1/reports/"


@pytest.mark.parametrize("role", [roles.TEAM_LEAD, roles.SUPERVISOR, roles.STATS_CLIENT, roles.HR])
def test_every_role_may_view_the_statistics(world, role):
    assert Group.objects.get(name=role).permissions.filter(codename="view_statistics").exists()


def test_the_statistics_answer_the_contract_keys(world, records):
    response = api_client_for(world.stats_client_a).get(STATS_URL, {"year": YEAR})
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {
        "year",
        "agency",
        "officers",
        "training",
        "exams",
        "publicity",
        "reconsideration",
        "governance",
        "enforcement",
        "problems",
    }
    assert set(body["enforcement"]) >= {
        "filed",
        "decided",
        "by_procedure",
        "by_field",
        "fines_count",
        "fines_total",
        "decided_within_period_rate",
        "legal_review_required",
        "legal_review_done",
        "hearings_held",
        "published",
        "withdrawn_on_time_rate",
        "uncertified_handler_acts",
        "corrected_by_reconsideration",
    }
    assert body["agency"] == {"id": world.township_a.pk, "name": world.township_a.name}
    assert body["training"]["hours"] == 48
    assert {"code", "text", "measure"} <= set(body["problems"][0])


def test_the_agency_defaults_to_the_callers_own(world, records):
    body = api_client_for(world.team_lead_a).get(STATS_URL, {"year": YEAR}).json()
    assert body["agency"]["id"] == world.township_a.pk
    assert body["officers"]["total"] == EXPECTED["officers"]["total"]


def test_a_township_user_asking_for_the_county_gets_404(world):
    response = api_client_for(world.team_lead_a).get(STATS_URL, {"year": YEAR, "agency": world.county.pk})
    assert response.status_code == 404


def test_the_county_supervisor_sees_every_township(world, records):
    body = api_client_for(world.supervisor).get(STATS_URL, {"year": YEAR, "agency": world.county.pk}).json()
    # Township B adds the officer responsible for its case, and the case.
    assert body["officers"]["total"] == EXPECTED["officers"]["total"] + 1
    assert body["reconsideration"]["received"] == EXPECTED["reconsideration"]["received"] + 1


def test_without_a_year_the_statistics_are_those_of_the_last_complete_year(world, records):
    client = api_client_for(world.stats_client_a)
    response = client.get(STATS_URL)  # in January 2022
    assert response.status_code == 200, response.content
    assert response.json()["year"] == YEAR == 2021
    assert response.json() == client.get(STATS_URL, {"year": YEAR}).json()


def test_statistics_need_a_login_and_the_permission(world):
    assert api_client_for(None).get(STATS_URL, {"year": YEAR}).status_code == 401
    no_role = UserFactory(agencies=[world.township_a])
    assert api_client_for(no_role).get(STATS_URL, {"year": YEAR}).status_code == 403


class TestReportResource(ScopedResourceChecks):
    url = REPORTS_URL

    def make_record(self, agency):
        from reports.annual.models import AnnualReport

        return AnnualReport.objects.create(agency=agency, year=YEAR)


def test_posting_an_agency_and_year_answers_202_with_download_links(world, records, django_capture_on_commit_callbacks):
    client = api_client_for(world.team_lead_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REPORTS_URL, {"agency": world.township_a.pk, "year": YEAR})
    assert response.status_code == 202, response.content
    report = client.get(f"{REPORTS_URL}{response.json()['id']}/").json()
    assert (report["status"], report["progress"]) == ("draft", 100)
    docx = client.get(report["links"]["docx"])
    assert docx.status_code == 200
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert b"".join(docx.streaming_content)[:2] == b"PK"
    assert client.get(report["links"]["xlsx"]).status_code == 200
    html = client.get(report["links"]["html"])
    assert "一、主要做法和成效" in html.content.decode() and "<svg" in html.content.decode()


def test_another_townships_report_files_answer_404(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_report(agency=world.township_b, year=YEAR, user=world.team_lead_b)
    client = api_client_for(world.team_lead_a)
    for kind in ("docx", "xlsx", "html"):
        assert client.get(f"{REPORTS_URL}{report.pk}/{kind}/").status_code == 404


def test_a_report_cannot_be_requested_for_another_township(world):
    response = api_client_for(world.team_lead_a).post(REPORTS_URL, {"agency": world.township_b.pk, "year": YEAR})
    assert response.status_code == 400


def test_a_read_only_role_cannot_request_a_report(world):
    response = api_client_for(world.stats_client_a).post(REPORTS_URL, {"agency": world.township_a.pk, "year": YEAR})
    assert response.status_code == 403


def test_a_report_of_a_future_year_is_refused(world):
    response = api_client_for(world.team_lead_a).post(REPORTS_URL, {"agency": world.township_a.pk, "year": 2999})
    assert response.status_code == 400


def test_reports_cannot_be_changed_through_the_api(world):
    from reports.annual.models import AnnualReport

    report = AnnualReport.objects.create(agency=world.township_a, year=YEAR)
    client = api_client_for(world.team_lead_a)
    assert client.patch(f"{REPORTS_URL}{report.pk}/", {"year": 2020}).status_code == 405
    assert client.delete(f"{REPORTS_URL}{report.pk}/").status_code == 405
