"""The officer lists of the penalty-case admin offer only those certified for the case's field on the day."""

import datetime
import html
import json
import re

import pytest
import time_machine

from enforcement.agencies import roles
from enforcement.officers.models.officer import Officer
from tests.factories import EnforcementFieldFactory, UserFactory, certified_officer, penalty_case

D = datetime.date
URL = "/admin/enforcement/enforcementcase/certified-officers/"
HANDLERS = {"app_label": "enforcement", "model_name": "enforcementcase", "field_name": "handlers", "term": ""}
EVENT_OFFICERS = {"app_label": "enforcement", "model_name": "enforcementevent", "field_name": "officers", "term": ""}
pytestmark = pytest.mark.django_db


@pytest.fixture
def officers(world):
    """Officers named for what they are; the day is 2025-03-05 and the field 城乡规划."""
    return {
        "certified": certified_officer(world.team_a, fields="城乡规划"),
        "valid until the day before": certified_officer(world.team_a, valid_until=D(2025, 3, 4)),
        "another field": certified_officer(world.team_a, fields="市场监管"),
        "another township": certified_officer(world.township_b, fields="城乡规划"),
    }


def offered(client, user, params) -> set[int]:
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return {int(row["id"]) for row in response.json()["results"]}


def test_the_handler_list_offers_only_officers_certified_for_the_field_on_the_day(client, world, officers):
    field = EnforcementFieldFactory(name="城乡规划")
    ids = offered(client, world.team_lead_a, {**HANDLERS, "enforcement_field": field.pk, "on": "2025-03-05"})
    assert ids == {officers["certified"].pk}


def test_the_day_is_read_as_the_chinese_admin_writes_it(client, world, officers):
    field = EnforcementFieldFactory(name="城乡规划")
    params = {**HANDLERS, "enforcement_field": field.pk, "on": "2025/03/04"}
    assert officers["valid until the day before"].pk in offered(client, world.team_lead_a, params)


def test_without_a_day_the_list_is_of_those_certified_today(client, world, officers):
    field = EnforcementFieldFactory(name="城乡规划")
    with time_machine.travel("2029-01-02 10:00 +0800", tick=False):
        assert offered(client, world.team_lead_a, {**HANDLERS, "enforcement_field": field.pk}) == set()


def test_an_events_officer_list_reads_the_field_from_the_case(client, world, officers):
    case = penalty_case(world.township_a, ("filed", D(2025, 3, 4)), field="城乡规划")
    ids = offered(client, world.team_lead_a, {**EVENT_OFFICERS, "case": case.pk, "on": "2025-03-05"})
    assert officers["certified"].pk in ids
    refused = {officers[name].pk for name in ("valid until the day before", "another field", "another township")}
    assert not ids & refused
    assert set(case.handlers.values_list("pk", flat=True)) <= ids


def test_the_search_term_still_narrows_the_list(client, world, officers):
    field = EnforcementFieldFactory(name="城乡规划")
    other = certified_officer(world.team_a, fields="城乡规划")
    params = {**HANDLERS, "enforcement_field": field.pk, "on": "2025-03-05", "term": other.name}
    assert offered(client, world.team_lead_a, params) == {other.pk}


def test_a_county_supervisor_is_offered_certified_officers_of_every_township(client, world, officers):
    field = EnforcementFieldFactory(name="城乡规划")
    ids = offered(client, world.supervisor, {**HANDLERS, "enforcement_field": field.pk, "on": "2025-03-05"})
    assert ids == {officers["certified"].pk, officers["another township"].pk}


def test_without_a_field_the_list_is_the_users_scope_and_an_unknown_parameter_changes_nothing(client, world, officers):
    ids = offered(client, world.team_lead_a, {**HANDLERS, "on": "2025-03-05", "township": "all"})
    assert ids == {officers[name].pk for name in ("certified", "valid until the day before", "another field")}


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [
        ({"on": "5 March"}, "on", "Enter a valid date."),
        ({"enforcement_field": "x"}, "enforcement_field", "There is no such enforcement field."),
        ({"case": "OTHER"}, "case", "There is no such case among those you may see."),
        ({"case": "OWN", "enforcement_field": "FIELD"}, "__all__", "Give the case or the enforcement field, not both."),
    ],
)
def test_a_bad_parameter_is_refused_with_a_message_naming_it(client, world, params, parameter, message):
    own, other = penalty_case(world.township_a), penalty_case(world.township_b)
    values = {"OWN": own.pk, "OTHER": other.pk, "FIELD": own.field.pk}
    client.force_login(world.team_lead_a)
    query = {**EVENT_OFFICERS, **{k: values.get(v, v) for k, v in params.items()}}
    response = client.get(URL, query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"errors": {parameter: [message]}}


def test_a_user_who_may_not_view_officers_is_refused_before_the_parameters_are_read(client, world):
    client.force_login(UserFactory(agencies=[world.township_a]))
    assert client.get(URL, {**HANDLERS, "on": "not a date"}).status_code == 403


def test_a_list_of_anything_but_officers_is_refused(client, world):
    client.force_login(world.team_lead_a)
    assert client.get(URL, {**HANDLERS, "field_name": "agency"}).status_code == 403


def list_asked(page: str, name: str) -> tuple[str, dict]:
    """The URL the select named `name` searches, and the form inputs it sends with each search."""
    select = re.search(rf'<select name="{name}"[^>]*>', page).group(0)
    attribute = re.compile(r'(data-ajax--url|data-forward)="([^"]*)"')
    found = {key: html.unescape(value) for key, value in attribute.findall(select)}
    return found["data-ajax--url"], json.loads(found["data-forward"])


def test_the_case_and_event_forms_ask_the_certified_list_with_their_field_and_day(client, world):
    case = penalty_case(world.township_a)
    client.force_login(world.team_lead_a)
    case_page = client.get(f"/admin/enforcement/enforcementcase/{case.pk}/change/").content.decode()
    event_page = client.get(f"/admin/enforcement/enforcementevent/add/?case={case.pk}").content.decode()
    assert list_asked(case_page, "handlers") == (URL, {"enforcement_field": "field", "on": "discovered_on"})
    assert list_asked(event_page, "officers") == (URL, {"case": "case", "on": "occurred_on"})
    assert "enforcement/js/forwarding_autocomplete.js" in event_page


@pytest.mark.parametrize("role", [roles.TEAM_LEAD, roles.HR, roles.SUPERVISOR, roles.STATS_CLIENT])
def test_every_role_of_a_township_is_offered_nothing_outside_its_scope(client, world, officers, role):
    user = UserFactory(roles=[role], agencies=[world.township_a])
    field = EnforcementFieldFactory(name="城乡规划")
    for params in ({**HANDLERS, "enforcement_field": field.pk}, HANDLERS):
        ids = offered(client, user, {**params, "on": "2025-03-05"})
        assert ids <= set(Officer.objects.visible_to(user).values_list("pk", flat=True))
        assert officers["another township"].pk not in ids
