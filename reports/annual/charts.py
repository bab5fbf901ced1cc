"""The charts of each area as declared in reports/statistics/figures.py: they feed the Excel annex and the HTML view."""

from __future__ import annotations

from dataclasses import dataclass

from reports.statistics.figures import AREAS
from reports.statistics.labels import breakdown_rows


@dataclass(frozen=True)
class Chart:
    area: str
    title: str
    kind: str  # "bar" or "pie"
    points: list[tuple[str, float]]

    @property
    def largest(self) -> float:
        return max((value for _label, value in self.points), default=0) or 1

    @property
    def bars(self) -> list[dict]:
        """The points with their bar length in percent of the largest, for the HTML view."""
        return [
            {"label": label, "value": value, "width": round(100 * (value or 0) / self.largest, 1)}
            for label, value in self.points
        ]


def charts(stats: dict, area: str | None = None) -> list[Chart]:
    """The charts declared for `area` (or for every area), with the figures that exist in `stats`."""
    built = []
    for declared_area in AREAS:
        if area is not None and declared_area.key != area:
            continue
        figures = stats.get(declared_area.key) or {}
        for spec in declared_area.charts:
            if spec.mapping:
                points = breakdown_rows(stats, declared_area.key, spec.mapping)
            else:
                points = [
                    (short_label(declared_area.figure(key).label), figures[key] or 0)
                    for key in spec.keys
                    if key in figures
                ]
            built.append(Chart(area=declared_area.key, title=str(spec.title), kind=spec.kind, points=points))
    return built


def short_label(label) -> str:
    """A label without its unit in brackets, for a chart axis: 合格人数（人） → 合格人数."""
    return str(label).split("（")[0]
