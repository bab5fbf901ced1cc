"""Demo reconsideration cases of the demo township, one in each typical state."""

from __future__ import annotations

import datetime

from enforcement.agencies.models import AgencyKind
from enforcement.agencies.validators import id_number_check_character
from enforcement.cases.demo import CONTESTED_NOTE
from enforcement.cases.models import EnforcementCase
from enforcement.cases.services import record_event as record_penalty_event
from enforcement.officers.demo import DemoContext
from enforcement.officers.models.officer import Officer
from enforcement.reconsideration.choices import ActKind, ApplicantKind, Outcome
from enforcement.reconsideration.services import create_case, record_event

# (act kind, act title, applicants, procedure, events as (kind, days before today, extra))
CASES = [
    (
        ActKind.PENALTY,
        "违法建设限期拆除决定",
        [("王建国", ApplicantKind.PERSON)],
        "ordinary",
        [("application_received", 12, {}), ("accepted", 10, {}), ("copy_received", 4, {})],
    ),
    (
        ActKind.INFORMATION_DISCLOSURE,
        "政府信息公开申请答复",
        [("李秀英", ApplicantKind.PERSON)],
        "simplified",
        [
            ("application_received", 45, {}),
            ("accepted", 43, {}),
            ("copy_received", 40, {}),
            ("reply_submitted", 36, {}),
        ],
    ),
    (
        ActKind.COMPULSORY_MEASURE,
        "查封施工设备",
        [("某建材有限公司", ApplicantKind.ORGANISATION)],
        "ordinary",
        [
            ("application_received", 400, {}),
            ("accepted", 398, {}),
            ("copy_received", 395, {}),
            ("reply_submitted", 388, {}),
            ("hearing", 370, {}),
            ("decision", 345, {"outcome": Outcome.UPHELD}),
        ],
    ),
    (
        ActKind.EXPROPRIATION,
        "房屋征收补偿决定",
        [("张德明", ApplicantKind.PERSON), ("张丽", ApplicantKind.PERSON)],
        "ordinary",
        [
            ("application_received", 300, {}),
            ("accepted", 297, {}),
            ("copy_received", 294, {}),
            ("reply_submitted", 287, {}),
            ("extension", 240, {"days": 30}),
            ("decision", 215, {"outcome": Outcome.REVOKED}),
            ("opinion_letter", 214, {}),
            ("correction_reported", 180, {}),
            ("lawsuit_filed", 200, {}),
            ("lawsuit_result", 120, {}),
        ],
    ),
    (
        ActKind.PENALTY,
        "占道经营罚款",
        [("刘振华", ApplicantKind.PERSON)],
        "ordinary",
        [
            ("application_received", 120, {}),
            ("accepted", 118, {}),
            ("copy_received", 115, {}),
            ("reply_submitted", 108, {}),
            ("mediation", 90, {}),
        ],
    ),
    (
        ActKind.LICENSING,
        "不予许可决定",
        [("某农业专业合作社", ApplicantKind.ORGANISATION)],
        "ordinary",
        [
            ("application_received", 70, {}),
            ("accepted", 68, {}),
            ("copy_received", 65, {}),
            ("reply_submitted", 58, {}),
            ("suspension", 30, {}),
        ],
    ),
    (
        ActKind.FAILURE_TO_ACT,
        "未履行土地纠纷调处职责",
        [("陈卫东", ApplicantKind.PERSON)],
        "ordinary",
        [
            ("application_received", 200, {}),
            ("accepted", 198, {}),
            ("copy_received", 196, {}),
            ("reply_submitted", 189, {}),
            ("settlement", 170, {}),
            ("withdrawal", 168, {}),
        ],
    ),
]


def _responsible_officer(context: DemoContext) -> Officer:
    team = next(agency for agency in context.agencies_of(context.demo_township) if agency.kind == AgencyKind.TEAM)
    body = f"410499{datetime.date(1984, 5, 20):%Y%m%d}{context.rng.randrange(100, 999):03d}"
    return Officer.objects.create(
        name="赵志强",
        id_number=body + id_number_check_character(body),
        agency=team,
        position="执法队副队长",
        is_enforcement_officer=True,
        phone="13800000000",
    )


def seed(context: DemoContext) -> None:
    officer = _responsible_officer(context)
    year = context.today.year
    for number, (act_kind, title, applicants, procedure, events) in enumerate(CASES, start=1):
        first_day = context.today - datetime.timedelta(days=events[0][1])
        case = create_case(
            agency=context.demo_township,
            organ_name="示例县人民政府",
            organ_case_number=f"示政复〔{first_day.year}〕{number}号",
            act_kind=act_kind,
            act_title=title,
            act_document_number=f"城关执罚〔{first_day.year}〕{context.rng.randrange(1, 90)}号",
            act_date=first_day - datetime.timedelta(days=context.rng.randrange(10, 40)),
            known_on=first_day - datetime.timedelta(days=context.rng.randrange(1, 9)),
            officer=officer,
            procedure=procedure,
            note="" if first_day.year == year else "上年度结转案件",
            applicants=[{"name": name, "kind": kind} for name, kind in applicants],
        )
        for kind, days_ago, extra in sorted(events, key=lambda event: -event[1]):
            record_event(case=case, kind=kind, occurred_on=context.today - datetime.timedelta(days=days_ago), **extra)


def seed_penalty_correction(context: DemoContext) -> None:
    """The demo township's contested penalty decision: revoked on reconsideration, its publication withdrawn."""
    contested = EnforcementCase.objects.filter(agency=context.demo_township, note=CONTESTED_NOTE).first()
    if contested is None or contested.decided_on is None:
        return
    decided = contested.decided_on
    reconsideration = create_case(
        agency=contested.agency,
        organ_name="示例县人民政府",
        organ_case_number=f"示政复〔{decided.year}〕99号",
        act_kind=ActKind.PENALTY,
        act_title="行政处罚决定",
        act_document_number=contested.number,
        act_date=decided,
        known_on=contested.served_on or decided,
        officer=contested.handlers.first(),
        enforcement_case=contested,
    )
    for kind, days_after, extra in [
        ("application_received", 20, {}),
        ("accepted", 22, {}),
        ("decision", 80, {"outcome": Outcome.REVOKED}),
    ]:
        record_event(
            case=reconsideration, kind=kind, occurred_on=decided + datetime.timedelta(days=days_after), **extra
        )
    record_penalty_event(
        case=contested,
        kind="publication_withdrawn",
        occurred_on=decided + datetime.timedelta(days=81),
        note="行政复议决定撤销原处罚决定",
    )
