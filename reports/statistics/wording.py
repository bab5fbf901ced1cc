"""How figures are written in the report: counts, dates, how an agency names itself (percentages: lawgov/rates.py)."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

# The report speaks of itself as 我镇 / 全镇 ("our township", "the whole township").
SELF_REFERENCES = [
    ("街道办事处", "街道"),
    ("镇人民政府", "镇"),
    ("乡人民政府", "乡"),
    ("县人民政府", "县"),
    ("区人民政府", "区"),
    ("司法局", "局"),
]


def self_reference(agency_name: str) -> tuple[str, str]:
    """("我镇", "全镇") for a township government, ("我单位", "全单位") when the kind is not recognisable."""
    for ending, word in SELF_REFERENCES:
        if agency_name.endswith(ending):
            return f"我{word}", f"全{word}"
    return "我单位", "全单位"


def number(value: float | int | None) -> str | None:
    """A count or an amount of hours, with at most one decimal and no trailing zero."""
    if value is None:
        return None
    if float(value).is_integer():
        return str(int(value))
    # Reports round half up (四舍五入): 31.25% is 31.3%, not the 31.2% of float formatting.
    rounded = Decimal(str(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded}".rstrip("0").rstrip(".")


def amount(value: float | int | None) -> str | None:
    """A sum of money in yuan, to the fen, with no trailing zero: 46500, 1234.5, 0.05."""
    if value is None:
        return None
    # Money is shown to the fen, rounded half up once: never to the one decimal of `number`.
    rounded = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded}".rstrip("0").rstrip(".") if "." in f"{rounded}" else f"{rounded}"


def chinese_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def figure(stats: dict, path: str):
    """The figure at "area.key" in a statistics dict, or None when it is missing."""
    value = stats
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value
