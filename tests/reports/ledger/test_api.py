"""The ledger's API resources: the permission matrix for each, and what is special to some."""

import pytest

from reports.ledger.models import LeadingGroupMeeting
from reports.ledger.services import create_leading_group, save_leading_group_meeting
from tests.base import ScopedWritableResourceChecks, api_client_for, query_counts_at_two_sizes
from tests.factories import (
    AdviserMatterFactory,
    DisputeFactory,
    LeadingGroupFactory,
    LeadingGroupMemberFactory,
    LegalAdviserFactory,
    MajorDecisionFactory,
    NormativeDocumentFactory,
    ResponsiblePersonFactory,
    RuleOfLawReportFactory,
    WorkPlanFactory,
    ledger_year,
)
from tests.factories.ledger import d

pytestmark = pytest.mark.django_db
API = "/api/v1/"


class TestResponsiblePersons(ScopedWritableResourceChecks):
    url = f"{API}responsible-persons/"

    def make_record(self, agency):
        return ResponsiblePersonFactory(agency=agency)

    def create_payload(self, agency):
        return {
            "agency": agency.pk,
            "name": "李卫东",
            "role": "government_head",
            "position": "镇长",
            "started_on": "2024-01-05",
        }


class TestLeadingGroups(ScopedWritableResourceChecks):
    url = f"{API}leading-groups/"

    def make_record(self, agency):
        return LeadingGroupFactory(agency=agency)

    def create_payload(self, agency):
        return {"agency": agency.pk, "name": "法治政府建设工作领导小组", "established_on": "2024-02-01"}


class TestLeadingGroupMembers(ScopedWritableResourceChecks):
    url = f"{API}leading-group-members/"

    def make_record(self, agency):
        return LeadingGroupMemberFactory(group=LeadingGroupFactory(agency=agency))

    def create_payload(self, agency):
        group = LeadingGroupFactory(agency=agency)
        return {
            "group": group.pk,
            "name": "赵红梅",
            "position": "副镇长",
            "group_role": "member",
            "joined_on": "2024-03-01",
        }


class TestLeadingGroupMeetings(ScopedWritableResourceChecks):
    url = f"{API}leading-group-meetings/"

    def make_record(self, agency):
        member = LeadingGroupMemberFactory(group=LeadingGroupFactory(agency=agency))
        return save_leading_group_meeting(
            group=member.group, held_on=d("2025-03-10"), topics="研究年度计划", topics_count=1, attendees=[member]
        )

    def create_payload(self, agency):
        member = LeadingGroupMemberFactory(group=LeadingGroupFactory(agency=agency))
        return {
            "group": member.group.pk,
            "held_on": "2025-06-10",
            "topics": "研究重大行政决策目录\n听取执法工作汇报",
            "topics_count": 2,
            "decisions_count": 1,
            "attendees": [member.pk],
        }


class TestRuleOfLawReports(ScopedWritableResourceChecks):
    url = f"{API}rule-of-law-reports/"

    def make_record(self, agency):
        return RuleOfLawReportFactory(person=ResponsiblePersonFactory(agency=agency))

    def create_payload(self, agency):
        person = ResponsiblePersonFactory(agency=agency)
        return {
            "agency": agency.pk,
            "person": person.pk,
            "year": 2025,
            "reported_on": "2025-12-19",
            "venue": "县委全面依法治县委员会会议",
        }


class TestWorkPlans(ScopedWritableResourceChecks):
    url = f"{API}work-plans/"

    def make_record(self, agency):
        return WorkPlanFactory(agency=agency)

    def create_payload(self, agency):
        return {
            "agency": agency.pk,
            "year": 2026,
            "title": "2026年度工作计划",
            "document_url": "https://example.gov.cn/p.pdf",
        }


class TestMajorDecisions(ScopedWritableResourceChecks):
    url = f"{API}major-decisions/"

    def make_record(self, agency):
        return MajorDecisionFactory(agency=agency)

    def create_payload(self, agency):
        return {
            "agency": agency.pk,
            "title": "镇区道路改造工程",
            "category": "public_policy",
            "catalogue_year": 2025,
            "legality_reviewed_on": "2025-04-14",
            "legality_reviewer": "镇司法所",
            "legality_result": "lawful",
            "discussed_on": "2025-04-24",
            "discussion_meeting": "镇政府常务会议",
            "discussion_attendees": 9,
            "decided_on": "2025-04-24",
        }


class TestNormativeDocuments(ScopedWritableResourceChecks):
    url = f"{API}normative-documents/"

    def make_record(self, agency):
        return NormativeDocumentFactory(agency=agency)

    def create_payload(self, agency):
        return {"agency": agency.pk, "title": "关于规范宅基地管理的通知", "drafted_on": "2025-05-06"}


class TestLegalAdvisers(ScopedWritableResourceChecks):
    url = f"{API}legal-advisers/"

    def make_record(self, agency):
        return LegalAdviserFactory(agency=agency)

    def create_payload(self, agency):
        return {
            "agency": agency.pk,
            "kind": "person",
            "name": "张律师",
            "contract_from": "2025-01-01",
            "contract_until": "2025-12-31",
        }


class TestAdviserMatters(ScopedWritableResourceChecks):
    url = f"{API}adviser-matters/"

    def make_record(self, agency):
        return AdviserMatterFactory(adviser=LegalAdviserFactory(agency=agency))

    def create_payload(self, agency):
        adviser = LegalAdviserFactory(agency=agency)
        return {
            "agency": agency.pk,
            "adviser": adviser.pk,
            "kind": "contract",
            "handled_on": "2025-07-15",
            "subject": "施工合同",
        }


class TestDisputes(ScopedWritableResourceChecks):
    url = f"{API}disputes/"

    def make_record(self, agency):
        return DisputeFactory(agency=agency)

    def create_payload(self, agency):
        return {"agency": agency.pk, "kind": "land", "summary": "承包地边界纠纷", "received_on": "2025-09-01"}


def test_a_decision_out_of_order_is_a_400_naming_the_field(world):
    payload = TestMajorDecisions().create_payload(world.township_a) | {"legality_reviewed_on": "2025-04-30"}
    response = api_client_for(world.team_lead_a).post(f"{API}major-decisions/", payload)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "legality_reviewed_on"


def test_a_decision_without_review_is_recorded_and_answers_its_warning(world, english):
    payload = TestMajorDecisions().create_payload(world.township_a)
    for field in ("legality_reviewed_on", "legality_reviewer", "legality_result"):
        payload.pop(field)
    response = api_client_for(world.team_lead_a).post(f"{API}major-decisions/", payload, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 201, response.content
    assert "Decided without a legality review that found it lawful (art. 24)." in response.json()["warnings"]


def test_a_document_answers_its_filing_due_day(world):
    document = NormativeDocumentFactory(agency=world.township_a)
    body = api_client_for(world.team_lead_a).get(f"{API}normative-documents/{document.pk}/").json()
    assert body["filing_due"] == "2025-07-05"


def test_a_meeting_attendee_from_another_group_is_refused(world):
    payload = TestLeadingGroupMeetings().create_payload(world.township_a)
    stranger = LeadingGroupMemberFactory(group=LeadingGroupFactory(agency=world.township_a), name="外人")
    payload["attendees"] = [stranger.pk]
    response = api_client_for(world.team_lead_a).post(f"{API}leading-group-meetings/", payload)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "attendees"
    assert not LeadingGroupMeeting.objects.exists()


def test_a_leading_group_needs_its_leader(world):
    with pytest.raises(Exception) as refused:
        create_leading_group(
            agency=world.township_a,
            name="领导小组",
            established_on=d("2024-01-01"),
            members=[{"name": "甲", "position": "委员", "group_role": "member"}],
        )
    assert "members" in refused.value.message_dict


def test_a_group_with_meetings_cannot_be_deleted(world):
    meeting = TestLeadingGroupMeetings().make_record(world.township_a)
    response = api_client_for(world.team_lead_a).delete(f"{API}leading-groups/{meeting.group.pk}/")
    assert response.status_code == 409


def test_the_decisions_list_takes_the_same_number_of_queries_at_two_sizes(world):
    client = api_client_for(world.team_lead_a)

    def add(count):
        MajorDecisionFactory.create_batch(count, agency=world.township_a, category="construction")

    counts = query_counts_at_two_sizes(add, lambda: client.get(f"{API}major-decisions/", {"page_size": 100}))
    assert counts[0] == counts[1]


def test_the_county_supervisor_gets_each_townships_figures_side_by_side(world):
    ledger_year(world.township_a, decisions=3)
    ledger_year(world.township_b, decisions=1)
    response = api_client_for(world.supervisor).get(
        f"{API}stats/", {"agency": world.county.pk, "year": 2025, "children": "true"}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["governance"]["major_decisions"] == 4
    children = {child["agency"]["name"]: child["governance"]["major_decisions"] for child in body["children"]}
    assert children == {"甲镇人民政府": 3, "乙乡人民政府": 1}


def test_without_children_the_statistics_answer_no_children(world):
    body = api_client_for(world.supervisor).get(f"{API}stats/", {"agency": world.county.pk, "year": 2025}).json()
    assert "children" not in body


def test_a_township_lead_asking_for_children_sees_only_their_own_below(world):
    body = (
        api_client_for(world.team_lead_a)
        .get(f"{API}stats/", {"agency": world.township_a.pk, "year": 2025, "children": "true"})
        .json()
    )
    assert [child["agency"]["name"] for child in body["children"]] == ["甲镇综合行政执法队"]
