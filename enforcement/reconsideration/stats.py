"""Yearly figures of the reconsideration cases in which the scope's agencies were respondents."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, F, Q

from enforcement.agencies.scope import Scope
from enforcement.agencies.yearly import as_of
from enforcement.reconsideration.choices import CORRECTED, MEDIATED_OR_SETTLED, MERITS, Outcome
from enforcement.reconsideration.models import ReconsiderationCase, overdue_on
from lawgov.rates import rate


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

    def during_year(field: str) -> Q:
        return Q(**{f"{field}__year": year, f"{field}__lte": day})

    received = during_year("received_on")
    closed = Q(closed_on__lte=day)
    accepted = received & Q(accepted_on__lte=day)
    concluded = accepted & closed
    replied = Q(replied_on__lte=day)
    reply_missing = (
        Q(reply_due__lt=day)
        & (Q(replied_on__isnull=True) | Q(replied_on__gt=day))
        & (Q(closed_on__isnull=True) | Q(closed_on__gt=F("reply_due")))
    )
    reply_fell_due = Q(reply_due__year=year) & (replied | reply_missing)

    def count(condition: Q) -> Count:
        return Count("pk", filter=condition, distinct=True)

    figures = scope.rows(ReconsiderationCase).aggregate(
        received=count(received),
        not_accepted=count(received & closed & Q(outcome=Outcome.NOT_ACCEPTED)),
        abandoned=count(received & closed & Q(outcome=Outcome.ABANDONED)),
        accepted=count(accepted),
        concluded=count(concluded),
        decided=count(concluded & Q(outcome__in=MERITS)),
        upheld=count(concluded & Q(outcome=Outcome.UPHELD)),
        claim_rejected=count(concluded & Q(outcome=Outcome.CLAIM_REJECTED)),
        corrected=count(concluded & Q(outcome__in=CORRECTED)),
        application_rejected=count(concluded & Q(outcome=Outcome.APPLICATION_REJECTED)),
        mediated_or_settled=count(concluded & Q(outcome__in=MEDIATED_OR_SETTLED)),
        withdrawn=count(concluded & Q(outcome=Outcome.WITHDRAWAL)),
        terminated=count(concluded & Q(outcome=Outcome.TERMINATION)),
        overdue=count(overdue_on(day)),
        replies_due=count(reply_fell_due),
        replies_on_time=count(reply_fell_due & replied & Q(replied_on__lte=F("reply_due"))),
        replies_overdue=count(reply_fell_due & ((replied & Q(replied_on__gt=F("reply_due"))) | reply_missing)),
        litigated=count(during_year("lawsuit_filed_on")),
    )
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
