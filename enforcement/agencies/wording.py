"""How a number of days until a date is said to a reader."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext, ngettext


def days_left_text(due: datetime.date, today: datetime.date) -> str:
    """ "12 days left", "due today" or "overdue by 11 days": never a negative number of days left."""
    left = (due - today).days
    if left < 0:
        return ngettext("overdue by %(days)d day", "overdue by %(days)d days", -left) % {"days": -left}
    if left == 0:
        return gettext("due today")
    return ngettext("%(days)d day left", "%(days)d days left", left) % {"days": left}
