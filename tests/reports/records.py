"""Township A's records of 2021, built through the real factories, and the figures they must give.

As of 2021-12-31 (the report is compiled in January 2022):

- officers in service: 张伟, 李娜, 王强 (enforcement, team A) and 刘洋 (leader, township A); 陈静
  has retired. 张伟's certificate was renewed during the year; 李娜's expires on 2022-02-15;
  王强's lapsed on 2021-06-30 and was not renewed.
- training: the township's plan asks 40 hours and 2 group-study sessions (1 held); sessions of
  24 h (team A), 4 h (group study) and 20 h (township A) in 2021, one of 8 h in 2020.
  张伟 44 h, 李娜 24 h, 王强 none, 刘洋 4 h.
- exam of 2021-11-05: 张伟 95, 李娜 50 then 70 at the make-up, 王强 absent, 刘洋 55.
- publicity: 国家宪法日 (banner + consultation, 200 people, 500 leaflets), 全民国家安全教育日
  (leaflets, 100, 300), a case-explained lesson at a school (60, 0), one activity of 2020.
  张伟 is a rule-of-law vice principal.
- reconsideration, township A respondent: upheld (reply on time), revoked (reply late, then a
  lawsuit), withdrawn, one awaiting its decision past its day, one received in December.
  One case of township B.
- the ledger: a full year of township A's (tests/factories/ledger.py `ledger_year`, default counts).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from enforcement.officers.models.officer import EmploymentStatus, Officer
from enforcement.reconsideration.models import ReconsiderationCase
from reports.annual import services
from reports.annual.document import document_to_text
from reports.annual.placeholders import PATTERN
from tests.base import World
from tests.factories import (
    AttendanceFactory,
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
    ledger_year,
)
from training.exams.models import Exam
from training.study.models import SessionKind, TrainingSession

YEAR = 2021
# The report of a year is compiled early in the next one.
COMPILED_AT = datetime.datetime(2022, 1, 10, 9, tzinfo=datetime.UTC)


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


EXPECTED = {
    "officers": {
        "total": 4,
        "enforcement_officers": 3,
        "certified": 2,
        "certified_rate": 0.6667,
        "leaders": 1,
        "expiring_within_90_days": 1,
        "expired": 1,
        "enforcing_without_certificate": 1,
    },
    "training": {
        "sessions": 3,
        "hours": 48,
        "attendances": 3,
        "required_hours": 40,
        "officers_meeting_requirement": 1,
        "officers_below_requirement": 2,
        "average_hours_per_officer": 22.7,
        "leader_study_sessions": 1,
        "leaders_attending": 1,
        "group_study_planned": 2,
        "group_study_held": 1,
    },
    "exams": {
        "exams": 1,
        "roll": 4,
        "required": 4,
        "participants": 3,
        "passed": 2,
        "excellent": 1,
        "pass_rate": 0.6667,
        "participation_rate": 0.75,
        "excellence_rate": 0.3333,
    },
    "publicity": {
        "activities": 3,
        "participants": 360,
        "materials": 800,
        "by_theme": {"国家宪法日": 1, "全民国家安全教育日": 1, "无主题日": 1},
        "by_format": {"悬挂横幅": 1, "法律咨询": 1, "发放宣传资料": 1, "以案释法": 1},
        "interactive_activities": 2,
        "interactive_share": 0.6667,
        "youth_activities": 1,
        "vice_principals": 1,
        "vice_principals_meeting_lessons": 0,
        "sites": 0,
        "sites_by_kind": {},
    },
    "reconsideration": {
        "received": 5,
        "not_accepted": 0,
        "abandoned": 0,
        "accepted": 5,
        "awaiting_acceptance": 0,
        "concluded": 3,
        "decided": 2,
        "upheld": 1,
        "claim_rejected": 0,
        "corrected": 1,
        "application_rejected": 0,
        "mediated_or_settled": 0,
        "withdrawn": 1,
        "terminated": 0,
        "pending": 2,
        "correction_rate": 0.5,
        "mediation_withdrawal_rate": 0.3333,
        # Replies late and unfiled on 31 December: none (the September case's late decision is the organ's).
        "overdue": 0,
        "replies_due": 3,
        "replies_on_time": 2,
        "replies_on_time_rate": 0.6667,
        "replies_overdue": 1,
        "litigated": 1,
    },
}

# The rules the figures above break, in the order of the rules.
EXPECTED_PROBLEMS = [
    "uncertified_enforcement",
    "certificates_expiring",
    "training_hours_short",
    "group_study_short",
    "exam_pass_rate_low",
    "replies_overdue",
    "correction_rate_high",
]


@dataclass
class TownshipRecords:
    zhang: Officer
    li: Officer
    wang: Officer
    liu: Officer
    exam: Exam
    training: TrainingSession
    late_reply: ReconsiderationCase


def build_township_records(world: World, *, ledger: bool = True) -> TownshipRecords:
    a, team = world.township_a, world.team_a
    zhang = OfficerFactory(agency=team, name="张伟")
    li = OfficerFactory(agency=team, name="李娜")
    wang = OfficerFactory(agency=team, name="王强")
    liu = OfficerFactory(agency=a, name="刘洋", position="党委书记", is_leader=True, is_enforcement_officer=False)
    OfficerFactory(agency=team, name="陈静", employment_status=EmploymentStatus.RETIRED)

    old = CertificateFactory(officer=zhang, issued_on=d("2016-04-01"), valid_until=d("2021-03-31"))
    CertificateFactory(officer=zhang, issued_on=d("2021-03-20"), valid_until=d("2026-03-19"), replaces=old)
    CertificateFactory(officer=li, issued_on=d("2017-02-16"), valid_until=d("2022-02-15"))
    CertificateFactory(officer=wang, issued_on=d("2016-07-01"), valid_until=d("2021-06-30"))

    StudyPlanFactory(agency=a, year=YEAR, required_hours=40, group_study_sessions=2)
    training = TrainingSessionFactory(agency=team, date=d("2021-05-10"), hours=Decimal(24))
    group_study = TrainingSessionFactory(
        agency=a, kind=SessionKind.GROUP_STUDY, title="党委理论学习中心组集体学法", date=d("2021-06-15"), hours=4
    )
    lecture = TrainingSessionFactory(agency=a, kind=SessionKind.LECTURE, date=d("2021-09-01"), hours=20)
    last_year = TrainingSessionFactory(agency=a, date=d("2020-10-01"), hours=8)
    for session, officers in (
        (training, [zhang, li]),
        (group_study, [liu]),
        (lecture, [zhang]),
        (last_year, [zhang, li, wang]),
    ):
        for officer in officers:
            AttendanceFactory(session=session, officer=officer)

    exam = ExamFactory(agency=a, title="2021年度干部职工学法考试", date=d("2021-11-05"))
    ExamFactory(agency=a, title="2020年度干部职工学法考试", date=d("2020-11-05"))
    ExamResultFactory(exam=exam, officer=zhang, score=95)
    failed = ExamResultFactory(exam=exam, officer=li, score=50)
    ExamResultFactory(exam=exam, officer=li, score=70, makeup_of=failed)
    ExamResultFactory(exam=exam, officer=wang, score=None, absent=True)
    ExamResultFactory(exam=exam, officer=liu, score=55)

    def activity(start: str, theme: str | None, formats: list[str], **fields):
        return PublicityActivityFactory(
            agency=a,
            start_date=d(start),
            end_date=d(start),
            theme=ThemeDayFactory(name=theme) if theme else None,
            formats=[PublicityFormatFactory(name=name) for name in formats],
            **fields,
        )

    activity("2021-12-04", "国家宪法日", ["悬挂横幅", "法律咨询"], participants=200, materials=500)
    activity("2021-04-15", "全民国家安全教育日", ["发放宣传资料"], participants=100, materials=300)
    activity(
        "2021-09-10",
        None,
        ["以案释法"],
        participants=60,
        materials=0,
        audiences=[AudienceFactory(name="青少年学生")],
    )
    activity("2020-12-04", "国家宪法日", ["悬挂横幅"], participants=80, materials=100)
    VicePrincipalFactory(officer=zhang, school="甲镇中心小学", appointed_on=d("2020-09-01"))

    case = case_with_events
    case(
        a,
        ("application_received", d("2021-03-01")),
        ("accepted", d("2021-03-03")),
        ("copy_received", d("2021-03-05")),
        ("reply_submitted", d("2021-03-10")),
        ("decision", d("2021-04-20"), {"outcome": "upheld"}),
        officer=zhang,
    )
    late_reply = case(
        a,
        ("application_received", d("2021-05-06")),
        ("accepted", d("2021-05-07")),
        ("copy_received", d("2021-05-10")),
        ("reply_submitted", d("2021-06-01")),
        ("decision", d("2021-06-18"), {"outcome": "revoked"}),
        ("lawsuit_filed", d("2021-07-09")),
        officer=li,
    )
    case(
        a,
        ("application_received", d("2021-08-02")),
        ("accepted", d("2021-08-04")),
        ("withdrawal", d("2021-08-20")),
        officer=zhang,
    )
    case(
        a,
        ("application_received", d("2021-09-01")),
        ("accepted", d("2021-09-03")),
        ("copy_received", d("2021-09-06")),
        ("reply_submitted", d("2021-09-10")),
        officer=wang,
    )
    case(
        a,
        ("application_received", d("2021-12-20")),
        ("accepted", d("2021-12-22")),
        ("copy_received", d("2021-12-23")),
        officer=zhang,
    )
    case(world.township_b, ("application_received", d("2021-06-01")))
    # The rule-of-law work ledger of the year, kept in full (tests/factories/ledger.py).
    if ledger:
        ledger_year(a, year=YEAR)
    return TownshipRecords(zhang=zhang, li=li, wang=wang, liu=liu, exam=exam, training=training, late_reply=late_reply)


def completed(report, user):
    """The draft with each placeholder written in by hand, as a team lead does before publishing.

    A township built without its ledger has no records of the first
    responsible persons' duty, so its draft asks for them.
    """
    text = PATTERN.sub("（由承办人据实补写）", document_to_text(report.document))
    return services.update_text(report=report, text=text, user=user)
