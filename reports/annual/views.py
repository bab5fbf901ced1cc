"""The report as HTML: the admin page with charts, and the standalone page the API serves."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from reports.annual.charts import charts
from reports.annual.models import AnnualReport
from reports.statistics.figures import AREAS
from reports.statistics.labels import figure_rows, shown


def figure_tables(stats: dict) -> list[dict]:
    return [
        {
            "title": str(area.label),
            "rows": [(label, shown(stats, area.key, key)) for key, label, _value in figure_rows(stats, area.key)],
        }
        for area in AREAS
        if area.key in stats
    ]


def report_context(report: AnnualReport) -> dict:
    stats = report.statistics or {}
    # The report is a Chinese document whatever the reader's language.
    with translation.override(settings.LANGUAGE_CODE):
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
