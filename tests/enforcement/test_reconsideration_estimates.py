"""Deadlines counted over a year whose holiday schedule the State Council has not published are estimates.

The calendar years 2024–2026 are entered as published; 2027 is not.
2026-12-24 + 10 working days = 2027-01-08, an estimate; 2026-12-21 + 5 working days = 2026-12-28, certain.
"""

import pytest
from django.contrib.auth.models import Group

from enforcement.agencies import roles
from enforcement.agencies.calendar import CalendarYear, WorkingCalendar
from tests.base import api_client_for
from tests.factories import case_with_events
from tests.factories.reconsideration import d

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply_into_2027(world):
    return case_with_events(
        world.township_a,
        ("application_received", d("2026-12-21")),
        ("accepted", d("2026-12-22")),
        ("copy_received", d("2026-12-24")),
    )


def test_the_calendar_says_which_days_are_estimates():
    calendar = WorkingCalendar.load()
    assert not calendar.is_estimated(d("2026-12-31"))
    assert calendar.is_estimated(d("2027-01-04"))
    assert calendar.period_is_estimated(d("2026-12-24"), d("2027-01-08"))
    assert not calendar.period_is_estimated(d("2026-12-21"), d("2026-12-28"))


def test_the_api_marks_a_deadline_counted_into_an_unpublished_year_as_estimated(world, reply_into_2027):
    body = api_client_for(world.team_lead_a).get(f"/api/v1/reconsideration-cases/{reply_into_2027.pk}/").json()
    rows = {row["kind"]: row for row in body["deadlines"]}
    assert (rows["reply"]["due"], rows["reply"]["estimated"]) == ("2027-01-08", True)
    assert (rows["acceptance"]["due"], rows["acceptance"]["estimated"]) == ("2026-12-28", False)


def test_the_admin_labels_estimated_deadlines(client, world, reply_into_2027):
    client.force_login(world.team_lead_a)
    url = "/admin/enforcement/reconsiderationcase/"
    listed = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '2027-01-08 <span class="estimated"' in listed
    page = client.get(f"{url}{reply_into_2027.pk}/change/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '2027-01-08 <span class="estimated"' in page
    assert "2026-12-28 <span" not in page


def test_marking_a_year_published_makes_its_deadlines_certain(reply_into_2027, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        CalendarYear.objects.update_or_create(year=2027, defaults={"published": True})
    reply_into_2027.refresh_from_db()
    assert not any(row.estimated for row in reply_into_2027.deadline_list())


def test_the_calendar_years_are_in_the_admin_for_a_superuser(client, world):
    client.force_login(world.superuser)
    page = client.get("/admin/enforcement/calendaryear/").content.decode()
    assert "2026" in page


@pytest.mark.parametrize("role", [roles.TEAM_LEAD, roles.HR, roles.SUPERVISOR, roles.STATS_CLIENT])
def test_every_role_reads_the_calendar_years_and_none_marks_them(role):
    codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
    assert "view_calendaryear" in codenames
    assert not codenames & {"add_calendaryear", "change_calendaryear", "delete_calendaryear"}
