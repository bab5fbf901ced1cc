"""Yearly figures of legal publicity: activities by theme and format, youth education, permanent sites."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum

from enforcement.agencies.scope import Scope, ScopeShape
from enforcement.agencies.yearly import as_of
from enforcement.officers.models.officer import Officer
from lawgov.prepared import PreparedQuery
from lawgov.rates import rate
from lawgov.tallies import prepared_tally, tally_rows
from training.publicity.models import PublicityActivity, PublicityFormat, for_youth
from training.publicity.youth import PublicitySite, RuleOfLawVicePrincipal

# The key of `by_theme` under which activities without a theme day are counted.
UNTHEMED = "无主题日"


def school_year_ending_in(year: int) -> tuple[datetime.date, datetime.date]:
    """The school year (学年, September to August) that ends in `year`: the last one complete by December."""
    return datetime.date(year - 1, 9, 1), datetime.date(year, 8, 31)


def _activities(scope: ScopeShape, *, day: datetime.date, first_day: datetime.date):
    # An activity belongs to the year it started in, and counts once it has started by the as-of day.
    return scope.rows(PublicityActivity).filter(start_date__gte=first_day, start_date__lte=day)


def _activity_totals(scope: ScopeShape, **days) -> QuerySet:
    interactive = PublicityFormat.objects.filter(is_interactive=True, activities=OuterRef("pk"))
    # The theme is one row per activity: the activities by theme come in the same query.
    return tally_rows(
        _activities(scope, **days),
        {"interactive": Exists(interactive), "youth": for_youth()},
        fields=["theme__name"],
        sums=["participants", "materials"],
    )


def _formats(scope: ScopeShape, **days) -> QuerySet:
    # One row per activity and format it used.
    return tally_rows(_activities(scope, **days).filter(formats__isnull=False), fields=["formats__name"])


def _vice_principals(
    shape: tuple,
    *,
    day: datetime.date,
    first_day: datetime.date,
    lessons_from: datetime.date,
    lessons_until: datetime.date,
) -> QuerySet:
    scope, class_periods_required = shape
    lessons_in_school_year = Q(
        vice_principal_terms__activities__start_date__gte=lessons_from,
        vice_principal_terms__activities__start_date__lte=lessons_until,
    )
    serving = scope.rows(RuleOfLawVicePrincipal).serving_between(first_day, day)
    # One row per officer serving as a vice principal, with the class periods of their serving terms.
    return tally_rows(
        scope.rows(Officer)
        .filter(vice_principal_terms__in=serving.values("pk"))
        .annotate(periods=Sum("vice_principal_terms__activities__class_periods", filter=lessons_in_school_year)),
        {"meeting": Q(periods__gte=class_periods_required)},
    )


def _sites(scope: ScopeShape, *, day: datetime.date, first_day: datetime.date) -> QuerySet:
    # In use on some day of the year up to the as-of day.
    in_use = scope.rows(PublicitySite).filter(since__lte=day).filter(Q(until__isnull=True) | Q(until__gte=first_day))
    return tally_rows(in_use, fields=["kind"])


# Built and compiled once per scope (lawgov/prepared.py): building them costs more than running them.
_ACTIVITIES = PreparedQuery(_activity_totals)
_FORMATS = PreparedQuery(_formats)
_VICE_PRINCIPALS = PreparedQuery(_vice_principals)
_SITES = PreparedQuery(_sites)


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
    school_year_start, school_year_end = school_year_ending_in(year)
    days = {"day": day, "first_day": datetime.date(year, 1, 1)}
    totals = prepared_tally(_ACTIVITIES, scope.shape, **days)
    by_theme = {theme or UNTHEMED: count for theme, count in totals.by("theme__name").items()}
    by_format = prepared_tally(_FORMATS, scope.shape, **days).by("formats__name")
    vice_principals = prepared_tally(
        _VICE_PRINCIPALS,
        (scope.shape, settings.LAWGOV["VICE_PRINCIPAL_CLASS_PERIODS"]),
        **days,
        lessons_from=school_year_start,
        lessons_until=min(school_year_end, day),
    )
    sites_by_kind = prepared_tally(_SITES, scope.shape, **days).by("kind")
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
