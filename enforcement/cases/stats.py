"""Yearly figures of the penalty cases of a scope: the `enforcement` keys of /api/v1/stats/."""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Prefetch, Q, Sum

from enforcement.agencies.scope import Scope
from enforcement.agencies.yearly import as_of as as_of_day
from enforcement.cases.certification import certificates_for_the_check
from enforcement.cases.models import DecisionOutcome, EnforcementCase, EventOfficer, Penalty, PenaltyKind
from lawgov.rates import rate


def enforcement_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Counts of the year up to its as-of date, in six aggregate queries whatever the number of cases.

    `filed` counts cases filed in the year (a simplified case is filed by its
    on-the-spot decision); `decided` the decisions of the year. A decision is
    within its period when it came on or before its 90-day due day (art. 60).
    `uncertified_handler_acts` counts the acts of the year in which an
    officer had no certificate effective that day for the case's field, as
    the certificates' records stand now (a back-dated revocation counts).
    """
    as_of = as_of_day(year, today)

    def during_year(name: str) -> Q:
        return Q(**{f"{name}__year": year, f"{name}__lte": as_of})

    def count(condition: Q) -> Count:
        return Count("pk", filter=condition, distinct=True)

    cases = scope.rows(EnforcementCase)
    decided = during_year("decided_on")
    withdrawal_fell_due = Q(withdrawal_due__year=year, withdrawal_due__lte=as_of) | (
        Q(withdrawal_due__year=year) & Q(withdrawn_on__lte=as_of)
    )
    figures = cases.aggregate(
        filed=count(during_year("filed_on")),
        decided=count(decided),
        with_period=count(decided & Q(decision_due__isnull=False)),
        within_period=count(decided & Q(decided_on__lte=F("decision_due"))),
        reviews_required=count(decided & Q(legal_review_required=True)),
        reviews_done=count(decided & Q(legal_review_required=True, legal_review_passed=True)),
        hearings=count(decided & Q(hearing_held=True)),
        publications=count(during_year("published_on")),
        withdrawals_due=count(withdrawal_fell_due),
        withdrawn_on_time=count(withdrawal_fell_due & Q(withdrawn_on__lte=F("withdrawal_due"))),
        corrected_by_reconsideration=count(decided & Q(corrected_on__lte=as_of)),
    )
    filed_rows = cases.filter(during_year("filed_on"))
    by_procedure = dict(filed_rows.values_list("procedure").annotate(n=Count("pk")).order_by("procedure"))
    by_field = dict(filed_rows.values_list("field__name").annotate(n=Count("pk")).order_by("field__name"))
    fines = (
        scope.rows(Penalty)
        .filter(
            case__decided_on__year=year,
            case__decided_on__lte=as_of,
            case__outcome=DecisionOutcome.PENALTY,
            kind=PenaltyKind.FINE,
        )
        .aggregate(count=Count("pk"), total=Sum("amount"))
    )
    # Each act is judged by the one validity rule in Python, on certificates
    # loaded with their history in a fixed number of queries.
    links = (
        scope.rows(EventOfficer)
        .filter(event__occurred_on__year=year, event__occurred_on__lte=as_of)
        .select_related("event__case__field", "officer")
        .prefetch_related(Prefetch("officer__certificates", queryset=certificates_for_the_check()))
    )
    uncertified_acts = len({link.event_id for link in links if not link.is_certified})
    return {
        "filed": figures["filed"],
        "decided": figures["decided"],
        "by_procedure": by_procedure,
        "by_field": by_field,
        "fines_count": fines["count"],
        "fines_total": fines["total"] or 0,
        "decided_with_period": figures["with_period"],
        "decided_within_period": figures["within_period"],
        "decided_within_period_rate": rate(figures["within_period"], figures["with_period"]),
        "legal_review_required": figures["reviews_required"],
        "legal_review_done": figures["reviews_done"],
        "hearings_held": figures["hearings"],
        "published": figures["publications"],
        "withdrawals_due": figures["withdrawals_due"],
        "withdrawn_on_time": figures["withdrawn_on_time"],
        "withdrawn_on_time_rate": rate(figures["withdrawn_on_time"], figures["withdrawals_due"]),
        "uncertified_handler_acts": uncertified_acts,
        "corrected_by_reconsideration": figures["corrected_by_reconsideration"],
        "corrected_by_reconsideration_rate": rate(figures["corrected_by_reconsideration"], figures["decided"]),
    }
