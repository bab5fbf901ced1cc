"""Entering a session's attendance and an exam's results in a real browser, by name, never by a numeric ID."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import ExamFactory, OfficerFactory, TrainingSessionFactory
from tests.factories.agencies import PASSWORD
from tests.factories.cases import certified_officer, penalty_case
from training.exams.models import ExamResult
from training.study.models import Attendance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FITS = "document.documentElement.scrollWidth <= window.innerWidth"


def no_numeric_id_box(page) -> None:
    assert page.locator(".vForeignKeyRawIdAdminField, .vManyToManyRawIdAdminField").count() == 0


def test_a_team_lead_records_twenty_officers_at_a_session_from_the_session_page(page, world):
    session = TrainingSessionFactory(agency=world.township_a, date=datetime.date(2025, 3, 14))
    officers = [OfficerFactory(agency=world.team_a, name=f"执法队员{n:02d}") for n in range(20)]
    OfficerFactory(agency=world.township_a, name="镇办干部")
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, world.team_lead_a.username, PASSWORD)

    page.goto(f"/admin/training/trainingsession/{session.pk}/change/")
    no_numeric_id_box(page)
    page.click(".object-tools a[href$='/attendees/']")
    page.wait_for_selector("#id_officers_from")
    selector = page.locator(".selector").inner_text()
    assert not re.search(r"[A-Za-z]{3,}", selector), selector
    assert page.evaluate(FITS)

    page.locator("#id_officers_input").press_sequentially("执法队员")
    page.locator("#id_officers_input").dispatch_event("keyup")
    page.click("#id_officers_add_all")
    assert page.locator("#id_officers_to option").count() == 20
    page.click("#add-attendees input[type=submit]")
    page.wait_for_selector(".messagelist .success")
    assert set(Attendance.objects.filter(session=session).values_list("officer", flat=True)) == {
        officer.pk for officer in officers
    }


def test_a_team_lead_enters_a_whole_exams_results_on_the_exams_page(page, world):
    exam = ExamFactory(agency=world.township_a, date=datetime.date(2025, 11, 20))
    officers = [OfficerFactory(agency=world.team_a, name=f"考生{n:02d}") for n in range(20)]
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, world.team_lead_a.username, PASSWORD)

    page.goto(f"/admin/training/exam/{exam.pk}/change/")
    no_numeric_id_box(page)
    page.click(".object-tools a[href$='/scores/']")
    rows = page.locator("#score-sheet tbody tr")
    assert rows.count() == 20
    assert page.evaluate(FITS)
    for n, officer in enumerate(officers[:-1]):
        page.fill(f"tr[data-officer='{officer.name}'] input[name$='-score']", str(60 + n))
    page.check(f"tr[data-officer='{officers[-1].name}'] input[name$='-absent']")
    page.click("#exam-scores input[type=submit]")
    page.wait_for_selector(".messagelist .success")

    results = {result.officer.name: result for result in ExamResult.objects.filter(exam=exam)}
    assert len(results) == 20
    assert results["考生00"].score == Decimal(60)
    assert results["考生18"].score == Decimal(78)
    assert results["考生19"].absent


def test_a_team_lead_adds_a_handler_to_a_penalty_case_by_name(page, world):
    case = penalty_case(world.township_a, ("filed", datetime.date(2025, 3, 4)))
    third = certified_officer(world.team_a)
    third.name = "第三承办人"
    third.save()
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, world.team_lead_a.username, PASSWORD)

    page.goto(f"/admin/enforcement/enforcementcase/{case.pk}/change/")
    no_numeric_id_box(page)
    page.click(".field-handlers .select2-selection")
    page.locator(".select2-search__field").last.press_sequentially("第三")
    page.click(".select2-results__option:has-text('第三承办人')")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    assert third in case.handlers.all()


def test_the_handler_list_offers_only_officers_certified_for_the_cases_field_on_its_day(page, world):
    case = penalty_case(world.township_a, discovered_on=datetime.date(2025, 3, 3), field="城乡规划")
    for name, agency, certificate in [
        ("承办持证", world.team_a, {"fields": "城乡规划"}),
        ("承办前日到期", world.team_a, {"valid_until": datetime.date(2025, 3, 2)}),
        ("承办其他领域", world.team_a, {"fields": "市场监管"}),
        ("承办乙乡", world.township_b, {"fields": "城乡规划"}),
    ]:
        officer = certified_officer(agency, **certificate)
        officer.name = name
        officer.save()
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, world.team_lead_a.username, PASSWORD)

    def search_handlers() -> None:
        page.click(".field-handlers .select2-selection")
        search = page.locator(".select2-search__field").last
        search.fill("")
        search.press_sequentially("承办")

    page.goto(f"/admin/enforcement/enforcementcase/{case.pk}/change/")
    search_handlers()
    expect(page.locator(".select2-results__option")).to_have_text(["承办持证"])
    page.keyboard.press("Escape")

    # The day is read from the form as it stands: a day earlier, the lapsed certificate was still in force.
    page.fill("#id_discovered_on", "2025-03-02")
    search_handlers()
    expect(page.locator(".select2-results__option")).to_have_text(["承办前日到期", "承办持证"])
