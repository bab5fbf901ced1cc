import io

import pytest
from openpyxl import load_workbook

from enforcement.officers.models.officer import Officer
from tests.base import query_counts_at_two_sizes
from tests.enforcement.admin_forms import signed_version
from tests.enforcement.test_agency_admin import log_in
from tests.factories import CertificateFactory, OfficerFactory

CHANGELIST = "/admin/enforcement/officer/"


def change_payload(client, officer: Officer, url: str = "", **changes) -> dict:
    data = {
        "name": officer.name,
        "id_number": officer.id_number,
        "agency": officer.agency_id,
        "position": officer.position,
        "is_enforcement_officer": "on",
        "enforcement_fields": [],
        "phone": "",
        "employment_status": officer.employment_status,
        "version": signed_version(client, url or f"{CHANGELIST}{officer.pk}/change/"),
        "certificates-TOTAL_FORMS": 0,
        "certificates-INITIAL_FORMS": 0,
    }
    return data | changes


@pytest.fixture
def lead_a(client, world):
    log_in(client, world.team_lead_a)
    return client


def test_the_changelist_masks_id_numbers_for_everyone_and_the_officers_page_shows_them_to_holders(client, world):
    officer = OfficerFactory(agency=world.team_a, name="甲队员")
    OfficerFactory(agency=world.township_b, name="乙乡干部")
    log_in(client, world.supervisor)
    page = client.get(CHANGELIST).content.decode()
    assert "甲队员" in page and "乙乡干部" in page
    assert officer.masked_id_number in page and officer.id_number not in page
    client.logout()
    log_in(client, world.team_lead_a)
    page = client.get(CHANGELIST).content.decode()
    assert officer.masked_id_number in page and officer.id_number not in page and "乙乡干部" not in page
    assert officer.id_number in client.get(f"{CHANGELIST}{officer.pk}/change/").content.decode()


def test_a_persons_name_is_labelled_xingming(lead_a):
    page = lead_a.get(f"{CHANGELIST}add/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<label class="required" for="id_name">姓名:</label>' in page


def test_filter_officers_without_an_effective_certificate(lead_a, world):
    CertificateFactory(officer__agency=world.team_a, officer__name="持证队员", valid_until="2099-12-31")
    OfficerFactory(agency=world.team_a, name="无证队员")
    page = lead_a.get(CHANGELIST, {"certified": "no"}).content.decode()
    assert "无证队员" in page and "持证队员" not in page


def test_search_by_certificate_number_and_the_whole_id_number_only(lead_a, world):
    CertificateFactory(officer__agency=world.team_a, officer__name="持证队员", number="ZF-123")
    other = OfficerFactory(agency=world.team_a, name="另一队员")
    assert "持证队员" in lead_a.get(CHANGELIST, {"q": "ZF-123"}).content.decode()
    page = lead_a.get(CHANGELIST, {"q": other.id_number}).content.decode()
    assert "另一队员" in page and "持证队员" not in page
    # A part of the number would confirm guessed digits to a reader who sees it masked.
    assert "另一队员" not in lead_a.get(CHANGELIST, {"q": other.id_number[-8:]}).content.decode()


def test_the_changelist_query_count_does_not_grow_with_rows(lead_a, world):
    counts = query_counts_at_two_sizes(
        lambda count: CertificateFactory.create_batch(count, officer__agency=world.team_a),
        lambda: lead_a.get(CHANGELIST),
    )
    assert counts[0] == counts[1]


def test_an_edit_is_recorded_in_the_history(lead_a, world):
    officer = OfficerFactory(agency=world.team_a, name="旧名")
    response = lead_a.post(f"{CHANGELIST}{officer.pk}/change/", change_payload(lead_a, officer, name="新名"))
    assert response.status_code == 302, response.content.decode()[:3000]
    names = list(officer.history.order_by("history_date").values_list("name", "history_user__username"))
    assert names == [("旧名", None), ("新名", "lead_a")]
    assert "新名" in lead_a.get(f"{CHANGELIST}{officer.pk}/history/").content.decode()


def test_a_second_concurrent_save_is_refused(lead_a, world):
    officer = OfficerFactory(agency=world.team_a, name="原名")
    stale = change_payload(lead_a, officer)
    assert lead_a.post(f"{CHANGELIST}{officer.pk}/change/", stale | {"name": "先存"}).status_code == 302
    response = lead_a.post(f"{CHANGELIST}{officer.pk}/change/", stale | {"name": "后存"})
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    officer.refresh_from_db()
    assert officer.name == "先存"


def test_an_old_version_can_be_restored(lead_a, world):
    officer = OfficerFactory(agency=world.team_a, name="旧名")
    lead_a.post(f"{CHANGELIST}{officer.pk}/change/", change_payload(lead_a, officer, name="新名"))
    first = officer.history.order_by("history_date").first()
    officer.refresh_from_db()
    url = f"{CHANGELIST}{officer.pk}/history/{first.history_id}/"
    assert lead_a.get(url).status_code == 200
    response = lead_a.post(url, change_payload(lead_a, officer, url, name="旧名"))
    assert response.status_code == 302, response.content.decode()[:3000]
    officer.refresh_from_db()
    assert officer.name == "旧名"


def test_another_townships_history_is_not_shown(lead_a, world):
    other = OfficerFactory(agency=world.township_b, name="乙乡干部")
    assert lead_a.get(f"{CHANGELIST}{other.pk}/history/").status_code == 404
    record = other.history.get()
    assert lead_a.get(f"{CHANGELIST}{other.pk}/history/{record.history_id}/").status_code == 404


def test_the_export_follows_the_current_filter(lead_a, world):
    CertificateFactory(officer__agency=world.team_a, officer__name="持证队员", valid_until="2099-12-31")
    OfficerFactory(agency=world.team_a, name="无证队员")
    OfficerFactory(agency=world.township_b, name="乙乡干部")
    response = lead_a.get(f"{CHANGELIST}roster/export/", {"certified": "no"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["无证队员"]


def test_the_template_downloads(lead_a):
    response = lead_a.get(f"{CHANGELIST}roster/template/")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).active["A1"].value == "姓名"
