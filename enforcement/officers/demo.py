"""Deterministic demo data: a county with its townships and their offices.

`seed_demo` (reports/management/commands) calls the `seed` function of each
app's demo module in dependency order, passing one DemoContext.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from simple_history.utils import bulk_create_with_history

from enforcement.agencies.enforcement_fields import EnforcementField, field_names, fields_named, set_fields_in_bulk
from enforcement.agencies.models import Agency, AgencyKind
from enforcement.agencies.validators import CREDIT_CODE_ALPHABET, credit_code_check_character, id_number_check_character
from enforcement.officers.models.certificate import Certificate, CertificateStatus, CertificateStatusChange
from enforcement.officers.models.officer import Officer
from enforcement.officers.services import default_valid_until

COUNTY_NAME = "示例县人民政府"
DEMO_TOWNSHIP_NAME = "城关镇人民政府"

TOWNSHIP_STEMS = [
    "城关",
    "河口",
    "白云",
    "青山",
    "石桥",
    "龙泉",
    "柳湾",
    "杨庄",
    "桃源",
    "新集",
    "马店",
    "高桥",
    "双河",
    "东岗",
    "西湖",
    "南塘",
    "北坡",
    "黄土岭",
    "清水",
    "枫林",
]
OFFICES = [
    ("综合行政执法队", AgencyKind.TEAM, True),
    ("司法所", AgencyKind.OFFICE, False),
    ("党政综合办公室", AgencyKind.OFFICE, False),
]


@dataclass
class DemoContext:
    """What the demo seeders share: the random source, the dates and the agencies made so far."""

    rng: random.Random
    scale: int
    today: datetime.date
    years: list[int]
    county: Agency | None = None
    townships: list[Agency] = field(default_factory=list)
    offices: dict[int, list[Agency]] = field(default_factory=dict)

    @property
    def demo_township(self) -> Agency:
        return self.townships[0]

    def agencies_of(self, township: Agency) -> list[Agency]:
        return [township, *self.offices[township.pk]]


def township_name(index: int) -> str:
    stem = TOWNSHIP_STEMS[index % len(TOWNSHIP_STEMS)]
    suffix = "" if index < len(TOWNSHIP_STEMS) else str(index // len(TOWNSHIP_STEMS) + 1)
    kind = "镇" if index % 3 else "乡"
    if index == 0:
        kind = "镇"
    return f"{stem}{suffix}{kind}人民政府"


def fake_credit_code(rng: random.Random, authority: str = "1") -> str:
    body = authority + "1" + "".join(rng.choice("0123456789") for _ in range(6))
    body += "".join(rng.choice(CREDIT_CODE_ALPHABET[:10]) for _ in range(9))
    return body + credit_code_check_character(body)


def seed(context: DemoContext) -> None:
    rng = context.rng
    context.county = Agency.objects.create(
        name=COUNTY_NAME, kind=AgencyKind.COUNTY_GOVERNMENT, credit_code=fake_credit_code(rng)
    )
    Agency.objects.create(
        name="示例县司法局",
        kind=AgencyKind.JUSTICE_BUREAU,
        parent=context.county,
        credit_code=fake_credit_code(rng),
        is_enforcement_subject=True,
    )
    for index in range(context.scale):
        township = Agency.objects.create(
            name=township_name(index),
            kind=AgencyKind.TOWNSHIP,
            parent=context.county,
            credit_code=fake_credit_code(rng),
            is_enforcement_subject=True,
        )
        context.townships.append(township)
        context.offices[township.pk] = [
            Agency.objects.create(name=name, kind=kind, parent=township, is_enforcement_subject=is_subject)
            for name, kind, is_subject in OFFICES
        ]


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN_NAMES = [
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
    "秀兰", "霞", "平", "刚", "桂英", "建华", "建国", "志强", "海燕", "红梅", "立新", "晓东", "文博", "思远",
    "子涵", "雨萱", "浩然", "佳怡", "俊杰", "欣怡", "国庆", "春生",
]  # fmt: skip
# (agency index in agencies_of(township), position, leading cadre, enforcement post)
STAFF = [
    (0, "党委书记", True, False),
    (0, "镇长", True, False),
    (0, "副镇长", True, True),
    (1, "队长", True, True),
    (1, "副队长", False, True),
    *[(1, "执法队员", False, True)] * 7,
    (2, "司法所所长", False, True),
    (2, "司法助理员", False, True),
    (3, "办公室主任", False, False),
    (3, "科员", False, False),
]
ENFORCEMENT_FIELDS = ["城乡规划、市容环境", "自然资源、生态环境", "安全生产、应急管理", "农业农村、市场监管"]


def demo_id_number(rng: random.Random, serial: int) -> str:
    birth = datetime.date(1966, 1, 1) + datetime.timedelta(days=rng.randrange(32 * 365))
    region = 410423 + serial // 1000
    body = f"{region:06d}{birth:%Y%m%d}{serial % 1000:03d}"
    return body + id_number_check_character(body)


def seed_officers(context: DemoContext) -> None:
    """Every township's staff: most enforcement officers certified, a few expiring, one expired, one suspended."""
    rng, today = context.rng, context.today
    officers: list[Officer] = []
    written_fields: list[str] = []
    for township in context.townships:
        agencies = context.agencies_of(township)
        for agency_index, position, is_leader, enforces in STAFF:
            serial = len(officers)
            # Drawn in the order the demo always drew them, so the same seed gives the same people.
            name = rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)
            id_number = demo_id_number(rng, serial)
            written_fields.append(rng.choice(ENFORCEMENT_FIELDS) if enforces else "")
            officers.append(
                Officer(
                    name=name,
                    id_number=id_number,
                    agency=agencies[agency_index],
                    position=position,
                    is_leader=is_leader,
                    is_enforcement_officer=enforces,
                    phone=f"13{rng.randrange(10**9):09d}",
                    employed_since=today - datetime.timedelta(days=rng.randrange(365, 20 * 365)),
                )
            )
    officers = bulk_create_with_history(officers, Officer, batch_size=1000)
    # The fields come with the migrations; a database emptied since (a test's flush) gets them back here.
    names = {name for written in ENFORCEMENT_FIELDS for name in field_names(written)}
    known = {name: EnforcementField.objects.get_or_create(name=name)[0] for name in sorted(names)}
    fields_of = {
        officer.pk: fields_named(field_names(written), known)
        for officer, written in zip(officers, written_fields, strict=True)
    }
    set_fields_in_bulk(Officer, "enforcement_fields", fields_of)
    certificates: list[Certificate] = []
    suspended: list[Certificate] = []
    per_township = len(STAFF)
    for index, officer in enumerate(officers):
        if not officer.is_enforcement_officer:
            continue
        slot = index % per_township
        # Issued before last year began, so the yearly report of last year finds the
        # officers certified, as they were; only the fixed slots below lapse.
        issued_on = datetime.date(today.year - 1, 1, 1) - datetime.timedelta(days=rng.randrange(1, 3 * 365))
        valid_until = default_valid_until(issued_on)
        # Fixed slots give every township the same realistic mix.
        if slot == 5:
            valid_until = today + datetime.timedelta(days=rng.randrange(5, 30))
        elif slot == 6:
            valid_until = today + datetime.timedelta(days=rng.randrange(31, 90))
        elif slot == 7:
            issued_on = today - datetime.timedelta(days=5 * 365 + 40)
            valid_until = today - datetime.timedelta(days=40)
        certificate = Certificate(
            number=f"{officer.id_number[:6]}{index:08d}",
            officer=officer,
            issuing_authority=COUNTY_NAME,
            area=officer.agency.parent.name if officer.agency.parent_id else officer.agency.name,
            issued_on=issued_on,
            valid_until=valid_until,
            status=CertificateStatus.SUSPENDED if slot == 8 else CertificateStatus.VALID,
        )
        certificates.append(certificate)
        if slot == 8:
            suspended.append(certificate)
    certificates = bulk_create_with_history(certificates, Certificate, batch_size=1000)
    set_fields_in_bulk(Certificate, "fields", {c.pk: fields_of[c.officer.pk] for c in certificates})
    CertificateStatusChange.objects.bulk_create(
        CertificateStatusChange(
            certificate=certificate,
            status=CertificateStatus.SUSPENDED,
            previous_status=CertificateStatus.VALID,
            changed_on=today - datetime.timedelta(days=15),
            reason="执法过程中未按规定出示执法证件，暂扣三个月",
        )
        for certificate in suspended
    )
