"""The yearly statistics of an agency's subtree: the one dictionary behind the API, the narrative and the files.

It combines the figures each area defines (enforcement and training apps)
and the problems found in them; it counts nothing itself, so a figure means
the same here as in its own app.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models.functions import Length
from django.utils import timezone
from django.utils.module_loading import import_string

from enforcement.agencies.models import Agency
from enforcement.agencies.scope import Scope
from reports.statistics.problems import find_problems

# The key of each area in the statistics and the function computing it.
AREAS: dict[str, str] = {
    "officers": "enforcement.officers.stats.officer_figures",
    "training": "training.study.stats.training_figures",
    "exams": "training.exams.stats.exam_figures",
    "publicity": "training.publicity.stats.publicity_figures",
    "reconsideration": "enforcement.reconsideration.stats.reconsideration_figures",
    "enforcement": "enforcement.cases.stats.enforcement_figures",
}


def compile_statistics(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """The statistics of `scope` for `year`, in the shape of the /api/v1/stats/ contract."""
    stats: dict = {"year": year, "agency": {"id": scope.agency.pk, "name": scope.agency.name}}
    for key, function_path in AREAS.items():
        # Resolved at call time: the areas live in apps that reports depends on,
        # and a test may point an area at a function of its own.
        area_figures = import_string(function_path)
        stats[key] = plain(area_figures(scope, year, today=today))
    stats["problems"] = find_problems(stats)
    return stats


def plain(value):
    """The figures as JSON values: sums of decimal hours become numbers, dates ISO strings."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


class WholeSubtreeReader:
    """A reader who may list every row: the management command and system jobs read as one."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    is_staff = True
    pk = None

    def has_perm(self, perm, obj=None) -> bool:
        return True


def subtree_scope(agency: Agency) -> Scope:
    """Every row of `agency`'s subtree, whoever could list it."""
    return Scope(WholeSubtreeReader(), agency)


def last_complete_year(today: datetime.date | None = None) -> int:
    """The year a yearly figure is asked for when none is named: the last one that has ended."""
    return (today or timezone.localdate()).year - 1


def top_agency_of(user) -> Agency | None:
    """The highest agency the user belongs to (a superuser without membership: the first root)."""
    agencies = Agency.objects.filter(memberships__user=user) if user.pk else Agency.objects.none()
    agency = agencies.order_by(Length("path"), "path").first()
    if agency is None and user.is_superuser:
        agency = Agency.objects.filter(parent=None).order_by("path").first()
    return agency
