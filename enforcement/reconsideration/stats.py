"""Yearly figures of the reconsideration cases in which the scope's agencies were respondents."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, F, Q

from enforcement.agencies.scope import Scope
from enforcement.agencies.yearly import as_of as as_of_day
from enforcement.reconsideration.choices import CORRECTED, MEDIATED_OR_SETTLED, MERITS, Outcome
from enforcement.reconsideration.models import ReconsiderationCase, overdue_on
from lawgov.rates import rate


def reconsideration_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Counts of the year up to its as-of date, in one aggregate query.

    `decided` counts decisions on the merits (upheld, claim rejected or
    corrected); the correction rate divides the corrected by them, or by the
    cases received when the LAWGOV setting says so. `overdue` counts the
    replies past due and not filed on the as-of date (31 December of a past
    year), by `overdue_on`, the rule of the case list's `overdue` filter.
    A reply counts in the rates once it was due: on time, filed late, or still
    missing after its day.
    """
    as_of = as_of_day(year, today)

    def during_year(field: str) -> Q:
        return Q(**{f"{field}__year": year, f"{field}__lte": as_of})

    closed = during_year("closed_on")
    replied = Q(replied_on__lte=as_of)
    reply_missing = (
        Q(reply_due__lt=as_of)
        & (Q(replied_on__isnull=True) | Q(replied_on__gt=as_of))
        & (Q(closed_on__isnull=True) | Q(closed_on__gt=F("reply_due")))
    )
    reply_fell_due = Q(reply_due__year=year) & (replied | reply_missing)

    def count(condition: Q) -> Count:
        return Count("pk", filter=condition, distinct=True)

    figures = scope.rows(ReconsiderationCase).aggregate(
        received=count(during_year("received_on")),
        accepted=count(during_year("accepted_on")),
        decided=count(closed & Q(outcome__in=MERITS)),
        upheld=count(closed & Q(outcome=Outcome.UPHELD)),
        corrected=count(closed & Q(outcome__in=CORRECTED)),
        mediated_or_settled=count(closed & Q(outcome__in=MEDIATED_OR_SETTLED)),
        withdrawn=count(closed & Q(outcome=Outcome.WITHDRAWAL)),
        concluded=count(closed & ~Q(outcome__in=(Outcome.NOT_ACCEPTED, Outcome.ABANDONED))),
        pending=count(Q(received_on__lte=as_of) & (Q(closed_on__isnull=True) | Q(closed_on__gt=as_of))),
        overdue=count(overdue_on(as_of)),
        replies_due=count(reply_fell_due),
        replies_on_time=count(reply_fell_due & replied & Q(replied_on__lte=F("reply_due"))),
        replies_overdue=count(reply_fell_due & ((replied & Q(replied_on__gt=F("reply_due"))) | reply_missing)),
        litigated=count(during_year("lawsuit_filed_on")),
    )
    denominator = (
        figures["received"] if settings.LAWGOV["CORRECTION_RATE_DENOMINATOR"] == "received" else figures["decided"]
    )
    concluded, replies_due, replies_on_time = (
        figures.pop("concluded"),
        figures.pop("replies_due"),
        figures.pop("replies_on_time"),
    )
    return {
        "received": figures["received"],
        "accepted": figures["accepted"],
        "decided": figures["decided"],
        "upheld": figures["upheld"],
        "corrected": figures["corrected"],
        "correction_rate": rate(figures["corrected"], denominator),
        "mediated_or_settled": figures["mediated_or_settled"],
        "withdrawn": figures["withdrawn"],
        "mediation_withdrawal_rate": rate(figures["mediated_or_settled"] + figures["withdrawn"], concluded),
        "pending": figures["pending"],
        "overdue": figures["overdue"],
        "replies_on_time_rate": rate(replies_on_time, replies_due),
        "litigated": figures["litigated"],
        "replies_overdue": figures["replies_overdue"],
    }
