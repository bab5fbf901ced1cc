from __future__ import annotations

import datetime

from django.db.models import Count, Exists, OuterRef, Q, Sum

from enforcement.agencies.scope import Scope
from enforcement.agencies.yearly import as_of
from lawgov.rates import rate
from training.publicity.models import PublicityActivity, PublicityFormat
from training.publicity.youth import RuleOfLawVicePrincipal


def publicity_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Activities of the year by theme and format, how interactive they were, youth work.

    An activity belongs to the year it started in. `interactive_share` is the
    share of activities with at least one interactive format. A vice
    principal serving any part of the year counts for it, once.
    """
    activities = scope.rows(PublicityActivity).in_year(year)
    interactive = PublicityFormat.objects.filter(is_interactive=True, activities=OuterRef("pk"))
    youth = activities.youth().values("pk")
    totals = activities.aggregate(
        activities=Count("id"),
        participants=Sum("participants"),
        materials=Sum("materials"),
        interactive=Count("id", filter=Q(Exists(interactive))),
        youth_activities=Count("id", filter=Q(pk__in=youth)),
    )
    by_theme = {
        row["theme__name"] or "": row["count"]
        for row in activities.order_by().values("theme__name").annotate(count=Count("id"))
    }
    by_format = {
        row["formats__name"]: row["count"]
        for row in activities.filter(formats__isnull=False)
        .order_by()
        .values("formats__name")
        .annotate(count=Count("id", distinct=True))
    }
    first_day = datetime.date(year, 1, 1)
    vice_principals = (
        scope.rows(RuleOfLawVicePrincipal)
        .serving_between(first_day, as_of(year, today))
        .aggregate(officers=Count("officer", distinct=True))["officers"]
    )
    return {
        "activities": totals["activities"],
        "participants": totals["participants"] or 0,
        "materials": totals["materials"] or 0,
        "by_theme": by_theme,
        "by_format": by_format,
        "interactive_share": rate(totals["interactive"], totals["activities"]),
        "youth_activities": totals["youth_activities"],
        "vice_principals": vice_principals,
    }
