"""A case's status and deadlines have one writer, the service that records its events; everything else reads them."""

import datetime

import pytest

from enforcement.agencies.calendar import CalendarDay
from tests.base import api_client_for
from tests.factories import case_with_events
from tests.factories.reconsideration import d

URL = "/api/v1/reconsideration-cases/"
pytestmark = pytest.mark.django_db


def reply_due(client, case) -> str:
    body = client.get(f"{URL}{case.pk}/").json()
    return next(row["due"] for row in body["deadlines"] if row["kind"] == "reply")


def test_readers_show_the_stored_deadlines_until_the_recomputation_stores_new_ones(
    world, django_capture_on_commit_callbacks
):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2027-09-13")),
        ("accepted", d("2027-09-14")),
        ("copy_received", d("2027-09-24")),
        procedure="simplified",
    )
    client = api_client_for(world.team_lead_a)
    assert reply_due(client, case) == "2027-10-06"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        for day in (6, 7):
            CalendarDay.objects.create(date=datetime.date(2027, 10, day), is_working_day=False, note="国庆节")
    # The API reads what is stored: the recomputation has not run yet.
    assert reply_due(client, case) == "2027-10-06"
    for callback in callbacks:
        callback()
    assert reply_due(client, case) == "2027-10-08"


def test_a_case_changed_through_the_api_is_checked_whole_and_names_the_field(world):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2025-07-14")),
        ("accepted", d("2025-07-16")),
        ("extension", d("2025-09-01"), {"days": 30}),
    )
    response = api_client_for(world.team_lead_a).patch(f"{URL}{case.pk}/", {"procedure": "simplified"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "procedure"
    case.refresh_from_db()
    assert case.procedure == "ordinary"


def test_a_change_of_procedure_through_the_api_stores_the_shorter_periods(world):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2025-06-02")),
        ("accepted", d("2025-06-02")),
        ("copy_received", d("2025-06-03")),
    )
    assert case.reply_due == d("2025-06-17")
    response = api_client_for(world.team_lead_a).patch(f"{URL}{case.pk}/", {"procedure": "simplified"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["reply_due"] == "2025-06-10"  # 5 working days (art. 54)


def test_applicants_replaced_through_the_api_are_written_whole(world):
    case = case_with_events(world.township_a, ("application_received", d("2025-03-03")))
    response = api_client_for(world.team_lead_a).patch(
        f"{URL}{case.pk}/", {"applicants": [{"kind": "organisation", "name": "某某有限公司"}]}, format="json"
    )
    assert response.status_code == 200, response.content
    assert [(a.kind, a.name) for a in case.applicants.all()] == [("organisation", "某某有限公司")]
