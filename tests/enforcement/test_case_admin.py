import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enforcement.models import EnforcementEvent
from tests.factories import certified_officer, penalty_case

URL = "/admin/enforcement/enforcementcase/"
EVENTS = "/admin/enforcement/enforcementevent/"
D = datetime.date
pytestmark = pytest.mark.django_db


def test_an_overdue_case_shows_its_next_deadline_in_red(client, world):
    with time_machine.travel("2025-07-01 10:00 +0800", tick=False):
        penalty_case(world.township_a, ("filed", D(2025, 3, 4)))
        client.force_login(world.team_lead_a)
        page = client.get(URL).content.decode()
    assert "color:#ba2121" in page
    assert "2025-06-03" in page


def test_another_townships_case_is_not_in_the_admin(client, world):
    other = penalty_case(world.township_b)
    client.force_login(world.team_lead_a)
    assert client.get(f"{URL}{other.pk}/change/").status_code == 302


def test_the_change_page_shows_the_deadlines_with_their_articles(client, world):
    case = penalty_case(world.township_a, ("filed", D(2025, 7, 3)), discovered_on=D(2025, 7, 1))
    client.force_login(world.team_lead_a)
    page = client.get(f"{URL}{case.pk}/change/").content.decode()
    assert "2025-10-09" in page
    assert "第六十条" in page


def test_an_event_by_an_uncertified_officer_is_refused_in_the_admin_naming_the_officer(client, world):
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)))
    lapsed = certified_officer(world.township_a, valid_until=D(2025, 3, 4))
    client.force_login(world.team_lead_a)
    response = client.post(
        f"{EVENTS}add/",
        {
            "case": case.pk,
            "kind": "investigated",
            "occurred_on": "2025-03-05",
            "officers": [case.handlers.first().pk, lapsed.pk],
            "files-TOTAL_FORMS": "0",
            "files-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert lapsed.name in str(response.context["adminform"].form.errors)
    assert case.events.count() == 1


def test_an_event_recorded_in_the_admin_goes_through_the_service(client, world):
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)))
    client.force_login(world.team_lead_a)
    response = client.post(
        f"{EVENTS}add/",
        {
            "case": case.pk,
            "kind": "investigated",
            "occurred_on": "2025-03-05",
            "officers": [o.pk for o in case.handlers.all()],
            "files-TOTAL_FORMS": "0",
            "files-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    event = EnforcementEvent.objects.get(case=case, kind="investigated")
    assert event.officer_links.count() == 2


def test_the_changelist_query_count_does_not_grow_with_cases(client, world):
    client.force_login(world.supervisor)
    handlers = [certified_officer(world.township_a), certified_officer(world.township_a)]

    def count(n):
        for _ in range(n):
            penalty_case(world.township_a, ("filed", D(2025, 3, 4)), handlers=handlers)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    count(1)
    assert count(5) == count(45)
