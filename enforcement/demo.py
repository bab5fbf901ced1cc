"""Deterministic demo data: a county with its townships and their offices.

`seed_demo` (reports/management/commands) calls the `seed` function of each
app's demo module in dependency order, passing one DemoContext.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from .models import Agency, AgencyKind
from .validators import CREDIT_CODE_ALPHABET, credit_code_check_character

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
