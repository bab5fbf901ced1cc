"""Compiled statistics cached until a record they count is written, not for a time.

The key holds what determines the answer: the agency subtree, the year, the
as-of date, the reader's visible scope, and the version of the subtree's
records (enforcement.agencies.record_versions), which every write that could
change a figure bumps in its own transaction. A dashboard polling the same
figures therefore costs one query (reading that version) until something in
its subtree, or something its subtree depends on, is written.
"""

from __future__ import annotations

import datetime
import hashlib

from django.core.cache import cache
from django.utils import timezone

from enforcement.agencies.querysets import scope_paths
from enforcement.agencies.record_versions import bump_everywhere_on_writes_to, records_version
from enforcement.agencies.scope import Scope
from reports.statistics.compile import child_agencies, compile_statistics
from training.exams.models import Exam
from training.publicity.models import Audience, PublicityFormat, ThemeDay
from training.study.models import TrainingSession

TIMEOUT = 24 * 3600  # only to let unused entries go; correctness comes from the version


def _reader(scope: Scope) -> str:
    paths = scope_paths(scope.user)
    if paths is None:
        return "all"
    return hashlib.sha256("|".join(sorted(paths)).encode()).hexdigest()[:24]


def statistics_key(scope: Scope, year: int, today: datetime.date) -> str:
    agency = scope.agency
    version = records_version(agency.path)
    return f"lawgov:stats:{agency.pk}:{agency.path}:{year}:{today.isoformat()}:{_reader(scope)}:{version}"


def cached_statistics(scope: Scope, year: int, *, today: datetime.date | None = None) -> dict:
    """compile_statistics, answered from the cache while nothing it counts has been written."""
    today = today or timezone.localdate()
    key = statistics_key(scope, year, today)
    statistics = cache.get(key)
    if statistics is None:
        statistics = compile_statistics(scope, year, today=today)
        cache.set(key, statistics, TIMEOUT)
    return statistics


def cached_children_statistics(user, agency, year: int, *, today: datetime.date | None = None) -> list[dict]:
    """The statistics of each agency directly below `agency` that the user may see, side by side.

    Each child is compiled (or read from the cache) on its own, so its figures
    are exactly those its own statistics would show.
    """
    return [cached_statistics(Scope(user, child), year, today=today) for child in child_agencies(user, agency)]


def connect_signals() -> None:
    # Lookup lists every agency's figures name, and rows counted in other
    # subtrees than their own: a session's or an exam's attendees may work
    # anywhere, so a change to one may change any agency's figures.
    bump_everywhere_on_writes_to(TrainingSession, Exam, ThemeDay, PublicityFormat, Audience)
