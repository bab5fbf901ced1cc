"""Statutory periods of the Administrative Reconsideration Law on the Chinese calendar.

Periods of 3, 5, 7 and 10 days are working days (art. 88): the count starts
the day after the triggering day and skips holidays and weekends, but counts
a weekend day the State Council made a working day (调休). Longer periods are
calendar days, and one that ends on a day off ends on the next working day
instead (Civil Procedure Law art. 85, applied through art. 88). Days during
which the case was suspended (art. 39) do not count towards the decision.

The calendar is `holidays.China` with the admin's CalendarDay rows on top:
the package only estimates years whose State Council notice it does not have.
"""

from __future__ import annotations

import datetime
from typing import Protocol

from enforcement.agencies.calendar import Deadline, WorkingCalendar, due, next_deadline
from enforcement.reconsideration.choices import DeadlineKind, Procedure

WORKING_DAY_PERIODS = frozenset({3, 5, 7, 10})

LAW = "《行政复议法》"

# The earliest unmet deadline and a kind's due day are the shared calendar's, for every case register.
__all__ = ["LAW", "WORKING_DAY_PERIODS", "CaseFacts", "Deadline", "case_deadlines", "due", "next_deadline"]


class CaseFacts(Protocol):
    """What the deadlines need to know about a case, after replaying its events."""

    received_on: datetime.date | None
    review_from: datetime.date | None
    supplement_requested_on: datetime.date | None
    supplement_extension_days: int
    supplement_received_on: datetime.date | None
    awaiting_supplement: bool
    accepted_on: datetime.date | None
    deemed_accepted: bool
    copy_received_on: datetime.date | None
    replied_on: datetime.date | None
    closed_on: datetime.date | None
    decided_on_acceptance: datetime.date | None
    extension_days: int
    suspended_days: int
    suspended_since: datetime.date | None
    opinion_received_on: datetime.date | None
    correction_reported_on: datetime.date | None


def _days(days: int) -> str:
    return f"{days}个工作日" if days in WORKING_DAY_PERIODS else f"{days}日"


def review_end(facts: CaseFacts, calendar: WorkingCalendar) -> datetime.date:
    """The last day of the acceptance review: 5 working days from receipt or from the supplement (arts. 30, 31)."""
    return calendar.add_working_days(facts.review_from, 5)


def supplement_end(facts: CaseFacts, calendar: WorkingCalendar) -> datetime.date:
    """The applicant's last day to supplement: 10 working days from the notice, plus any extension (art. 31)."""
    return calendar.period_end(facts.supplement_requested_on, 10, working_days=True) + datetime.timedelta(
        days=facts.supplement_extension_days
    )


def decision_days(procedure: str) -> int:
    return 30 if procedure == Procedure.SIMPLIFIED else 60


def decision_end(facts: CaseFacts, procedure: str, calendar: WorkingCalendar) -> datetime.date:
    """The last day of the decision period as extended and suspended so far (arts. 62, 39)."""
    return calendar.period_end(
        facts.accepted_on,
        decision_days(procedure),
        working_days=False,
        extra_days=facts.extension_days + facts.suspended_days,
    )


def case_deadlines(
    *,
    procedure: str,
    known_on: datetime.date | None,
    facts: CaseFacts,
    calendar: WorkingCalendar,
) -> list[Deadline]:
    """Every deadline the case has reached so far, in the order of the procedure."""
    deadlines: list[Deadline] = []
    simplified = procedure == Procedure.SIMPLIFIED

    def add(kind, start, due, rule, article, met_on, *, watched=True):
        # A case closed before a step was taken no longer needs that step.
        moot = facts.closed_on is not None and met_on is None and kind != DeadlineKind.CORRECTION
        deadlines.append(
            Deadline(
                kind=kind,
                name=str(kind.label),
                due=due,
                rule=f"{rule}（{LAW}{article}）",
                article=f"{LAW}{article}",
                met_on=met_on,
                watched=watched and not moot,
                estimated=due is not None and calendar.period_is_estimated(start, due),
            )
        )

    def period(start, days, extra_days=0):
        return calendar.period_end(start, days, working_days=days in WORKING_DAY_PERIODS, extra_days=extra_days)

    if known_on:
        add(
            DeadlineKind.APPLICATION,
            known_on,
            period(known_on, 60),
            "申请期限：自知道或者应当知道该行政行为之日起60日",
            "第二十条",
            facts.received_on,
            watched=False,
        )
    if facts.supplement_requested_on:
        rule = f"补正期限：收到补正通知之日起{_days(10)}"
        if facts.supplement_extension_days:
            rule += f"，延长{facts.supplement_extension_days}日"
        add(
            DeadlineKind.SUPPLEMENT,
            facts.supplement_requested_on,
            supplement_end(facts, calendar),
            rule + "，逾期不补正视为放弃申请",
            "第三十一条",
            facts.supplement_received_on,
            # The applicant's own period: no duty of the respondent or the organ.
            watched=False,
        )
    if facts.received_on:
        if facts.supplement_received_on:
            rule, article = f"受理审查期限：收到补正材料之日起{_days(5)}", "第三十条、第三十一条"
        else:
            rule, article = f"受理审查期限：收到申请之日起{_days(5)}", "第三十条"
        if facts.awaiting_supplement:
            # The review waits for the supplement and starts again from its day (art. 31).
            add(DeadlineKind.ACCEPTANCE, None, None, rule + "，待申请人补正", "第三十一条", None)
        else:
            if facts.deemed_accepted:
                rule += "，期满未决定不予受理的视为受理"
            add(
                DeadlineKind.ACCEPTANCE,
                facts.review_from,
                review_end(facts, calendar),
                rule,
                article,
                facts.decided_on_acceptance,
            )
    if facts.copy_received_on:
        days, article = (5, "第五十四条") if simplified else (10, "第四十八条")
        add(
            DeadlineKind.REPLY,
            facts.copy_received_on,
            period(facts.copy_received_on, days),
            f"答复期限：收到申请书副本之日起{_days(days)}",
            article,
            facts.replied_on,
        )
    if facts.accepted_on:
        days = decision_days(procedure)
        rule = f"决定期限：{'视为受理' if facts.deemed_accepted else '受理'}之日起{_days(days)}"
        article = "第六十二条、第三十条" if facts.deemed_accepted else "第六十二条"
        if facts.extension_days:
            rule += f"，延长{facts.extension_days}日"
        if facts.suspended_days or facts.suspended_since:
            rule += f"，中止期间{facts.suspended_days}日不计入"
            article += "、第三十九条"
        if facts.suspended_since and not facts.closed_on:
            # The clock is stopped: there is no due day until the case resumes.
            rule += f"，自{facts.suspended_since:%Y-%m-%d}起中止"
            add(DeadlineKind.DECISION, None, None, rule, article, None)
        else:
            add(
                DeadlineKind.DECISION,
                facts.accepted_on,
                decision_end(facts, procedure, calendar),
                rule,
                article,
                facts.closed_on,
            )
    if facts.opinion_received_on:
        add(
            DeadlineKind.CORRECTION,
            facts.opinion_received_on,
            period(facts.opinion_received_on, 60),
            "纠正情况报送期限：收到行政复议意见书之日起60日",
            "第七十六条",
            facts.correction_reported_on,
        )
    return deadlines
