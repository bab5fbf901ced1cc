"""Yearly figures of the reconsideration cases in which the scope's agencies were respondents."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import F, Q, QuerySet

from enforcement.agencies.scope import Scope, ScopeShape
from enforcement.agencies.yearly import as_of
from enforcement.reconsideration.choices import CORRECTED, MEDIATED_OR_SETTLED, MERITS, Outcome
from enforcement.reconsideration.models import ReconsiderationCase, overdue_on
from lawgov.prepared import PreparedQuery
from lawgov.rates import rate
from lawgov.tallies import prepared_tally, tally_rows


def _cases(scope: ScopeShape, *, day: datetime.date, first_day: datetime.date, last_day: datetime.date) -> QuerySet:
    """The cases of the scope, each with the conditions of the year's figures it meets on `day`."""

    def during_year(field: str) -> Q:
        # Received in the year up to the as-of day, which lies in the year.
        return Q(**{f"{field}__gte": first_day, f"{field}__lte": day})

    replied = Q(replied_on__lte=day)
    reply_missing = (
        Q(reply_due__lt=day)
        & (Q(replied_on__isnull=True) | Q(replied_on__gt=day))
        & (Q(closed_on__isnull=True) | Q(closed_on__gt=F("reply_due")))
    )
    reply_fell_due = Q(reply_due__range=(first_day, last_day)) & (replied | reply_missing)
    reply_on_time = replied & Q(replied_on__lte=F("reply_due"))
    reply_late = (replied & Q(replied_on__gt=F("reply_due"))) | reply_missing
    return tally_rows(
        scope.rows(ReconsiderationCase),
        {
            "received": during_year("received_on"),
            "accepted": Q(accepted_on__lte=day),
            "closed": Q(closed_on__lte=day),
            "overdue": overdue_on(day),
            "reply_fell_due": reply_fell_due,
            "reply_on_time": reply_on_time,
            "reply_late": reply_late,
            "litigated": during_year("lawsuit_filed_on"),
        },
        fields=["outcome"],
    )


# Built and compiled once per scope (lawgov/prepared.py): building it costs several times running it.
_CASES = PreparedQuery(_cases)


def reconsideration_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """The cases received in the year up to its as-of date, each in its state on that day, in one query.

    The parts add up (the Administrative Reconsideration Law's stages):
    received = not_accepted (不予受理, art. 30) + abandoned (no supplement in
    time, art. 31) + accepted + awaiting_acceptance (still within the
    acceptance review); accepted = concluded (审结) + pending; concluded =
    decided on the merits (`decided`: upheld, claim rejected or corrected,
    arts. 63–69) + application_rejected (驳回申请, art. 33) + mediated_or_settled
    + withdrawn + terminated (arts. 73–74, 41).

    The correction rate divides the corrected by `decided`, or by the cases
    received when the LAWGOV setting says so; the mediation-and-withdrawal
    rate (调撤率) divides the mediated, settled and withdrawn by the concluded.
    `overdue` counts the replies past due and not filed on the as-of date
    (31 December of a past year), by `overdue_on`, the rule of the case
    list's `overdue` filter. A reply counts in the rates once it was due: on
    time, filed late, or still missing after its day.
    """
    day = as_of(year, today)
    cases = prepared_tally(
        _CASES, scope.shape, day=day, first_day=datetime.date(year, 1, 1), last_day=datetime.date(year, 12, 31)
    )
    concluded = {"received": True, "accepted": True, "closed": True}
    figures = {
        "received": cases.count(received=True),
        "not_accepted": cases.count(received=True, closed=True, outcome=Outcome.NOT_ACCEPTED),
        "abandoned": cases.count(received=True, closed=True, outcome=Outcome.ABANDONED),
        "accepted": cases.count(received=True, accepted=True),
        "concluded": cases.count(**concluded),
        "decided": cases.count(**concluded, outcome=MERITS),
        "upheld": cases.count(**concluded, outcome=Outcome.UPHELD),
        "claim_rejected": cases.count(**concluded, outcome=Outcome.CLAIM_REJECTED),
        "corrected": cases.count(**concluded, outcome=CORRECTED),
        "application_rejected": cases.count(**concluded, outcome=Outcome.APPLICATION_REJECTED),
        "mediated_or_settled": cases.count(**concluded, outcome=MEDIATED_OR_SETTLED),
        "withdrawn": cases.count(**concluded, outcome=Outcome.WITHDRAWAL),
        "terminated": cases.count(**concluded, outcome=Outcome.TERMINATION),
        "overdue": cases.count(overdue=True),
        "replies_due": cases.count(reply_fell_due=True),
        "replies_on_time": cases.count(reply_fell_due=True, reply_on_time=True),
        "replies_overdue": cases.count(reply_fell_due=True, reply_late=True),
        "litigated": cases.count(litigated=True),
    }
    denominator = (
        figures["received"] if settings.LAWGOV["CORRECTION_RATE_DENOMINATOR"] == "received" else figures["decided"]
    )
    mediated_or_withdrawn = figures["mediated_or_settled"] + figures["withdrawn"]
    before_acceptance = figures["not_accepted"] + figures["abandoned"] + figures["accepted"]
    return {
        **figures,
        "awaiting_acceptance": figures["received"] - before_acceptance,
        "pending": figures["accepted"] - figures["concluded"],
        "correction_rate": rate(figures["corrected"], denominator),
        "mediation_withdrawal_rate": rate(mediated_or_withdrawn, figures["concluded"]),
        "replies_on_time_rate": rate(figures["replies_on_time"], figures["replies_due"]),
    }
