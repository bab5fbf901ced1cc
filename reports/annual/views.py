"""The report as HTML: the admin page with charts, and the standalone page the API serves."""

from django.template.loader import render_to_string

from reports.annual.charts import charts
from reports.annual.models import AnnualReport
from reports.statistics.labels import AREAS, display_value, figure_rows


def figure_tables(stats: dict) -> list[dict]:
    return [
        {
            "title": title,
            "rows": [(label, display_value(key, value)) for key, label, value in figure_rows(stats, area)],
        }
        for area, title in AREAS.items()
    ]


def report_context(report: AnnualReport) -> dict:
    stats = report.statistics or {}
    return {
        "report": report,
        "document": report.document or None,
        "charts": charts(stats) if stats else [],
        "tables": figure_tables(stats) if stats else [],
        "problems": stats.get("problems") or [],
    }


def render_report_page(report: AnnualReport) -> str:
    """A complete printable HTML page of the report, without the admin around it."""
    return render_to_string("reports/report_page.html", report_context(report))
