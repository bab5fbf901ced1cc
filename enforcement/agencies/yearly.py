"""Yearly figures of training, exams and publicity, one module per subject.

Each function takes a Scope and a year and answers a flat dict of counts and
rates (fractions 0–1, None when the denominator is 0) in a fixed number of
aggregate queries.
"""

from __future__ import annotations

import datetime

from django.utils import timezone


def as_of(year: int, today: datetime.date | None = None) -> datetime.date:
    """The day a year's figures are taken on: today, or December 31 of a past year."""
    today = today or timezone.localdate()
    return min(today, datetime.date(year, 12, 31))
