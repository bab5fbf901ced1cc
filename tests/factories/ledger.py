"""Factories of the rule-of-law work ledger, and a township year built from records with chosen counts."""

from __future__ import annotations

import datetime

import factory

from reports.ledger import services
from reports.ledger.models import (
    AdviserKind,
    AdviserMatter,
    DecisionCategory,
    Dispute,
    DisputeKind,
    DisputeOutcome,
    GroupRole,
    LeadingGroup,
    LeadingGroupMember,
    LegalAdviser,
    MajorDecision,
    MatterKind,
    NormativeDocument,
    ResponsiblePerson,
    ResponsibleRole,
    ReviewResult,
    RuleOfLawReport,
    WorkPlan,
)
from tests.factories.agencies import AgencyFactory


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


class ResponsiblePersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResponsiblePerson

    agency = factory.SubFactory(AgencyFactory)
    name = "王建国"
    role = ResponsibleRole.PARTY_SECRETARY
    position = "镇党委书记"
    started_on = d("2023-03-01")


class LeadingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeadingGroup

    agency = factory.SubFactory(AgencyFactory)
    name = "法治政府建设工作领导小组"
    established_on = d("2023-03-01")


class LeadingGroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeadingGroupMember

    group = factory.SubFactory(LeadingGroupFactory)
    name = factory.Sequence(lambda n: f"成员{n}")
    position = "副镇长"
    group_role = GroupRole.MEMBER
    joined_on = d("2023-03-01")


class RuleOfLawReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RuleOfLawReport

    person = factory.SubFactory(ResponsiblePersonFactory)
    agency = factory.SelfAttribute("person.agency")
    year = 2025
    reported_on = d("2025-12-19")
    venue = "县委全面依法治县委员会会议"


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlan

    agency = factory.SubFactory(AgencyFactory)
    year = 2025
    title = "2025年度工作计划"
    document_url = "https://example.gov.cn/plan-2025.pdf"


class MajorDecisionFactory(factory.django.DjangoModelFactory):
    """A decision that went through every step in order, in 2025."""

    class Meta:
        model = MajorDecision

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"重大行政决策事项{n}")
    category = DecisionCategory.PUBLIC_POLICY
    catalogue_year = 2025
    public_comment_from = d("2025-03-03")
    public_comment_until = d("2025-04-02")
    public_comments = 12
    legality_reviewed_on = d("2025-04-14")
    legality_reviewer = "镇司法所"
    legality_result = ReviewResult.LAWFUL
    discussed_on = d("2025-04-24")
    discussion_meeting = "镇政府常务会议"
    discussion_attendees = 9
    decided_on = d("2025-04-24")
    published_on = d("2025-04-28")
    archived_on = d("2025-05-20")


class NormativeDocumentFactory(factory.django.DjangoModelFactory):
    """A document reviewed, issued, published and filed in time in 2025."""

    class Meta:
        model = NormativeDocument

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"规范性文件{n}")
    number = factory.Sequence(lambda n: f"甲政〔2025〕{n + 1}号")
    drafted_on = d("2025-05-06")
    reviewed_on = d("2025-05-20")
    reviewer = "镇司法所"
    review_result = ReviewResult.LAWFUL
    issued_on = d("2025-06-03")
    published_on = d("2025-06-05")
    filed_on = d("2025-06-20")
    filed_with = "示例县人民政府"


class LegalAdviserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalAdviser

    agency = factory.SubFactory(AgencyFactory)
    kind = AdviserKind.FIRM
    name = "河南正义律师事务所"
    contract_from = d("2025-01-01")
    contract_until = d("2025-12-31")


class AdviserMatterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdviserMatter

    adviser = factory.SubFactory(LegalAdviserFactory)
    agency = factory.SelfAttribute("adviser.agency")
    kind = MatterKind.CONTRACT
    handled_on = d("2025-07-15")
    subject = "村道硬化工程施工合同"


class DisputeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dispute

    agency = factory.SubFactory(AgencyFactory)
    kind = DisputeKind.NEIGHBOURS
    summary = "宅基地边界纠纷"
    received_on = d("2025-08-04")
    outcome = DisputeOutcome.MEDIATED
    concluded_on = d("2025-08-12")


def ledger_year(
    agency,
    *,
    year: int = 2025,
    meetings: int = 4,
    topics_per_meeting: int = 2,
    reports: int = 1,
    decisions: int = 3,
    public_comment_decisions: int = 2,
    documents: int = 2,
    contracts: int = 3,
    disputes_attended: int = 2,
    disputes: int = 5,
    disputes_mediated: int = 4,
) -> None:
    """A year of `agency`'s ledger kept in full, with the counts given (dates in `year`)."""
    person = ResponsiblePersonFactory(agency=agency, started_on=datetime.date(year - 1, 3, 1))
    group = services.create_leading_group(
        agency=agency,
        name="法治政府建设工作领导小组",
        established_on=datetime.date(year - 1, 3, 1),
        members=[
            {"name": "王建国", "position": "镇党委书记", "group_role": GroupRole.LEADER},
            {"name": "李卫东", "position": "镇长", "group_role": GroupRole.DEPUTY},
        ],
    )
    for number in range(meetings):
        services.save_leading_group_meeting(
            group=group,
            held_on=datetime.date(year, 3 * number + 2, 10),
            topics="\n".join(f"议题{i + 1}" for i in range(topics_per_meeting)),
            topics_count=topics_per_meeting,
            attendees=group.members.all(),
        )
    for _ in range(reports):
        RuleOfLawReportFactory(person=person, year=year, reported_on=datetime.date(year, 12, 19))
    WorkPlanFactory(agency=agency, year=year, title=f"{year}年度工作计划")
    for number in range(decisions):
        with_comments = number < public_comment_decisions
        MajorDecisionFactory(
            agency=agency,
            catalogue_year=year,
            public_comment_from=datetime.date(year, 3, 3) if with_comments else None,
            public_comment_until=datetime.date(year, 4, 2) if with_comments else None,
            public_comments=12 if with_comments else None,
            legality_reviewed_on=datetime.date(year, 4, 14),
            discussed_on=datetime.date(year, 4, 24),
            decided_on=datetime.date(year, 4, 24),
            published_on=datetime.date(year, 4, 28),
            archived_on=datetime.date(year, 5, 20),
        )
    for _ in range(documents):
        NormativeDocumentFactory(
            agency=agency,
            drafted_on=datetime.date(year, 5, 6),
            reviewed_on=datetime.date(year, 5, 20),
            issued_on=datetime.date(year, 6, 3),
            published_on=datetime.date(year, 6, 5),
            filed_on=datetime.date(year, 6, 20),
        )
    adviser = LegalAdviserFactory(
        agency=agency, contract_from=datetime.date(year, 1, 1), contract_until=datetime.date(year, 12, 31)
    )
    for _ in range(contracts):
        AdviserMatterFactory(adviser=adviser, kind=MatterKind.CONTRACT, handled_on=datetime.date(year, 7, 15))
    for _ in range(disputes_attended):
        AdviserMatterFactory(adviser=adviser, kind=MatterKind.DISPUTE, handled_on=datetime.date(year, 8, 15))
    for number in range(disputes):
        mediated = number < disputes_mediated
        DisputeFactory(
            agency=agency,
            received_on=datetime.date(year, 8, 4),
            outcome=DisputeOutcome.MEDIATED if mediated else DisputeOutcome.REFERRED,
            concluded_on=datetime.date(year, 8, 12),
            referred_to="" if mediated else "县人民法院",
        )
