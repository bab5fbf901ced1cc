import pytest
import time_machine

from tests.base import ScopedWritableResourceChecks, api_client_for, query_counts_at_two_sizes
from tests.factories import ApplicantFactory, OfficerFactory, case_with_events
from tests.factories.reconsideration import d

URL = "/api/v1/reconsideration-cases/"
pytestmark = pytest.mark.django_db


class TestReconsiderationCaseApi(ScopedWritableResourceChecks):
    url = URL

    def make_record(self, agency):
        return case_with_events(agency, ("application_received", d("2025-03-03")))

    def create_payload(self, agency):
        return {
            "agency": agency.pk,
            "organ_name": "示例县人民政府",
            "organ_case_number": "示县复〔2025〕9号",
            "act_kind": "penalty",
            "officer": OfficerFactory(agency=agency).pk,
            "applicants": [{"kind": "person", "name": "张三"}],
        }


def test_a_case_shows_its_deadlines_with_their_rules(world):
    case = case_with_events(
        world.township_a,
        ("application_received", d("2024-09-10")),
        ("accepted", d("2024-09-12")),
        ("copy_received", d("2024-09-27")),
    )
    body = api_client_for(world.team_lead_a).get(f"{URL}{case.pk}/").json()
    reply = next(row for row in body["deadlines"] if row["kind"] == "reply")
    assert reply["due"] == body["reply_due"] == "2024-10-16"
    assert reply["rule"] == "答复期限：收到申请书副本之日起10个工作日（《行政复议法》第四十八条）"
    assert body["next_deadline_kind"] == "reply"


def test_an_event_is_recorded_through_the_events_action(world):
    case = case_with_events(world.township_a, ("application_received", d("2025-03-03")))
    client = api_client_for(world.team_lead_a)
    response = client.post(f"{URL}{case.pk}/events/", {"kind": "accepted", "occurred_on": "2025-03-05"})
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "accepted"


def test_an_impossible_event_is_a_400_naming_the_field(world):
    case = case_with_events(world.township_a, ("application_received", d("2025-03-03")))
    response = api_client_for(world.team_lead_a).post(
        f"{URL}{case.pk}/events/", {"kind": "decision", "occurred_on": "2025-03-05", "outcome": "upheld"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "kind"
    assert case.events.count() == 1


def test_events_of_another_townships_case_answer_404(world):
    case = case_with_events(world.township_b, ("application_received", d("2025-03-03")))
    response = api_client_for(world.team_lead_a).post(
        f"{URL}{case.pk}/events/", {"kind": "accepted", "occurred_on": "2025-03-05"}
    )
    assert response.status_code == 404


def test_the_read_only_role_cannot_record_events(world):
    case = case_with_events(world.township_a, ("application_received", d("2025-03-03")))
    response = api_client_for(world.supervisor).post(
        f"{URL}{case.pk}/events/", {"kind": "accepted", "occurred_on": "2025-03-05"}
    )
    assert response.status_code == 403


def test_an_officer_of_another_township_cannot_be_made_responsible(world):
    payload = TestReconsiderationCaseApi().create_payload(world.township_a)
    payload["officer"] = OfficerFactory(agency=world.township_b).pk
    assert api_client_for(world.superuser).post(URL, payload).status_code == 400


def ids(response):
    return {row["id"] for row in response.json()["results"]}


def test_filter_overdue(world):
    with time_machine.travel("2025-04-01 10:00 +0800", tick=False):
        accepted = [("application_received", d("2025-03-03")), ("accepted", d("2025-03-05"))]
        late = case_with_events(world.township_a, *accepted, ("copy_received", d("2025-03-07")))  # reply due 03-21
        fresh = case_with_events(world.township_a, *accepted, ("copy_received", d("2025-03-31")))
        client = api_client_for(world.team_lead_a)
        assert ids(client.get(URL, {"overdue": "true"})) == {late.pk}
        assert ids(client.get(URL, {"overdue": "false"})) == {fresh.pk}


def test_filter_status_outcome_and_year(world):
    open_case = case_with_events(world.township_a, ("application_received", d("2024-03-03")))
    closed = case_with_events(
        world.township_a,
        ("application_received", d("2025-03-03")),
        ("accepted", d("2025-03-05")),
        ("decision", d("2025-04-20"), {"outcome": "varied"}),
    )
    client = api_client_for(world.team_lead_a)
    assert ids(client.get(URL, {"status": "closed"})) == {closed.pk}
    assert ids(client.get(URL, {"outcome": "varied"})) == {closed.pk}
    assert ids(client.get(URL, {"year": 2024})) == {open_case.pk}


def test_filter_agency_takes_the_subtree(world):
    own = case_with_events(world.team_a, ("application_received", d("2025-03-03")))
    case_with_events(world.township_b, ("application_received", d("2025-03-03")))
    assert ids(api_client_for(world.supervisor).get(URL, {"agency": world.township_a.pk})) == {own.pk}


def test_list_query_count_does_not_grow_with_cases(world):
    client = api_client_for(world.supervisor)

    def make(n):
        for _ in range(n):
            case = case_with_events(
                world.township_a, ("application_received", d("2025-03-03")), ("accepted", d("2025-03-05"))
            )
            ApplicantFactory(case=case)

    counts = query_counts_at_two_sizes(make, lambda: client.get(URL, {"page_size": 500}))
    assert counts[0] == counts[1]
