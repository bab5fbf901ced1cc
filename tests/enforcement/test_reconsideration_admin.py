import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enforcement.reconsideration.models import CaseEvent
from tests.factories import case_with_events
from tests.factories.reconsideration import d

URL = "/admin/enforcement/reconsiderationcase/"
pytestmark = pytest.mark.django_db


def log_in(client, user):
    client.force_login(user)


def copy_received(agency, day: str):
    """A case whose copy reached the township on `day`: its reply is due 10 working days later (art. 48)."""
    return case_with_events(
        agency, ("application_received", d("2025-03-03")), ("accepted", d("2025-03-05")), ("copy_received", d(day))
    )


def test_overdue_cases_are_highlighted_in_the_changelist(client, world):
    with time_machine.travel("2025-04-01 10:00 +0800", tick=False):
        copy_received(world.township_a, "2025-03-07")  # reply due 2025-03-21
        log_in(client, world.team_lead_a)
        page = client.get(URL).content.decode()
    assert re.search(r'<strong style="color:#ba2121">[^<]* 2025-03-21</strong>', page)


def test_the_changelist_filters_overdue_cases(client, world):
    with time_machine.travel("2025-04-01 10:00 +0800", tick=False):
        late = copy_received(world.township_a, "2025-03-07")
        fresh = copy_received(world.township_a, "2025-03-31")
        log_in(client, world.team_lead_a)
        page = client.get(URL, {"overdue": "yes"}).content.decode()
    assert f"/{late.pk}/change/" in page
    assert f"/{fresh.pk}/change/" not in page


def test_another_townships_case_is_not_in_the_admin(client, world):
    other = case_with_events(world.township_b, ("application_received", d("2025-03-03")))
    log_in(client, world.team_lead_a)
    assert client.get(f"{URL}{other.pk}/change/").status_code == 302


def test_the_change_page_shows_the_deadlines_with_their_rules(client, world):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2024-09-10")),
        ("accepted", d("2024-09-12")),
        ("copy_received", d("2024-09-27")),
    )
    log_in(client, world.team_lead_a)
    page = client.get(f"{URL}{case.pk}/change/").content.decode()
    assert "答复期限：收到申请书副本之日起10个工作日（《行政复议法》第四十八条）" in page


def signed_version(client, case) -> str:
    # The optimistic-locking field travels signed, as the change page renders it.
    page = client.get(f"{URL}{case.pk}/change/").content.decode()
    return re.search(r'name="version" value="([^"]+)"', page).group(1)


def inline_post(client, case, events):
    data = {
        "agency": case.agency_id,
        "organ_name": case.organ_name,
        "organ_case_number": case.organ_case_number,
        "officer": case.officer_id,
        "procedure": case.procedure,
        "version": signed_version(client, case),
        "act_kind": case.act_kind,
        "note": "",
        "applicants-TOTAL_FORMS": 0,
        "applicants-INITIAL_FORMS": 0,
        "events-TOTAL_FORMS": len(events),
        "events-INITIAL_FORMS": sum(1 for event in events if "id" in event),
    }
    for index, event in enumerate(events):
        for key, value in event.items():
            data[f"events-{index}-{key}"] = value
        data[f"events-{index}-case"] = case.pk
    return data


def test_events_added_together_in_the_admin_are_checked_together(client, world):
    case = case_with_events(world.township_a)
    log_in(client, world.team_lead_a)
    events = [
        {"occurred_on": "2025-03-03", "kind": "application_received"},
        {"occurred_on": "2025-03-05", "kind": "accepted"},
    ]
    response = client.post(f"{URL}{case.pk}/change/", inline_post(client, case, events))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "accepted"


def test_events_edited_inline_store_the_cases_deadlines_through_the_service(client, world):
    case = case_with_events(world.township_a, ("application_received", d("2025-03-03")))
    log_in(client, world.team_lead_a)
    received = case.events.get()
    events = [
        {"id": received.pk, "occurred_on": "2025-03-04", "kind": "application_received"},
        {"occurred_on": "2025-03-05", "kind": "accepted"},
        {"occurred_on": "2025-03-07", "kind": "copy_received"},
    ]
    assert client.post(f"{URL}{case.pk}/change/", inline_post(client, case, events)).status_code == 302
    case.refresh_from_db()
    assert (case.received_on, case.reply_due) == (d("2025-03-04"), d("2025-03-21"))
    stored = {row.kind: row for row in case.deadline_list()}
    assert stored["acceptance"].met_on == d("2025-03-05")
    assert stored["reply"].due == d("2025-03-21")


def test_a_decision_before_acceptance_is_refused_in_the_admin(client, world):
    case = case_with_events(world.township_a)
    log_in(client, world.team_lead_a)
    events = [
        {"occurred_on": "2025-03-03", "kind": "application_received"},
        {"occurred_on": "2025-03-05", "kind": "decision", "outcome": "upheld"},
    ]
    response = client.post(f"{URL}{case.pk}/change/", inline_post(client, case, events), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "accepted before" in str(response.context["inline_admin_formsets"][1].formset.non_form_errors())
    assert not CaseEvent.objects.filter(case=case).exists()


def test_changelist_query_count_does_not_grow_with_cases(client, world):
    log_in(client, world.supervisor)

    def count(n):
        for _ in range(n):
            case_with_events(world.township_a, ("application_received", d("2025-03-03")))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    count(1)
    assert count(5) == count(45)


def test_the_holiday_table_is_in_the_admin(client, world):
    log_in(client, world.superuser)
    assert client.get("/admin/enforcement/calendarday/").status_code == 200
