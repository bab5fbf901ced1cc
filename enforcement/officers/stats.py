"""Officer and certificate figures of the yearly report."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from enforcement.agencies.scope import Scope
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from lawgov.rates import rate

EXPIRY_WARNING_DAYS = 90


def as_of_date(year: int, today: datetime.date | None) -> datetime.date:
    return min(today or timezone.localdate(), datetime.date(year, 12, 31))


def officer_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Staff in service, enforcement officers, certified officers and certificates lapsing, as of the year's end."""
    as_of = as_of_date(year, today)
    enforcing = Q(is_enforcement_officer=True)
    people = (
        scope.rows(Officer)
        .in_service()
        .with_certified(as_of)
        .aggregate(
            total=Count("pk", distinct=True),
            enforcement_officers=Count("pk", filter=enforcing, distinct=True),
            certified=Count("pk", filter=Q(is_certified=True), distinct=True),
            leaders=Count("pk", filter=Q(is_leader=True), distinct=True),
            enforcing_without_certificate=Count("pk", filter=enforcing & Q(is_certified=False), distinct=True),
        )
    )
    effective = Q(pk__in=Certificate.objects.effective_on(as_of).values("pk"))
    certificates = scope.rows(Certificate).aggregate(
        expiring_within_90_days=Count(
            "pk",
            filter=effective & Q(valid_until__lte=as_of + datetime.timedelta(days=EXPIRY_WARNING_DAYS)),
            distinct=True,
        ),
        # Lapsed during the year (up to the as-of date) and never renewed.
        expired=Count(
            "pk",
            filter=Q(valid_until__gte=datetime.date(year, 1, 1), valid_until__lt=as_of, replacement__isnull=True),
            distinct=True,
        ),
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
