"""Officer and certificate figures of the yearly report."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from enforcement.agencies.scope import Scope, ScopeShape
from enforcement.agencies.yearly import as_of as as_of_day
from enforcement.officers.models.certificate import Certificate, CertificateState, ending_by, warning_horizons
from enforcement.officers.models.officer import Officer
from lawgov.prepared import PreparedQuery
from lawgov.rates import rate
from lawgov.tallies import prepared_tally, tally_rows


def _people(scope: ScopeShape, *, as_of: datetime.date) -> QuerySet:
    return tally_rows(
        scope.rows(Officer).in_service_on(as_of).with_certified(as_of),
        fields=["is_enforcement_officer", "is_leader", "is_certified"],
    )


def _certificates(shape: tuple, *, as_of: datetime.date, lapsing_from: datetime.date, **horizons) -> QuerySet:
    # Each certificate's state on the day, worked out once: `expiring_on` is an effective one
    # inside its kind's warning horizon, `expired_on` one whose state is expired.
    scope, kinds = shape
    return tally_rows(
        scope.rows(Certificate).with_state(as_of),
        {
            "inside_warning_horizon": ending_by(
                {kind: horizons[f"horizon_{position}"] for position, kind in enumerate(kinds)}
            ),
            # Not renewed by the as-of date.
            "lapsed_in_year_unrenewed": Q(valid_until__gte=lapsing_from)
            & (Q(replacement__isnull=True) | Q(replacement__issued_on__gt=as_of)),
        },
        fields=["state"],
    )


# Built and compiled once per scope (and kinds of certificate warned of): building them costs more than running them.
_PEOPLE = PreparedQuery(_people)
_CERTIFICATES = PreparedQuery(_certificates)


def officer_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Staff in service, enforcement officers, certified officers and certificates lapsing, as of the year's end.

    Everything is read as it stood on the as-of date (status history,
    reviews, employment dates, renewals), so a later change never moves a
    past year's figures. `expiring_within_90_days` keeps its name in the
    API; its horizon is each kind's largest reminder threshold (90 days by
    default).
    """
    as_of = as_of_day(year, today)
    # Each officer is one row, in exactly one group: the groups add up to people counted once.
    people = prepared_tally(_PEOPLE, scope.shape, as_of=as_of)
    enforcing = people.count(is_enforcement_officer=True)
    certified = people.count(is_certified=True)
    horizons = warning_horizons(as_of)
    certificates = prepared_tally(
        _CERTIFICATES,
        (scope.shape, tuple(horizons)),
        as_of=as_of,
        # Its first expired day, the day after valid_until, falls between January 1 and the as-of date.
        lapsing_from=datetime.date(year, 1, 1) - datetime.timedelta(days=1),
        **{f"horizon_{position}": last_day for position, last_day in enumerate(horizons.values())},
    )
    return {
        "total": people.count(),
        "enforcement_officers": enforcing,
        "certified": certified,
        "certified_rate": rate(certified, enforcing),
        "leaders": people.count(is_leader=True),
        "expiring_within_90_days": certificates.count(state=CertificateState.EFFECTIVE, inside_warning_horizon=True),
        "expired": certificates.count(state=CertificateState.EXPIRED, lapsed_in_year_unrenewed=True),
        "enforcing_without_certificate": people.count(is_enforcement_officer=True, is_certified=False),
    }
