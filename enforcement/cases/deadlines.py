"""The statutory periods of a penalty case (Administrative Penalty Law 2021), each with its article.

The law's 2-, 3-, 5- and 7-day periods are working days (art. 85): counted
from the day after the triggering day, skipping weekends and holidays but
counting the weekend days the State Council made working days (调休). The
longer periods (90 days to decide, 15 days to pay) are calendar days; the
Penalty Law says nothing of a period that ends on a day off, so, as the
procedure laws' period rules do (Civil Procedure Law art. 85), such a period
ends on the next working day. The calendar is the shared WorkingCalendar.
"""

from __future__ import annotations

import datetime

from enforcement.agencies.calendar import Deadline, WorkingCalendar
from enforcement.cases.models import (
    DecisionOutcome,
    EnforcementCase,
    PenaltyDeadlineKind,
    PenaltyKind,
    PenaltyProcedure,
)
from enforcement.cases.procedure import CaseFacts, limitation_ends_on

LAW = "《行政处罚法》"
# Said in every calendar-day rule that a day off moves.
DAY_OFF_RULE = "，末日为法定节假日的顺延至其后第一个工作日（本法未作规定，参照《民事诉讼法》期间规定）"

DECISION_DAYS = 60 + 30  # art. 60: ninety days
HEARING_REQUEST_DAYS = 5  # art. 64(1)
HEARING_NOTICE_DAYS = 7  # art. 64(2)
SERVICE_DAYS = 7  # art. 61
PUBLICATION_WITHDRAWAL_DAYS = 3  # art. 48
PRESERVATION_DAYS = 7  # art. 56
PAYMENT_DAYS = 15  # art. 67


def penalty_deadlines(
    case: EnforcementCase,
    facts: CaseFacts,
    calendar: WorkingCalendar,
    *,
    corrected_on: datetime.date | None = None,
    has_fine: bool = False,
) -> list[Deadline]:
    """Every deadline the case has reached so far, in the order of the procedure.

    `corrected_on` is the day a reconsideration changed, revoked or found
    unlawful or void the decision: from it runs the withdrawal of its publication.
    """
    deadlines: list[Deadline] = []

    def add(kind, due, rule, article, met_on, *, start=None, watched=True, estimated=None):
        if estimated is None:
            # A period is an estimate when it passes over a day of an unpublished year.
            estimated = calendar.period_is_estimated(start, due) if start else calendar.is_estimated(due)
        moot = facts.closed_on is not None and met_on is None and kind != PenaltyDeadlineKind.PUBLICATION_WITHDRAWAL
        deadlines.append(
            Deadline(
                kind=kind,
                name=str(PenaltyDeadlineKind(kind).label),
                due=due,
                rule=f"{rule}（{LAW}{article}）",
                article=f"{LAW}{article}",
                met_on=met_on,
                watched=watched and not moot,
                estimated=estimated,
            )
        )

    def working(start: datetime.date, days: int) -> datetime.date:
        return calendar.add_working_days(start, days)

    def calendar_days(start: datetime.date, days: int) -> datetime.date:
        return calendar.on_or_after_working_day(start + datetime.timedelta(days=days))

    limitation_end = limitation_ends_on(case)
    add(
        PenaltyDeadlineKind.LIMITATION,
        limitation_end,
        f"违法行为须在{case.limitation_years}年内被发现，自违法行为发生之日起计算，有连续或者继续状态的自行为终了之日起计算",
        "第三十六条",
        case.discovered_on if case.discovered_on <= limitation_end else None,
        watched=False,
        estimated=False,
    )
    for preserved_on, decided_on in facts.preservations:
        add(
            PenaltyDeadlineKind.PRESERVATION,
            working(preserved_on, PRESERVATION_DAYS),
            f"先行登记保存后{PRESERVATION_DAYS}个工作日内作出处理决定",
            "第五十六条、第八十五条",
            decided_on,
            start=preserved_on,
        )
    if facts.filed_on and case.procedure == PenaltyProcedure.ORDINARY:
        rule = f"自立案之日起{DECISION_DAYS}日内作出行政处罚决定"
        if facts.extension_days:
            rule += f"，依{facts.extension_basis}延长{facts.extension_days}日"
        add(
            PenaltyDeadlineKind.DECISION,
            calendar_days(facts.filed_on, DECISION_DAYS + facts.extension_days),
            rule + DAY_OFF_RULE,
            "第六十条",
            facts.decided_on,
            start=facts.filed_on,
        )
    if facts.notified_on and case.procedure == PenaltyProcedure.ORDINARY:
        add(
            PenaltyDeadlineKind.HEARING_REQUEST,
            working(facts.notified_on, HEARING_REQUEST_DAYS),
            f"当事人要求听证的，在告知后{HEARING_REQUEST_DAYS}个工作日内提出",
            "第六十四条第一项、第八十五条",
            facts.hearing_requested_on,
            start=facts.notified_on,
            # The party's own period: shown, but no duty of the agency.
            watched=False,
        )
    if facts.hearing_scheduled_on:
        add(
            PenaltyDeadlineKind.HEARING_NOTICE,
            calendar.working_days_before(facts.hearing_scheduled_on, HEARING_NOTICE_DAYS),
            f"在举行听证的{HEARING_NOTICE_DAYS}个工作日前通知当事人听证的时间、地点",
            "第六十四条第二项、第八十五条",
            facts.hearing_notified_on,
        )
    if facts.decided_on and facts.outcome != DecisionOutcome.TRANSFERRED:
        add(
            PenaltyDeadlineKind.SERVICE,
            working(facts.decided_on, SERVICE_DAYS),
            f"决定书宣告后当场交付；当事人不在场的，{SERVICE_DAYS}个工作日内送达",
            "第六十一条、第八十五条",
            facts.served_on,
            start=facts.decided_on,
        )
    if facts.served_on and facts.outcome == DecisionOutcome.PENALTY and has_fine:
        add(
            PenaltyDeadlineKind.PAYMENT,
            calendar_days(facts.served_on, PAYMENT_DAYS),
            f"当事人自收到决定书之日起{PAYMENT_DAYS}日内缴纳罚款" + DAY_OFF_RULE,
            "第六十七条第三款",
            facts.paid_on or facts.instalments_on,
            start=facts.served_on,
        )
    if facts.published_on and corrected_on:
        add(
            PenaltyDeadlineKind.PUBLICATION_WITHDRAWAL,
            working(max(corrected_on, facts.published_on), PUBLICATION_WITHDRAWAL_DAYS),
            f"公开的决定被变更、撤销、确认违法或者确认无效的，{PUBLICATION_WITHDRAWAL_DAYS}个工作日内撤回并说明理由",
            "第四十八条第二款、第八十五条",
            facts.withdrawn_on,
            start=max(corrected_on, facts.published_on),
        )
    return deadlines


def has_fine(penalties) -> bool:
    return any(p.kind == PenaltyKind.FINE for p in penalties)


def late_payment_surcharge(
    *,
    fine: int | float,
    due: datetime.date,
    paid_on: datetime.date,
    paused: list[tuple[datetime.date, datetime.date]] = (),
):
    """The surcharge of art. 72(1): 3 % of the fine a day after the due day, never more than the fine.

    Days within a reconsideration or a lawsuit (`paused`, both ends included)
    do not count (art. 73 third paragraph).
    """
    days = 0
    day = due + datetime.timedelta(days=1)
    while day <= paid_on:
        days += not any(start <= day <= end for start, end in paused)
        day += datetime.timedelta(days=1)
    return min(fine * 3 * days / 100, fine)
