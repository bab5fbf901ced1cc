"""Cached statistics change the moment a write could change them, and only then."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache

from enforcement.agencies import roles
from enforcement.agencies.scope import Scope
from enforcement.officers.models.certificate import CertificateStatus
from enforcement.officers.services import change_certificate_status
from enforcement.reconsideration.services import record_event
from reports.statistics.cache import cached_statistics
from tests.base import api_client_for
from tests.factories import CertificateFactory, OfficerFactory, UserFactory
from tests.factories.reconsideration import ReconsiderationCaseFactory
from tests.factories.training import (
    AttendanceFactory,
    PublicityActivityFactory,
    PublicityFormatFactory,
    StudyPlanFactory,
    TrainingSessionFactory,
)

YEAR = 2025
TODAY = datetime.date(2025, 11, 3)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def township_figures(world, user=None):
    return cached_statistics(Scope(user or world.supervisor, world.township_a), YEAR, today=TODAY)


def test_a_repeated_request_is_answered_with_one_query(world, django_assert_num_queries):
    CertificateFactory(officer__agency=world.township_a, officer__is_enforcement_officer=True)
    first = township_figures(world)
    with django_assert_num_queries(1):
        assert township_figures(world) == first


def test_an_officer_added_shows_at_once(world):
    before = township_figures(world)["officers"]["total"]
    OfficerFactory(agency=world.team_a)
    assert township_figures(world)["officers"]["total"] == before + 1


def test_a_certificate_revoked_shows_at_once(world):
    certificate = CertificateFactory(
        officer__agency=world.township_a, officer__is_enforcement_officer=True, issued_on=datetime.date(2024, 1, 1)
    )
    assert township_figures(world)["officers"]["certified"] == 1
    change_certificate_status(
        certificate=certificate, status=CertificateStatus.REVOKED, reason="吊销", on=datetime.date(2025, 10, 9)
    )
    assert township_figures(world)["officers"]["certified"] == 0


def test_a_case_event_recorded_shows_at_once(world):
    case = ReconsiderationCaseFactory(agency=world.township_a)
    assert township_figures(world)["reconsideration"]["received"] == 0
    record_event(case=case, kind="application_received", occurred_on=datetime.date(2025, 9, 1))
    assert township_figures(world)["reconsideration"]["received"] == 1


def test_an_activitys_formats_changed_on_their_own_show_at_once(world):
    banner = PublicityFormatFactory(name="悬挂横幅")
    quiz = PublicityFormatFactory(name="有奖问答", is_interactive=True)
    activity = PublicityActivityFactory(agency=world.township_a, start_date=datetime.date(2025, 3, 1), formats=[banner])
    assert township_figures(world)["publicity"]["by_format"] == {"悬挂横幅": 1}
    # The links written without saving the activity, as a serializer writes them after it.
    activity.formats.set([quiz])
    figures = township_figures(world)["publicity"]
    assert figures["by_format"] == {"有奖问答": 1}
    assert figures["interactive_activities"] == 1


def test_a_write_in_another_township_leaves_the_cached_figures_alone(world, django_assert_num_queries):
    OfficerFactory(agency=world.township_a)
    first = township_figures(world)
    OfficerFactory(agency=world.township_b)
    CertificateFactory(officer__agency=world.township_b)
    with django_assert_num_queries(1):
        assert township_figures(world) == first


def test_a_county_study_plan_reaches_the_townships_figures_at_once(world):
    assert township_figures(world)["training"]["required_hours"] == 60
    StudyPlanFactory(agency=world.county, year=YEAR, required_hours=80)
    assert township_figures(world)["training"]["required_hours"] == 80


def test_a_county_session_attended_by_a_townships_officer_reaches_its_figures_at_once(world):
    officer = OfficerFactory(agency=world.township_a, is_enforcement_officer=True)
    session = TrainingSessionFactory(agency=world.township_b, date=datetime.date(2025, 4, 1), hours=Decimal(6))
    AttendanceFactory(session=session, officer=officer, hours_credited=Decimal(6))
    assert township_figures(world)["training"]["average_hours_per_officer"] == 6
    session.date = datetime.date(2024, 4, 1)
    session.save()
    assert township_figures(world)["training"]["average_hours_per_officer"] == 0


def test_each_reader_gets_the_figures_of_their_own_scope(world):
    OfficerFactory(agency=world.township_a)
    OfficerFactory(agency=world.team_a)
    team_member = UserFactory(username="team_a_lead", roles=[roles.TEAM_LEAD], agencies=[world.team_a])
    assert township_figures(world, world.supervisor)["officers"]["total"] == 2
    # The same subtree, year and day, but a reader who may list the team's rows only.
    assert township_figures(world, team_member)["officers"]["total"] == 1


def test_the_statistics_api_polled_again_reads_only_the_agency_and_the_version(world, django_assert_max_num_queries):
    client = api_client_for(world.supervisor)
    params = {"year": YEAR, "agency": world.township_a.pk}
    assert client.get("/api/v1/stats/", params).status_code == 200
    # The agency look-up and the version; authentication is forced in tests.
    with django_assert_max_num_queries(2):
        assert client.get("/api/v1/stats/", params).status_code == 200
