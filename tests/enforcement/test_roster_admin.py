import re

import pytest

from enforcement.officers.models.officer import Officer
from tests.enforcement.roster_files import roster_row, workbook_bytes
from tests.enforcement.test_agency_admin import log_in

IMPORT = "/admin/enforcement/officer/import/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def hr_a(client, world):
    log_in(client, world.hr_a)
    return client


def upload(client, rows):
    file = workbook_bytes(rows)
    file.name = "roster.xlsx"
    return client.post(IMPORT, {"file": file})


def upload_token(page: str) -> str:
    return re.search(r'name="upload" value="([^"]*)"', page).group(1)


def test_a_dry_run_lists_the_bad_rows_and_writes_nothing(hr_a, world):
    response = upload(hr_a, [roster_row(1, world.team_a.name), roster_row(2, "不存在的单位")])
    page = response.content.decode()
    assert response.status_code == 200
    assert '<tr class="row-error"><td>3</td>' in page
    assert "不存在的单位" in page
    assert Officer.objects.count() == 0


def test_a_clean_file_is_imported_only_after_confirmation(hr_a, world):
    page = upload(hr_a, [roster_row(1, world.team_a.name)]).content.decode()
    assert Officer.objects.count() == 0
    response = hr_a.post(IMPORT, {"upload": upload_token(page)})
    assert response.status_code == 302
    assert Officer.objects.filter(agency=world.team_a).count() == 1


def test_confirming_a_file_with_bad_rows_imports_nothing_unless_good_rows_are_chosen(hr_a, world):
    page = upload(hr_a, [roster_row(1, world.team_a.name), roster_row(2, "不存在的单位")]).content.decode()
    token = upload_token(page)
    assert hr_a.post(IMPORT, {"upload": token}).status_code == 200
    assert Officer.objects.count() == 0
    assert hr_a.post(IMPORT, {"upload": token, "good_rows_only": "on"}).status_code == 302
    assert Officer.objects.count() == 1


def test_a_file_that_is_not_xlsx_gets_a_clear_error_in_the_admin(hr_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = hr_a.post(IMPORT, {"file": SimpleUploadedFile("roster.xlsx", b"not a workbook")})
    assert response.status_code == 200
    assert "xlsx" in response.content.decode()
    assert Officer.objects.count() == 0


def test_a_forged_upload_token_is_refused(hr_a):
    response = hr_a.post(IMPORT, {"upload": "../../settings.py"})
    assert response.status_code == 200
    assert Officer.objects.count() == 0


def test_a_read_only_user_cannot_import(client, world):
    log_in(client, world.supervisor)
    assert client.get(IMPORT).status_code == 403


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read(hr_a, settings):
    settings.LAWGOV = {**settings.LAWGOV, "IMPORT_LIMITS": {**settings.LAWGOV["IMPORT_LIMITS"], "max_bytes": 100}}
    response = upload(hr_a, [roster_row(1, "任一单位")])
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="errorlist' in page
    assert 'name="upload"' not in page
    assert Officer.objects.count() == 0
