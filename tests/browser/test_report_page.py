import datetime

import pytest

from reports.annual.models import AnnualReport
from reports.annual.narrative import build_document
from tests.browser.conftest import log_in
from tests.factories.agencies import PASSWORD
from tests.reports.fixtures import township_stats

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_the_report_page_with_its_charts_fits_a_phone_screen(page, world):
    stats = township_stats()
    report = AnnualReport.objects.create(
        agency=world.township_a,
        year=2021,
        statistics=stats,
        document=build_document(stats, dated=datetime.date(2022, 2, 20)),
    )
    log_in(page, world.team_lead_a.username, PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"/api/v1/reports/{report.pk}/html/")
    charts = page.locator("figure.chart svg")
    assert charts.count() >= 5
    widths = page.evaluate(
        "[...document.querySelectorAll('figure.chart svg')].map(s => s.getBoundingClientRect().width)"
    )
    assert all(0 < width <= PHONE["width"] for width in widths), widths
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
