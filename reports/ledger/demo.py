"""Demo ledger: the demo township keeps a full ledger each year, the other townships a lighter one.

Records dated after the demo's "today" are not made, so the current year is
only as far along as the calendar.
"""

from __future__ import annotations

import datetime

from enforcement.agencies.models import Agency
from enforcement.officers.demo import DemoContext

from .models import (
    AdviserKind,
    AdviserMatter,
    DecisionCategory,
    Dispute,
    DisputeKind,
    DisputeOutcome,
    GroupRole,
    LeadingGroup,
    LeadingGroupMeeting,
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

MEMBERS = [
    ("王建国", "镇党委书记", GroupRole.LEADER),
    ("李卫东", "镇长", GroupRole.DEPUTY),
    ("赵红梅", "镇党委副书记", GroupRole.MEMBER),
    ("孙志强", "司法所所长", GroupRole.MEMBER),
    ("周丽", "综合行政执法队队长", GroupRole.MEMBER),
]
MEETING_TOPICS = [
    "传达学习上级法治政府建设工作要点\n研究年度法治政府建设工作计划",
    "研究重大行政决策事项目录\n听取行政执法工作情况汇报",
    "研究矛盾纠纷排查化解工作\n部署“八五”普法中期工作",
    "听取年度法治政府建设工作情况汇报\n研究年度报告",
]
DECISIONS = [
    ("{year}年农村人居环境整治实施方案", DecisionCategory.PUBLIC_POLICY),
    ("{year}年镇区道路改造工程", DecisionCategory.CONSTRUCTION),
    ("{year}年度集体土地征收补偿安置方案", DecisionCategory.RESOURCES),
]
DOCUMENTS = ["关于规范农村宅基地管理的通知", "关于加强农村集体“三资”管理的实施意见"]
DISPUTE_KINDS = [
    DisputeKind.LAND,
    DisputeKind.NEIGHBOURS,
    DisputeKind.NEIGHBOURS,
    DisputeKind.CONSTRUCTION,
    DisputeKind.LABOUR,
    DisputeKind.FAMILY,
    DisputeKind.OTHER,
]


def day(context: DemoContext, year: int, month: int, day_of_month: int) -> datetime.date | None:
    date = datetime.date(year, month, day_of_month)
    return date if date <= context.today else None


def seed(context: DemoContext) -> None:
    for index, township in enumerate(context.townships):
        full = index == 0
        first = datetime.date(context.years[0] - 1, 3, 1)
        head = ResponsiblePerson.objects.create(
            agency=township,
            name=MEMBERS[0][0],
            role=ResponsibleRole.PARTY_SECRETARY,
            position="镇党委书记",
            started_on=first,
        )
        ResponsiblePerson.objects.create(
            agency=township,
            name=MEMBERS[1][0],
            role=ResponsibleRole.GOVERNMENT_HEAD,
            position="镇长",
            started_on=first,
        )
        group = LeadingGroup.objects.create(
            agency=township,
            name="法治政府建设工作领导小组",
            established_on=first,
            document_number=f"{township.name[:2]}发〔{first.year}〕5号",
        )
        members = [
            LeadingGroupMember.objects.create(
                group=group, name=name, position=position, group_role=role, joined_on=first
            )
            for name, position, role in MEMBERS
        ]
        adviser = LegalAdviser.objects.create(
            agency=township,
            kind=AdviserKind.FIRM,
            name="河南正义律师事务所",
            contract_from=datetime.date(context.years[0], 1, 1),
            contract_until=datetime.date(context.years[-1], 12, 31),
        )
        for year in context.years:
            seed_year(context, township, year, head, group, members, adviser, full=full)


def seed_year(context, township: Agency, year: int, head, group, members, adviser, *, full: bool) -> None:
    rng = context.rng
    WorkPlan.objects.create(
        agency=township,
        year=year,
        title=f"{year}年度工作计划（含法治政府建设工作要点）",
        document_url=f"https://example.gov.cn/plans/{township.pk}/{year}.pdf",
        no_normative_documents=not full,
    )
    for quarter, topics in enumerate(MEETING_TOPICS if full else MEETING_TOPICS[:2]):
        held_on = day(context, year, 3 * quarter + 3, 10)
        if held_on is None:
            continue
        meeting = LeadingGroupMeeting.objects.create(
            group=group,
            held_on=held_on,
            place="镇政府三楼会议室",
            topics=topics,
            topics_count=len(topics.splitlines()),
            decisions_count=1,
        )
        meeting.attendees.set(members)
    reported_on = day(context, year, 12, 20)
    if reported_on:
        RuleOfLawReport.objects.create(
            agency=township, person=head, year=year, reported_on=reported_on, venue="县委全面依法治县委员会会议"
        )
    for number, (title, category) in enumerate(DECISIONS if full else DECISIONS[:1], 1):
        seed_decision(context, township, year, number, title.format(year=year), category)
    if full:
        for number, title in enumerate(DOCUMENTS, 1):
            seed_document(context, township, year, number, title)
    for month in range(1, 13):
        handled_on = day(context, year, month, 15)
        if handled_on is None:
            break
        kind = [MatterKind.CONTRACT, MatterKind.CONTRACT, MatterKind.DISPUTE, MatterKind.CONSULTATION][month % 4]
        AdviserMatter.objects.create(
            agency=township, adviser=adviser, kind=kind, handled_on=handled_on, subject=f"{year}年{month}月法律事务"
        )
    for count in range(38 if full else rng.randint(8, 20)):
        received_on = day(context, year, count % 12 + 1, count % 27 + 1)
        if received_on is None:
            continue
        concluded_on = received_on + datetime.timedelta(days=rng.randint(3, 20))
        outcome = DisputeOutcome.MEDIATED if count % 13 else DisputeOutcome.REFERRED
        if concluded_on > context.today:
            outcome, concluded_on = DisputeOutcome.PENDING, None
        Dispute.objects.create(
            agency=township,
            kind=DISPUTE_KINDS[count % len(DISPUTE_KINDS)],
            summary=f"矛盾纠纷{year}-{count + 1}",
            received_on=received_on,
            outcome=outcome,
            concluded_on=concluded_on,
            referred_to="县人民法院" if outcome == DisputeOutcome.REFERRED else "",
        )


def seed_decision(context, township: Agency, year: int, number: int, title: str, category: str) -> None:
    month = 3 * number - 1
    steps = [day(context, year, month + offset, 5) for offset in range(4)]
    if steps[3] is None:
        return
    comment_from, reviewed_on, discussed_on, decided_on = steps
    MajorDecision.objects.create(
        agency=township,
        title=title,
        category=category,
        catalogue_year=year,
        public_comment_from=comment_from,
        public_comment_until=comment_from + datetime.timedelta(days=30),
        public_comments=context.rng.randint(5, 40),
        expert_argued_on=comment_from + datetime.timedelta(days=10),
        risk_assessed_on=comment_from + datetime.timedelta(days=12),
        legality_reviewed_on=reviewed_on,
        legality_reviewer="镇司法所、法律顾问",
        legality_result=ReviewResult.LAWFUL,
        discussed_on=discussed_on,
        discussion_meeting="镇政府常务会议",
        discussion_attendees=9,
        decided_on=decided_on,
        published_on=decided_on + datetime.timedelta(days=3),
        archived_on=decided_on + datetime.timedelta(days=20),
    )


def seed_document(context, township: Agency, year: int, number: int, title: str) -> None:
    drafted_on = day(context, year, 4 * number, 1)
    issued_on = day(context, year, 4 * number + 1, 10)
    if drafted_on is None or issued_on is None:
        return
    NormativeDocument.objects.create(
        agency=township,
        title=title,
        number=f"{township.name[:2]}政〔{year}〕{number}号",
        drafted_on=drafted_on,
        reviewed_on=drafted_on + datetime.timedelta(days=20),
        reviewer="镇司法所",
        review_result=ReviewResult.LAWFUL,
        issued_on=issued_on,
        published_on=issued_on + datetime.timedelta(days=2),
        filed_on=issued_on + datetime.timedelta(days=15),
        filed_with="县人民政府",
    )
