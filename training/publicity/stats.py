"""Yearly figures of legal publicity: activities by theme and format, youth education, permanent sites."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, Sum

from enforcement.agencies.scope import Scope
from enforcement.agencies.yearly import as_of
from enforcement.officers.models.officer import Officer
from lawgov.rates import rate
from lawgov.tallies import tally
from training.publicity.models import PublicityActivity, PublicityFormat, for_youth
from training.publicity.youth import PublicitySite, RuleOfLawVicePrincipal

# The key of `by_theme` under which activities without a theme day are counted.
UNTHEMED = "无主题日"


def school_year_ending_in(year: int) -> tuple[datetime.date, datetime.date]:
    """The school year (学年, September to August) that ends in `year`: the last one complete by December."""
    return datetime.date(year - 1, 9, 1), datetime.date(year, 8, 31)


def publicity_figures(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """Activities of the year by theme and format, how interactive they were, youth work, permanent sites.

    An activity belongs to the year it started in, and counts only once it
    has started by the as-of date: one dated after the day the figures are
    compiled is a typing error or a plan, not work done (the admin lists
    them). `interactive_share` is the share of activities with at least one
    interactive format. A vice principal serving any part of the year counts
    for it, once; they meet the lessons rule when their activities at school
    in the school year ending in the report year give at least the required
    class periods (4 by the national rule, a LAWGOV setting). A site counts
    when it was in use on some day of the year up to the as-of date.
    """
    day = as_of(year, today)
    first_day = datetime.date(year, 1, 1)
    activities = scope.rows(PublicityActivity).in_year(year).filter(start_date__lte=day)
    interactive = PublicityFormat.objects.filter(is_interactive=True, activities=OuterRef("pk"))
    # The theme is one row per activity: the activities by theme come in the same query.
    totals = tally(
        activities,
        {"interactive": Exists(interactive), "youth": for_youth()},
        fields=["theme__name"],
        sums=["participants", "materials"],
    )
    by_theme = {theme or UNTHEMED: count for theme, count in totals.by("theme__name").items()}
    by_format = {
        row["formats__name"]: row["count"]
        for row in activities.filter(formats__isnull=False)
        .order_by()
        .values("formats__name")
        .annotate(count=Count("id", distinct=True))
    }
    school_year_start, school_year_end = school_year_ending_in(year)
    lessons_in_school_year = Q(
        vice_principal_terms__activities__start_date__gte=school_year_start,
        vice_principal_terms__activities__start_date__lte=min(school_year_end, day),
    )
    serving = scope.rows(RuleOfLawVicePrincipal).serving_between(first_day, day)
    # One row per officer serving as a vice principal, with the class periods of their serving terms.
    vice_principals = tally(
        scope.rows(Officer)
        .filter(vice_principal_terms__in=serving.values("pk"))
        .annotate(periods=Sum("vice_principal_terms__activities__class_periods", filter=lessons_in_school_year)),
        {"meeting": Q(periods__gte=settings.LAWGOV["VICE_PRINCIPAL_CLASS_PERIODS"])},
    )
    sites = scope.rows(PublicitySite).filter(since__lte=day).filter(Q(until__isnull=True) | Q(until__gte=first_day))
    sites_by_kind = {row["kind"]: row["count"] for row in sites.order_by().values("kind").annotate(count=Count("id"))}
    return {
        "activities": totals.count(),
        "participants": totals.sum("participants"),
        "materials": totals.sum("materials"),
        "by_theme": by_theme,
        "by_format": by_format,
        "interactive_activities": totals.count(interactive=True),
        "interactive_share": rate(totals.count(interactive=True), totals.count()),
        "youth_activities": totals.count(youth=True),
        "vice_principals": vice_principals.count(),
        "vice_principals_meeting_lessons": vice_principals.count(meeting=True),
        "sites": sum(sites_by_kind.values()),
        "sites_by_kind": sites_by_kind,
    }
