import pytest

from tests.browser.conftest import log_in
from tests.factories.agencies import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_lead_logs_into_the_chinese_admin_and_sees_only_their_township(page, world):
    log_in(page, world.team_lead_a.username, PASSWORD)
    assert "站点管理" in page.content() or "工作概览" in page.content()
    page.goto("/admin/enforcement/agency/")
    listing = page.locator("#result_list").inner_text()
    assert "甲镇人民政府" in listing
    assert "乙乡人民政府" not in listing


def test_a_wrong_password_shows_the_error_in_chinese(page, world):
    page.goto("/admin/login/")
    page.fill("#id_username", world.team_lead_a.username)
    page.fill("#id_password", "wrong")
    page.click("input[type=submit]")
    assert "请输入一个正确的" in page.content()
