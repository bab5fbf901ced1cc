"""The working-day calendar every statutory period is counted on, and the deadlines it yields.

The calendar is `holidays.China` with the admin's CalendarDay rows on top:
the package only estimates years whose State Council notice it does not have.
Which years' notices have been entered is data (CalendarYear): a deadline
counted over a day of any other year is an estimate and says so.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from holidays.countries.china import ChinaStaticHolidays

from enforcement.agencies.base import TimeStampedModel

# The last year whose adjusted working days the installed package takes from a
# published State Council notice; later years are its estimates.
LAST_PUBLISHED_YEAR = max(ChinaStaticHolidays.special_public_holidays)


class CalendarDay(TimeStampedModel):
    """A day whose working status overrides the built-in Chinese calendar.

    The State Council publishes each year's holidays and adjusted working days
    (调休) late in the year before; until the `holidays` package knows them it
    only estimates, and a row here says what the notice actually decided.
    """

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("working day"), help_text=_("Ticked for a working day (also a weekend day worked), unticked for a day off.")
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("e.g. 国庆节 or 调休上班"))

    class Meta:
        verbose_name = _("calendar day override")
        verbose_name_plural = _("calendar day overrides")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}"


class CalendarYear(TimeStampedModel):
    """A year whose holiday schedule (the State Council's notice) is entered in the calendar.

    Until a superuser marks a year published, every deadline counted over one
    of its days is an estimate: the notice may still move holidays and add
    weekend working days (调休).
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    published = models.BooleanField(
        _("schedule published"),
        default=False,
        help_text=_("Ticked once the State Council's holiday schedule of the year is entered in the calendar."),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("The State Council notice's document number.")
    )

    class Meta:
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


# Sent after a calendar day is added, changed or removed: whoever keeps
# deadlines computed on the calendar recomputes them.
calendar_changed = Signal()


@receiver([post_save, post_delete], sender=CalendarDay, dispatch_uid="lawgov.calendar_day_changed")
def _calendar_changed(sender, instance, **kwargs) -> None:
    calendar_changed.send(sender=CalendarDay, day=instance.date)


@receiver([post_save, post_delete], sender=CalendarYear, dispatch_uid="lawgov.calendar_year_changed")
def _calendar_year_changed(sender, instance, **kwargs) -> None:
    # Which deadlines are estimates follows from the published years.
    calendar_changed.send(sender=CalendarYear, day=datetime.date(instance.year, 1, 1))


@lru_cache(maxsize=64)
def _china(year: int) -> holidays.HolidayBase:
    # The next year too: an adjusted working day late in December belongs to
    # the following year's notice.
    return holidays.China(years=(year, year + 1))


class WorkingCalendar:
    """Which days are working days: `holidays.China`, overridden by CalendarDay rows."""

    def __init__(
        self, overrides: dict[datetime.date, bool] | None = None, published_years: frozenset[int] = frozenset()
    ) -> None:
        self.overrides = overrides or {}
        # Without the table's word every year is an estimate.
        self.published_years = published_years

    @classmethod
    def load(cls) -> WorkingCalendar:
        """The calendar with every override and every published year (two queries; the tables are small)."""
        return cls(
            dict(CalendarDay.objects.values_list("date", "is_working_day")),
            frozenset(CalendarYear.objects.filter(published=True).values_list("year", flat=True)),
        )

    def is_estimated(self, day: datetime.date) -> bool:
        """Whether the day's working status is an estimate: its year's schedule is not entered yet."""
        return day.year not in self.published_years

    def period_is_estimated(self, start: datetime.date, end: datetime.date) -> bool:
        """Whether a period counted from the day after `start` up to `end` passes over an estimated day."""
        first = start + datetime.timedelta(days=1)
        return any(year not in self.published_years for year in range(first.year, end.year + 1))

    def is_working_day(self, day: datetime.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        return _china(day.year).is_working_day(day)

    def add_working_days(self, start: datetime.date, days: int) -> datetime.date:
        """The `days`-th working day after `start`."""
        day, counted = start, 0
        while counted < days:
            day += datetime.timedelta(days=1)
            counted += self.is_working_day(day)
        return day

    def working_days_before(self, end: datetime.date, days: int) -> datetime.date:
        """The latest day from which `end` is still `days` working days away (a notice given "7 days before")."""
        day, counted = end, 0
        while counted < days:
            day -= datetime.timedelta(days=1)
            counted += self.is_working_day(day)
        return day

    def on_or_after_working_day(self, day: datetime.date) -> datetime.date:
        while not self.is_working_day(day):
            day += datetime.timedelta(days=1)
        return day

    def period_end(self, start: datetime.date, days: int, *, working_days: bool, extra_days: int = 0) -> datetime.date:
        """The last day of a period of `days` days counted from the day after `start`.

        A period of working days skips days off as it counts; a period of
        calendar days that ends on a day off ends on the next working day.
        `extra_days` are calendar days added to a calendar-day period (an
        extension, days suspended) before a day off moves its end.
        """
        if working_days:
            return self.add_working_days(start, days)
        return self.on_or_after_working_day(start + datetime.timedelta(days=days + extra_days))

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end` (negative when `end` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(self.is_working_day(start + datetime.timedelta(days=n)) for n in range(1, (end - start).days + 1))


@dataclass(frozen=True)
class Deadline:
    """A computed deadline and the rule that produced it."""

    kind: str
    name: str
    due: datetime.date | None
    rule: str
    article: str
    met_on: datetime.date | None = None
    # The applicant's own period is shown, but is no duty of the respondent or the organ.
    watched: bool = True
    # Counted over a day of a year whose holiday schedule is not published yet.
    estimated: bool = False

    @property
    def is_met(self) -> bool:
        return self.met_on is not None

    def as_json(self) -> dict:
        """The deadline as stored in a JSON field: dates as ISO strings."""
        return {
            "kind": self.kind,
            "name": self.name,
            "due": self.due.isoformat() if self.due else None,
            "rule": self.rule,
            "article": self.article,
            "met_on": self.met_on.isoformat() if self.met_on else None,
            "watched": self.watched,
            "estimated": self.estimated,
        }

    @classmethod
    def from_json(cls, data: dict) -> Deadline:
        def day(value: str | None) -> datetime.date | None:
            return datetime.date.fromisoformat(value) if value else None

        return cls(**{**data, "due": day(data.get("due")), "met_on": day(data.get("met_on"))})

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        """Unmet after its day; on the day itself it is due, not overdue."""
        today = today or timezone.localdate()
        return not self.is_met and self.due is not None and self.due < today

    def days_left(self, today: datetime.date | None = None) -> int | None:
        """Calendar days until the due day: 0 on the day, negative once overdue."""
        if self.due is None:
            return None
        return (self.due - (today or timezone.localdate())).days


def next_deadline(deadlines: Iterable[Deadline]) -> Deadline | None:
    """The earliest unmet deadline the agency or the organ must keep."""
    pending = [d for d in deadlines if d.watched and not d.is_met and d.due is not None]
    return min(pending, key=lambda d: d.due, default=None)


def due(deadlines: Iterable[Deadline], kind: str) -> datetime.date | None:
    return next((d.due for d in deadlines if d.kind == kind), None)
