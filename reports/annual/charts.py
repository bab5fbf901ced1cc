"""Which charts illustrate each area: the same specification feeds the Excel annex and the HTML view."""

from __future__ import annotations

from dataclasses import dataclass

from reports.statistics.labels import LABELS, breakdown_rows


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


# (area, title, kind, figure keys) or (area, title, kind, breakdown key).
CHARTS = [
    (
        "officers",
        "执法人员持证情况",
        "bar",
        ["enforcement_officers", "certified", "enforcing_without_certificate", "expiring_within_90_days", "expired"],
    ),
    ("training", "执法人员学时完成情况", "bar", ["officers_meeting_requirement", "officers_below_requirement"]),
    ("exams", "学法考试情况", "bar", ["required", "participants", "passed"]),
    ("publicity", "宣传形式分布", "pie", "by_format"),
    ("publicity", "主题日宣传活动", "bar", "by_theme"),
    (
        "reconsideration",
        "行政复议案件办理情况",
        "bar",
        ["received", "accepted", "decided", "upheld", "corrected", "mediated_or_settled", "withdrawn", "pending"],
    ),
    (
        "enforcement",
        "行政处罚案件办理情况",
        "bar",
        ["filed", "decided", "fines_count", "legal_review_required", "legal_review_done", "hearings_held", "published"],
    ),
]


def charts(stats: dict, area: str | None = None) -> list[Chart]:
    """The charts of `area` (or of every area), with the figures that exist in `stats`."""
    built = []
    for chart_area, title, kind, source in CHARTS:
        if area is not None and chart_area != area:
            continue
        figures = stats.get(chart_area) or {}
        if isinstance(source, str):
            points = [(name, count) for name, count in breakdown_rows(stats, chart_area, source)]
        else:
            labels = LABELS[chart_area]
            points = [(labels[key].split("（")[0], figures[key] or 0) for key in source if key in figures]
        built.append(Chart(area=chart_area, title=title, kind=kind, points=points))
    return built
