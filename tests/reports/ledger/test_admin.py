"""The ledger in the admin: scoped pages, warnings at entry, shared rule tables read-only for the roles."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from enforcement.agencies import roles
from reports.ledger.models import MajorDecision
from reports.models import LEDGER_MODELS
from tests.factories import LeadingGroupFactory, LeadingGroupMemberFactory, MajorDecisionFactory

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Members are edited inline on their group's page.
LISTED = [model for model in LEDGER_MODELS if model._meta.model_name != "leadinggroupmember"]


@pytest.mark.parametrize("model", LISTED, ids=lambda model: model._meta.model_name)
def test_every_ledger_list_opens_for_the_team_lead_and_the_supervisor(world, model):
    url = reverse(f"admin:reports_{model._meta.model_name}_changelist")
    assert client_of(world.team_lead_a).get(url).status_code == 200
    assert client_of(world.supervisor).get(url).status_code == 200


def test_another_townships_decision_is_not_found_in_the_admin(world):
    decision = MajorDecisionFactory(agency=world.township_b)
    url = reverse("admin:reports_majordecision_change", args=[decision.pk])
    assert client_of(world.team_lead_a).get(url).status_code == 302  # the admin's "does not exist" redirect


def test_a_decision_entered_without_review_is_saved_with_a_warning(world, english):
    client = client_of(world.team_lead_a)
    response = client.post(
        reverse("admin:reports_majordecision_add"),
        {
            "agency": world.township_a.pk,
            "title": "镇区道路改造工程",
            "category": "public_policy",
            "catalogue_year": 2025,
            "public_comment_from": "2025-03-03",
            "public_comment_until": "2025-04-02",
            "discussed_on": "2025-04-24",
            "discussion_meeting": "镇政府常务会议",
            "discussion_attendees": 9,
            "decided_on": "2025-04-24",
            "published_on": "2025-04-28",
            "archived_on": "2025-05-20",
        },
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert response.status_code == 200
    assert MajorDecision.objects.filter(title="镇区道路改造工程").exists()
    messages = [str(message) for message in response.context["messages"]]
    assert "镇区道路改造工程: Decided without a legality review that found it lawful (art. 24)." in messages


@pytest.mark.parametrize("role", [roles.TEAM_LEAD, roles.SUPERVISOR])
def test_the_provinces_rule_tables_are_read_only_for_every_role(role):
    codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
    assert {"view_mandatorydecisionstep", "view_filingperiod"} <= codenames
    assert not codenames & {"change_mandatorydecisionstep", "add_filingperiod", "change_filingperiod"}


def test_the_team_lead_changes_the_ledger_and_the_supervisor_only_reads_it():
    lead = set(Group.objects.get(name=roles.TEAM_LEAD).permissions.values_list("codename", flat=True))
    supervisor = set(Group.objects.get(name=roles.SUPERVISOR).permissions.values_list("codename", flat=True))
    for model in ("majordecision", "normativedocument", "dispute", "leadinggroupmeeting", "legaladviser"):
        assert {f"add_{model}", f"change_{model}"} <= lead
        assert f"view_{model}" in supervisor and f"change_{model}" not in supervisor
    assert apps.get_model("reports", "MajorDecision") is MajorDecision


def test_a_meeting_entered_in_the_admin_with_a_stranger_is_refused(world, english):
    group = LeadingGroupFactory(agency=world.township_a)
    stranger = LeadingGroupMemberFactory(group=LeadingGroupFactory(agency=world.township_a), name="外人")
    response = client_of(world.team_lead_a).post(
        reverse("admin:reports_leadinggroupmeeting_add"),
        {
            "group": group.pk,
            "held_on": "2025-03-10",
            "topics": "研究年度计划",
            "topics_count": 1,
            "decisions_count": 0,
            "attendees": [stranger.pk],
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Not members of the group on that day: 外人." in response.content.decode()
