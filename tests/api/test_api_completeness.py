"""Everything a user edits in the admin can be read through the API, within the same scope; the root lists it all."""

import pytest

from tests.base import ScopedResourceChecks, api_client_for
from tests.factories import (
    AttendanceFactory,
    OfficerFactory,
    PublicityFormatFactory,
    StudyPlanFactory,
    ThemeDayFactory,
    VicePrincipalFactory,
)
from training.publicity.youth import PublicitySite, PublicitySiteKind

pytestmark = pytest.mark.django_db


class TestStudyPlanApi(ScopedResourceChecks):
    url = "/api/v1/study-plans/"

    def make_record(self, agency):
        return StudyPlanFactory(agency=agency)


class TestAttendanceApi(ScopedResourceChecks):
    url = "/api/v1/attendances/"

    def make_record(self, agency):
        return AttendanceFactory(session__agency=agency)


class TestVicePrincipalApi(ScopedResourceChecks):
    url = "/api/v1/vice-principals/"

    def make_record(self, agency):
        return VicePrincipalFactory(officer=OfficerFactory(agency=agency))


class TestPublicitySiteApi(ScopedResourceChecks):
    url = "/api/v1/publicity-sites/"

    def make_record(self, agency):
        return PublicitySite.objects.create(
            agency=agency, kind=PublicitySiteKind.values[0], name=f"{agency.name}法治文化广场", since="2024-01-01"
        )


def test_theme_days_and_formats_are_shared_tables_every_user_reads(world):
    ThemeDayFactory(name="宪法宣传周")
    PublicityFormatFactory(name="以案释法")
    client = api_client_for(world.team_lead_b)
    assert "宪法宣传周" in {row["name"] for row in client.get("/api/v1/theme-days/").json()["results"]}
    assert "以案释法" in {row["name"] for row in client.get("/api/v1/publicity-formats/").json()["results"]}


def test_shared_tables_are_read_only_in_the_api(world):
    response = api_client_for(world.superuser).post("/api/v1/theme-days/", {"name": "x", "month": 1, "day": 1})
    assert response.status_code == 405


def test_the_api_root_lists_every_resource(world):
    root = api_client_for(world.team_lead_a).get("/api/v1/").json()
    for route in [
        "agencies",
        "officers",
        "certificates",
        "reconsideration-cases",
        "study-plans",
        "training-sessions",
        "attendances",
        "exams",
        "exam-results",
        "publicity-activities",
        "theme-days",
        "publicity-formats",
        "vice-principals",
        "publicity-sites",
        "reports",
        "stats",
        "auth/token",
    ]:
        assert root[route].endswith(f"/api/v1/{route}/")
