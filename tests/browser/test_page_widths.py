"""Every admin page fits a 1366 px screen; the start page and the public pages fit a 390 px phone."""

import io
from importlib import import_module

import pytest
from django.contrib import admin
from django.core.management import call_command

from enforcement.agencies import roles
from enforcement.agencies.models import Agency, AgencyKind
from enforcement.officers.models.certificate import Certificate
from tests.browser.conftest import log_in
from tests.factories.agencies import PASSWORD, UserFactory
from training.publicity.models import Audience, PublicityFormat, ThemeDay

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The migrations that load the theme days, formats and audiences the demo uses;
# a transactional test before this one may have flushed them.
reference_data = import_module("training.migrations.0002_reference_data")
one_constitution_day = import_module("training.migrations.0003_one_constitution_day")


def restore_reference_data() -> None:
    """The reference rows as the migrations leave them: 12·4 once, as 国家宪法日."""
    if PublicityFormat.objects.exists():
        return
    for name, month, day, days in reference_data.THEME_DAYS:
        if name != one_constitution_day.DUPLICATE:
            ThemeDay.objects.get_or_create(name=name, defaults={"month": month, "day": day, "days": days})
    for name, interactive in reference_data.FORMATS:
        PublicityFormat.objects.get_or_create(name=name, defaults={"is_interactive": interactive})
    for name, youth in reference_data.AUDIENCES:
        Audience.objects.get_or_create(name=name, defaults={"is_youth": youth})


WIDTH = "[document.documentElement.scrollWidth, window.innerWidth]"


def demo() -> None:
    restore_reference_data()
    call_command("seed_demo", scale=1, years=1, stdout=io.StringIO())
    call_command("run_daily_jobs", stdout=io.StringIO())


def too_wide(page, urls: list[str]) -> dict[str, int]:
    wide = {}
    for url in urls:
        page.goto(url)
        scroll, inner = page.evaluate(WIDTH)
        if scroll > inner:
            wide[url] = scroll
    return wide


def admin_urls() -> list[str]:
    urls = ["/admin/"]
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        urls += [base, f"{base}add/"]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls += [f"{base}{first.pk}/change/", f"{base}{first.pk}/history/"]
    return urls


def test_admin_pages_fit_a_1366_px_screen_and_the_start_and_public_pages_a_phone(page):
    demo()
    township = Agency.objects.filter(kind=AgencyKind.TOWNSHIP).first()
    lead = UserFactory(username="lead", roles=[roles.TEAM_LEAD], agencies=[township])
    certificate = Certificate.objects.first()

    page.set_viewport_size({"width": 390, "height": 800})
    assert too_wide(page, ["/", f"/verify/{certificate.verification_token}/"]) == {}
    log_in(page, lead.username, PASSWORD)
    assert too_wide(page, ["/admin/"]) == {}

    UserFactory(username="root", is_superuser=True, is_staff=True)
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1366, "height": 800})
    log_in(page, "root", PASSWORD)
    assert too_wide(page, admin_urls()) == {}
