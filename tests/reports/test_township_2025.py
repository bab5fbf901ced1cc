"""A township's year built from records through the services, against figures worked out by hand.

甲镇 in 2025, compiled on 2026-01-15 (the figures are taken on 2025-12-31):

- staff: 11 enforcement officers (6 holding a certificate valid 2023–2028, 5 without), 2 leading
  cadres and 7 other staff in service all year; 1 clerk who joined on 2025-12-01; 1 who retired
  on 2025-06-30 → 21 in service at the year's end.
- exam of 2025-11-14 held by the township: on its roll the 20 then in service less 1 exempted
  (sick leave) → 19; 16 sat (15 passed, 6 of them at 90 or more), 1 marked absent, 2 without a
  result.
- study plan: 40 hours, 4 group-study sessions; 2 group-study sessions of 2 h held (the 2
  leaders and the 11 officers), officer training of 40 h (7 officers), a lecture of 8 h (all 11).
  Hours of the 11 officers: 7 × 52 + 4 × 12 = 412, 37.5 each on average (412/11 = 37.45…).
- publicity: 6 activities (constitution day, national security day, anti-drug day, three at the
  school), 950 participants, 1,300 leaflets, 3 with an interactive format; 2 vice principals, one
  with 4 class periods in the 2024–2025 school year; 3 permanent sites in use (a fourth closed in
  2024).
- reconsideration: 6 applications, 1 not accepted, 5 accepted; 1 upheld, 2 corrected, 1
  mediated, 1 still under review; every reply on time; 1 lawsuit after a revocation.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine

from enforcement.officers.models.officer import EmploymentStatus
from reports.annual.document import paragraphs_of
from reports.annual.narrative import build_document
from reports.statistics.compile import compile_statistics, subtree_scope
from tests.base import api_client_for, query_counts_at_two_sizes
from tests.factories import (
    AudienceFactory,
    CertificateFactory,
    ExamFactory,
    ExamResultFactory,
    OfficerFactory,
    PublicityActivityFactory,
    PublicityFormatFactory,
    StudyPlanFactory,
    ThemeDayFactory,
    TrainingSessionFactory,
    VicePrincipalFactory,
    case_with_events,
)
from training.exams.models import ExamExemption
from training.publicity.youth import PublicitySite, PublicitySiteKind
from training.study.models import SessionKind
from training.study.services import add_attendees

YEAR = 2025
COMPILED_AT = datetime.datetime(2026, 1, 15, 9, tzinfo=datetime.UTC)


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


EXPECTED = {
    "officers": {
        "total": 21,
        "enforcement_officers": 11,
        "certified": 6,
        "certified_rate": 0.5455,
        "leaders": 2,
        "expiring_within_90_days": 0,
        "expired": 0,
        "enforcing_without_certificate": 5,
    },
    "training": {
        "sessions": 4,
        "hours": 52,
        "attendances": 13,
        "required_hours": 40,
        "officers_meeting_requirement": 7,
        "officers_below_requirement": 4,
        "average_hours_per_officer": 37.5,
        "leader_study_sessions": 2,
        "leaders_attending": 2,
        "group_study_planned": 4,
        "group_study_held": 2,
    },
    "exams": {
        "exams": 1,
        "roll": 19,
        "required": 19,
        "participants": 16,
        "passed": 15,
        "excellent": 6,
        "pass_rate": 0.9375,
        "participation_rate": 0.8421,
        "excellence_rate": 0.375,
    },
    "publicity": {
        "activities": 6,
        "participants": 950,
        "materials": 1300,
        "by_theme": {"国家宪法日": 1, "全民国家安全教育日": 1, "国际禁毒日": 1, "无主题日": 3},
        "by_format": {"悬挂横幅": 1, "法律咨询": 1, "发放宣传资料": 1, "知识竞赛": 1, "以案释法": 1, "法治讲座": 2},
        "interactive_activities": 3,
        "interactive_share": 0.5,
        "youth_activities": 3,
        "vice_principals": 2,
        "vice_principals_meeting_lessons": 1,
        "sites": 3,
        "sites_by_kind": {"board": 2, "square": 1},
    },
    "reconsideration": {
        "received": 6,
        "not_accepted": 1,
        "abandoned": 0,
        "accepted": 5,
        "awaiting_acceptance": 0,
        "concluded": 4,
        "decided": 3,
        "upheld": 1,
        "claim_rejected": 0,
        "corrected": 2,
        "application_rejected": 0,
        "mediated_or_settled": 1,
        "withdrawn": 0,
        "terminated": 0,
        "pending": 1,
        "correction_rate": 0.6667,
        "mediation_withdrawal_rate": 0.25,
        "overdue": 0,
        "replies_due": 5,
        "replies_on_time": 5,
        "replies_on_time_rate": 1.0,
        "replies_overdue": 0,
        "litigated": 1,
    },
}

EXPECTED_PROBLEMS = [
    "uncertified_enforcement",
    "training_hours_short",
    "group_study_short",
    "exam_pass_rate_low",
    "correction_rate_high",
]

# Every paragraph of the report, in order, as the records must make it read.
EXPECTED_PARAGRAPHS = [
    "2025年，我镇认真贯彻落实党中央、国务院关于法治政府建设的决策部署，深入学习贯彻习近平法治思想，"
    "切实履行政府职能，完善依法行政制度体系，加强干部队伍法治教育，严格规范公正文明执法，"
    "有效推进了法治政府建设。现将我镇2025年度法治政府建设工作情况报告如下：",
    # This township keeps no rule-of-law work ledger: the draft asks for each record instead of claiming it.
    "1、落实党政主要负责人第一责任人职责。【待补充：法治政府建设领导小组及其会议记录】；"
    "【待补充：法治建设第一责任人及述法记录】。【待补充：年度工作计划】。",
    "2、落实领导干部学法制度。制定年度学法计划，安排党委理论学习中心组集体学法4次，我镇现有领导干部2人。"
    "全年召开党委理论学习中心组集体学法会议2次，较计划少2次，2名领导干部参加集体学法。",
    "1、健全依法决策机制。【待补充：重大行政决策台账（全年确无的，在年度工作计划中确认）】。",
    "2、加强行政规范性文件管理。【待补充：行政规范性文件台账（全年确无的，在年度工作计划中确认）】。",
    "3、发挥法律顾问作用。【待补充：法律顾问聘用合同】。",
    "4、依法化解矛盾纠纷。【待补充：矛盾纠纷排查调处台账】。",
    "5、严格执法人员资格管理。我镇现有在职干部职工21人，其中行政执法人员11人，持有有效行政执法证件6人，持证率54.5%。",
    "6、加强执法人员法治培训。全年组织法治培训4场次，共计52学时，参训干部职工13人，执法人员人均参训37.5学时，"
    "执法人员11人中，7人完成年度40学时培训任务，4人未完成。",
    "7、坚持以考促学。2025年组织全镇干部职工学法考试，应考19人，参考16人，缺考3人，参考率84.2%，"
    "考试成绩合格率93.8%，优秀率37.5%。",
    "8、依法做好行政复议应诉工作。全年以我镇为被申请人的行政复议案件收到申请6件，不予受理1件，受理5件；"
    "已审结4件（维持1件、纠错2件、调解和解1件），尚未审结1件。纠错率66.7%，调撤率25%，"
    "行政复议答复按时率100%，复议后提起行政诉讼1件。",
    "1、围绕中心工作开展法治宣传教育活动。全年开展法治宣传活动6场次，参与群众950人次，发放宣传资料1300份。"
    "依托“全民国家安全教育日”、“国家宪法日”、“国际禁毒日”等重要节点集中开展宣传，"
    "其中全民国家安全教育日1场次、国家宪法日1场次、国际禁毒日1场次、其他时间3场次。"
    "宣传形式（一场活动可有多种形式）包括法治讲座2场次、以案释法1场次、发放宣传资料1场次、悬挂横幅1场次、"
    "法律咨询1场次、知识竞赛1场次，有互动式宣传的活动占50%。",
    "2、抓好青少年法治宣传教育工作。聘任兼职法治副校长2名，其中1名在2024—2025学年完成不少于4课时的法治教育课，"
    "1名未完成，在学校开展青少年法治教育活动3场次。",
    "3、加强法治宣传阵地建设。我镇现有永久性法治宣传阵地3处（法治宣传栏2处、法治广场1处）。",
]


@pytest.fixture
def compiled_at():
    with time_machine.travel(COMPILED_AT, tick=False):
        yield


def build_township(world) -> None:
    a, team = world.township_a, world.team_a
    enforcing = [OfficerFactory(agency=team, name=f"执法{n}") for n in range(11)]
    for officer in enforcing[:6]:
        CertificateFactory(officer=officer, issued_on=d("2023-01-01"), valid_until=d("2028-12-31"))
    leaders = [
        OfficerFactory(agency=a, name=f"领导{n}", is_leader=True, is_enforcement_officer=False) for n in range(2)
    ]
    clerks = [OfficerFactory(agency=a, name=f"干部{n}", is_enforcement_officer=False) for n in range(7)]
    OfficerFactory(agency=a, name="新进", is_enforcement_officer=False, employed_since=d("2025-12-01"))
    OfficerFactory(
        agency=a,
        name="退休",
        is_enforcement_officer=False,
        employed_since=d("2001-07-01"),
        employed_until=d("2025-06-30"),
        employment_status=EmploymentStatus.RETIRED,
    )

    StudyPlanFactory(agency=a, year=YEAR, required_hours=40, group_study_sessions=4)
    for day in ("2025-03-20", "2025-08-21"):
        group_study = TrainingSessionFactory(agency=a, kind=SessionKind.GROUP_STUDY, date=d(day), hours=2)
        add_attendees(session=group_study, officers=leaders + enforcing)
    training = TrainingSessionFactory(agency=team, date=d("2025-05-12"), hours=40)
    add_attendees(session=training, officers=enforcing[:7])
    lecture = TrainingSessionFactory(agency=a, kind=SessionKind.LECTURE, date=d("2025-09-10"), hours=8)
    add_attendees(session=lecture, officers=enforcing)

    exam = ExamFactory(agency=a, title="2025年度干部职工学法考试", date=d("2025-11-14"))
    staff = enforcing + leaders + clerks  # the 20 in service on the exam day
    exempted = ExamExemption(exam=exam, officer=clerks[6], reason="病假")
    exempted.full_clean()
    exempted.save()
    scores = [95, 92, 90, 91, 98, 90, 85, 80, 75, 70, 66, 60, 61, 88, 77, 40]
    for officer, score in zip(staff[:16], scores, strict=True):
        ExamResultFactory(exam=exam, officer=officer, score=Decimal(score))
    ExamResultFactory(exam=exam, officer=staff[16], score=None, absent=True)
    # staff[17] and staff[18] have no result; staff[19] (clerks[6]) is exempted.

    school = "甲镇中心小学"
    first_vp = VicePrincipalFactory(officer=enforcing[0], school=school, appointed_on=d("2024-09-01"))
    second_vp = VicePrincipalFactory(officer=enforcing[1], school=school, appointed_on=d("2025-09-01"))
    students = AudienceFactory(name="青少年学生")

    def activity(day: str, theme: str | None, formats: list[str], participants: int, materials: int = 0, **more):
        PublicityActivityFactory(
            agency=a,
            start_date=d(day),
            end_date=d(day),
            theme=ThemeDayFactory(name=theme) if theme else None,
            formats=[PublicityFormatFactory(name=name) for name in formats],
            participants=participants,
            materials=materials,
            **more,
        )

    activity("2025-12-04", "国家宪法日", ["悬挂横幅", "法律咨询"], 300, 800)
    activity("2025-04-15", "全民国家安全教育日", ["发放宣传资料"], 150, 500)
    activity("2025-06-26", "国际禁毒日", ["知识竞赛"], 120)
    lesson = {"school": school, "audiences": [students]}
    activity("2025-03-18", None, ["法治讲座"], 100, vice_principal=first_vp, class_periods=2, **lesson)
    activity("2025-05-20", None, ["以案释法"], 200, vice_principal=first_vp, class_periods=2, **lesson)
    activity("2025-10-20", None, ["法治讲座"], 80, vice_principal=second_vp, class_periods=2, **lesson)

    for kind, name, since, until in (
        (PublicitySiteKind.BOARD, "村委会法治宣传栏", "2020-05-01", None),
        (PublicitySiteKind.BOARD, "集镇法治宣传栏", "2023-03-01", None),
        (PublicitySiteKind.SQUARE, "甲镇法治广场", "2022-10-01", None),
        (PublicitySiteKind.CORRIDOR, "旧法治长廊", "2019-01-01", "2024-12-31"),
    ):
        site = PublicitySite(agency=a, kind=kind, name=name, since=d(since), until=until and d(until))
        site.full_clean()
        site.save()

    officer = enforcing[2]
    case_with_events(
        a,
        ("application_received", d("2025-03-03")),
        ("accepted", d("2025-03-05")),
        ("copy_received", d("2025-03-06")),
        ("reply_submitted", d("2025-03-12")),
        ("decision", d("2025-04-28"), {"outcome": "upheld"}),
        officer=officer,
    )
    case_with_events(
        a,
        ("application_received", d("2025-04-07")),
        ("accepted", d("2025-04-09")),
        ("copy_received", d("2025-04-10")),
        ("reply_submitted", d("2025-04-17")),
        ("decision", d("2025-06-10"), {"outcome": "revoked"}),
        ("lawsuit_filed", d("2025-06-25")),
        officer=officer,
    )
    case_with_events(
        a,
        ("application_received", d("2025-05-12")),
        ("accepted", d("2025-05-14")),
        ("copy_received", d("2025-05-15")),
        ("reply_submitted", d("2025-05-22")),
        ("decision", d("2025-07-01"), {"outcome": "varied"}),
        officer=officer,
    )
    case_with_events(
        a,
        ("application_received", d("2025-06-09")),
        ("accepted", d("2025-06-11")),
        ("copy_received", d("2025-06-12")),
        ("reply_submitted", d("2025-06-19")),
        ("mediation", d("2025-07-15")),
        officer=officer,
    )
    # Accepted on 2025-11-19: its 60-day decision period runs into 2026.
    case_with_events(
        a,
        ("application_received", d("2025-11-17")),
        ("accepted", d("2025-11-19")),
        ("copy_received", d("2025-11-20")),
        ("reply_submitted", d("2025-11-27")),
        officer=officer,
    )
    case_with_events(
        a,
        ("application_received", d("2025-10-13")),
        ("not_accepted", d("2025-10-15")),
        officer=officer,
    )


@pytest.fixture
def township(world, compiled_at):
    build_township(world)
    return world


def test_every_api_figure_of_the_township_is_the_one_worked_out_by_hand(township):
    body = api_client_for(township.team_lead_a).get("/api/v1/stats/", {"year": YEAR}).json()
    for area, figures in EXPECTED.items():
        assert body[area] == figures, area
    assert [problem["code"] for problem in body["problems"]] == EXPECTED_PROBLEMS


def test_every_sentence_of_the_report_is_the_one_worked_out_by_hand(township):
    stats = compile_statistics(subtree_scope(township.township_a), YEAR)
    document = build_document(stats, dated=d("2026-01-15"))
    body = [part for part in document["sections"] if part["heading"] != "（一）存在问题"]
    paragraphs = paragraphs_of({"sections": body})
    assert paragraphs[: len(EXPECTED_PARAGRAPHS)] == EXPECTED_PARAGRAPHS
    problems = next(part for part in document["sections"] if part["heading"] == "（一）存在问题")["paragraphs"]
    assert [problem.split("。")[0] for problem in problems] == [
        "1、执法人员持证上岗管理不到位，仍有5名在岗执法人员未持有效行政执法证件",
        "2、执法人员学法培训不够充分，有4名执法人员年度培训未达到40学时要求",
        "3、领导干部集体学法计划未完全落实，年度学法计划安排党委理论学习中心组集体学法4次，实际开展2次，少2次",
        "4、干部职工学法考试合格率为93.8%，有1人未通过考试",
        "5、行政执法规范化水平有待提高，行政复议案件被纠错2件，纠错率66.7%",
    ]


def test_the_township_statistics_take_the_same_number_of_queries_at_two_sizes(township):
    scope = subtree_scope(township.township_a)

    def more(count: int) -> None:
        for _ in range(count):
            OfficerFactory(agency=township.team_a)

    counts = query_counts_at_two_sizes(more, lambda: compile_statistics(scope, YEAR))
    assert counts[0] == counts[1]
