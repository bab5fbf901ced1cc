"""Yearly figures of the penalty cases of a scope: the `enforcement` keys of /api/v1/stats/."""

from __future__ import annotations

import datetime

from django.db.models import F, Q

from enforcement.agencies.scope import Scope, ScopeShape
from enforcement.agencies.yearly import as_of as as_of_day
from enforcement.cases.models import DecisionOutcome, EnforcementCase, EventOfficer, Penalty, PenaltyKind
from enforcement.officers.models.officer import certified_q
from lawgov.prepared import PreparedQuery
from lawgov.rates import rate
from lawgov.tallies import prepared_tally, tally_rows


def _cases(scope: ScopeShape, *, as_of: datetime.date, first_day: datetime.date, last_day: datetime.date):
    def during_year(name: str) -> Q:
        # In the year up to the as-of day, which lies in the year.
        return Q(**{f"{name}__gte": first_day, f"{name}__lte": as_of})

    in_year = {"withdrawal_due__range": (first_day, last_day)}
    withdrawal_fell_due = Q(**in_year, withdrawal_due__lte=as_of) | (Q(**in_year) & Q(withdrawn_on__lte=as_of))
    # The procedure and the field are one value per case: the cases filed by each come in the same query.
    return tally_rows(
        scope.rows(EnforcementCase),
        {
            "filed": during_year("filed_on"),
            "decided": during_year("decided_on"),
            "with_period": Q(decision_due__isnull=False),
            "within_period": Q(decided_on__lte=F("decision_due")),
            "review_required": Q(legal_review_required=True),
            "review_passed": Q(legal_review_passed=True),
            "hearing_held": Q(hearing_held=True),
            "published": during_year("published_on"),
            "withdrawal_fell_due": withdrawal_fell_due,
            "withdrawn_on_time": Q(withdrawn_on__lte=F("withdrawal_due")),
            "corrected": Q(corrected_on__lte=as_of),
        },
        fields=["procedure", "field__name"],
    )


def _fines(scope: ScopeShape, *, as_of: datetime.date, first_day: datetime.date):
    fines = scope.rows(Penalty).filter(
        case__decided_on__gte=first_day,
        case__decided_on__lte=as_of,
        case__outcome=DecisionOutcome.PENALTY,
        kind=PenaltyKind.FINE,
    )
    return tally_rows(fines, sums=["amount"])


def _acts(scope: ScopeShape, *, as_of: datetime.date, first_day: datetime.date):
    return scope.rows(EventOfficer).filter(event__occurred_on__gte=first_day, event__occurred_on__lte=as_of)


def _refused_acts(scope: ScopeShape, **days):
    # Each act judged in SQL by the one rule (`certified_q`, the query form of
    # `may_act`) with its own day and its case's field: judged in Python, the
    # acts of a county of 100 townships took 70 ms, ten times more at 1,000.
    # Every certificate of the officer counts, wherever it was issued: the
    # right to act is the person's, not the scope's.
    may_act = certified_q(F("event__occurred_on"), field=F("event__case__field"), officer="officer")
    return tally_rows(_acts(scope, **days).exclude(may_act), per="event")


# Built and compiled once per scope (lawgov/prepared.py): building them costs more than running them.
_CASES = PreparedQuery(_cases)
_FINES = PreparedQuery(_fines)
_REFUSED_ACTS = PreparedQuery(_refused_acts)


def enforcement_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Counts of the year up to its as-of date, in a fixed number of queries whatever the number of cases.

    `filed` counts cases filed in the year (a simplified case is filed by its
    on-the-spot decision); `decided` the decisions of the year. A decision is
    within its period when it came on or before its 90-day due day (art. 60).
    `uncertified_handler_acts` counts the acts of the year in which an
    officer had no certificate effective that day for the case's field, as
    the certificates' records stand now (a back-dated revocation counts).
    """
    as_of = as_of_day(year, today)
    days = {"as_of": as_of, "first_day": datetime.date(year, 1, 1)}
    cases = prepared_tally(_CASES, scope.shape, **days, last_day=datetime.date(year, 12, 31))
    figures = {
        "filed": cases.count(filed=True),
        "decided": cases.count(decided=True),
        "with_period": cases.count(decided=True, with_period=True),
        "within_period": cases.count(decided=True, within_period=True),
        "reviews_required": cases.count(decided=True, review_required=True),
        "reviews_done": cases.count(decided=True, review_required=True, review_passed=True),
        "hearings": cases.count(decided=True, hearing_held=True),
        "publications": cases.count(published=True),
        "withdrawals_due": cases.count(withdrawal_fell_due=True),
        "withdrawn_on_time": cases.count(withdrawal_fell_due=True, withdrawn_on_time=True),
        "corrected_by_reconsideration": cases.count(decided=True, corrected=True),
    }
    by_procedure = dict(sorted(cases.by("procedure", filed=True).items()))
    by_field = dict(sorted(cases.by("field__name", filed=True).items()))
    fines = prepared_tally(_FINES, scope.shape, **days)
    # A county's planned each time (`at_the_root`): its generic plan took 68 ms for 1,000 townships, 59 ms
    # planned for the values (141 ms before the subtree's path was written into the text).
    refused = prepared_tally(_REFUSED_ACTS, scope.shape, plan_each_time=scope.shape.at_the_root, **days)
    return {
        "filed": figures["filed"],
        "decided": figures["decided"],
        "by_procedure": by_procedure,
        "by_field": by_field,
        "fines_count": fines.count(),
        "fines_total": fines.sum("amount"),
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
        "uncertified_handler_acts": refused.count(),
        "corrected_by_reconsideration": figures["corrected_by_reconsideration"],
        "corrected_by_reconsideration_rate": rate(figures["corrected_by_reconsideration"], figures["decided"]),
    }
