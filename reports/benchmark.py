"""The benchmark: latency and query counts of the operations people wait for.

Run by `manage.py bench` (`make bench`), never by the test suite: timing is
measured here, while tests assert only query counts.
"""

from __future__ import annotations

import json
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass
class Measurement:
    scenario: str
    scale: int
    runs: int
    median_ms: float
    p95_ms: float
    queries: int
    peak_memory_mb: float | None = None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(
    name: str, scale: int, operation: Callable[[], object], runs: int, track_memory: bool = False
) -> Measurement:
    """Run `operation` `runs` times after one warm-up; latency in ms, queries of the last run.

    With `track_memory`, one more run under tracemalloc gives the peak memory;
    it is not timed, since tracing slows Python down several times over.
    """
    operation()
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            operation()
            timings.append((time.perf_counter() - started) * 1000)
    peak = None
    if track_memory:
        tracemalloc.start()
        operation()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return Measurement(
        scenario=name,
        scale=scale,
        runs=runs,
        median_ms=round(statistics.median(timings), 2),
        p95_ms=round(percentile(timings, 0.95), 2),
        queries=len(captured),
        peak_memory_mb=round(peak, 1) if peak is not None else None,
    )


def growth(small: list[Measurement], large: list[Measurement]) -> list[dict]:
    """How each scenario's latency and query count changed from the small scale to the large one."""
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
                "queries_small": base.queries,
                "queries_large": m.queries,
            }
        )
    return rows


def write_results(path: str, results: dict) -> None:
    with open(path, "w", encoding="utf-8") as output:
        json.dump(results, output, ensure_ascii=False, indent=2, default=lambda value: asdict(value))
