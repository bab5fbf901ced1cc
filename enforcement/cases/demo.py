"""Demo penalty cases: every township gets the same yearly mix, recorded through the services.

The demo township also has one case with a hearing, legal review and
collective discussion, one overdue case, and one published decision that
the reconsideration demo contests and revokes.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from enforcement.agencies.enforcement_fields import EnforcementField
from enforcement.cases.services import create_case, record_event
from enforcement.officers.demo import DemoContext, demo_id_number, fake_credit_code
from enforcement.officers.models.certificate import Certificate, CertificateStatus
from enforcement.officers.models.officer import in_service_q

CASES_PER_TOWNSHIP = 12
# Marks the demo township's published decision that a reconsideration later revokes.
CONTESTED_NOTE = "当事人已申请行政复议"
ACTS = {
    "城乡规划": ("未经批准擅自搭建建筑物", "《城乡规划法》第四十条", "《城乡规划法》第六十四条"),
    "市容环境": ("占道经营、乱堆乱放", "《城市市容和环境卫生管理条例》第十四条", "同条例第三十六条"),
    "自然资源": ("非法占用耕地建房", "《土地管理法》第四十四条", "《土地管理法》第七十七条"),
    "生态环境": ("露天焚烧秸秆", "《大气污染防治法》第七十七条", "《大气污染防治法》第一百一十九条"),
    "安全生产": ("未按规定开展安全生产教育培训", "《安全生产法》第二十八条", "《安全生产法》第九十七条"),
    "应急管理": ("未制定生产安全事故应急救援预案", "《安全生产法》第八十一条", "《安全生产法》第九十七条"),
    "农业农村": ("经营假劣农药", "《农药管理条例》第二十九条", "《农药管理条例》第五十五条"),
    "市场监管": ("销售过期食品", "《食品安全法》第三十四条", "《食品安全法》第一百二十四条"),
}
SURNAMES = "王李张刘陈杨黄赵周吴"
ORDINARY = [("filed", 1), ("investigated", 3), ("interviewed", 6), ("notified", 20), ("decided", 32)]
ENFORCED = [("served", 33), ("paid", 44), ("closed", 50)]


def _certified_officers(context: DemoContext) -> dict[int, dict[str, list[int]]]:
    """Per township, per field: officers in service and certified from before last year until after today.

    In service on both days, so on every day between: a case's services refuse
    a handler who joined after the case began.
    """
    since = datetime.date(context.today.year - 1, 1, 1)
    township_of = {a.pk: t.pk for t in context.townships for a in context.agencies_of(t)}
    found: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    certificates = Certificate.objects.filter(
        in_service_q(since, prefix="officer__"),
        in_service_q(context.today, prefix="officer__"),
        status=CertificateStatus.VALID,
        issued_on__lt=since,
        valid_until__gt=context.today + datetime.timedelta(days=90),
    ).values_list("officer_id", "officer__agency_id", "fields__name")
    for officer_id, agency_id, name in certificates:
        if name:
            found[township_of.get(agency_id)][name].append(officer_id)
    return found


def seed(context: DemoContext) -> None:
    rng, today = context.rng, context.today
    fields = {f.name: f for f in EnforcementField.objects.filter(name__in=ACTS)}
    certified = _certified_officers(context)
    serial = 800_000
    for township in context.townships:
        usable = [(name, ids) for name, ids in certified[township.pk].items() if name in fields and len(ids) >= 3]
        if not usable:
            continue
        for number in range(CASES_PER_TOWNSHIP):
            name, ids = usable[number % len(usable)]
            serial += 1
            simplified = number % 3 == 2
            discovered = today - datetime.timedelta(days=rng.randrange(70, 400))
            act, act_basis, penalty_basis = ACTS[name]
            citizen = number % 4 != 1
            party = (
                {"kind": "citizen", "name": rng.choice(SURNAMES) + "某某", "id_number": demo_id_number(rng, serial)}
                if citizen
                else {
                    "kind": "organisation",
                    "name": f"{township.name[:2]}某某商贸有限公司",
                    "credit_code": fake_credit_code(rng, "9"),
                }
            )
            amount = rng.choice([50, 100, 200]) if simplified and citizen else rng.choice([500, 1000, 2000, 3000])
            handlers = rng.sample(ids, 2)
            case = create_case(
                agency=township,
                field=fields[name],
                procedure="simplified" if simplified else "ordinary",
                act=act,
                act_place=f"{township.name[:2]}{rng.choice(['建设路', '人民路', '解放路'])}{rng.randrange(1, 200)}号",
                act_on=discovered - datetime.timedelta(days=rng.randrange(0, 30)),
                discovered_on=discovered,
                act_basis=act_basis,
                penalty_basis=penalty_basis,
                handlers=handlers,
                parties=[party],
                penalties=[{"kind": "fine", "amount": amount}],
            )
            steps = (
                [("notified", 0), ("decided", 0), ("served", 0), ("paid", 5), ("closed", 6)]
                if simplified
                else [*ORDINARY, *ENFORCED]
            )
            for kind, offset in steps:
                extra = {}
                if kind in {"investigated", "interviewed", "served"} or (simplified and kind == "decided"):
                    extra["officers"] = handlers
                if kind == "decided":
                    extra["outcome"] = "penalty"
                if kind == "served":
                    extra["on_the_spot"] = simplified
                record_event(case=case, kind=kind, occurred_on=discovered + datetime.timedelta(days=offset), **extra)
        _special_cases(context, township, usable, fields)


def _special_cases(context: DemoContext, township, usable, fields) -> None:
    """The demo township's hearing case, overdue case and corrected decision."""
    if township.pk != context.demo_township.pk:
        return
    rng, today = context.rng, context.today
    name, ids = usable[0]
    act, act_basis, penalty_basis = ACTS[name]
    handlers, presider = ids[:2], ids[2]

    def new_case(discovered: datetime.date, **details):
        return create_case(
            agency=township,
            field=fields[name],
            act=act,
            act_place=f"{township.name[:2]}工业园区",
            act_on=discovered - datetime.timedelta(days=20),
            discovered_on=discovered,
            act_basis=act_basis,
            penalty_basis=penalty_basis,
            handlers=handlers,
            parties=[{"kind": "organisation", "name": "示例建材有限公司", "credit_code": fake_credit_code(rng, "9")}],
            penalties=[{"kind": "fine", "amount": 50000}, {"kind": "confiscation", "amount": 12000}],
            **details,
        )

    def record(case, discovered, steps):
        for kind, offset, extra in steps:
            record_event(case=case, kind=kind, occurred_on=discovered + datetime.timedelta(days=offset), **extra)

    discovered = today - datetime.timedelta(days=200)
    hearing = new_case(discovered, major_rights=True, complex=True)
    review = {"person": "孙法审", "outcome": "passed", "reviewer_first_time": True, "reviewer_legally_qualified": True}
    record(
        hearing,
        discovered,
        [
            ("filed", 1, {}),
            ("investigated", 3, {"officers": handlers}),
            ("evidence_preserved", 3, {"officers": handlers}),
            ("preservation_decided", 6, {}),
            ("notified", 25, {}),
            ("hearing_requested", 27, {}),
            ("hearing_notified", 28, {"scheduled_on": discovered + datetime.timedelta(days=45)}),
            ("hearing_held", 45, {"presider_id": presider}),
            ("legal_review", 50, review),
            ("collective_discussion", 52, {"attendees": "镇长、分管副镇长、纪委书记、司法所长"}),
            ("decided", 55, {"outcome": "penalty"}),
            ("served", 57, {"officers": handlers}),
            ("published", 60, {}),
            ("paid", 70, {}),
            ("closed", 72, {}),
        ],
    )
    discovered = today - datetime.timedelta(days=120)
    overdue = new_case(discovered)
    record(overdue, discovered, [("filed", 1, {}), ("investigated", 4, {"officers": handlers})])

    discovered = today - datetime.timedelta(days=300)
    corrected = new_case(discovered, note=CONTESTED_NOTE)
    record(
        corrected,
        discovered,
        [
            ("filed", 1, {}),
            ("investigated", 3, {"officers": handlers}),
            ("notified", 20, {}),
            ("decided", 30, {"outcome": "penalty"}),
            ("served", 31, {"officers": handlers}),
            ("published", 33, {}),
        ],
    )
