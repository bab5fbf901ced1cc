"""The history pages and the revert form are held to the change view's scope, permission and locking."""

import pytest
from django.test import Client

from enforcement.officers.models.officer import Officer
from reports.annual.models import AnnualReport
from tests.factories import CertificateFactory, OfficerFactory, ReconsiderationCaseFactory
from tests.lawgov.test_admin_matrix import BACKEND, form_data

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user, backend=BACKEND)
    return client


def replayed_form(world, url: str, **changes) -> dict:
    """The form a superuser is shown at `url`, as someone replaying it would post it."""
    data = form_data(client_for(world.superuser).get(url).content.decode())
    return data | {name: [value] for name, value in changes.items()}


def first_version_url(record) -> str:
    # The history table's own pk is history_id: the record is found by its id.
    first = type(record).history.filter(id=record.pk).order_by("history_id").first()
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/history/{first.history_id}/"


def test_a_supervisor_cannot_rename_an_officer_through_the_revert_form(world):
    officer = OfficerFactory(agency=world.team_a, name="旧名")
    officer.name = "新名"
    officer.save()
    url = first_version_url(officer)
    response = client_for(world.supervisor).post(url, replayed_form(world, url, name="改名"))
    assert response.status_code == 403
    assert Officer.objects.get(pk=officer.pk).name == "新名"


def test_a_read_only_role_may_look_at_a_past_version_but_is_offered_no_revert(world):
    officer = OfficerFactory(agency=world.team_a, name="旧名")
    page = client_for(world.supervisor).get(first_version_url(officer)).content.decode()
    assert 'name="_save"' not in page


def test_hr_cannot_change_a_cases_note_through_the_revert_form(world):
    case = ReconsiderationCaseFactory(agency=world.township_a, officer__agency=world.township_a, note="原注")
    url = first_version_url(case)
    response = client_for(world.hr_a).post(url, replayed_form(world, url, note="人事改的"))
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.note == "原注"


def test_a_stats_client_cannot_change_a_certificates_area(world):
    certificate = CertificateFactory(officer__agency=world.team_a, area="甲镇")
    url = first_version_url(certificate)
    response = client_for(world.stats_client_a).post(url, replayed_form(world, url, area="全县"))
    assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.area == "甲镇"


def test_another_townships_case_history_and_versions_are_not_found(world):
    case = ReconsiderationCaseFactory(agency=world.township_b, officer__agency=world.township_b, note="乙乡案情")
    for user in (world.team_lead_a, world.hr_a, world.stats_client_a):
        client = client_for(user)
        assert client.get(f"/admin/enforcement/reconsiderationcase/{case.pk}/history/").status_code == 404
        assert client.get(first_version_url(case)).status_code == 404


def test_a_township_cannot_rewrite_the_countys_report_through_its_history(world):
    report = AnnualReport.objects.create(agency=world.county, year=2024, document={"title": "县报告", "sections": []})
    url = first_version_url(report)
    response = client_for(world.team_lead_b).post(url, replayed_form(world, url, text="乙乡改写的报告\n"))
    assert response.status_code == 404
    report.refresh_from_db()
    assert report.document["title"] == "县报告"


def test_a_revert_opened_before_someone_elses_edit_is_refused_with_a_message(world):
    officer = OfficerFactory(agency=world.team_a, name="旧名")
    officer.name = "新名"
    officer.save()
    url = first_version_url(officer)
    lead = client_for(world.team_lead_a)
    stale = form_data(lead.get(url).content.decode())
    officer.refresh_from_db()
    officer.name = "别人改的"
    officer.save()
    response = lead.post(url, stale)
    assert response.status_code == 200
    assert "有人在您打开后保存了这条记录" in response.content.decode()
    assert Officer.objects.get(pk=officer.pk).name == "别人改的"


def test_a_stale_save_of_a_case_shows_the_conflict_and_keeps_the_input(world):
    case = ReconsiderationCaseFactory(agency=world.township_a, officer__agency=world.township_a, note="原注")
    url = f"/admin/enforcement/reconsiderationcase/{case.pk}/change/"
    lead = client_for(world.team_lead_a)
    stale = form_data(lead.get(url).content.decode())
    case.note = "别人先存"
    case.save()
    response = lead.post(url, stale | {"note": ["我的修改"]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "有人在您打开后保存了这条记录" in page
    assert "我的修改" in page
    case.refresh_from_db()
    assert case.note == "别人先存"
