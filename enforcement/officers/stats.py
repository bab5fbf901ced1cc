"""Officer and certificate figures of the yearly report."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from enforcement.agencies.scope import Scope
from enforcement.agencies.yearly import as_of as as_of_day
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from lawgov.rates import rate


def officer_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Staff in service, enforcement officers, certified officers and certificates lapsing, as of the year's end.

    Everything is read as it stood on the as-of date (status history,
    reviews, employment dates, renewals), so a later change never moves a
    past year's figures. `expiring_within_90_days` keeps its name in the
    API; its horizon is each kind's largest reminder threshold (90 days by
    default).
    """
    as_of = as_of_day(year, today)
    enforcing = Q(is_enforcement_officer=True)
    people = (
        scope.rows(Officer)
        .in_service_on(as_of)
        .with_certified(as_of)
        .aggregate(
            total=Count("pk", distinct=True),
            enforcement_officers=Count("pk", filter=enforcing, distinct=True),
            certified=Count("pk", filter=Q(is_certified=True), distinct=True),
            leaders=Count("pk", filter=Q(is_leader=True), distinct=True),
            enforcing_without_certificate=Count("pk", filter=enforcing & Q(is_certified=False), distinct=True),
        )
    )
    expiring = Q(pk__in=Certificate.objects.expiring_on(as_of).values("pk"))
    # Expired during the year (its first expired day, the day after valid_until,
    # falls between January 1 and the as-of date) and not renewed by then.
    expired = (
        Q(pk__in=Certificate.objects.expired_on(as_of).values("pk"))
        & Q(valid_until__gte=datetime.date(year, 1, 1) - datetime.timedelta(days=1))
        & (Q(replacement__isnull=True) | Q(replacement__issued_on__gt=as_of))
    )
    certificates = scope.rows(Certificate).aggregate(
        expiring_within_90_days=Count("pk", filter=expiring, distinct=True),
        expired=Count("pk", filter=expired, distinct=True),
    )
    return {
        "total": people["total"],
        "enforcement_officers": people["enforcement_officers"],
        "certified": people["certified"],
        "certified_rate": rate(people["certified"], people["enforcement_officers"]),
        "leaders": people["leaders"],
        "expiring_within_90_days": certificates["expiring_within_90_days"],
        "expired": certificates["expired"],
        "enforcing_without_certificate": people["enforcing_without_certificate"],
    }
