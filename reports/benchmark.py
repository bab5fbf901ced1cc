"""The benchmark: latency and query counts of the operations people wait for.

Run by `manage.py bench` (`make bench`), never by the test suite: timing is
measured here, while tests assert only query counts.

Every scenario is timed run by run alternately with a baseline (a plain
JsonResponse view through the same client and middleware: the least a view
can do, or, for a list, the same rows read with `values()`), so that a
machine busy with something else slows both alike: the ratio of the two is
what is compared between scales and between runs, the milliseconds only
against the goals.
"""

from __future__ import annotations

import functools
import json
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import F
from django.http import JsonResponse
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from django.utils import timezone

from enforcement.officers.models.officer import Officer


@dataclass(frozen=True)
class Goal:
    median_ms: float | None = None
    queries: int | None = None
    ratio: float | None = None  # of the baseline's median
    memory_mb: float | None = None

    def describe(self) -> str:
        parts = []
        if self.median_ms is not None:
            parts.append(f"≤ {self.median_ms:g} ms")
        if self.queries is not None:
            parts.append(f"≤ {self.queries} queries")
        if self.ratio is not None:
            parts.append(f"≤ {self.ratio:g}× plain")
        if self.memory_mb is not None:
            parts.append(f"≤ {self.memory_mb:g} MB")
        return ", ".join(parts) or "none"


@dataclass
class Measurement:
    scenario: str
    scale: int
    runs: int
    median_ms: float
    p95_ms: float
    queries: int
    baseline_ms: float | None = None
    ratio: float | None = None
    peak_memory_mb: float | None = None
    goal: dict = field(default_factory=dict)
    goal_met: bool | None = None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def plain_view(request):
    """The baseline: the least a Django view can do, through the whole middleware stack."""
    return JsonResponse({"ok": True})


@functools.cache
def _reader(user_id: int):
    # Looked up once: the baseline leaves authentication out, and the user
    # object keeps its scope, as the API's cached token does.
    return get_user_model().objects.get(pk=user_id)


# The columns of the officers list, as stored or annotated; the birth date and sex it derives from the number.
OFFICER_COLUMNS = [
    "id",
    "name",
    "agency_id",
    "position",
    "is_leader",
    "is_enforcement_officer",
    "phone",
    "employment_status",
    "employed_since",
    "employed_until",
    "version",
    "is_certified",
]


def plain_officers_view(request, user_id: int):
    """The officers list's baseline: the first 100 officers `user_id` may see, in the API's default order
    and with ID numbers as that user may read them, read with `values()` and answered as a plain JsonResponse.

    Served only by the benchmark's URLs, never by the project's.
    """
    reader = _reader(user_id)
    officers = (
        Officer.objects.visible_to(reader)
        .with_certified(timezone.localdate())
        .with_id_number_shown_to(reader)
        .order_by("agency__path", "name", "pk")
        .values(*OFFICER_COLUMNS, "id_number_shown", agency_name=F("agency__name"))[:100]
    )
    rows = {row["id"]: row | {"enforcement_fields": []} for row in officers}
    names = (
        Officer.enforcement_fields.through.objects.filter(officer_id__in=list(rows))
        .order_by("enforcementfield__order", "enforcementfield__name")
        .values_list("officer_id", "enforcementfield__name")
    )
    for officer_id, name in names:
        rows[officer_id]["enforcement_fields"].append(name)
    return JsonResponse({"results": list(rows.values())})


# The URLs the benchmark serves: the project's, plus the baseline views.
urlpatterns = [
    path("bench/plain/", plain_view, name="bench-plain"),
    path("bench/plain/officers/<int:user_id>/", plain_officers_view, name="bench-plain-officers"),
    path("", include("lawgov.urls")),
]
PLAIN_PATH = "/bench/plain/"


def plain_officers_path(user) -> str:
    return f"/bench/plain/officers/{user.pk}/"


# PostgreSQL prepares a statement the fifth time a connection runs it
# (settings: prepare_threshold) and may plan it generically five runs later,
# and prepared queries (lawgov/prepared.py) compile once per shape: a
# long-lived worker is in that steady state after its first requests.
STEADY_STATE_WARM_UP = 10


def _timed(operation: Callable[..., object], *args) -> float:
    started = time.perf_counter()
    operation(*args)
    return (time.perf_counter() - started) * 1000


def measure(
    name: str,
    scale: int,
    operation: Callable[[int], object],
    runs: int,
    *,
    baseline: Callable[[], object] | None = None,
    prepare: Callable[[], object] | None = None,
    goal: Goal | None = None,
    track_memory: bool = False,
    warm_up: int = 1,
) -> Measurement:
    """Run `operation(i)` `runs` times after `warm_up` untimed runs, each run next to one baseline run.

    `warm_up=STEADY_STATE_WARM_UP` measures what a long-lived worker answers.

    Latency in ms; queries of one more run, untimed; `prepare` runs untimed
    before each run (to empty a cache, say). With `track_memory`, one more run
    under tracemalloc gives the peak memory; it is not timed, since tracing
    slows Python down several times over.
    """
    for _ in range(warm_up):
        if prepare is not None:
            prepare()
        operation(0)
        if baseline is not None:
            baseline()
    timings, baseline_timings = [], []
    for run in range(1, runs + 1):
        if baseline is not None:
            baseline_timings.append(_timed(baseline))
        if prepare is not None:
            prepare()
        timings.append(_timed(operation, run))
    # Counted on one more run, not timed: capturing writes out every query with
    # its parameters (on PostgreSQL with server-side binding, by composing it
    # anew), work that would be timed with the operation and not the baseline.
    if prepare is not None:
        prepare()
    with CaptureQueriesContext(connection) as captured:
        operation(runs + 1)
    peak = None
    if track_memory:
        tracemalloc.start()
        operation(runs + 1)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    median = statistics.median(timings)
    base = statistics.median(baseline_timings) if baseline_timings else None
    goal = goal or Goal()
    result = Measurement(
        scenario=name,
        scale=scale,
        runs=runs,
        median_ms=round(median, 2),
        p95_ms=round(percentile(timings, 0.95), 2),
        queries=len(captured),
        baseline_ms=round(base, 3) if base else None,
        ratio=round(median / base, 2) if base else None,
        peak_memory_mb=round(peak, 1) if peak is not None else None,
        goal=asdict(goal),
    )
    result.goal_met = meets(result, goal)
    return result


def meets(m: Measurement, goal: Goal) -> bool:
    checks = [
        goal.median_ms is None or m.median_ms <= goal.median_ms,
        goal.queries is None or m.queries <= goal.queries,
        goal.ratio is None or (m.ratio is not None and m.ratio <= goal.ratio),
        goal.memory_mb is None or (m.peak_memory_mb is not None and m.peak_memory_mb <= goal.memory_mb),
    ]
    return all(checks)


def describe(m: Measurement) -> str:
    memory = f", peak {m.peak_memory_mb} MB" if m.peak_memory_mb is not None else ""
    ratio = f", {m.ratio}× plain ({m.baseline_ms} ms)" if m.ratio is not None else ""
    verdict = "met" if m.goal_met else "NOT met"
    return (
        f"[scale {m.scale}] {m.scenario}: p50 {m.median_ms} ms, p95 {m.p95_ms} ms, {m.queries} queries"
        f"{ratio}{memory} ({m.runs} runs) | goal {Goal(**m.goal).describe()}: {verdict}"
    )


def growth(small: list[Measurement], large: list[Measurement]) -> list[dict]:
    """How each scenario changed from the small scale to the large one.

    `ratio_factor` compares each scale's ratio to its own baseline, measured in
    the same process: it does not move when the machine is merely busier
    during one of the two runs, as `median_factor` does.
    """
    by_name = {m.scenario: m for m in small}
    rows = []
    for m in large:
        base = by_name.get(m.scenario)
        if base is None:
            continue
        rows.append(
            {
                "scenario": m.scenario,
                "median_factor": round(m.median_ms / base.median_ms, 2) if base.median_ms else None,
                "ratio_factor": round(m.ratio / base.ratio, 2) if m.ratio and base.ratio else None,
                "queries_small": base.queries,
                "queries_large": m.queries,
            }
        )
    return rows


def write_results(path: str, results: dict) -> None:
    with open(path, "w", encoding="utf-8") as output:
        json.dump(results, output, ensure_ascii=False, indent=2, default=lambda value: asdict(value))
